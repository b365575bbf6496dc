"""binary_addition: the course's hands-on exercise, a simple RNN that learns binary addition.

Two kinds of check.  Replayed against the reference under the same generator: ``make_batch``,
``accuracy``, and the first iterations of ``train`` (losses, gradient norms and parameters) in
six configurations (sigmoid, tanh, relu; batch 1 and > 1; with and without clipping), whose
inputs are chosen so that every named mistake shows (a relu case where some u is exactly 0,
a clip threshold between the run's gradient norms).  Then the behaviour of the learner's own
``train`` (``rnn_grader.judges.binary_addition``): it learns, relu without clipping explodes,
and relu with ``clip=1.0`` learns again.

The behaviour runs use batch 8 and at most 2000 iterations, on vetted seeds (``BEHAVIOUR``),
so that a right ``train`` passes reliably and the three runs take a few seconds (3030
iterations in all); the exercise declares its own time limit all the same.
Random generators cross the sandbox border as ``Rng(seed)``; ``replayed`` turns them into
``numpy.random.default_rng(seed)`` for the reference and the wrong formulas.
"""
import functools
import itertools

import numpy as np

from rnn_grader.engine import Exercise, Misconception, PropertyCheck, Text, ValueCheck
from rnn_grader.judges.binary_addition import TRAIN_ARGS, compare_training, explodes, learns, learns_again
from rnn_grader.sandbox.plain import Rng
from solutions import binary_addition as reference

ORDER = 17
WALL_SECONDS = 60.0     # the behaviour runs train for seconds (the reference: ~3 s in all)
PARAMETERS = reference.PARAMETERS
DRAW_ORDER = ("W_in", "W", "W_out")


# ----------------------------------------------------------------------------- generators
def generator(rng):
    """The generator a call's ``Rng(seed)`` becomes in the learner's process."""
    return np.random.default_rng(rng.seed) if isinstance(rng, Rng) else rng


def replayed(function):
    """``function`` called with its first argument (an ``Rng``) made a generator."""
    @functools.wraps(function)
    def run(rng, *args, **kwargs):
        return function(generator(rng), *args, **kwargs)
    return run


def seeds(rng, count):
    return [int(s) for s in rng.choice(2**31, size=count, replace=False)]


# ----------------------------------------------------------------------------- make_batch, mistaken
def bits_of(k, bits):
    """(bits, n): row t = bit t of k (least significant first)."""
    return ((k[None, :] >> np.arange(bits)[:, None]) & 1).astype(float)


def batch_from(a, b, bits):
    return np.stack([bits_of(a, bits), bits_of(b, bits)], axis=2), bits_of(a + b, bits)[:, :, None]


def operands(high=lambda bits: 2 ** (bits - 1), order="a_first"):
    """A ``make_batch`` that draws a and b in another way (the defaults give the right one)."""
    def make_batch(rng, n, bits=8):
        if order == "pairs":
            pairs = rng.integers(0, high(bits), (n, 2))
            a, b = pairs[:, 0], pairs[:, 1]
        else:
            first, second = rng.integers(0, high(bits), n), rng.integers(0, high(bits), n)
            a, b = (first, second) if order == "a_first" else (second, first)
        return batch_from(a, b, bits)      # only the low ``bits`` bits of a + b are kept
    return make_batch


def reshaped(change):
    """The right ``make_batch`` with its result changed by ``change(xs, ds)``."""
    def make_batch(rng, n, bits=8):
        return change(*reference.make_batch(rng, n, bits))
    return make_batch


BITS_REVERSED = Misconception("bits_reversed", replayed(reshaped(lambda xs, ds: (xs[::-1], ds[::-1]))), Text(
    en="your bits run from the most significant one: xs[0] holds the highest bit. Addition starts at the "
       "LEAST significant bit, where the carry is born, and carries it upwards: xs[t] = bit t, i.e. "
       "(a >> t) & 1 for t = 0, 1, ... (the course's code reads `a_bin[-t-1]` for the same reason).",
    ja="ビットが上位から並んでいます（xs[0] が最上位ビット）。足し算は繰り上がりが生まれる「最下位」ビットから始まり、"
       "上位へ運びます: xs[t] は第 t ビット、つまり t = 0, 1, ... について (a >> t) & 1 です"
       "（講義のコードが `a_bin[-t-1]` と逆順に読むのも同じ理由です）。"))
B_FIRST = Misconception("b_drawn_first", replayed(operands(order="b_first")), Text(
    en="your a and b come from the generator in the other order: draw a = rng.integers(0, 2**(bits-1), n) "
       "FIRST, then b the same way, and put a's bits in channel 0, b's in channel 1.",
    ja="a と b を乱数生成器から逆の順に引いています。先に a = rng.integers(0, 2**(bits-1), n)、"
       "次に b を同じように引き、チャンネル 0 に a のビット、チャンネル 1 に b のビットを入れてください。"))
PAIRS = Misconception("pairs_drawn_together", replayed(operands(order="pairs")), Text(
    en="you drew a and b together as rng.integers(..., (n, 2)): the generator fills that row by row, so a "
       "and b interleave. Draw a with one call of size n, then b with another.",
    ja="a と b を rng.integers(..., (n, 2)) でまとめて引いています。生成器は行ごとに埋めるので a と b が"
       "交互に混ざります。a をサイズ n の 1 回の呼び出しで、次に b を別の呼び出しで引いてください。"))
FULL_RANGE = Misconception("operands_too_large", replayed(operands(high=lambda bits: 2 ** bits)), Text(
    en="your a and b go up to 2**bits - 1, so a + b can need bits + 1 bits and its top bit is lost. "
       "Draw them below 2**(bits-1): rng.integers(0, 2**(bits-1), n), so that the sum fits in bits bits.",
    ja="a と b が 2**bits - 1 まで取り得るため、a + b が bits + 1 ビット必要になり最上位ビットが失われます。"
       "rng.integers(0, 2**(bits-1), n) と 2**(bits-1) 未満から引けば、和が bits ビットに収まります。"))
BATCH_FIRST = Misconception("batch_first", replayed(reshaped(lambda xs, ds: (xs.transpose(1, 0, 2),
                                                                             ds.transpose(1, 0, 2)))), Text(
    en="your xs has shape (n, bits, 2): batch first. Sequences here are time-major, (bits, n, 2) and "
       "(bits, n, 1), so that xs[t] is the input of step t for the whole batch.",
    ja="xs の形状が (n, bits, 2)（バッチが先）です。ここでの系列は時刻が先で (bits, n, 2) と (bits, n, 1)、"
       "xs[t] がバッチ全体の時刻 t の入力になります。"))
NO_OUTPUT_AXIS = Misconception("targets_without_output_axis", replayed(reshaped(lambda xs, ds: (xs, ds[:, :, 0]))), Text(
    en="your ds has shape (bits, n): the output axis is missing. The network has one output per step, so "
       "ds is (bits, n, 1), like y: add it with ds[:, :, None].",
    ja="ds の形状が (bits, n) で、出力の軸がありません。ネットワークの出力は各時刻 1 つなので、y と同じく "
       "ds は (bits, n, 1) です。ds[:, :, None] で軸を加えてください。"))

BATCH_WRONG = [BITS_REVERSED, B_FIRST, PAIRS, FULL_RANGE, BATCH_FIRST, NO_OUTPUT_AXIS]


# ----------------------------------------------------------------------------- train, mistaken
def draw_weights(order=DRAW_ORDER, scaled=True, biases=False):
    """Initial parameters drawn in ``order`` (the defaults give the right draws)."""
    def draw(rng, hidden, init_std):
        std = init_std if scaled else 1.0
        shapes = {"W_in": (2, hidden), "W": (hidden, hidden), "W_out": (hidden, 1)}
        params = {name: std * rng.standard_normal(shapes[name]) for name in order}
        if biases:
            params.update(b=std * rng.standard_normal(hidden), c=std * rng.standard_normal(1))
        else:
            params.update(b=np.zeros(hidden), c=np.zeros(1))
        return params
    return draw


def hidden_slope(relu=None, tanh=None, always_sigmoid=False):
    """f'(u) with the relu or tanh derivative replaced (None keeps the right one)."""
    def slope(u, activation):
        if always_sigmoid:
            return reference.d_activate(u, "sigmoid")
        if activation == "relu" and relu is not None:
            return relu(u)
        if activation == "tanh" and tanh is not None:
            return tanh(u)
        return reference.d_activate(u, activation)
    return slope


def states(xs, params, activation, z0):
    """us, zs (T, N, H), ys (T, N, 1) from the state z0."""
    z, us, zs, ys = z0, [], [], []
    for x in xs:
        u = x @ params["W_in"] + z @ params["W"] + params["b"]
        z = reference.activate(u, activation)
        us.append(u), zs.append(z), ys.append(reference.sigmoid(z @ params["W_out"] + params["c"]))
    return np.array(us), np.array(zs), np.array(ys)


def backprop(xs, ds, params, activation, z0, slope, out_slope):
    """E (a sum), its BPTT gradients with the given slopes, and the last state."""
    us, zs, ys = states(xs, params, activation, z0)
    delta_out = (ys - ds) * out_slope(ys)
    delta, later = np.zeros_like(us), np.zeros_like(us[0])
    for t in reversed(range(len(xs))):
        later = delta[t] = (later @ params["W"].T + delta_out[t] @ params["W_out"].T) * slope(us[t], activation)
    z_prev = np.concatenate([z0[None], zs[:-1]])
    grads = {"W_in": np.einsum("tnd,tnh->dh", xs, delta), "W": np.einsum("tni,tnh->ih", z_prev, delta),
             "W_out": np.einsum("tnh,tno->ho", zs, delta_out),
             "b": delta.sum(axis=(0, 1)), "c": delta_out.sum(axis=(0, 1))}
    return 0.5 * float(np.sum((ys - ds) ** 2)), grads, zs[-1]


def norm_of(grads):
    return float(np.sqrt(sum(np.sum(g ** 2) for g in grads.values())))


def clip_global(grads, norm, clip):
    return {k: g * (clip / norm) for k, g in grads.items()} if clip is not None and norm > clip else grads


def clip_each(grads, norm, clip):
    if clip is None:
        return grads
    return {k: g * (clip / np.linalg.norm(g)) if np.linalg.norm(g) > clip else g for k, g in grads.items()}


def clip_always(grads, norm, clip):
    return grads if clip is None else {k: g * (clip / norm) for k, g in grads.items()}


def training(draw=draw_weights(), batch_of=reference.make_batch, slope=hidden_slope(),
             out_slope=lambda ys: ys * (1.0 - ys), loss_scale=lambda T, N: 1.0, grad_scale=lambda T, N: 1.0,
             clipped=clip_global, norm_after_clip=False, loss_after_update=False, carry_state=False, sign=1.0):
    """A ``train`` with one part replaced (the defaults give the right one)."""
    def train(rng, iters, hidden=16, lr=0.1, init_std=1.0, batch=1, activation="sigmoid", clip=None):
        params = draw(rng, hidden, init_std)
        losses, norms, state = np.zeros(iters), np.zeros(iters), np.zeros((batch, hidden))
        for i in range(iters):
            xs, ds = batch_of(rng, batch)
            z0 = state if carry_state else np.zeros((batch, hidden))
            E, grads, state = backprop(xs, ds, params, activation, z0, slope, out_slope)
            T, N = xs.shape[:2]
            grads = {k: g * grad_scale(T, N) for k, g in grads.items()}
            norm = norm_of(grads)
            step = clipped(grads, norm, clip)
            params = {k: params[k] - sign * lr * step[k] for k in PARAMETERS}
            if loss_after_update:
                E = backprop(xs, ds, params, activation, z0, slope, out_slope)[0]
            losses[i], norms[i] = E * loss_scale(T, N), norm_of(step) if norm_after_clip else norm
        return {"params": params, "losses": losses, "grad_norms": norms}
    return replayed(train)


MEAN_LOSS = Text(
    en="your loss is a mean: E here is the SUM ½ Σ_t Σ_n (y - d)² over time, batch and outputs (as in the "
       "course), and its gradients are those of the sum. With a mean, the recorded losses (and, if the "
       "gradients follow it, every step) are divided by the number of terms.",
    ja="損失を平均にしています。ここでの E は時刻・バッチ・出力についての「和」½ Σ_t Σ_n (y - d)²（講義と同じ）で、"
       "勾配もその和の勾配です。平均にすると、記録される損失（勾配も平均に合わせれば毎回の更新幅も）が項の数で割られます。")
ORDER_EXPLANATION = Text(
    en="your initial weights are drawn in another order: the generator gives its numbers in sequence, so "
       "draw W_in (2, H) first, then W (H, H), then W_out (H, 1), each init_std * rng.standard_normal(shape), "
       "and do not draw b and c (zeros).",
    ja="重みの初期値を別の順で引いています。乱数生成器は数を順番に出すので、W_in (2, H)、W (H, H)、W_out (H, 1) の順に、"
       "それぞれ init_std * rng.standard_normal(shape) で引いてください（b と c は引かずにゼロ）。")


def order_mistakes():
    """Every other order of the three weight draws, each a misconception of the same name."""
    return [Misconception("weights_drawn_in_another_order", training(draw=draw_weights(order)), ORDER_EXPLANATION)
            for order in itertools.permutations(DRAW_ORDER) if order != DRAW_ORDER]


def carried(wrong: Misconception) -> Misconception:
    """A make_batch misconception, seen through train (which calls make_batch)."""
    return Misconception(wrong.name, training(batch_of=wrong.formula.__wrapped__), wrong.explanation)


TRAIN_WRONG = [
    *order_mistakes(),
    Misconception("weights_without_init_std", training(draw=draw_weights(scaled=False)), Text(
        en="your initial weights ignore init_std: each is init_std * rng.standard_normal(shape), so init_std "
           "sets their scale (the study notes' experiment with a larger initial weight).",
        ja="重みの初期値で init_std を使っていません。各重みは init_std * rng.standard_normal(shape) で、"
           "init_std がその大きさを決めます（学習ノートの「重みの初期値を大きくする」実験）。")),
    Misconception("biases_drawn", training(draw=draw_weights(biases=True)), Text(
        en="you drew b and c from the generator too. The biases start at zero (b = np.zeros(H), c = np.zeros(1)); "
           "drawing them also shifts every later draw, so all batches differ.",
        ja="b と c も乱数生成器から引いています。バイアスはゼロから始めます（b = np.zeros(H)、c = np.zeros(1)）。"
           "余分に引くと以後の乱数がすべてずれ、バッチも変わります。")),
    *[carried(wrong) for wrong in [BITS_REVERSED, B_FIRST, PAIRS, FULL_RANGE]],
    Misconception("relu_derivative_is_relu", training(slope=hidden_slope(relu=lambda u: np.maximum(u, 0.0))), Text(
        en="your relu derivative is relu itself, max(u, 0). The slope of relu is a step: 1 where u > 0, "
           "0 elsewhere, i.e. (u > 0).astype(float).",
        ja="relu の微分が relu そのもの max(u, 0) になっています。relu の傾きは階段関数で、u > 0 で 1、"
           "それ以外で 0、つまり (u > 0).astype(float) です。")),
    Misconception("relu_derivative_at_zero", training(slope=hidden_slope(relu=lambda u: (u >= 0).astype(float))), Text(
        en="your relu derivative is 1 at u = 0 (u >= 0). Here relu' is 1 only where u > 0, and u is exactly 0 "
           "whenever the input bits and the state are zero at the start (b = 0): use (u > 0).",
        ja="relu の微分が u = 0 で 1 になっています（u >= 0）。ここでの relu' は u > 0 のときだけ 1 です。"
           "最初（b = 0）に入力ビットと状態がゼロなら u はちょうど 0 になるので、(u > 0) を使ってください。")),
    Misconception("tanh_derivative_not_squared", training(slope=hidden_slope(tanh=lambda u: 1.0 - np.tanh(u))), Text(
        en="your tanh derivative is 1 - tanh(u); it is 1 - tanh(u)², the square of tanh.",
        ja="tanh の微分が 1 - tanh(u) になっています。正しくは 1 - tanh(u)²（tanh の 2 乗）です。")),
    Misconception("tanh_derivative_of_u", training(slope=hidden_slope(tanh=lambda u: 1.0 - u ** 2)), Text(
        en="your tanh derivative is 1 - u²: the formula 1 - z² holds for z = tanh(u), the activation's OUTPUT. "
           "At the pre-activation it reads 1 - tanh(u)².",
        ja="tanh の微分が 1 - u² になっています。1 - z² は z = tanh(u)（活性化の「出力」）についての式で、"
           "活性化前の値 u で書くと 1 - tanh(u)² です。")),
    Misconception("sigmoid_derivative_for_every_activation", training(slope=hidden_slope(always_sigmoid=True)), Text(
        en="your backward pass uses σ'(u) whatever the activation: with tanh or relu in the hidden layer, "
           "δ_t must be multiplied by THAT function's derivative (1 - tanh(u)², or 1 where u > 0).",
        ja="活性化関数が何であっても逆伝播で σ'(u) を使っています。隠れ層が tanh や relu なら、δ_t にはその関数の"
           "微分（1 - tanh(u)²、または u > 0 で 1）を掛けます。")),
    Misconception("sigma_prime_of_output", training(out_slope=lambda ys: reference.sigmoid(ys) * (1 - reference.sigmoid(ys))), Text(
        en="your output delta applies σ' to y (σ'(σ(v)), as `d_sigmoid(y)` in the course's code): the "
           "derivative of y = σ(v) is σ'(v) = y (1 - y), so δout_t = (y_t - d_t) * y_t * (1 - y_t).",
        ja="出力の δ で σ' を y に適用しています（σ'(σ(v))、講義のコードの `d_sigmoid(y)`）。y = σ(v) の微分は "
           "σ'(v) = y (1 - y) なので、δout_t = (y_t - d_t) * y_t * (1 - y_t) です。")),
    Misconception("mean_loss", training(loss_scale=lambda T, N: 1.0 / (T * N)), MEAN_LOSS),
    Misconception("mean_loss", training(loss_scale=lambda T, N: 1.0 / (T * N), grad_scale=lambda T, N: 1.0 / (T * N)),
                  MEAN_LOSS),
    Misconception("mean_loss", training(loss_scale=lambda T, N: 1.0 / N, grad_scale=lambda T, N: 1.0 / N), MEAN_LOSS),
    Misconception("losses_after_update", training(loss_after_update=True), Text(
        en="your losses are computed after the update: record each iteration's E from the forward pass that "
           "gives the gradients, BEFORE p ← p - lr * grad.",
        ja="損失を更新の後で計算しています。各回の E は勾配を求める順伝播の値を、p ← p - lr * grad の「前」に記録してください。")),
    Misconception("state_carried_over", training(carry_state=True), Text(
        en="your hidden state is carried from one iteration to the next. Each batch holds new, unrelated sums, "
           "so every iteration starts from z_{-1} = 0 (create z inside the loop over iterations).",
        ja="隠れ状態を次の回に持ち越しています。各バッチは新しい無関係な足し算なので、毎回 z_{-1} = 0 から始めます"
           "（z は学習のループの内側で作ってください）。")),
    Misconception("gradient_ascent", training(sign=-1.0), Text(
        en="your update climbs the loss: p + lr * grad. Gradient descent steps against the gradient: "
           "p ← p - lr * grad.",
        ja="更新で損失を増やしています（p + lr * grad）。勾配降下法は勾配と逆向きに進みます: p ← p - lr * grad。")),
    Misconception("clipped_per_parameter", training(clipped=clip_each), Text(
        en="you clipped each gradient by its own norm. Clipping uses the norm of ALL five gradients together, "
           "g = sqrt(Σ ‖grad‖²), and when g > clip multiplies every gradient by the same clip / g, so the step "
           "keeps its direction.",
        ja="各勾配をそれぞれのノルムでクリップしています。クリッピングは 5 つの勾配「全体」のノルム g = sqrt(Σ ‖grad‖²) "
           "を使い、g > clip のとき全勾配に同じ clip / g を掛けるので、更新の向きが保たれます。")),
    Misconception("clipped_after_update", training(clipped=lambda grads, norm, clip: grads), Text(
        en="your updates use the unclipped gradients (clipping comes after the update, or not at all): clip "
           "first, when g > clip, then update with the clipped gradients.",
        ja="更新にクリップ前の勾配を使っています（クリッピングが更新の後にあるか、ありません）。g > clip なら先に"
           "クリップし、その勾配で更新してください。")),
    Misconception("clipped_always", training(clipped=clip_always), Text(
        en="you rescale the gradients to norm clip at every step, also when g <= clip (which makes small "
           "gradients larger). Clip only when g > clip.",
        ja="g <= clip のときも毎回ノルムが clip になるよう勾配を変えています（小さい勾配を大きくしてしまいます）。"
           "g > clip のときだけクリップしてください。")),
    Misconception("norms_after_clipping", training(norm_after_clip=True), Text(
        en="your grad_norms are measured after clipping, so they never exceed clip. Record g before clipping: it "
           "is what shows the explosion.",
        ja="grad_norms をクリッピングの後で測っているため、clip を超えません。g はクリッピングの「前」に記録します"
           "（勾配爆発が見えるのはその値です）。")),
]


# ----------------------------------------------------------------------------- accuracy, mistaken
def per_bit(params, xs, ds, activation="sigmoid"):
    ys = reference.forward(xs, params, activation)[3]
    return float(np.mean((ys > 0.5) == (ds > 0.5)))


def with_sigmoid(params, xs, ds, activation="sigmoid"):
    return reference.accuracy(params, xs, ds, "sigmoid")


def count(params, xs, ds, activation="sigmoid"):
    return int(round(reference.accuracy(params, xs, ds, activation) * xs.shape[1]))


ACCURACY_WRONG = [
    Misconception("accuracy_per_bit", per_bit, Text(
        en="your accuracy counts bits: a sum is right only when ALL its bits are (one wrong bit makes a wrong "
           "sum). Compare whole samples: np.all(..., axis=(0, 2)), then the mean over the batch.",
        ja="正解率をビット単位で数えています。足し算はすべてのビットが正しいときだけ正解です（1 ビットでも違えば不正解）。"
           "サンプル全体で比べてください: np.all(..., axis=(0, 2)) のあとバッチで平均します。")),
    Misconception("accuracy_ignores_activation", with_sigmoid, Text(
        en="your accuracy runs the forward pass with sigmoid whatever `activation` says: pass it on, "
           "forward(xs, params, activation).",
        ja="`activation` の指定にかかわらず sigmoid で順伝播しています。forward(xs, params, activation) と引き渡してください。")),
    Misconception("accuracy_is_a_count", count, Text(
        en="you returned the NUMBER of right samples; accuracy is their fraction, in [0, 1].",
        ja="正解したサンプルの「数」を返しています。正解率はその割合（0〜1）です。")),
]


# ----------------------------------------------------------------------------- inputs
BATCH_CASES = [(5, 8), (1, 4), (7, 6), (3, 2)]   # (n, bits); n != bits so batch-first shows


def batch_inputs(rng):
    for (n, bits), seed in zip(BATCH_CASES, seeds(rng, len(BATCH_CASES))):
        yield Rng(seed), n, bits


def first_batch(seed, hidden, batch):
    """The first batch of a train(Rng(seed), ..., hidden, ..., batch) run."""
    rng = np.random.default_rng(seed)
    reference.initial_params(rng, hidden, 1.0)
    return reference.make_batch(rng, batch)[0]


def some_u_is_zero(seed, hidden, batch):
    """Does a sample of the first batch start with both bits 0 (then u_0 = 0 exactly)?"""
    return bool(np.any(np.all(first_batch(seed, hidden, batch)[0] == 0, axis=1)))


def sigmoid_inputs(rng):
    """Batch 1 and 3, init_std 1 and 0.5, a large learning rate so that each step shows."""
    first, second = seeds(rng, 2)
    yield Rng(first), 4, 3, 0.5, 1.0, 1, "sigmoid", None
    yield Rng(second), 3, 4, 0.3, 0.5, 3, "sigmoid", None


def activation_inputs(rng):
    """tanh, and relu on a seed whose first batch makes some u exactly 0."""
    yield Rng(seeds(rng, 1)[0]), 3, 4, 0.5, 0.4, 2, "tanh", None     # small u: 1 - u² stays finite
    seed = next(s for s in iter(lambda: seeds(rng, 1)[0], None) if some_u_is_zero(s, 3, 3))
    yield Rng(seed), 3, 3, 0.2, 1.0, 3, "relu", None


def threshold_between(args):
    """A clip (3 digits) above some of the clipped run's gradient norms and below others, or None."""
    rng, iters, hidden, lr, init_std, batch, activation, _ = args
    unclipped = reference.train(generator(rng), iters, hidden, lr, init_std, batch, activation)["grad_norms"]
    for quantile in (0.5, 0.3, 0.7):
        clip = float(f"{np.quantile(unclipped, quantile):.3g}")
        norms = reference.train(generator(rng), iters, hidden, lr, init_std, batch, activation, clip)["grad_norms"]
        if np.any(norms > 1.01 * clip) and np.any(norms < 0.99 * clip):
            return clip
    return None


def clipping_inputs(rng):
    """sigmoid and relu, each with a clip between its gradient norms (so every clipping mistake shows)."""
    for shape in [(5, 4, 0.5, 1.0, 2, "sigmoid"), (4, 3, 0.1, 1.5, 2, "relu")]:
        while True:
            args = (Rng(seeds(rng, 1)[0]), *shape, None)
            clip = threshold_between(args)
            if clip is not None:
                yield (*args[:-1], clip)
                break


# The behaviour runs: hidden 16, lr 0.1, init_std 1.0 (the defaults), batch 8, on seeds vetted by
# ``benchmarks/bench_binary_addition.py --vet``: the reference, and the reference with its initial
# weights scaled by 1 ± 1e-12 ... 1e-6 (another right implementation rounds differently), reach the
# goal with a margin.  sigmoid learns (100% of the sums) within 700 of the 1000 iterations; relu
# explodes (largest norm ≥ 500, 5 × EXPLODED) within 30 iterations; relu with clip=1.0, whose
# training is chaotic (the 1e-12 runs differ after a few hundred steps), adds ≥ 85% of the sums
# after 2000 iterations in every vetted run, where the goal is 50%.
BEHAVIOUR = {
    "learns": dict(iters=1000, activation="sigmoid", clip=None, seeds=[0, 2, 3, 4, 5, 6, 9, 10, 13]),
    "relu_explodes": dict(iters=30, activation="relu", clip=None, seeds=[11, 16, 30, 64, 70]),
    "relu_clipped_learns": dict(iters=2000, activation="relu", clip=1.0, seeds=[0, 10, 11, 17]),
}
BEHAVIOUR_BATCH = 8


def behaviour_inputs(name):
    """One run of the named behaviour, on one of its vetted seeds."""
    run = BEHAVIOUR[name]

    def inputs(rng):
        seed = int(rng.choice(run["seeds"]))
        yield Rng(seed), run["iters"], 16, 0.1, 1.0, BEHAVIOUR_BATCH, run["activation"], run["clip"]
    return inputs


def accuracy_inputs(rng):
    """Random networks whose own outputs, with some bits flipped in about half the samples,
    are the targets: every accuracy between 0 and 1 is possible, and per bit != per sample."""
    for activation, hidden, n in [("sigmoid", 4, 12), ("tanh", 3, 10), ("relu", 5, 9)]:
        params = {"W_in": rng.standard_normal((2, hidden)), "W": rng.normal(0, 0.7, (hidden, hidden)),
                  "W_out": rng.standard_normal((hidden, 1)), "b": rng.normal(0, 0.3, hidden),
                  "c": rng.normal(0, 0.3, 1)}
        xs, _ = reference.make_batch(rng, n, 6)
        ds = (reference.forward(xs, params, activation)[3] > 0.5).astype(float)
        for k in rng.choice(n, size=n // 2, replace=False):
            flipped = rng.choice(6, size=int(rng.integers(1, 3)), replace=False)
            ds[flipped, k, 0] = 1.0 - ds[flipped, k, 0]
        yield params, xs, ds, activation


# ----------------------------------------------------------------------------- the exercise
def steps(name, points, inputs, en, ja):
    return ValueCheck(name, points=points, function="train", inputs=inputs, reference=replayed(reference.train),
                      compare=compare_training, misconceptions=TRAIN_WRONG, title=Text(en=en, ja=ja))


def behaviour(name, points, prop, en, ja):
    return PropertyCheck(name, points=points, function="train", inputs=behaviour_inputs(name),
                         arg_names=TRAIN_ARGS, prop=prop, title=Text(en=en, ja=ja))


EXERCISE = Exercise("binary_addition", Text(en="A simple RNN learns binary addition",
                                            ja="2 進数の足し算を学習する RNN"), checks=[
    ValueCheck("make_batch", points=3, function="make_batch", inputs=batch_inputs,
               reference=replayed(reference.make_batch), misconceptions=BATCH_WRONG,
               title=Text(en="make_batch: the bits of a, b and a + b, drawn like the reference",
                          ja="make_batch: a, b, a + b のビット列（参照実装と同じ乱数の引き方）")),
    steps("first_steps_sigmoid", 3, sigmoid_inputs,
          "train: the first iterations with sigmoid (batch 1 and 3) equal the reference's",
          "train: sigmoid での最初の数回の学習（バッチ 1 と 3）が参照実装と一致"),
    steps("first_steps_tanh_relu", 3, activation_inputs,
          "train: the first iterations with tanh and relu equal the reference's",
          "train: tanh と relu での最初の数回の学習が参照実装と一致"),
    steps("first_steps_clipping", 3, clipping_inputs,
          "train: the first iterations with gradient clipping equal the reference's",
          "train: 勾配クリッピングありの最初の数回の学習が参照実装と一致"),
    ValueCheck("accuracy", points=2, function="accuracy", inputs=accuracy_inputs, reference=reference.accuracy,
               misconceptions=ACCURACY_WRONG,
               title=Text(en="accuracy: the share of sums with every bit right",
                          ja="accuracy: すべてのビットが正しい足し算の割合")),
    behaviour("learns", 3, learns,
              "your train learns binary addition (sigmoid, hidden 16, lr 0.1: all sums right)",
              "あなたの train が 2 進数の足し算を学習する（sigmoid、隠れ層 16、学習率 0.1: ほぼすべての和が正解）"),
    behaviour("relu_explodes", 1, explodes,
              "with relu and no clipping, the gradients explode (norms in the hundreds)",
              "relu でクリッピングなしだと勾配が爆発する（ノルムが数百）"),
    behaviour("relu_clipped_learns", 2, learns_again,
              "with relu and clip=1.0, your train learns again (at least half of the sums right)",
              "relu でも clip=1.0 なら再び学習できる（半分以上の和が正解）"),
], wall_seconds=WALL_SECONDS)
