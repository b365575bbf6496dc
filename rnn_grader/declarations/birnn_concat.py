"""birnn_concat: np.concatenate([hs_f, hs_b[::-1]], axis=1), shape (T, 2H).

The exam question's distractors are the misconceptions: the sum (choice (1)), the
product (2) and axis=0 (3; its (2T, H) output is recognized by value like the others).
Learners also forget to reverse the backward states, reverse the forward ones, join in
the wrong order or reverse the hidden axis.  With T = 1 reversal changes nothing: the
engine names only a misconception whose value differs from the right one.
"""
import numpy as np

from rnn_grader.engine import Exercise, Misconception, Text, ValueCheck
from solutions.birnn_concat import birnn_concat as reference

ORDER = 5
SEQUENCES = [(5, 3), (2, 4), (7, 2), (3, 1), (4, 6)]     # (T, H), T >= 2


def states(rng, steps, hidden):
    """hs_f and hs_b, tanh outputs in (-1, 1), each (T, H)."""
    hs_f = np.tanh(2.0 * rng.standard_normal((steps, hidden)))
    hs_b = np.tanh(2.0 * rng.standard_normal((steps, hidden)))
    return hs_f, hs_b


def sequences(rng):
    """Sequence lengths 2 to 7 and hidden sizes 1 to 6."""
    for steps, hidden in SEQUENCES:
        yield states(rng, steps, hidden)
    yield states(rng, int(rng.integers(2, 8)), int(rng.integers(1, 7)))


def single_step(rng):
    """T = 1: the reversal changes nothing, the join still matters."""
    for hidden in (3, 1, 5):
        yield states(rng, 1, hidden)


WRONG = [
    Misconception("sum", lambda hs_f, hs_b: hs_f + hs_b[::-1], Text(
        en="your result is `hs_f + hs_b[::-1]`, shape (T, H) (the exam question's choice (1)). "
           "Adding mixes the two directions into one vector; the feature keeps both side by side: "
           "`np.concatenate([hs_f, hs_b[::-1]], axis=1)`, shape (T, 2H) (choice (4)).",
        ja="結果が `hs_f + hs_b[::-1]` で、形状は (T, H) です（試験問題の選択肢 (1)）。足すと 2 方向の"
           "情報が混ざってしまいます。特徴量は両方を横に並べたもの: "
           "`np.concatenate([hs_f, hs_b[::-1]], axis=1)`、形状 (T, 2H)（選択肢 (4)）。")),
    Misconception("product", lambda hs_f, hs_b: hs_f * hs_b[::-1], Text(
        en="your result is `hs_f * hs_b[::-1]`, shape (T, H) (the exam question's choice "
           "(2)). The two states are not multiplied but joined side by side: "
           "`np.concatenate([hs_f, hs_b[::-1]], axis=1)` (choice (4)).",
        ja="結果が `hs_f * hs_b[::-1]` で、形状は (T, H) です（選択肢 (2)）。2 つの状態は掛けずに"
           "横に並べます: `np.concatenate([hs_f, hs_b[::-1]], axis=1)`（選択肢 (4)）。")),
    Misconception("axis_0", lambda hs_f, hs_b: np.concatenate([hs_f, hs_b[::-1]], axis=0), Text(
        en="your result is `np.concatenate([hs_f, hs_b[::-1]], axis=0)`, shape (2T, H) (choice (3)): "
           "the backward states became extra time steps. Join along the feature axis, axis=1, "
           "to get (T, 2H) (choice (4)).",
        ja="結果が `np.concatenate([hs_f, hs_b[::-1]], axis=0)` で、形状は (2T, H) です（選択肢 (3)）。"
           "逆方向の状態が時刻として後ろに付け足されています。特徴の軸 axis=1 で結合して (T, 2H) に"
           "してください（選択肢 (4)）。")),
    Misconception("not_reversed", lambda hs_f, hs_b: np.concatenate([hs_f, hs_b], axis=1), Text(
        en="your result is `np.concatenate([hs_f, hs_b], axis=1)`: row t joins hs_f[t] with "
           "hs_b[t], which belongs to time T-1-t. Reverse the backward states first: `hs_b[::-1]`.",
        ja="結果が `np.concatenate([hs_f, hs_b], axis=1)` です。行 t で hs_f[t] と結合している hs_b[t] は"
           "時刻 T-1-t の状態です。先に逆方向の状態を反転してください: `hs_b[::-1]`。")),
    Misconception("forward_reversed", lambda hs_f, hs_b: np.concatenate([hs_f[::-1], hs_b], axis=1), Text(
        en="your result is `np.concatenate([hs_f[::-1], hs_b], axis=1)`: the two states of each row "
           "belong to the same time, but the rows run backwards. hs_f is already in time order; "
           "reverse hs_b instead.",
        ja="結果が `np.concatenate([hs_f[::-1], hs_b], axis=1)` です。各行の 2 つの状態は同じ時刻の"
           "ものですが、行が時間の逆順になっています。hs_f は最初から時間順なので、反転するのは hs_b です。")),
    Misconception("wrong_order", lambda hs_f, hs_b: np.concatenate([hs_b[::-1], hs_f], axis=1), Text(
        en="your result is `np.concatenate([hs_b[::-1], hs_f], axis=1)`: the backward half comes "
           "first. The contract (and the exam's code) puts the forward state first: "
           "`[hs_f, hs_b[::-1]]`.",
        ja="結果が `np.concatenate([hs_b[::-1], hs_f], axis=1)` で、逆方向が前に来ています。"
           "順方向の状態を先に置きます: `[hs_f, hs_b[::-1]]`。")),
    Misconception("hidden_axis_reversed", lambda hs_f, hs_b: np.concatenate([hs_f, hs_b[:, ::-1]], axis=1), Text(
        en="your result is `np.concatenate([hs_f, hs_b[:, ::-1]], axis=1)`: you reversed the hidden "
           "units instead of the time steps. Reverse axis 0: `hs_b[::-1]`.",
        ja="結果が `np.concatenate([hs_f, hs_b[:, ::-1]], axis=1)` で、時間ではなく隠れユニットの順を"
           "反転しています。反転するのは axis 0: `hs_b[::-1]`。")),
    Misconception("stacked_new_axis", lambda hs_f, hs_b: np.stack([hs_f, hs_b[::-1]], axis=1), Text(
        en="your result has shape (T, 2, H): `np.stack` puts the two states on a NEW axis. Each row must "
           "be one vector of length 2H: join along the existing hidden axis, "
           "`np.concatenate([hs_f, hs_b[::-1]], axis=1)`.",
        ja="結果の形状が (T, 2, H) です。`np.stack` は 2 つの状態を「新しい」軸に並べます。各行は長さ 2H の "
           "1 本のベクトルなので、既存の隠れ軸に沿ってつなげます: `np.concatenate([hs_f, hs_b[::-1]], axis=1)`。")),
]

EXERCISE = Exercise("birnn_concat", Text(en="Bidirectional RNN features", ja="双方向 RNN の特徴量"), checks=[
    ValueCheck("sequences", points=3, function="birnn_concat", inputs=sequences,
               reference=reference, misconceptions=WRONG,
               title=Text(en="sequences of length 2 to 7", ja="長さ 2〜7 の系列")),
    ValueCheck("single_step", points=1, function="birnn_concat", inputs=single_step,
               reference=reference, misconceptions=WRONG,
               title=Text(en="a single time step (T = 1)", ja="1 時刻だけの系列（T = 1）")),
])
