"""attention: dot-product attention weights (softmax over t) and the context vector.

The weights are judged on moderate scores, on scores in the thousands (where softmax without
subtracting the maximum gives NaN, and subtracting one maximum for the whole batch makes some
rows 0/0), and on T = 1 / N = 1.  Axis mistakes only keep the right shape when sizes
coincide, so the first random case has T == H.
"""
import numpy as np

from rnn_grader.engine import Exercise, Misconception, Text, ValueCheck
from rnn_grader.engine.compare import same_nan_pattern
from solutions.attention import attention_context, attention_weights

ORDER = 11

# (N, T, H); the first has T == H so that axis mistakes keep the right shape
SHAPES = [(3, 4, 4), (2, 5, 3), (4, 3, 6), (1, 6, 2)]
ROW_OFFSETS = [1000.0, 2500.0, 4000.0, -3000.0]


# ----------------------------------------------------------------------------- inputs
def states(rng, N, T, H):
    """hs (N, T, H) and h (N, H) with scores s = hs . h of a few units."""
    return rng.standard_normal((N, T, H)), rng.normal(0.0, 0.7, (N, H))


def moderate_scores(rng):
    for N, T, H in SHAPES:
        yield states(rng, N, T, H)


def shift_scores(hs, h, offsets):
    """Add offsets[n] to every score of row n: hs[n, t] += offsets[n] * h[n] / |h[n]|^2."""
    unit = h / np.sum(h * h, axis=1, keepdims=True)     # (N, H): unit . h[n] = 1
    return hs + np.asarray(offsets)[:, None, None] * unit[:, None, :]


def large_scores(rng):
    """Scores in the thousands, rows thousands apart, spread a few units within a row."""
    for N, T, H in [(4, 5, 6), (2, 3, 4)]:
        hs, h = states(rng, N, T, H)
        offsets = rng.permutation(ROW_OFFSETS)[:N]
        yield shift_scores(2.0 * hs, h, offsets), h


def short_or_single(rng):
    """T = 1 (every weight is 1), and a single sequence N = 1."""
    for N, T, H in [(3, 1, 4), (1, 5, 3), (1, 1, 2)]:
        yield states(rng, N, T, H)


def random_weights(rng, N, T):
    """Rows of positive weights that sum to 1 (N, T)."""
    w = rng.uniform(0.1, 1.0, (N, T))
    return w / w.sum(axis=1, keepdims=True)


def context_cases(rng):
    for N, T, H in SHAPES:
        yield rng.standard_normal((N, T, H)), random_weights(rng, N, T)


def context_edges(rng):
    """T = 1 (a = 1), N = 1, and one-hot weights (the context is one of the states)."""
    yield rng.standard_normal((2, 1, 3)), np.ones((2, 1))
    yield rng.standard_normal((1, 4, 3)), random_weights(rng, 1, 4)
    yield rng.standard_normal((3, 4, 2)), np.eye(4)[[2, 0, 3]]


# ----------------------------------------------------------------------------- wrong weights
def scores(hs, h):
    return np.einsum("nth,nh->nt", hs, h)               # (N, T)


def softmax(s, axis):
    e = np.exp(s - s.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def naive_softmax(hs, h):
    e = np.exp(scores(hs, h))
    return e / e.sum(axis=1, keepdims=True)


def global_max_softmax(hs, h):
    s = scores(hs, h)
    e = np.exp(s - s.max())
    return e / e.sum(axis=1, keepdims=True)


WEIGHTS_WRONG = [
    # over everything before over the batch: with T = 1 (N > 1) both normalize the one column, and
    # only the N = 1 cases (where over everything is right) tell the batch-axis softmax apart
    Misconception("softmax_over_everything", lambda hs, h: softmax(scores(hs, h).ravel(), axis=0).reshape(hs.shape[:2]), Text(
        en="your softmax runs over all N*T scores at once (no axis), so the sequences of the batch "
           "compete with each other. Normalize each sequence separately: axis=1, keepdims=True.",
        ja="softmax を N*T 個のスコア全体でとっていて（axis 指定なし）、バッチ内の系列同士が影響し合っています。"
           "系列ごとに正規化してください（axis=1, keepdims=True）。")),
    Misconception("softmax_over_batch", lambda hs, h: softmax(scores(hs, h), axis=0), Text(
        en="your weights are normalized over the batch (axis 0): each column sums to 1. The softmax "
           "runs over the time steps of one sequence: axis=1 of the (N, T) scores, so each row sums to 1.",
        ja="重みがバッチ方向（axis 0）で正規化されていて、各列の和が 1 になっています。softmax は 1 つの系列の"
           "時刻方向、つまり (N, T) のスコアの axis=1 に沿ってとり、各行の和を 1 にします。")),
    Misconception("scores_summed_over_t", lambda hs, h: softmax(np.sum(hs * h[:, None, :], axis=1), axis=1), Text(
        en="your scores sum the product over the time axis (axis 1) instead of the hidden axis: that "
           "gives one number per hidden unit, not per time step. s[n, t] = sum over H of "
           "hs[n, t] * h[n]: `np.sum(hs * h[:, None, :], axis=2)`, shape (N, T). (T equals H in this "
           "case, so the shape did not complain.)",
        ja="スコアを計算するとき、隠れ次元ではなく時刻の軸（axis 1）で和をとっています。これでは時刻ごとではなく"
           "隠れユニットごとの値になります。s[n, t] は hs[n, t] * h[n] の H 方向の和です: "
           "`np.sum(hs * h[:, None, :], axis=2)`、形状 (N, T)（このケースは T と H が等しいため形状エラーになりませんでした）。")),
    Misconception("no_softmax", scores, Text(
        en="you returned the raw scores s = hs . h. The weights are softmax(s) over t: non-negative, "
           "summing to 1 in every row.",
        ja="生のスコア s = hs . h を返しています。重みは時刻方向の softmax(s) で、非負かつ各行の和が 1 です。")),
    Misconception("exp_not_normalized", lambda hs, h: np.exp(scores(hs, h)), Text(
        en="you returned exp(s) without dividing by its sum over t. Divide each row by "
           "`np.sum(e, axis=1, keepdims=True)` so that it sums to 1.",
        ja="exp(s) を時刻方向の和で割らずに返しています。各行を `np.sum(e, axis=1, keepdims=True)` で割り、"
           "和が 1 になるようにしてください。")),
    Misconception("exp_not_normalized", lambda hs, h: np.exp(scores(hs, h) - scores(hs, h).max(axis=1, keepdims=True)), Text(
        en="you returned exp(s) without dividing by its sum over t. Divide each row by "
           "`np.sum(e, axis=1, keepdims=True)` so that it sums to 1.",
        ja="exp(s) を時刻方向の和で割らずに返しています。各行を `np.sum(e, axis=1, keepdims=True)` で割り、"
           "和が 1 になるようにしてください。")),
    Misconception("scores_normalized_without_exp", lambda hs, h: scores(hs, h) / scores(hs, h).sum(axis=1, keepdims=True), Text(
        en="you divided the scores by their sum without exp: the weights can be negative or huge. "
           "softmax takes exp first: a = exp(s) / sum_t exp(s).",
        ja="exp をとらずにスコアをその和で割っています。重みが負になったり非常に大きくなったりします。"
           "softmax は先に exp をとります: a = exp(s) / sum_t exp(s)。")),
    Misconception("softmax_without_max_subtraction", naive_softmax, Text(
        en="with scores in the thousands your weights are NaN: exp(4000) overflows to inf and inf/inf "
           "is NaN (or every exp underflows to 0 and 0/0 is NaN). Subtract each row's maximum first: "
           "`e = np.exp(s - s.max(axis=1, keepdims=True))`; the softmax is unchanged on paper.",
        ja="スコアが数千になると重みが NaN になります。exp(4000) が inf にオーバーフローして inf/inf = NaN"
           "（またはすべての exp が 0 にアンダーフローして 0/0 = NaN）になるためです。先に各行の最大値を引いて"
           "ください: `e = np.exp(s - s.max(axis=1, keepdims=True))`。softmax の値は数式上変わりません。"), match=same_nan_pattern),
    Misconception("max_of_whole_batch", global_max_softmax, Text(
        en="you subtract one maximum for the whole batch (`s.max()` without axis). A row whose scores "
           "lie thousands below that maximum gets exp(...) = 0 everywhere and 0/0 = NaN. Subtract each "
           "row's own maximum: `s.max(axis=1, keepdims=True)`.",
        ja="バッチ全体で 1 つの最大値（axis なしの `s.max()`）を引いています。スコアがその最大値より数千小さい行では"
           "exp(...) がすべて 0 になり、0/0 = NaN になります。行ごとの最大値 `s.max(axis=1, keepdims=True)` を"
           "引いてください。"), match=same_nan_pattern),
]

# ----------------------------------------------------------------------------- wrong contexts
CONTEXT_WRONG = [
    Misconception("context_summed_over_H", lambda hs, a: np.sum(a[:, :, None] * hs, axis=2), Text(
        en="your context sums over the hidden axis (axis 2), giving one number per time step. The "
           "context is a weighted sum over time: `np.sum(a[:, :, None] * hs, axis=1)`, shape (N, H). "
           "(T equals H in this case, so the shape did not complain.)",
        ja="コンテキストを隠れ次元（axis 2）で和をとっていて、時刻ごとの値になっています。コンテキストは時刻方向の"
           "重み付き和です: `np.sum(a[:, :, None] * hs, axis=1)`、形状 (N, H)"
           "（このケースは T と H が等しいため形状エラーになりませんでした）。")),
    Misconception("weights_broadcast_over_H", lambda hs, a: np.sum(a[:, None, :] * hs, axis=1), Text(
        en="you broadcast the weights along the hidden axis (`a[:, None, :]`, shape (N, 1, T)), so "
           "weight t multiplies hidden unit t. Weight a[n, t] belongs to the state hs[n, t]: use "
           "`a[:, :, None]` (N, T, 1). (T equals H in this case, so broadcasting did not complain.)",
        ja="重みを隠れ次元の方向にブロードキャストしています（`a[:, None, :]`、形状 (N, 1, T)）。そのため t 番目の"
           "重みが t 番目の隠れユニットに掛かっています。a[n, t] は状態 hs[n, t] に掛ける重みなので "
           "`a[:, :, None]`（形状 (N, T, 1)）を使ってください（このケースは T と H が等しいため動いてしまいました）。")),
    Misconception("context_not_summed", lambda hs, a: a[:, :, None] * hs, Text(
        en="your context has shape (N, T, H): you weighted each state but did not add them up. The "
           "context is the weighted SUM over t: `np.sum(a[:, :, None] * hs, axis=1)`, shape (N, H).",
        ja="コンテキストの形状が (N, T, H) です。各状態に重みを掛けただけで、足し合わせていません。"
           "コンテキストは時刻方向の重み付き「和」です: `np.sum(a[:, :, None] * hs, axis=1)`、形状 (N, H)。")),
    Misconception("context_mean", lambda hs, a: np.mean(a[:, :, None] * hs, axis=1), Text(
        en="you averaged the weighted states over t (divided by T). The weights already sum to 1, so "
           "the context is their plain sum: `np.sum(..., axis=1)`.",
        ja="重み付きの状態を時刻方向に平均しています（T で割っています）。重みの和はすでに 1 なので、"
           "コンテキストは単純な和です: `np.sum(..., axis=1)`。")),
    Misconception("context_unweighted", lambda hs, a: np.sum(hs, axis=1), Text(
        en="your context ignores the weights: it is the plain sum of the states. Multiply each state "
           "hs[n, t] by a[n, t] before summing.",
        ja="コンテキストが重みを使っておらず、状態の単純な和になっています。和をとる前に各状態 hs[n, t] に "
           "a[n, t] を掛けてください。")),
]


def title(en, ja):
    return Text(en=en, ja=ja)


EXERCISE = Exercise("attention", Text(en="Attention weights and context", ja="Attention の重みとコンテキスト"), checks=[
    ValueCheck("weights_random", points=3, function="attention_weights", inputs=moderate_scores,
               reference=attention_weights, misconceptions=WEIGHTS_WRONG,
               title=title("weights: softmax over t of the scores", "重み: スコアの時刻方向の softmax")),
    ValueCheck("weights_large_scores", points=2, function="attention_weights", inputs=large_scores,
               reference=attention_weights, misconceptions=WEIGHTS_WRONG,
               title=title("weights with scores in the thousands (stable softmax)",
                           "スコアが数千のときの重み（安定な softmax）")),
    ValueCheck("weights_edge_cases", points=1, function="attention_weights", inputs=short_or_single,
               reference=attention_weights, misconceptions=WEIGHTS_WRONG,
               title=title("weights for T = 1 and N = 1", "T = 1、N = 1 のときの重み")),
    ValueCheck("context_random", points=3, function="attention_context", inputs=context_cases,
               reference=attention_context, misconceptions=CONTEXT_WRONG,
               title=title("context: weighted sum over t", "コンテキスト: 時刻方向の重み付き和")),
    ValueCheck("context_edge_cases", points=1, function="attention_context", inputs=context_edges,
               reference=attention_context, misconceptions=CONTEXT_WRONG,
               title=title("context for T = 1, N = 1 and one-hot weights",
                           "T = 1、N = 1、one-hot の重みでのコンテキスト")),
])
