"""gru_update: h = (1 - z) * h_prev + z * h_bar (z weights the new candidate).

Misconceptions: the other convention found in some papers and libraries (z weights
h_prev), the (1 - z) forgotten, one of the two terms only, the gate ignored, and the
sign slip `z - 1`.  The edge cases z = 0 (keep h_prev) and z = 1 (take h_bar) tell
the two conventions apart most plainly.
"""
import numpy as np

from rnn_grader.engine import Exercise, Misconception, Text, ValueCheck
from solutions.gru_update import gru_update as reference

ORDER = 4
SHAPES = [(2, 3), (4, 5), (1, 6), (3, 3), (5, 1)]      # (N, H)


def gru_arrays(rng, shape):
    """h_prev and h_bar in (-1, 1) (tanh outputs); z in (0, 1) (sigmoid outputs)."""
    h_prev = np.tanh(2.0 * rng.standard_normal(shape))
    h_bar = np.tanh(2.0 * rng.standard_normal(shape))
    z = 1.0 / (1.0 + np.exp(-2.0 * rng.standard_normal(shape)))
    return h_prev, h_bar, z


def batches(rng):
    """Several batch sizes N and hidden sizes H, gates drawn in (0, 1)."""
    for shape in SHAPES:
        yield gru_arrays(rng, shape)


def gate_extremes(rng):
    """z = 0 everywhere (h_prev kept), z = 1 everywhere (h_bar taken), and a mix of both."""
    h_prev, h_bar, _ = gru_arrays(rng, (3, 4))
    yield h_prev, h_bar, np.zeros((3, 4))
    yield h_prev, h_bar, np.ones((3, 4))
    yield h_prev, h_bar, rng.integers(0, 2, size=(3, 4)).astype(float)


WRONG = [
    Misconception("other_convention", lambda h_prev, h_bar, z: z * h_prev + (1 - z) * h_bar, Text(
        en="your result is `z * h_prev + (1 - z) * h_bar`: that is the other convention (used in "
           "some papers and libraries). In this course z weights the new candidate: "
           "`(1 - z) * h_prev + z * h_bar`, so z = 1 takes h_bar and z = 0 keeps h_prev.",
        ja="結果が `z * h_prev + (1 - z) * h_bar` です。これは別の流儀（一部の論文やライブラリ）です。"
           "この講座では z が新しい候補の重みです: `(1 - z) * h_prev + z * h_bar`。"
           "z = 1 なら h_bar、z = 0 なら h_prev になります。")),
    Misconception("missing_one_minus_z", lambda h_prev, h_bar, z: h_prev + z * h_bar, Text(
        en="your result is `h_prev + z * h_bar`: the weight `(1 - z)` on h_prev is missing, so the "
           "state only grows. The two weights must add up to 1: `(1 - z) * h_prev + z * h_bar`.",
        ja="結果が `h_prev + z * h_bar` で、h_prev に掛ける `(1 - z)` が抜けています。これでは状態が"
           "足されていくだけです。2 つの重みの和は 1: `(1 - z) * h_prev + z * h_bar`。")),
    Misconception("candidate_only", lambda h_prev, h_bar, z: z * h_bar, Text(
        en="your result is `z * h_bar` only: the previous state is dropped, so nothing is carried "
           "over. Add `(1 - z) * h_prev`.",
        ja="結果が `z * h_bar` だけで、1 ステップ前の状態が捨てられています。`(1 - z) * h_prev` を"
           "足してください。")),
    Misconception("previous_only", lambda h_prev, h_bar, z: (1 - z) * h_prev, Text(
        en="your result is `(1 - z) * h_prev` only: the new candidate never enters. Add `z * h_bar`.",
        ja="結果が `(1 - z) * h_prev` だけで、新しい候補が入っていません。`z * h_bar` を足してください。")),
    Misconception("gate_ignored", lambda h_prev, h_bar, z: h_prev + h_bar, Text(
        en="your result is `h_prev + h_bar`: the update gate is not used. Weight h_prev by "
           "`1 - z` and h_bar by `z`.",
        ja="結果が `h_prev + h_bar` で、更新ゲートが使われていません。h_prev に `1 - z`、h_bar に `z` を"
           "掛けてください。")),
    Misconception("z_minus_one", lambda h_prev, h_bar, z: (z - 1) * h_prev + z * h_bar, Text(
        en="your result is `(z - 1) * h_prev + z * h_bar`: a sign slip, `z - 1` instead of `1 - z`.",
        ja="結果が `(z - 1) * h_prev + z * h_bar` で、符号が逆です。`z - 1` ではなく `1 - z` です。")),
    Misconception("tanh_applied", lambda h_prev, h_bar, z: np.tanh((1 - z) * h_prev + z * h_bar), Text(
        en="your result is `tanh((1 - z) * h_prev + z * h_bar)`: the tanh belongs to the candidate h_bar "
           "only (it is already inside it). The update itself is a plain weighted sum: "
           "`(1 - z) * h_prev + z * h_bar`.",
        ja="結果が `tanh((1 - z) * h_prev + z * h_bar)` です。tanh は候補 h_bar の中ですでに使われています。"
           "更新そのものは単純な重み付き和です: `(1 - z) * h_prev + z * h_bar`。")),
    Misconception("matrix_product", lambda h_prev, h_bar, z: np.dot(1 - z, h_prev) + np.dot(z, h_bar), Text(
        en="you used a matrix product (`np.dot` or `@`) where the gate multiplies element by element: "
           "each unit has its own gate value. Use `*`: `(1 - z) * h_prev + z * h_bar`.",
        ja="ゲートは要素ごとに掛けるもの（各ユニットに自分のゲート値がある）なのに、行列積（`np.dot` や `@`）を"
           "使っています。`*` を使ってください: `(1 - z) * h_prev + z * h_bar`。")),
]

EXERCISE = Exercise("gru_update", Text(en="GRU hidden-state update", ja="GRU の隠れ状態の更新"), checks=[
    ValueCheck("batches", points=3, function="gru_update", inputs=batches,
               reference=reference, misconceptions=WRONG,
               title=Text(en="batches of several shapes (N, H)", ja="いろいろな形状 (N, H) のバッチ")),
    ValueCheck("gate_extremes", points=2, function="gru_update", inputs=gate_extremes,
               reference=reference, misconceptions=WRONG,
               title=Text(en="update gate exactly 0 or 1", ja="更新ゲートがちょうど 0 または 1")),
])
