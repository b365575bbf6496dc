"""bptt: the deltas of backpropagation through time, and the gradients of the simple RNN.

Three checks: ``bptt_deltas`` against the reference (the mistakes in the recursion are named
there); ``rnn_grads`` against central differences of the loss of the trusted forward (partial
credit per parameter, and the message says which gradients are right); ``rnn_grads`` against
the reference, which names the mistakes in assembling the gradients (z_t for z_{t-1}, z0
forgotten, biases not summed) and the delta mistakes carried into them.
"""
import numpy as np

from rnn_grader.engine import Exercise, GradientCheck, Misconception, Text, ValueCheck
from rnn_grader.engine.compare import compare_dict
from solutions import bptt as reference

ORDER = 7
d_sigmoid = reference.d_sigmoid

# (T, N, D, H, O): T = 1 included; sizes small so that numeric gradients stay cheap
DELTA_SHAPES = [(3, 2, 2, 3, 2), (1, 2, 3, 3, 2), (5, 1, 2, 4, 1), (2, 3, 3, 2, 3), (4, 2, 2, 3, 4)]
GRAD_CASES = [((3, 2, 2, 3, 2), False), ((1, 1, 2, 2, 1), True), ((4, 2, 3, 3, 2), True),
              ((2, 3, 2, 4, 3), False), ((5, 1, 1, 2, 2), True)]   # (shape, z0 given)


# ----------------------------------------------------------------------------- inputs
def network(rng, T, N, D, H, O, with_z0):
    """xs, ds, W_in, W, W_out, b, c, z0: sigmoids kept away from saturation."""
    xs = rng.standard_normal((T, N, D))
    ds = rng.uniform(0.0, 1.0, (T, N, O))
    W_in, W, W_out = rng.normal(0, 1.0, (D, H)), rng.normal(0, 0.8, (H, H)), rng.normal(0, 1.0, (H, O))
    b, c = rng.normal(0, 0.3, H), rng.normal(0, 0.3, O)
    z0 = rng.uniform(0.1, 0.9, (N, H)) if with_z0 else None
    return xs, ds, W_in, W, W_out, b, c, z0


def delta_inputs(rng):
    """us, vs, ys from a real forward pass (so ys = σ(vs)), targets ds, W, W_out."""
    for k, shape in enumerate(DELTA_SHAPES):
        xs, ds, W_in, W, W_out, b, c, z0 = network(rng, *shape, with_z0=k % 2 == 1)
        us, _, vs, ys = reference.forward(xs, W_in, W, W_out, b, c, z0)
        yield us, vs, ys, ds, W, W_out


def grad_inputs(rng):
    """z0 None and given; T = 1 to 5."""
    for shape, with_z0 in GRAD_CASES:
        yield network(rng, *shape, with_z0)


# ----------------------------------------------------------------------------- wrong deltas
def deltas(error=lambda ys, ds: ys - ds, out_slope=lambda vs, ys: d_sigmoid(vs),
           recurrent=lambda later, W: later @ W.T, hidden_slope=d_sigmoid, backwards=True,
           slope_on_both=True, last=0):
    """A ``bptt_deltas`` with one part replaced (the defaults give the right one)."""
    def run(us, vs, ys, ds, W, W_out):
        delta_out = error(ys, ds) * out_slope(vs, ys)                      # (T, N, O)
        delta, carried = np.zeros_like(us), np.zeros_like(us[0])
        for t in (range(len(us) - 1, last - 1, -1) if backwards else range(len(us))):
            back, out = recurrent(carried, W), delta_out[t] @ W_out.T      # (N, H) each
            delta[t] = (back + out) * hidden_slope(us[t]) if slope_on_both else back + out * hidden_slope(us[t])
            carried = delta[t]
        return delta, delta_out
    return run


DELTA_WRONG = [
    Misconception("sigma_prime_of_output", deltas(out_slope=lambda vs, ys: d_sigmoid(ys)), Text(
        en="σ' of the output instead of the pre-activation: you computed `d_sigmoid(ys)`, i.e. "
           "σ'(σ(v)). The derivative of y = σ(v) is σ'(v) = `d_sigmoid(vs)` (equal to `ys * (1 - ys)`): "
           "delta_out = (y - d) * σ'(v).",
        ja="活性化前の値ではなく出力に σ' を適用しています（`d_sigmoid(ys)`、つまり σ'(σ(v))）。"
           "y = σ(v) の微分は σ'(v) = `d_sigmoid(vs)`（`ys * (1 - ys)` と同じ）です: "
           "delta_out = (y - d) * σ'(v)。")),
    Misconception("no_output_slope", deltas(out_slope=lambda vs, ys: 1.0), Text(
        en="your delta_out is `ys - ds`: the factor σ'(v) of the output sigmoid is missing "
           "(`y - d` alone is the delta of softmax with cross-entropy, not of σ with the squared "
           "error). Use delta_out = (y - d) * σ'(v).",
        ja="delta_out が `ys - ds` になっていて、出力のシグモイドの微分 σ'(v) が抜けています"
           "（`y - d` だけになるのはソフトマックスと交差エントロピーの組み合わせで、σ と二乗誤差ではありません）。"
           "delta_out = (y - d) * σ'(v) としてください。")),
    Misconception("sign_flipped", deltas(error=lambda ys, ds: ds - ys), Text(
        en="every delta has the wrong sign: you used `d - y`. The derivative of ½(y - d)² with "
           "respect to y is `y - d`.",
        ja="すべての δ の符号が逆です（`d - y` を使っています）。½(y - d)² を y で微分すると `y - d` です。")),
    Misconception("no_recurrent_term", deltas(recurrent=lambda later, W: 0.0), Text(
        en="the recurrent term is missing: delta[t] gets nothing from delta[t+1]. Through "
           "u_(t+1) = ... + z_t W the error of step t+1 reaches step t: add `delta[t+1] @ W.T` "
           "(zero after the last step).",
        ja="再帰の項が抜けていて、delta[t] が delta[t+1] から何も受け取っていません。u_(t+1) = ... + z_t W "
           "を通じて時刻 t+1 の誤差が時刻 t へ戻るので、`delta[t+1] @ W.T` を加えてください（最後の時刻の後はゼロ）。")),
    Misconception("W_not_transposed", deltas(recurrent=lambda later, W: later @ W), Text(
        en="you sent delta[t+1] back with W instead of W.T. Going backwards through "
           "u_(t+1) = z_t W multiplies by the transpose: `delta[t+1] @ W.T`. (Both run because W "
           "is square, but only the transpose is the derivative.)",
        ja="delta[t+1] を W.T ではなく W で戻しています。u_(t+1) = z_t W を逆にたどるときは転置を掛けます: "
           "`delta[t+1] @ W.T`（W は正方行列なのでどちらも動きますが、微分として正しいのは転置だけです）。")),
    Misconception("wrong_time_direction", deltas(backwards=False), Text(
        en="your recursion runs forwards in time, using delta[t-1]. The error flows back from the "
           "future: delta[t] needs delta[t+1], so loop t from T-1 down to 0 with delta[T] = 0.",
        ja="漸化式が時間の順方向に進み、delta[t-1] を使っています。誤差は未来から過去へ戻るので、"
           "delta[t] には delta[t+1] が必要です。delta[T] = 0 として t を T-1 から 0 へループしてください。")),
    Misconception("skips_first_step", deltas(last=1), Text(
        en="delta[0] is never computed: your backward loop stops before t = 0 "
           "(`range(T-1, 0, -1)` ends at 1). The first step gets an error too: loop "
           "`for t in reversed(range(T))` (or `range(T-1, -1, -1)`).",
        ja="delta[0] が計算されていません。逆向きのループが t = 0 の手前で止まっています"
           "（`range(T-1, 0, -1)` は 1 で終わります）。最初の時刻にも誤差は届くので、"
           "`for t in reversed(range(T))`（または `range(T-1, -1, -1)`）でループしてください。")),
    Misconception("no_hidden_slope", deltas(hidden_slope=lambda u: 1.0), Text(
        en="the factor σ'(u_t) of the hidden sigmoid is missing: delta[t] = (delta[t+1] @ W.T + "
           "delta_out[t] @ W_out.T) * σ'(us[t]).",
        ja="隠れ層のシグモイドの微分 σ'(u_t) が抜けています: delta[t] = (delta[t+1] @ W.T + "
           "delta_out[t] @ W_out.T) * σ'(us[t])。")),
    Misconception("slope_on_output_term_only", deltas(slope_on_both=False), Text(
        en="σ'(u_t) multiplies only the output term: both paths into z_t (to the output and to "
           "the next step) pass through z_t = σ(u_t), so multiply their SUM by σ'(us[t]).",
        ja="σ'(u_t) を出力側の項にだけ掛けています。z_t へ戻る 2 つの経路（出力へ、次の時刻へ）は"
           "どちらも z_t = σ(u_t) を通るので、2 つの項の「和」に σ'(us[t]) を掛けてください。")),
]


# ----------------------------------------------------------------------------- wrong gradients
def previous_states(z0, zs, forget_z0=False):
    """z_{t-1} for t = 0..T-1: z0 (zeros when None, or when forgotten), then zs[:-1]."""
    first = np.zeros_like(zs[0]) if z0 is None or forget_z0 else z0
    return np.concatenate([first[None], zs[:-1]])


def grads(delta_fn=reference.bptt_deltas, z_prev=previous_states, bias_sum=lambda d: d.sum(axis=(0, 1)),
          forward_z0=True, scale=lambda xs: 1.0):
    """An ``rnn_grads`` with one part replaced (the defaults give the right one)."""
    def run(xs, ds, W_in, W, W_out, b, c, z0=None):
        us, zs, vs, ys = reference.forward(xs, W_in, W, W_out, b, c, z0 if forward_z0 else None)
        delta, delta_out = delta_fn(us, vs, ys, ds, W, W_out)
        found = {"W_in": np.einsum("tnd,tnh->dh", xs, delta),
                 "W": np.einsum("tni,tnh->ih", z_prev(z0, zs), delta),
                 "W_out": np.einsum("tnh,tno->ho", zs, delta_out),
                 "b": bias_sum(delta), "c": bias_sum(delta_out)}
        return {key: value * scale(xs) for key, value in found.items()}
    return run


BIAS_NOT_OVER_TIME = Text(
    en="your b and c gradients hold a single time step: b and c are used at EVERY step, so their "
       "gradients add up over all t (accumulate with `+=`, do not overwrite with `=`): "
       "∂E/∂b = Σ_t Σ_n δ_t, ∂E/∂c = Σ_t Σ_n δout_t.",
    ja="b と c の勾配が 1 つの時刻の分しかありません。b と c は毎時刻使われるので、勾配は全時刻について"
       "足し合わせます（`=` で上書きせず `+=` で累積）: ∂E/∂b = Σ_t Σ_n δ_t、∂E/∂c = Σ_t Σ_n δout_t。")

GRAD_WRONG = [
    Misconception("W_grad_uses_z_t", grads(z_prev=lambda z0, zs: zs), Text(
        en="your W gradient multiplies δ_t by z_t, the state AFTER step t. In u_t = x_t W_in + "
           "z_(t-1) W + b, W meets the previous state: ∂E/∂W = Σ_t z_(t-1)ᵀ δ_t (z0 for t = 0).",
        ja="W の勾配で δ_t に z_t（時刻 t の「後」の状態）を掛けています。u_t = x_t W_in + z_(t-1) W + b "
           "で W に掛かるのは前の状態なので、∂E/∂W = Σ_t z_(t-1)ᵀ δ_t です（t = 0 では z0）。")),
    Misconception("W_grad_forgets_z0", grads(z_prev=lambda z0, zs: previous_states(z0, zs, forget_z0=True)), Text(
        en="your W gradient leaves out the first step's term z0ᵀ δ_0 (as if z0 were zero). When z0 "
           "is given, u_0 = x_0 W_in + z0 W + b depends on W through z0: include z0ᵀ δ_0.",
        ja="W の勾配から最初の時刻の項 z0ᵀ δ_0 が抜けています（z0 をゼロとみなしています）。z0 が与えられたときは "
           "u_0 = x_0 W_in + z0 W + b も z0 を通じて W に依存するので、z0ᵀ δ_0 を含めてください。")),
    Misconception("bias_not_summed_over_batch", grads(bias_sum=lambda d: d.sum(axis=0)), Text(
        en="your b and c gradients still have a batch axis, (N, H) and (N, O): the same bias is "
           "added to every sample, so sum over the batch too: `delta.sum(axis=(0, 1))`.",
        ja="b と c の勾配にバッチの軸が残っています（(N, H) と (N, O)）。同じバイアスがすべてのサンプルに"
           "加わるので、バッチについても和をとってください: `delta.sum(axis=(0, 1))`。")),
    Misconception("bias_batch_mean", grads(bias_sum=lambda d: d.sum(axis=0).mean(axis=0)), Text(
        en="you averaged the b and c gradients over the batch. The loss E = ½ Σ (y - d)² is a SUM "
           "over the batch, so its gradient is the sum: `delta.sum(axis=(0, 1))`.",
        ja="b と c の勾配をバッチで平均しています。損失 E = ½ Σ (y - d)² はバッチについての「和」なので、"
           "勾配も和です: `delta.sum(axis=(0, 1))`。")),
    Misconception("forward_without_z0", grads(forward_z0=False), Text(
        en="your gradients are those of a forward pass started from zeros: `forward(xs, ...)` was "
           "called without `z0`. When z0 is given, the states, the deltas and the W gradient all "
           "depend on it: pass `z0` on to the forward pass.",
        ja="勾配がゼロから始めた順伝播のものになっています（`z0` を渡さずに `forward(xs, ...)` を呼んでいます）。"
           "z0 が与えられたときは、状態も δ も W の勾配もそれに依存するので、順伝播に `z0` を渡してください。")),
    Misconception("batch_mean", grads(scale=lambda xs: 1.0 / xs.shape[1]), Text(
        en="every gradient is divided by the batch size N: you averaged over the batch. The loss "
           "E = ½ Σ (y - d)² is a SUM over the batch (and over time), so its gradients are sums too.",
        ja="すべての勾配がバッチサイズ N で割られています（バッチで平均しています）。損失 E = ½ Σ (y - d)² は"
           "バッチ（と時刻）についての「和」なので、勾配も和です。")),
    Misconception("bias_not_summed_over_time", grads(bias_sum=lambda d: d[0].sum(axis=0)), BIAS_NOT_OVER_TIME),
    Misconception("bias_not_summed_over_time", grads(bias_sum=lambda d: d[-1].sum(axis=0)), BIAS_NOT_OVER_TIME),
] + [Misconception(wrong.name, grads(delta_fn=wrong.formula), wrong.explanation) for wrong in DELTA_WRONG]


ARG_NAMES = ["xs", "ds", "W_in", "W", "W_out", "b", "c", "z0"]
PARAMETERS = {"W_in": "W_in", "W": "W", "W_out": "W_out", "b": "b", "c": "c"}

EXERCISE = Exercise("bptt", Text(en="Backpropagation through time", ja="BPTT（通時的誤差逆伝播）"), checks=[
    ValueCheck("deltas", points=3, function="bptt_deltas", inputs=delta_inputs,
               reference=reference.bptt_deltas, misconceptions=DELTA_WRONG,
               title=Text(en="bptt_deltas: delta and delta_out, T = 1 to 5",
                          ja="bptt_deltas: delta と delta_out（T = 1〜5）")),
    GradientCheck("numeric_gradients", points=5, function="rnn_grads", inputs=grad_inputs,
                  loss=reference.loss, wrt=PARAMETERS, arg_names=ARG_NAMES, exact=reference.rnn_grads,
                  title=Text(en="rnn_grads: each gradient against central differences of the loss",
                             ja="rnn_grads: 各勾配と損失の中心差分の比較")),
    ValueCheck("named_mistakes", points=2, function="rnn_grads", inputs=grad_inputs,
               reference=reference.rnn_grads, compare=compare_dict, misconceptions=GRAD_WRONG,
               title=Text(en="rnn_grads: all gradients exact, with z0 given or None",
                          ja="rnn_grads: z0 あり・なしで全勾配が正確")),
])
