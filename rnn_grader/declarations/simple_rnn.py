"""simple_rnn: a stable sigmoid, its derivative, and the forward pass of the simple RNN.

The sigmoid must not overflow at x = +-1000.  The naive 1 / (1 + exp(-x)) gives the right
values there (0 and 1) but overflows inside exp with a RuntimeWarning the grader cannot see
from the values, so the stability check calls ``sigmoid`` with numpy's overflow warnings
turned into errors (``Call(..., errstate="raise")``) and names the overflow.

The forward pass's misconceptions come from the course's own code: forgetting a bias,
multiplying the previous state by W_in (runs only when D == H, so one case has D == H),
never carrying z, y = v, and iterating over axis 1 as if the batch came first (the first
case has T == N so that it runs with a given z0).
"""
import numpy as np

from rnn_grader.engine import Exercise, Misconception, Text, ValueCheck
from solutions.simple_rnn import d_sigmoid, rnn_forward, sigmoid

ORDER = 8

# (T, N, D, H, O); the first has T == N and D == H so that shape-mixing mistakes run
FORWARD_SHAPES = [(3, 3, 4, 4, 2), (5, 2, 3, 6, 1), (4, 1, 2, 3, 3), (6, 4, 5, 2, 2)]
EXTREMES = np.array([-1000.0, -50.0, -5.0, 0.0, 5.0, 50.0, 1000.0])


# ----------------------------------------------------------------------------- inputs
def moderate_arrays(rng):
    """Arrays of several shapes with values in [-6, 6], where sigmoid is not saturated."""
    for shape in [(7,), (3, 4), (2, 3, 4), (1,)]:
        yield (rng.uniform(-6.0, 6.0, shape),)


def extreme_arrays(rng):
    """+-1000, +-50 and moderate values, also mixed into a 2-D array."""
    yield (EXTREMES.copy(),)
    mixed = rng.uniform(-4.0, 4.0, (3, 5))
    mixed.flat[rng.permutation(15)[:6]] = [-1000.0, 1000.0, -700.0, 710.0, -50.0, 50.0]
    yield (mixed,)


def derivative_inputs(rng):
    yield from moderate_arrays(rng)
    yield from extreme_arrays(rng)


def rnn_weights(rng, D, H, O):
    """W_in (D, H), W (H, H), W_out (H, O), b (H,), c (O,)."""
    return (rng.normal(0, 0.8, (D, H)), rng.normal(0, 0.8, (H, H)), rng.normal(0, 0.8, (H, O)),
            rng.normal(0, 0.5, H), rng.normal(0, 0.5, O))


def sequences_with_z0(rng):
    """Random sequences with a given initial state z0 (N, H) in (0, 1)."""
    for T, N, D, H, O in FORWARD_SHAPES:
        yield (rng.standard_normal((T, N, D)), *rnn_weights(rng, D, H, O), rng.uniform(0.05, 0.95, (N, H)))


def sequences_without_z0(rng):
    """z0 = None passed explicitly, and z0 left out (its default): zeros."""
    for k, (T, N, D, H, O) in enumerate(FORWARD_SHAPES[:3]):
        args = (rng.standard_normal((T, N, D)), *rnn_weights(rng, D, H, O))
        yield args + (None,) if k % 2 == 0 else args


def short_sequences(rng):
    """T = 1 (with and without z0), and a single sequence N = 1."""
    for (T, N, D, H, O), given in [((1, 3, 2, 4, 2), True), ((1, 2, 3, 3, 1), False), ((4, 1, 1, 2, 1), True)]:
        args = (rng.standard_normal((T, N, D)), *rnn_weights(rng, D, H, O))
        yield args + ((rng.uniform(0.05, 0.95, (N, H)),) if given else (None,))


NAIVE_OVERFLOW = Misconception("naive_sigmoid_overflow", None, Text(
    en="your sigmoid computes exp of a large positive number: `1 / (1 + np.exp(-x))` at x = -1000 "
       "evaluates exp(1000) = inf. The value still comes out as 0, but numpy warns about an overflow, "
       "and the same code with other formulas (exp(x) / (1 + exp(x))) gives NaN. "
       "`np.where(x >= 0, 1/(1+np.exp(-x)), np.exp(x)/(1+np.exp(x)))` overflows too, because np.where "
       "computes both expressions on every element. Compute `e = np.exp(-np.abs(x))` (always in (0, 1]) "
       "and choose `1/(1+e)` for x >= 0 and `e/(1+e)` for x < 0.",
    ja="シグモイドの中で大きな正の数の exp を計算しています。`1 / (1 + np.exp(-x))` は x = -1000 で "
       "exp(1000) = inf を計算します。値は 0 になりますが numpy はオーバーフローを警告し、"
       "exp(x) / (1 + exp(x)) のような別の形では NaN になります。"
       "`np.where(x >= 0, 1/(1+np.exp(-x)), np.exp(x)/(1+np.exp(x)))` も、np.where が両方の式を全要素で"
       "計算するためオーバーフローします。`e = np.exp(-np.abs(x))`（常に (0, 1] の値）を計算し、"
       "x >= 0 では `1/(1+e)`、x < 0 では `e/(1+e)` を選んでください。"))


# ----------------------------------------------------------------------------- wrong sigmoids
SIGMOID_WRONG = [
    Misconception("sigmoid_sign", lambda x: 1.0 / (1.0 + np.exp(x)), Text(
        en="your sigmoid is `1 / (1 + exp(x))` = sigmoid(-x): the sign in the exponent is missing. "
           "sigmoid(x) = 1 / (1 + exp(-x)) increases with x (sigmoid(5) is close to 1).",
        ja="シグモイドが `1 / (1 + exp(x))` = sigmoid(-x) になっています（指数のマイナスが抜けています）。"
           "sigmoid(x) = 1 / (1 + exp(-x)) は x とともに増加します（sigmoid(5) は 1 に近い）。")),
]

DERIVATIVE_WRONG = [
    Misconception("d_sigmoid_one_minus_x", lambda x: sigmoid(x) * (1.0 - x), Text(
        en="your derivative is `sigmoid(x) * (1 - x)`: the second factor must be `1 - sigmoid(x)`, "
           "not `1 - x`. sigmoid'(x) = sigmoid(x) * (1 - sigmoid(x)).",
        ja="微分が `sigmoid(x) * (1 - x)` になっています。2 つめの因子は `1 - x` ではなく "
           "`1 - sigmoid(x)` です。sigmoid'(x) = sigmoid(x) * (1 - sigmoid(x))。")),
    Misconception("d_sigmoid_of_output", lambda x: x * (1.0 - x), Text(
        en="your derivative is `x * (1 - x)`: that is the formula written in terms of the output "
           "y = sigmoid(x) (y * (1 - y)), applied to the input x. d_sigmoid receives the "
           "pre-activation u, so compute s = sigmoid(x) first and return s * (1 - s).",
        ja="微分が `x * (1 - x)` になっています。これは出力 y = sigmoid(x) で書いた式 y * (1 - y) を"
           "入力 x にそのまま使ったものです。d_sigmoid が受け取るのは活性化前の u なので、"
           "まず s = sigmoid(x) を計算し、s * (1 - s) を返してください。")),
    Misconception("d_sigmoid_tanh_form", lambda x: 1.0 - sigmoid(x) ** 2, Text(
        en="your derivative is `1 - sigmoid(x)**2`: that is the form of tanh' (1 - tanh(x)**2). "
           "For the sigmoid it is sigmoid(x) * (1 - sigmoid(x)), whose maximum is 1/4 at x = 0.",
        ja="微分が `1 - sigmoid(x)**2` になっています。これは tanh の微分（1 - tanh(x)**2）の形です。"
           "シグモイドでは sigmoid(x) * (1 - sigmoid(x)) で、最大値は x = 0 での 1/4 です。")),
    Misconception("d_sigmoid_exp_overflow", lambda x: np.exp(-x) / (1.0 + np.exp(-x)) ** 2, Text(
        en="your derivative is `exp(-x) / (1 + exp(-x))**2`: equal on paper, but at x = -1000 it is "
           "inf / inf = NaN. Write it as s * (1 - s) with a stable s = sigmoid(x).",
        ja="微分を `exp(-x) / (1 + exp(-x))**2` で計算しています。式としては等しいですが、x = -1000 で "
           "inf / inf = NaN になります。安定な s = sigmoid(x) を使って s * (1 - s) と書いてください。")),
]


# ----------------------------------------------------------------------------- wrong forward passes
def forward(*, use_b=True, use_c=True, recurrence="W", carry=True, output_sigmoid=True, use_z0=True,
            stack_axis=0):
    """An ``rnn_forward`` with one of its parts changed (the misconception formulas)."""
    def run(xs, W_in, W, W_out, b, c, z0=None):
        T, N, _ = xs.shape
        H = W.shape[0]
        start = np.zeros((N, H)) if z0 is None or not use_z0 else z0
        z, outputs = start, ([], [], [], [])
        for t in range(T):
            u = xs[t] @ W_in + (z if carry else start) @ (W if recurrence == "W" else W_in) + (b if use_b else 0)
            z = sigmoid(u)
            v = z @ W_out + (c if use_c else 0)
            for store, value in zip(outputs, (u, z, v, sigmoid(v) if output_sigmoid else v)):
                store.append(value)
        return tuple(np.stack(values, axis=stack_axis) for values in outputs)
    return run


def batch_first(xs, W_in, W, W_out, b, c, z0=None):
    """Iterating over axis 1: the reference run on xs read as (N, T, D), outputs swapped back."""
    swap = lambda a: np.swapaxes(a, 0, 1)  # noqa: E731
    return tuple(swap(a) for a in rnn_forward(swap(xs), W_in, W, W_out, b, c, z0))


FORWARD_WRONG = [
    Misconception("forgot_bias_b", forward(use_b=False), Text(
        en="your u_t has no bias: u_t = x_t @ W_in + z_(t-1) @ W + b. Add `+ b` (shape (H,), it "
           "broadcasts over the batch).",
        ja="u_t にバイアスがありません。u_t = x_t @ W_in + z_(t-1) @ W + b です。`+ b` を足してください"
           "（形状 (H,) でバッチ方向にブロードキャストされます）。")),
    Misconception("forgot_bias_c", forward(use_c=False), Text(
        en="your v_t has no bias: v_t = z_t @ W_out + c. Add `+ c` before the output sigmoid.",
        ja="v_t にバイアスがありません。v_t = z_t @ W_out + c です。出力のシグモイドの前に `+ c` を足してください。")),
    Misconception("W_in_for_recurrence", forward(recurrence="W_in"), Text(
        en="you multiply the previous state by W_in (`z_(t-1) @ W_in`). The recurrence has its own "
           "weight: hidden(t-1) -> hidden(t) is W (H, H); W_in (D, H) is for the input x_t only. "
           "This only ran because D equals H in this case.",
        ja="前の状態に W_in を掛けています（`z_(t-1) @ W_in`）。再帰には専用の重み W (H, H)"
           "（中間層(t-1) → 中間層(t)）を使います。W_in (D, H) は入力 x_t 用です。"
           "このケースでは D と H が等しいため偶然動きました。")),
    Misconception("state_not_carried", forward(carry=False), Text(
        en="every step uses the initial state z0 (or zeros) instead of the state of the previous "
           "step, so the network has no memory. Update the variable: z = sigmoid(u_t) must feed u_(t+1).",
        ja="どの時刻でも前の時刻の状態ではなく初期状態 z0（またはゼロ）を使っているため、ネットワークが"
           "記憶を持ちません。z = sigmoid(u_t) を次の時刻の u_(t+1) に使うよう、変数を更新してください。")),
    Misconception("output_without_sigmoid", forward(output_sigmoid=False), Text(
        en="your ys equal vs: the output activation is missing. y_t = sigmoid(v_t).",
        ja="ys が vs と同じです。出力の活性化が抜けています。y_t = sigmoid(v_t) です。")),
    Misconception("z0_ignored", forward(use_z0=False), Text(
        en="your forward pass starts from zeros even when z0 is given: the initial state is ignored. "
           "z_(-1) = z0 when it is given (zeros only when z0 is None): `z = np.zeros((N, H)) if z0 is "
           "None else z0`.",
        ja="z0 が与えられても、順伝播がゼロから始まっています（初期状態が無視されています）。"
           "z0 が与えられたら z_(-1) = z0 です（ゼロにするのは z0 が None のときだけ）: "
           "`z = np.zeros((N, H)) if z0 is None else z0`。")),
    Misconception("batch_major_stacking", forward(stack_axis=1), Text(
        en="your outputs are stacked batch-major, (N, T, ·) (`np.stack(..., axis=1)`): the time steps "
           "are right, but sequences are time-major here: us, zs, vs, ys have shape (T, N, ·), step t "
           "at index t. Stack along axis 0 (`np.array(list_of_steps)`).",
        ja="出力をバッチが先の (N, T, ·) に積んでいます（`np.stack(..., axis=1)`）。各時刻の値は正しいのですが、"
           "ここでは時間が先頭です: us, zs, vs, ys の形状は (T, N, ·) で、時刻 t はインデックス t です。"
           "軸 0 に積んでください（`np.array(各時刻のリスト)`）。")),
    Misconception("batch_first_loop", batch_first, Text(
        en="you loop over axis 1 (`xs[:, t]`) as if xs were (N, T, D), but sequences are time-major: "
           "xs has shape (T, N, D) and time step t is `xs[t]`. Loop over `range(xs.shape[0])` and "
           "store step t in `us[t]`. (With T == N the shapes did not complain.)",
        ja="xs を (N, T, D) とみなして軸 1 でループしています（`xs[:, t]`）。系列は時間が先頭で、"
           "xs の形状は (T, N, D)、時刻 t は `xs[t]` です。`range(xs.shape[0])` でループし、"
           "時刻 t を `us[t]` に保存してください（このケースは T == N なので形状エラーになりませんでした）。")),
]


# ----------------------------------------------------------------------------- the exercise
def title(en, ja):
    return Text(en=en, ja=ja)


EXERCISE = Exercise("simple_rnn", Text(en="Simple RNN forward pass", ja="単純 RNN の順伝播"), checks=[
    ValueCheck("sigmoid_values", points=2, function="sigmoid", inputs=moderate_arrays,
               reference=sigmoid, misconceptions=SIGMOID_WRONG,
               title=title("sigmoid on values in [-6, 6]", "[-6, 6] の値でのシグモイド")),
    ValueCheck("sigmoid_stable", points=2, function="sigmoid", inputs=extreme_arrays,
               reference=sigmoid, misconceptions=SIGMOID_WRONG, errstate="raise", unstable=NAIVE_OVERFLOW,
               title=title("sigmoid at +-1000 without overflow",
                           "±1000 でもオーバーフローしないシグモイド")),
    ValueCheck("d_sigmoid_values", points=2, function="d_sigmoid", inputs=derivative_inputs,
               reference=d_sigmoid, misconceptions=DERIVATIVE_WRONG,
               title=title("derivative of the sigmoid", "シグモイドの微分")),
    ValueCheck("forward_with_z0", points=4, function="rnn_forward", inputs=sequences_with_z0,
               reference=rnn_forward, misconceptions=FORWARD_WRONG,
               title=title("forward pass from a given state z0", "初期状態 z0 を与えた順伝播")),
    ValueCheck("forward_z0_none", points=2, function="rnn_forward", inputs=sequences_without_z0,
               reference=rnn_forward, misconceptions=FORWARD_WRONG,
               title=title("forward pass with z0 = None (zeros)", "z0 = None（ゼロ）での順伝播")),
    ValueCheck("forward_short", points=2, function="rnn_forward", inputs=short_sequences,
               reference=rnn_forward, misconceptions=FORWARD_WRONG,
               title=title("one time step (T = 1), one sequence (N = 1)",
                           "1 時刻だけ（T = 1）、系列 1 本（N = 1）")),
])
