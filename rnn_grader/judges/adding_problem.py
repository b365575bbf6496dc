"""adding_problem, judged without an answer: the properties of a drawn (X, y) and the
misconceptions they recognize.  Shipped to learners with the kit (see ``rnn_grader.judges``)."""
import math

import numpy as np

from rnn_grader.engine import Misconception, Text, compare_array, msg
from rnn_grader.engine.compare import describe_type

FAILURE = 1e-9              # largest chance that a right implementation fails a statistical check
LARGE = (1000, 20)          # (n, T) of the statistical draw: 20 000 values, 2000 markers


def hoeffding_bound(count: int, failure: float) -> float:
    """t with P(|mean - μ| >= t) <= failure for ``count`` independent values in [0, 1]:
    Hoeffding, 2 exp(-2 count t²) = failure."""
    return math.sqrt(math.log(2 / failure) / (2 * count))


N_LARGE, T_LARGE = LARGE
# Two tests on the values (mean 1/2 and mean square 1/3), each given half of FAILURE.
VALUE_BOUND = hoeffding_bound(N_LARGE * T_LARGE, FAILURE / 2)                 # ≈ 0.0235
# A right implementation leaves a given position unmarked in one row with probability 1 - 2/T;
# in all n rows (independent): (1 - 2/T)^n; some position of T: at most T (1 - 2/T)^n.
MISSED_POSITION = T_LARGE * (1 - 2 / T_LARGE) ** N_LARGE                       # ≈ 3e-45
assert MISSED_POSITION < FAILURE
# Markers drawn with rng.integers twice coincide in a row with probability 1/T; in no row of
# n with probability (1 - 1/T)^n ≈ 5e-23: such an implementation is caught (and named).
UNDETECTED_COLLISIONS = (1 - 1 / T_LARGE) ** N_LARGE
assert UNDETECTED_COLLISIONS < 1e-8


# ----------------------------------------------------------------------------- misconceptions
CHANNEL_FIRST = Misconception("channel_first", None, Text(
    en="your X has shape (n, 2, T): channel first. The contract is batch, time, channel: (n, T, 2), "
       "so that X[:, t] is the input at time t. Use np.stack([values, markers], axis=2). "
       "(The other parts are judged on your X transposed.)",
    ja="X の形状が (n, 2, T)（チャンネルが先）です。約束はバッチ・時刻・チャンネルの順 (n, T, 2) で、"
       "X[:, t] が時刻 t の入力になります。np.stack([values, markers], axis=2) を使ってください。"
       "（他の項目は X を転置して採点しています。）"))
ONE_MARKER = Misconception("one_marker", None, Text(
    en="every row of channel 1 has a single 1. The adding problem marks exactly two positions, "
       "and the target is the sum of the two marked values.",
    ja="チャンネル 1 のどの行にも 1 が 1 つしかありません。加算問題では 2 か所に目印を付け、"
       "目標値は目印の付いた 2 つの値の和です。"))
COINCIDING = Misconception("markers_may_coincide", None, Text(
    en="in some rows both markers fall on the same position (a single 1, or a 2): the two positions "
       "were drawn independently, e.g. rng.integers twice. Draw them without replacement: "
       "rng.choice(T, size=2, replace=False).",
    ja="いくつかの行で 2 つの目印が同じ位置に重なっています（1 が 1 つだけ、または 2）。位置を独立に"
       "（例えば rng.integers を 2 回）引いています。重複なしで引いてください: rng.choice(T, size=2, replace=False)。"))
NORMAL_VALUES = Misconception("normal_values", None, Text(
    en="channel 0 has values outside [0, 1), e.g. negative ones: drawn from a normal distribution "
       "(rng.normal / standard_normal)? The values are uniform in [0, 1): rng.random((n, T)).",
    ja="チャンネル 0 に [0, 1) の外の値（負の値など）があります。正規分布（rng.normal / standard_normal）"
       "から引いていませんか。値は [0, 1) の一様乱数です: rng.random((n, T))。"))
INTEGER_VALUES = Misconception("integer_values", None, Text(
    en="channel 0 holds only whole numbers (rng.integers?). The values are real numbers, uniform in "
       "[0, 1): rng.random((n, T)).",
    ja="チャンネル 0 が整数だけになっています（rng.integers を使っていませんか）。値は [0, 1) の"
       "一様な実数です: rng.random((n, T))。"))
LAST_POSITION = Misconception("last_position_never_marked", None, Text(
    en="the last position T-1 is never marked: an off-by-one, e.g. rng.integers(0, T - 1) (the upper "
       "bound is excluded) or rng.choice(T - 1, ...). Every position 0..T-1 must be possible.",
    ja="最後の位置 T-1 に一度も目印が付きません。rng.integers(0, T - 1)（上限は含まれない）や "
       "rng.choice(T - 1, ...) のような 1 ずれです。0〜T-1 のどの位置も選ばれうる必要があります。"))
SUM_ALL = Misconception("sum_of_all_values", None, Text(
    en="your y is the sum of all T values of channel 0. The target adds only the two marked values: "
       "y = (X[:, :, 0] * X[:, :, 1]).sum(axis=1).",
    ja="y がチャンネル 0 の T 個すべての値の和になっています。目標値は目印の付いた 2 つの値だけの和です: "
       "y = (X[:, :, 0] * X[:, :, 1]).sum(axis=1)。"))
GLOBAL_STATE = Misconception("global_random_state", None, Text(
    en="your function does not draw from `rng` alone: np.random.rand / np.random.randint (the global "
       "generator) or a fresh default_rng() give new data on every call. Draw everything from `rng`.",
    ja="`rng` だけから乱数を引いていません。np.random.rand や np.random.randint（グローバルな生成器）、"
       "新しく作った default_rng() は呼ぶたびに違うデータを返します。すべて `rng` から引いてください。"))
IGNORES_RNG = Misconception("ignores_rng", None, Text(
    en="your data do not depend on `rng` (a fixed seed inside the function?). Draw from the generator "
       "you are given.",
    ja="データが `rng` に依存していません（関数の中でシードを固定していませんか）。渡された生成器から引いてください。"))

MARKER_VALUES = Text(en="channel 1 must hold only 0 and 1; found {values}.",
                     ja="チャンネル 1 は 0 と 1 だけのはずですが、{values} があります。")
MARKER_COUNT = Text(en="row {row} of channel 1 has {count} ones; exactly two are expected.",
                    ja="チャンネル 1 の {row} 行目に 1 が {count} 個あります。ちょうど 2 個のはずです。")
VALUE_RANGE = Text(en="channel 0 has values outside [0, 1): from {low} to {high}.",
                   ja="チャンネル 0 に [0, 1) の外の値があります（{low} 〜 {high}）。")
VALUE_MOMENT = Text(
    en="channel 0 does not look uniform on [0, 1): the mean of {what} over {count} values is {got}, "
       "but {expected} ± {bound} is expected (a right implementation falls outside with probability < 1e-9).",
    ja="チャンネル 0 が [0, 1) の一様分布に見えません。{count} 個の値の {what} の平均が {got} ですが、"
       "{expected} ± {bound} のはずです（正しい実装が外れる確率は 1e-9 未満）。")
MISSED = Text(
    en="positions {positions} are never marked in {count} samples; with two uniformly chosen positions "
       "per row that happens with probability < 1e-9.",
    ja="{count} 個のサンプルで位置 {positions} に一度も目印が付きません。各行で一様に 2 か所を選べば、"
       "その確率は 1e-9 未満です。")


# ----------------------------------------------------------------------------- properties
class Problem(Exception):
    """A property's verdict (a Text or a Misconception), raised from a helper."""


def read_pair(value):
    """(X, y) from the returned value, or raise a message."""
    if value is None or (isinstance(value, tuple) and all(v is None for v in value)):
        raise Problem(msg("compare.none"))
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise Problem(msg("compare.sequence", got=describe_type(value), expected=2))
    return value


def samples(value, n, T, *, strict=False):
    """X as (n, T, 2) float64 (transposed from (n, 2, T) unless ``strict``), or raise."""
    X = read_pair(value)[0]
    if not isinstance(X, np.ndarray):
        raise Problem(msg("compare.item", index=0).format(
            detail=msg("compare.type", got=describe_type(X), expected=f"ndarray({n}, {T}, 2)")))
    if X.shape != (n, T, 2):
        if X.shape == (n, 2, T) and T != 2:
            if strict:
                raise Problem(CHANNEL_FIRST)
            X = X.transpose(0, 2, 1)
        else:
            raise Problem(msg("compare.item", index=0).format(
                detail=msg("compare.shape", got=X.shape, expected=(n, T, 2))))
    if X.dtype != np.float64:
        raise Problem(msg("compare.item", index=0).format(detail=msg("compare.dtype", got=X.dtype, expected="float64")))
    if not np.isfinite(X).all():
        raise Problem(msg("compare.item", index=0).format(detail=msg("compare.nonfinite")))
    return X


def verdict_of(prop):
    """Turn a property that raises ``Problem`` into one that returns its message."""
    def checked(args, value):
        try:
            return prop(*args[:2], value)
        except Problem as problem:
            return problem.args[0]
    checked.__doc__ = prop.__doc__
    return checked


@verdict_of
def shapes(n, T, value):
    """X (n, T, 2) float64 and y (n,) float64."""
    samples(value, n, T, strict=True)
    y = read_pair(value)[1]
    if not isinstance(y, np.ndarray) or y.shape != (n,) or y.dtype != np.float64:
        got = describe_type(y)
        return msg("compare.item", index=1).format(detail=msg("compare.type", got=got, expected=f"ndarray({n},) float64"))
    return None


@verdict_of
def markers(n, T, value):
    """Channel 1: only 0 and 1, exactly two 1s per row."""
    M = samples(value, n, T)[:, :, 1]                         # (n, T)
    found = np.unique(M)
    if not np.isin(found, (0.0, 1.0)).all():
        if np.isin(found, (0.0, 1.0, 2.0)).all() and (np.count_nonzero(M, axis=1) >= 1).all():
            return COINCIDING
        return MARKER_VALUES.format(values=", ".join(f"{v:g}" for v in found[:6]))
    counts = M.sum(axis=1)
    if (counts == 2).all():
        return None
    if (counts == 1).all() and n >= 20:    # in a few rows, coinciding markers look the same
        return ONE_MARKER
    if np.isin(counts, (1, 2)).all():
        return COINCIDING
    row = int(np.argmax(counts != 2))
    return MARKER_COUNT.format(row=row, count=int(counts[row]))


@verdict_of
def values(n, T, value):
    """Channel 0: in [0, 1), not integers, and its first two moments those of U[0, 1)."""
    V = samples(value, n, T)[:, :, 0]
    if (V == np.round(V)).all():
        return INTEGER_VALUES
    if V.min() < 0 or V.max() >= 1:
        return NORMAL_VALUES if V.min() < 0 else VALUE_RANGE.format(low=f"{V.min():.3g}", high=f"{V.max():.3g}")
    if V.size < N_LARGE * T_LARGE:                            # the small cases: the range only
        return None
    for what, got, expected in [("x", V.mean(), 1 / 2), ("x²", (V ** 2).mean(), 1 / 3)]:
        if abs(got - expected) > VALUE_BOUND:
            return VALUE_MOMENT.format(what=what, count=V.size, got=f"{got:.4f}", expected=f"{expected:.4f}",
                                       bound=f"{VALUE_BOUND:.4f}")
    return None


@verdict_of
def positions(n, T, value):
    """Every position 0..T-1 is marked in some row of the large draw."""
    M = samples(value, n, T)[:, :, 1]
    missing = np.flatnonzero(M.sum(axis=0) == 0)
    if missing.size == 0:
        return None
    if list(missing) == [T - 1]:
        return LAST_POSITION
    shown = ", ".join(str(p) for p in missing[:10]) + (", ..." if missing.size > 10 else "")
    return MISSED.format(positions=shown, count=n)


@verdict_of
def target(n, T, value):
    """y = Σ_t X[:, t, 0] * X[:, t, 1], judged on the learner's own X."""
    X = samples(value, n, T)
    y = read_pair(value)[1]
    expected = np.sum(X[:, :, 0] * X[:, :, 1], axis=1)
    problem = compare_array(y, expected)
    if problem is None:
        return None
    if compare_array(y, X[:, :, 0].sum(axis=1)) is None:
        return SUM_ALL
    return msg("compare.item", index=1).format(detail=problem)


def both_marked(args, value):
    """T = 2: markers, values and target must all hold."""
    return markers(args, value) or values(args, value) or target(args, value)
