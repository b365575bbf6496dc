"""lstm: one LSTM step (blocks [f, g, i, o]) and its gradients.

The forward is compared with the reference; the gradients with central differences of the
reference forward, and also with central differences of the learner's own forward, so that
the message says whether the forward or the backward is at fault.  The misconceptions are
small wrong variants of the reference, written below as keyword switches of one forward and
one backward function.
"""
import numpy as np

from rnn_grader.engine import Exercise, Misconception, Text, ValueCheck
from rnn_grader.engine.checks import ConsistentGradientCheck
from solutions.lstm import lstm_step_grads
from solutions.lstm import lstm_step as reference_step
from solutions.lstm import sigmoid

ORDER = 9
GRAD_KEYS = ("x", "h_prev", "c_prev", "Wx", "Wh", "b")


# ----------------------------------------------------------------------------- inputs
def draw_case(rng, N, D, H, *, zero_state=False, cell_scale=1.0):
    """x (N, D), h_prev (N, H), c_prev (N, H), Wx (D, 4H), Wh (H, 4H), b (4H,): moderate scales,
    so that no gate saturates and every wrong variant is far from the right values."""
    x = rng.standard_normal((N, D))
    h_prev = np.zeros((N, H)) if zero_state else rng.uniform(-0.9, 0.9, (N, H))
    c_prev = np.zeros((N, H)) if zero_state else cell_scale * rng.standard_normal((N, H))
    Wx = 0.7 * rng.standard_normal((D, 4 * H))
    Wh = 0.7 * rng.standard_normal((H, 4 * H))
    b = 0.3 * rng.standard_normal(4 * H)
    return x, h_prev, c_prev, Wx, Wh, b


def random_steps(rng):
    for N, D, H in [(2, 3, 2), (4, 5, 3), (3, 1, 4)]:
        yield draw_case(rng, N, D, H)


def edge_steps(rng):
    """The first step (h_prev = c_prev = 0), N = D = H = 1, and a large cell state."""
    yield draw_case(rng, 2, 3, 2, zero_state=True)
    yield draw_case(rng, 1, 1, 1)
    yield draw_case(rng, 3, 2, 2, cell_scale=3.0)


def with_upstream(rng, case):
    N, H = case[1].shape
    return (*case, rng.standard_normal((N, H)), rng.standard_normal((N, H)))


def gradient_steps(rng):
    """The first case (N=2, D=3, H=2: 62 parameters) is also probed through the learner's forward."""
    for N, D, H in [(2, 3, 2), (1, 2, 3), (3, 2, 1)]:
        yield with_upstream(rng, draw_case(rng, N, D, H))


def gradient_edge_steps(rng):
    yield with_upstream(rng, draw_case(rng, 2, 2, 2, zero_state=True))
    yield with_upstream(rng, draw_case(rng, 1, 1, 1, cell_scale=2.0))


# ----------------------------------------------------------------------------- wrong variants
def forward(x, h_prev, c_prev, Wx, Wh, b, *, order="fgio", candidate=np.tanh, gate=sigmoid,
            cell_tanh=True, input_gate=True):
    """The reference forward with switches: the block ``order``, the candidate's and the gates'
    activations, tanh on the cell in h_next, the input gate on the candidate."""
    H = h_prev.shape[1]
    A = x @ Wx + h_prev @ Wh + b
    block = {name: A[:, k * H:(k + 1) * H] for k, name in enumerate(order)}
    f, g, i, o = gate(block["f"]), candidate(block["g"]), gate(block["i"]), gate(block["o"])
    c_next = f * c_prev + (g * i if input_gate else g)
    h_next = o * (np.tanh(c_next) if cell_tanh else c_next)
    return h_next, c_next


def backward(x, h_prev, c_prev, Wx, Wh, b, dh_next, dc_next, *, tanh_prime=True, use_dc_next=True,
             sigma_prime=True, forget_on_dc_prev=True, transposed=False, sum_b=True):
    """The reference backward with switches, one per known mistake."""
    H = h_prev.shape[1]
    A = x @ Wx + h_prev @ Wh + b
    f, g = sigmoid(A[:, :H]), np.tanh(A[:, H:2 * H])
    i, o = sigmoid(A[:, 2 * H:3 * H]), sigmoid(A[:, 3 * H:])
    tanh_c = np.tanh(f * c_prev + g * i)
    ds = (dc_next if use_dc_next else 0) + dh_next * o * ((1 - tanh_c ** 2) if tanh_prime else 1)
    d_sigma = (lambda s: s * (1 - s)) if sigma_prime else (lambda s: 1)
    dA = np.hstack((ds * c_prev * d_sigma(f), ds * i * (1 - g ** 2), ds * g * d_sigma(i),
                    dh_next * tanh_c * d_sigma(o)))
    return {"x": dA @ Wx.T, "h_prev": dA @ Wh.T, "c_prev": ds * f if forget_on_dc_prev else ds,
            "Wx": dA.T @ x if transposed else x.T @ dA,
            "Wh": dA.T @ h_prev if transposed else h_prev.T @ dA,
            "b": dA.sum(axis=0) if sum_b else dA}


def variant(function, **switches):
    return lambda *args: function(*args, **switches)


FORWARD_WRONG = [
    Misconception("gate_order_ifgo", variant(forward, order="ifgo"), Text(
        en="your step reads the blocks of A in the order [i, f, g, o] (the PyTorch layout). In this "
           "course the blocks are [f, g, i, o]: f = σ(A[:, :H]), g = tanh(A[:, H:2H]), "
           "i = σ(A[:, 2H:3H]), o = σ(A[:, 3H:]).",
        ja="A のブロックを [i, f, g, o] の順（PyTorch の並び）で読んでいます。本講座の順は [f, g, i, o] です: "
           "f = σ(A[:, :H])、g = tanh(A[:, H:2H])、i = σ(A[:, 2H:3H])、o = σ(A[:, 3H:])。")),
    Misconception("gate_order_figo", variant(forward, order="figo"), Text(
        en="your step reads the blocks of A in the order [f, i, g, o]: the input gate and the new "
           "memory are swapped. The order is [f, g, i, o]: g = tanh(A[:, H:2H]), i = σ(A[:, 2H:3H]).",
        ja="A のブロックを [f, i, g, o] の順で読んでおり、入力ゲートと新しい記憶が入れ替わっています。"
           "順番は [f, g, i, o] です: g = tanh(A[:, H:2H])、i = σ(A[:, 2H:3H])。")),
    Misconception("sigmoid_candidate", variant(forward, candidate=sigmoid), Text(
        en="your new memory g uses σ. The three gates use σ (a share between 0 and 1), but the "
           "candidate g = tanh(A[:, H:2H]) lies in (-1, 1), so the cell can also decrease.",
        ja="新しい記憶 g に σ を使っています。3 つのゲートは σ（0〜1 の割合）ですが、候補 g は "
           "tanh(A[:, H:2H]) で (-1, 1) の値をとり、セルを減らすこともできます。")),
    Misconception("activations_swapped", variant(forward, candidate=sigmoid, gate=np.tanh), Text(
        en="your tanh and σ are swapped: the gates f, i, o use tanh and the candidate g uses σ. "
           "Gates are shares in (0, 1), so they use σ; only g = tanh(A[:, H:2H]).",
        ja="tanh と σ が入れ替わっています（ゲート f, i, o に tanh、候補 g に σ）。ゲートは (0, 1) の割合なので σ、"
           "tanh を使うのは g = tanh(A[:, H:2H]) だけです。")),
    Misconception("no_tanh_on_cell", variant(forward, cell_tanh=False), Text(
        en="your h_next is o * c_next. The output squashes the cell first: h_next = o * tanh(c_next).",
        ja="h_next が o * c_next になっています。出力ではセルを tanh で押しつぶします: h_next = o * tanh(c_next)。")),
    Misconception("candidate_without_input_gate", variant(forward, input_gate=False), Text(
        en="your c_next adds the new memory g without the input gate: c_next = f * c_prev + g. The "
           "input gate decides how much of g is written: c_next = f * c_prev + g * i "
           "(`input_gate * a + forget_gate * c` in the exam code).",
        ja="c_next に新しい記憶 g を入力ゲートなしで足しています（c_next = f * c_prev + g）。g をどれだけ書き込むかは"
           "入力ゲートが決めます: c_next = f * c_prev + g * i（試験のコードの `input_gate * a + forget_gate * c`）。")),
]

GRADIENT_WRONG = [
    Misconception("missing_tanh_derivative", variant(backward, tanh_prime=False), Text(
        en="your cell-state gradient is dc_next + dh_next * o: the derivative of tanh is missing. "
           "h_next = o * tanh(c_next), so the path through h_next brings dh_next * o * (1 - tanh(c_next)²).",
        ja="セル状態の勾配が dc_next + dh_next * o になっており、tanh の微分が抜けています。h_next = o * tanh(c_next) "
           "なので、h_next 経由の勾配は dh_next * o * (1 - tanh(c_next)²) です。")),
    Misconception("forgot_dc_next", variant(backward, use_dc_next=False), Text(
        en="your gradients ignore dc_next. The cell state also flows to the next time step, so its "
           "gradient is the sum of both paths: ds = dc_next + dh_next * o * (1 - tanh(c_next)²).",
        ja="dc_next が使われていません。セル状態は次の時刻にも流れるので、その勾配は 2 つの経路の和です: "
           "ds = dc_next + dh_next * o * (1 - tanh(c_next)²)。")),
    Misconception("missing_sigmoid_derivative", variant(backward, sigma_prime=False), Text(
        en="your gradients for the gates f, i, o skip σ'. Each gate is σ of its block of A, so multiply "
           "by σ'(A) = s(1 - s), with s the gate's value (g uses 1 - g² instead).",
        ja="ゲート f, i, o の勾配で σ' を掛け忘れています。各ゲートは A のブロックの σ なので、ゲートの値 s を使って "
           "σ'(A) = s(1 - s) を掛けます（g には 1 - g² を掛けます）。")),
    Misconception("dc_prev_without_forget_gate", variant(backward, forget_on_dc_prev=False), Text(
        en="your dc_prev is the whole cell gradient ds. c_next = f * c_prev + ..., so dc_prev = ds * f: "
           "the forget gate scales what flows back.",
        ja="dc_prev がセルの勾配 ds そのままです。c_next = f * c_prev + ... なので dc_prev = ds * f、"
           "逆向きに流れる勾配も忘却ゲートで縮みます。")),
    Misconception("weight_grads_transposed", variant(backward, transposed=True), Text(
        en="your dWx and dWh are transposed (dA.T @ x). A gradient has the shape of its parameter: "
           "dWx = x.T @ dA (D, 4H), dWh = h_prev.T @ dA (H, 4H).",
        ja="dWx と dWh が転置されています（dA.T @ x）。勾配はパラメータと同じ形です: "
           "dWx = x.T @ dA (D, 4H)、dWh = h_prev.T @ dA (H, 4H)。")),
    Misconception("db_not_summed", variant(backward, sum_b=False), Text(
        en="your db has one row per sample. The bias is shared by the whole batch, so its gradient "
           "is the sum over the batch: db = dA.sum(axis=0), shape (4H,).",
        ja="db がサンプルごとの行のままです。バイアスはバッチ全体で共有されるので、勾配はバッチ方向の和です: "
           "db = dA.sum(axis=0)、形状 (4H,)。")),
]

GRADIENT_ARGS = ["x", "h_prev", "c_prev", "Wx", "Wh", "b", "dh_next", "dc_next"]


def gradient_check(name, points, title, inputs, probed_cases):
    return ConsistentGradientCheck(
        name, points=points, title=title, forward="lstm_step", grads="lstm_step_grads", inputs=inputs,
        reference_forward=reference_step,
        wrt={key: key for key in GRAD_KEYS}, arg_names=GRADIENT_ARGS, misconceptions=GRADIENT_WRONG,
        forward_misconceptions=FORWARD_WRONG, probed_cases=probed_cases, exact=lstm_step_grads)


EXERCISE = Exercise("lstm", Text(en="LSTM step and gradients", ja="LSTM の 1 ステップと勾配"), checks=[
    ValueCheck("forward_random", points=3, function="lstm_step", inputs=random_steps,
               reference=reference_step, misconceptions=FORWARD_WRONG,
               title=Text(en="lstm_step on random inputs", ja="lstm_step（ランダムな入力）")),
    ValueCheck("forward_edge_cases", points=2, function="lstm_step", inputs=edge_steps,
               reference=reference_step, misconceptions=FORWARD_WRONG,
               title=Text(en="lstm_step: first step (zero state); N = D = H = 1; a large cell state",
                          ja="lstm_step: 最初の時刻（状態ゼロ）; N = D = H = 1; 大きなセル状態")),
    gradient_check("gradients", 5, Text(en="lstm_step_grads: every gradient, three shapes",
                                        ja="lstm_step_grads: すべての勾配（3 通りの形状）"), gradient_steps, 1),
    gradient_check("gradients_edge_cases", 2, Text(en="lstm_step_grads: first step (zero state); N = D = H = 1",
                                                   ja="lstm_step_grads: 最初の時刻（状態ゼロ）; N = D = H = 1"),
                   gradient_edge_steps, 0),
])
