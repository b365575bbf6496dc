"""lstm_cell_update: c = input_gate * a + forget_gate * c_prev (element-wise).

The exam question's right answer is choice (3); its distractors swap or replace the
gates.  Learners also keep one term only, multiply the two terms, take a matrix product
(np.dot: it runs only when N == H, hence the square check) or apply the h path's tanh.
"""
import numpy as np

from rnn_grader.engine import Exercise, Misconception, Text, ValueCheck
from solutions.lstm_cell_update import lstm_cell_update as reference

ORDER = 3
SHAPES = [(2, 3), (4, 5), (1, 6), (5, 2), (3, 1)]      # (N, H), N != H
SQUARE = [(3, 3), (4, 4), (2, 2)]                       # np.dot runs, with wrong values


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def lstm_arrays(rng, shape):
    """c_prev ~ N(0, 1.5^2); a in (-1, 1); the gates in (0, 1), like the layer's outputs."""
    c_prev = 1.5 * rng.standard_normal(shape)
    a = np.tanh(2.0 * rng.standard_normal(shape))
    input_gate = sigmoid(2.0 * rng.standard_normal(shape))
    forget_gate = sigmoid(2.0 * rng.standard_normal(shape))
    return c_prev, a, input_gate, forget_gate


def batches(rng):
    """Several batch sizes N and hidden sizes H with N != H."""
    for shape in SHAPES:
        yield lstm_arrays(rng, shape)


def square_batches(rng):
    """N == H: a matrix product would run here, so its wrong values are visible."""
    for shape in SQUARE:
        yield lstm_arrays(rng, shape)


def closed_and_open_gates(rng):
    """Gates exactly 0 or 1: add both, keep c_prev unchanged, or overwrite it with a."""
    c_prev, a, _, _ = lstm_arrays(rng, (3, 4))
    ones, zeros = np.ones((3, 4)), np.zeros((3, 4))
    yield c_prev, a, ones, ones         # a + c_prev (first: the slips give different values)
    yield c_prev, a, zeros, ones        # nothing written, all kept: c_prev
    yield c_prev, a, ones, zeros        # all written, nothing kept: a


WRONG = [
    Misconception("swapped_gates", lambda c_prev, a, i, f: f * a + i * c_prev, Text(
        en="your result is `forget_gate * a + input_gate * c_prev`: the gates are swapped. The "
           "input gate controls what is written (the new candidate `a`), the forget gate what is "
           "kept of the old cell state: `input_gate * a + forget_gate * c_prev` (the exam "
           "question's choice (3)).",
        ja="結果が `forget_gate * a + input_gate * c_prev` で、ゲートが入れ替わっています。入力ゲートは"
           "新しい候補 `a` をどれだけ書き込むか、忘却ゲートは古いセル状態をどれだけ残すかを決めます: "
           "`input_gate * a + forget_gate * c_prev`（試験問題の選択肢 (3)）。")),
    # before input_term_only: with both gates at 1 both give `a` (the other gate cases tell them apart)
    Misconception("input_gate_mixes", lambda c_prev, a, i, f: i * a + (1 - i) * c_prev, Text(
        en="your result is `input_gate * a + (1 - input_gate) * c_prev`: one gate mixes the old and the "
           "new like the GRU's update gate. The LSTM has two independent gates: the forget gate decides "
           "what is kept: `input_gate * a + forget_gate * c_prev` (with both gates at 1, both are added).",
        ja="結果が `input_gate * a + (1 - input_gate) * c_prev` で、GRU の更新ゲートのように 1 つのゲートで"
           "新旧を混ぜています。LSTM のゲートは独立に 2 つあり、残す分は忘却ゲートが決めます: "
           "`input_gate * a + forget_gate * c_prev`（両方のゲートが 1 なら両方が足されます）。")),
    Misconception("input_term_only", lambda c_prev, a, i, f: i * a, Text(
        en="your result is `input_gate * a` only: the old cell state is lost at every step, so the "
           "LSTM has no memory. Add the kept part `forget_gate * c_prev` (choice (3)).",
        ja="結果が `input_gate * a` だけで、古いセル状態が毎ステップ失われ、記憶が残りません。"
           "残す分 `forget_gate * c_prev` を足してください（選択肢 (3)）。")),
    Misconception("forget_term_only", lambda c_prev, a, i, f: f * c_prev, Text(
        en="your result is `forget_gate * c_prev` only: nothing new is ever written into the cell. "
           "Add the written part `input_gate * a` (choice (3)).",
        ja="結果が `forget_gate * c_prev` だけで、新しい内容がセルに書き込まれません。"
           "書き込む分 `input_gate * a` を足してください（選択肢 (3)）。")),
    Misconception("product_of_terms", lambda c_prev, a, i, f: i * a * f * c_prev, Text(
        en="your result is `input_gate * a * forget_gate * c_prev`: the two parts are multiplied. "
           "The new content and the kept memory are added: `input_gate * a + forget_gate * c_prev`.",
        ja="結果が `input_gate * a * forget_gate * c_prev` で、2 つの項を掛けています。新しい内容と"
           "残した記憶は足し合わせます: `input_gate * a + forget_gate * c_prev`。")),
    Misconception("matrix_product", lambda c_prev, a, i, f: np.dot(i, a) + np.dot(f, c_prev), Text(
        en="your result is `np.dot(input_gate, a) + np.dot(forget_gate, c_prev)`: matrix products. "
           "Gates act element by element (each unit has its own gate value): use `*`. With N != H "
           "the same code raises a shape error.",
        ja="結果が `np.dot(input_gate, a) + np.dot(forget_gate, c_prev)` で、行列積になっています。"
           "ゲートは要素ごとに掛けます（ユニットごとにゲートの値がある）: `*` を使ってください。"
           "N と H が違えば同じコードは形状エラーになります。")),
    Misconception("tanh_applied", lambda c_prev, a, i, f: np.tanh(i * a + f * c_prev), Text(
        en="your result is `tanh(input_gate * a + forget_gate * c_prev)`. The tanh belongs to the "
           "hidden state, `h = output_gate * tanh(c)`; the cell state itself is the plain sum, "
           "which lets it carry information (and gradients) unchanged.",
        ja="結果が `tanh(input_gate * a + forget_gate * c_prev)` です。tanh は隠れ状態 "
           "`h = output_gate * tanh(c)` の側で使います。セル状態は単純な和のままで、そのおかげで"
           "情報（と勾配）がそのまま伝わります。")),
    Misconception("forget_gate_complement", lambda c_prev, a, i, f: i * a + (1 - f) * c_prev, Text(
        en="you keep `(1 - forget_gate) * c_prev`: the forget gate is the share of the old cell that is "
           "KEPT (f = 1 keeps everything, f = 0 forgets it), so the term is `forget_gate * c_prev`. "
           "(`1 - z` belongs to the GRU's update, not to the LSTM's forget gate.)",
        ja="`(1 - forget_gate) * c_prev` を残しています。忘却ゲートは古いセルを「残す」割合です"
           "（f = 1 ですべて残し、f = 0 で忘れる）。項は `forget_gate * c_prev` です"
           "（`1 - z` は GRU の更新の式で、LSTM の忘却ゲートではありません）。")),
    Misconception("gates_ignored", lambda c_prev, a, i, f: a + c_prev, Text(
        en="your result is `a + c_prev`: the gates are not used. Multiply the candidate by the "
           "input gate and the old cell state by the forget gate.",
        ja="結果が `a + c_prev` で、ゲートが使われていません。候補には入力ゲートを、古いセル状態には"
           "忘却ゲートを掛けてください。")),
]

EXERCISE = Exercise("lstm_cell_update", Text(en="LSTM cell-state update", ja="LSTM のセル状態の更新"), checks=[
    ValueCheck("batches", points=3, function="lstm_cell_update", inputs=batches,
               reference=reference, misconceptions=WRONG,
               title=Text(en="batches of several shapes (N, H)", ja="いろいろな形状 (N, H) のバッチ")),
    ValueCheck("square_batches", points=2, function="lstm_cell_update", inputs=square_batches,
               reference=reference, misconceptions=WRONG,
               title=Text(en="batches with N == H", ja="N == H のバッチ")),
    ValueCheck("closed_and_open_gates", points=1, function="lstm_cell_update", inputs=closed_and_open_gates,
               reference=reference, misconceptions=WRONG,
               title=Text(en="gates exactly 0 or 1", ja="ゲートがちょうど 0 または 1")),
])
