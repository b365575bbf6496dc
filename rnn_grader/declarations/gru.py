"""gru: one GRU step (blocks [z, r, h̄], reset gate before the product) and its gradients.

Built like ``lstm``: the forward against the reference; the gradients against central
differences of the reference forward and of the learner's own forward.  The misconceptions
are keyword switches of one forward and one backward written below.
"""
import numpy as np

from rnn_grader.engine import Exercise, Misconception, Text, ValueCheck
from rnn_grader.engine.checks import ConsistentGradientCheck
from solutions.gru import gru_step_grads
from solutions.gru import gru_step as reference_step
from solutions.gru import sigmoid

ORDER = 10
GRAD_KEYS = ("x", "h_prev", "Wx", "Wh", "b")


# ----------------------------------------------------------------------------- inputs
def draw_case(rng, N, D, H, *, zero_state=False):
    """x (N, D), h_prev (N, H) in (-0.9, 0.9), Wx (D, 3H), Wh (H, 3H), b (3H,)."""
    x = rng.standard_normal((N, D))
    h_prev = np.zeros((N, H)) if zero_state else rng.uniform(-0.9, 0.9, (N, H))
    Wx = 0.7 * rng.standard_normal((D, 3 * H))
    Wh = 0.9 * rng.standard_normal((H, 3 * H))
    b = 0.3 * rng.standard_normal(3 * H)
    return x, h_prev, Wx, Wh, b


def random_steps(rng):
    for N, D, H in [(2, 3, 2), (4, 5, 3), (3, 1, 4)]:
        yield draw_case(rng, N, D, H)


def edge_steps(rng):
    """The first step (h_prev = 0), and N = D = H = 1."""
    yield draw_case(rng, 2, 3, 2, zero_state=True)
    yield draw_case(rng, 1, 1, 1)


def with_upstream(rng, case):
    return (*case, rng.standard_normal(case[1].shape))


def gradient_steps(rng):
    """The first case (N=2, D=3, H=2: 46 parameters) is also probed through the learner's forward."""
    for N, D, H in [(2, 3, 2), (1, 2, 3), (3, 2, 1)]:
        yield with_upstream(rng, draw_case(rng, N, D, H))


def gradient_edge_steps(rng):
    yield with_upstream(rng, draw_case(rng, 2, 2, 2, zero_state=True))
    yield with_upstream(rng, draw_case(rng, 1, 1, 1))


# ----------------------------------------------------------------------------- wrong variants
def blocks(Wx, Wh, b, H, order="zrh"):
    """{name: (Wx block, Wh block, b block)} for the blocks named in ``order``."""
    return {name: (Wx[:, k * H:(k + 1) * H], Wh[:, k * H:(k + 1) * H], b[k * H:(k + 1) * H])
            for k, name in enumerate(order)}


def forward(x, h_prev, Wx, Wh, b, *, order="zrh", reset_after=False, reset=True, swap_update=False):
    """The reference forward with switches: block order, reset gate after the product or not
    at all, and the other convention for the update gate."""
    H = h_prev.shape[1]
    (Wxz, Whz, bz), (Wxr, Whr, br), (Wxh, Whh, bh) = (blocks(Wx, Wh, b, H, order)[k] for k in "zrh")
    z = sigmoid(x @ Wxz + h_prev @ Whz + bz)
    r = sigmoid(x @ Wxr + h_prev @ Whr + br) if reset else 1.0
    recurrent = r * (h_prev @ Whh) if reset_after else (r * h_prev) @ Whh
    h_bar = np.tanh(x @ Wxh + recurrent + bh)
    return z * h_prev + (1 - z) * h_bar if swap_update else (1 - z) * h_prev + z * h_bar


def backward(x, h_prev, Wx, Wh, b, dh_next, *, reset_after=False, swap_update=False, direct_path=True,
             reset_on_dh=True, reset_on_dWh=True, tanh_prime=True, sigma_prime=True):
    """The reference backward with switches, one per known mistake (``reset_after`` and
    ``swap_update``: the exact gradients of those wrong forwards)."""
    H = h_prev.shape[1]
    (Wxz, Whz, bz), (Wxr, Whr, br), (Wxh, Whh, bh) = blocks(Wx, Wh, b, H).values()
    z = sigmoid(x @ Wxz + h_prev @ Whz + bz)
    r = sigmoid(x @ Wxr + h_prev @ Whr + br)
    U = h_prev @ Whh
    h_bar = np.tanh(x @ Wxh + (r * U if reset_after else (r * h_prev) @ Whh) + bh)
    d_sigma = (lambda s: s * (1 - s)) if sigma_prime else (lambda s: 1)
    to_bar, to_z, direct = ((1 - z), h_prev - h_bar, z) if swap_update else (z, h_bar - h_prev, 1 - z)
    dAh = dh_next * to_bar * ((1 - h_bar ** 2) if tanh_prime else 1)
    dAz = dh_next * to_z * d_sigma(z)
    if reset_after:
        dU = dAh * r                                    # dL/d(h_prev @ Whh)
        dAr, via_bar, dWhh = dAh * U * d_sigma(r), dU @ Whh.T, h_prev.T @ dU
    else:
        drh = dAh @ Whh.T                               # dL/d(r * h_prev)
        dAr = drh * h_prev * d_sigma(r)
        via_bar = drh * r if reset_on_dh else drh
        dWhh = ((r * h_prev) if reset_on_dWh else h_prev).T @ dAh
    dA = np.hstack((dAz, dAr, dAh))
    dh_prev = (dh_next * direct if direct_path else 0) + via_bar + dAz @ Whz.T + dAr @ Whr.T
    dWh = np.hstack((h_prev.T @ dAz, h_prev.T @ dAr, dWhh))
    return {"x": dA @ Wx.T, "h_prev": dh_prev, "Wx": x.T @ dA, "Wh": dWh, "b": dA.sum(axis=0)}


def variant(function, **switches):
    return lambda *args: function(*args, **switches)


FORWARD_WRONG = [
    Misconception("reset_after_product", variant(forward, reset_after=True), Text(
        en="your candidate applies the reset gate after the matrix product: r * (h_prev @ Wh[:, 2H:]) "
           "(the cuDNN/PyTorch variant). In this course r resets the state before it is used: "
           "h_bar = tanh(x @ Wx[:, 2H:] + (r * h_prev) @ Wh[:, 2H:] + b[2H:]).",
        ja="候補で、リセットゲートを行列積の後に掛けています: r * (h_prev @ Wh[:, 2H:])（cuDNN/PyTorch の変種）。"
           "本講座では使う前に状態をリセットします: h_bar = tanh(x @ Wx[:, 2H:] + (r * h_prev) @ Wh[:, 2H:] + b[2H:])。")),
    Misconception("other_convention", variant(forward, swap_update=True), Text(
        en="your h_next is z * h_prev + (1 - z) * h_bar: z weights the old state (the Keras/PyTorch "
           "convention). In this course z weights the new candidate: h_next = (1 - z) * h_prev + z * h_bar.",
        ja="h_next が z * h_prev + (1 - z) * h_bar になっており、z が古い状態の重みです（Keras/PyTorch の流儀）。"
           "本講座では z は新しい候補の重みです: h_next = (1 - z) * h_prev + z * h_bar。")),
    Misconception("gate_order_rz", variant(forward, order="rzh"), Text(
        en="your step reads the blocks in the order [r, z, h̄]. The order is [z, r, h̄]: the update "
           "gate uses Wx[:, :H], Wh[:, :H], b[:H] and the reset gate the next H columns.",
        ja="ブロックを [r, z, h̄] の順で読んでいます。順番は [z, r, h̄] です: 更新ゲートが Wx[:, :H]、Wh[:, :H]、b[:H]、"
           "リセットゲートがその次の H 列を使います。")),
    Misconception("no_reset_gate", variant(forward, reset=False), Text(
        en="your candidate ignores the reset gate: h_bar = tanh(x @ Wx[:, 2H:] + h_prev @ Wh[:, 2H:] + b[2H:]). "
           "The reset gate decides how much of the old state enters the candidate: use (r * h_prev).",
        ja="候補でリセットゲートを使っていません（h_bar = tanh(x @ Wx[:, 2H:] + h_prev @ Wh[:, 2H:] + b[2H:])）。"
           "古い状態を候補にどれだけ入れるかをリセットゲートが決めます: (r * h_prev) を使ってください。")),
]

GRADIENT_WRONG = [
    Misconception("reset_after_product_gradient", variant(backward, reset_after=True), Text(
        en="your gradients are those of h_bar = tanh(... + r * (h_prev @ Wh[:, 2H:]) ...), the reset gate "
           "applied after the product. Here r multiplies h_prev first, so d(r*h_prev) = dA_h @ Wh[:, 2H:].T, "
           "dA_r = d(r*h_prev) * h_prev * r(1 - r), and the h̄ block of dWh is (r * h_prev).T @ dA_h.",
        ja="勾配が h_bar = tanh(... + r * (h_prev @ Wh[:, 2H:]) ...)（リセットゲートを積の後に掛ける形）のものになっています。"
           "ここでは r を先に h_prev に掛けるので、d(r*h_prev) = dA_h @ Wh[:, 2H:].T、"
           "dA_r = d(r*h_prev) * h_prev * r(1 - r)、dWh の h̄ ブロックは (r * h_prev).T @ dA_h です。")),
    Misconception("other_convention_gradient", variant(backward, swap_update=True), Text(
        en="your gradients are those of h_next = z * h_prev + (1 - z) * h_bar (the other convention). "
           "With h_next = (1 - z) * h_prev + z * h_bar: dh_bar = dh_next * z, dz = dh_next * (h_bar - h_prev), "
           "and the direct path gives dh_next * (1 - z) to h_prev.",
        ja="勾配が h_next = z * h_prev + (1 - z) * h_bar（もう一方の流儀）のものになっています。"
           "h_next = (1 - z) * h_prev + z * h_bar では dh_bar = dh_next * z、dz = dh_next * (h_bar - h_prev)、"
           "h_prev への直接経路は dh_next * (1 - z) です。")),
    Misconception("forgot_direct_path", variant(backward, direct_path=False), Text(
        en="your dh_prev misses the direct path: h_next = (1 - z) * h_prev + ..., so dh_prev includes "
           "dh_next * (1 - z) besides the paths through h_bar, z and r (exam: ∂h_t/∂h_{t-1} = 1 - z "
           "with z and h̄ held fixed).",
        ja="dh_prev に直接経路が抜けています。h_next = (1 - z) * h_prev + ... なので、h_bar, z, r を経由する経路のほかに "
           "dh_next * (1 - z) が加わります（確認テスト: z と h̄ を固定すると ∂h_t/∂h_{t-1} = 1 - z）。")),
    Misconception("dh_prev_without_reset", variant(backward, reset_on_dh=False), Text(
        en="your dh_prev takes d(r*h_prev) = dA_h @ Wh[:, 2H:].T as it is. The candidate sees r * h_prev, "
           "so that path gives d(r*h_prev) * r to h_prev.",
        ja="dh_prev で d(r*h_prev) = dA_h @ Wh[:, 2H:].T をそのまま使っています。候補が受け取るのは r * h_prev "
           "なので、この経路から h_prev への勾配は d(r*h_prev) * r です。")),
    Misconception("dWh_candidate_without_reset", variant(backward, reset_on_dWh=False), Text(
        en="the h̄ block of your dWh is h_prev.T @ dA_h. That block multiplies r * h_prev, not h_prev: "
           "use (r * h_prev).T @ dA_h.",
        ja="dWh の h̄ ブロックが h_prev.T @ dA_h になっています。このブロックに掛かるのは h_prev ではなく r * h_prev です: "
           "(r * h_prev).T @ dA_h を使ってください。")),
    Misconception("missing_tanh_derivative", variant(backward, tanh_prime=False), Text(
        en="your gradient through the candidate skips tanh': h_bar = tanh(A_h), so dA_h = dh_next * z * (1 - h_bar²).",
        ja="候補を通る勾配で tanh' を掛け忘れています。h_bar = tanh(A_h) なので dA_h = dh_next * z * (1 - h_bar²) です。")),
    Misconception("missing_sigmoid_derivative", variant(backward, sigma_prime=False), Text(
        en="your gradients for the gates z and r skip σ': multiply by s(1 - s), s the gate's value.",
        ja="ゲート z と r の勾配で σ' を掛け忘れています。ゲートの値 s を使って s(1 - s) を掛けてください。")),
]

GRADIENT_ARGS = ["x", "h_prev", "Wx", "Wh", "b", "dh_next"]


def gradient_check(name, points, title, inputs, probed_cases):
    return ConsistentGradientCheck(
        name, points=points, title=title, forward="gru_step", grads="gru_step_grads", inputs=inputs,
        reference_forward=reference_step,
        wrt={key: key for key in GRAD_KEYS}, arg_names=GRADIENT_ARGS, misconceptions=GRADIENT_WRONG,
        forward_misconceptions=FORWARD_WRONG, probed_cases=probed_cases, exact=gru_step_grads)


EXERCISE = Exercise("gru", Text(en="GRU step and gradients", ja="GRU の 1 ステップと勾配"), checks=[
    ValueCheck("forward_random", points=3, function="gru_step", inputs=random_steps,
               reference=reference_step, misconceptions=FORWARD_WRONG,
               title=Text(en="gru_step on random inputs", ja="gru_step（ランダムな入力）")),
    ValueCheck("forward_edge_cases", points=2, function="gru_step", inputs=edge_steps,
               reference=reference_step, misconceptions=FORWARD_WRONG,
               title=Text(en="gru_step: first step (h_prev = 0), N = D = H = 1",
                          ja="gru_step: 最初の時刻（h_prev = 0）、N = D = H = 1")),
    gradient_check("gradients", 5, Text(en="gru_step_grads: every gradient, three shapes",
                                        ja="gru_step_grads: すべての勾配（3 通りの形状）"), gradient_steps, 1),
    gradient_check("gradients_edge_cases", 2, Text(en="gru_step_grads: first step (zero state); N = D = H = 1",
                                                   ja="gru_step_grads: 最初の時刻（状態ゼロ）; N = D = H = 1"),
                   gradient_edge_steps, 0),
])
