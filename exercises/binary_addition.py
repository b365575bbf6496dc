"""Exercise: a simple RNN learns binary addition (演習: 2 進数の足し算を学習する RNN).

The course's hands-on exercise.  Two numbers a, b < 2**(bits-1) are fed bit by bit, least
significant bit first (t = 0), and the network outputs bit t of a + b at step t: the carry
has to travel forward in time through the hidden state.

    u_t = x_t W_in + z_{t-1} W + b      z_t = f(u_t)   (f = sigmoid, tanh or relu)
    v_t = z_t W_out + c                 y_t = σ(v_t)   z_{-1} = 0
    E = ½ Σ_t Σ_n (y_t - d_t)²          (a SUM over time, batch and outputs)

Shapes: xs (T, N, 2), ds (T, N, 1), W_in (2, H), W (H, H), W_out (H, 1), b (H,), c (1,).

2 つの数 a, b の各ビットを下位ビット（t = 0）から順に入力し、時刻 t に a + b の第 t ビットを
出力する。繰り上がりは隠れ状態を通じて時間の順方向に運ばれる。学習後にハイパーパラメータ
（隠れ層のサイズ、学習率、活性化関数、勾配クリッピング、重みの初期値）を変えて、
`grade experiments -e binary_addition` で何が起こるかを観察しよう。

sigmoid, activate and forward below are given (already written): use them.
下の sigmoid, activate, forward は実装済みなので、そのまま使ってよい。
"""
import numpy as np


def sigmoid(x):
    """σ(x) = 1 / (1 + exp(-x)), written as exp(-log(1 + exp(-x))) so that it never overflows."""
    return np.exp(-np.logaddexp(0.0, -x))


def activate(u, activation):
    """The hidden activation f(u): "sigmoid", "tanh" or "relu" (given)."""
    if activation == "sigmoid":
        return sigmoid(u)
    if activation == "tanh":
        return np.tanh(u)
    if activation == "relu":
        return np.maximum(u, 0.0)
    raise ValueError(f"unknown activation {activation!r}")


def forward(xs, params, activation="sigmoid"):
    """The forward pass (given), from z_{-1} = 0.

    xs (T, N, 2) and params {"W_in", "W", "W_out", "b", "c"} -> us, zs (T, N, H), vs, ys (T, N, 1).
    """
    z = np.zeros((xs.shape[1], params["W"].shape[0]))
    us, zs, vs, ys = [], [], [], []
    for x in xs:
        u = x @ params["W_in"] + z @ params["W"] + params["b"]
        z = activate(u, activation)
        v = z @ params["W_out"] + params["c"]
        us.append(u), zs.append(z), vs.append(v), ys.append(sigmoid(v))
    return np.array(us), np.array(zs), np.array(vs), np.array(ys)


def make_batch(rng, n, bits=8):
    """n random sums a + b, as bit sequences.

    Inputs:
    - rng: a numpy.random.Generator; draw a = rng.integers(0, 2**(bits-1), n) FIRST, then b
      the same way (the grader replays your draws).
    - n: int, the batch size; bits: int, the sequence length T.

    Returns a tuple (xs, ds), float64:
    - xs: ndarray (bits, n, 2), xs[t, k] = [bit t of a[k], bit t of b[k]] (t = 0: least significant).
    - ds: ndarray (bits, n, 1), ds[t, k, 0] = bit t of a[k] + b[k].

    Hint: bit t of an integer array k is (k >> t) & 1.  ヒント: 整数 k の第 t ビットは (k >> t) & 1。
    """
    xs, ds = None, None
    ###########################################################################
    # TODO: draw a, then b, and write their bits and the bits of their sum.   #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return xs, ds


def d_activate(u, activation):
    """f'(u), the derivative of the hidden activation at the PRE-activation u.

    sigmoid: σ(u)(1 - σ(u));  tanh: 1 - tanh(u)²;  relu: 1 where u > 0, else 0.
    活性化前の値 u で評価する。relu の微分は u > 0 で 1、それ以外（u = 0 を含む）で 0。
    """
    slope = None
    ###########################################################################
    # TODO: the derivative of each of the three activations.                 #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return slope


def loss_and_gradients(xs, ds, params, activation="sigmoid"):
    """E = ½ Σ (y - d)² and its exact gradients by BPTT.

    Inputs: xs (T, N, 2), ds (T, N, 1), params (dict of W_in, W, W_out, b, c), activation.
    Returns a tuple (E, grads): E a float, grads a dict with the keys of params, each an
    ndarray of that parameter's shape (summed over time and batch).

    With δout_t = ∂E/∂v_t and δ_t = ∂E/∂u_t (as in the bptt exercise, with f' for σ'):
        δout_t = (y_t - d_t) σ'(v_t)
        δ_t    = (δ_{t+1} Wᵀ + δout_t W_outᵀ) * f'(u_t),       δ_T = 0
    Hint: run forward, then go back from t = T-1 to 0.  The state before step 0 is zeros.
    ヒント: forward を使い、t = T-1 から 0 へ逆向きにたどる。時刻 0 の直前の状態はゼロ。
    """
    E, grads = None, None
    ###########################################################################
    # TODO: forward pass, deltas backwards in time, gradients summed.         #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return E, grads


def train(rng, iters, hidden=16, lr=0.1, init_std=1.0, batch=1, activation="sigmoid", clip=None):
    """Train the RNN by SGD on fresh random sums.

    Inputs:
    - rng: numpy.random.Generator.  Draw, in this order: W_in (2, H), W (H, H), W_out (H, 1),
      each init_std * rng.standard_normal(shape); b = zeros(H), c = zeros(1) are not drawn.
      Then each iteration draws its batch: xs, ds = make_batch(rng, batch).
    - iters: number of iterations; hidden: H; lr: learning rate; init_std: weight scale;
      batch: sums per iteration; activation: "sigmoid", "tanh" or "relu"; clip: None or a
      threshold for the norm of ALL gradients together.

    Each iteration: the loss E and the gradients; g = ‖all five gradients together‖₂; when
    clip is given and g > clip, multiply every gradient by clip / g; then p ← p - lr * grad.

    Returns a dict:
    - "params": {"W_in", "W", "W_out", "b", "c"} after the last update.
    - "losses": ndarray (iters,), each iteration's E BEFORE its update.
    - "grad_norms": ndarray (iters,), each g BEFORE clipping.

    Hint: the state z_{-1} starts at zero in EVERY iteration (each batch is a new sequence).
    ヒント: z_{-1} は毎回ゼロから始める（各バッチは新しい系列）。
    """
    result = None
    ###########################################################################
    # TODO: draw the weights, then loop: batch, loss and gradients, norm,      #
    # clipping, update.  Record each loss and norm.                           #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return result


def accuracy(params, xs, ds, activation="sigmoid"):
    """The fraction of samples (columns of xs) added without a single wrong bit.

    Inputs: params (as train returns them), xs (T, N, 2), ds (T, N, 1), activation.
    Returns a float in [0, 1]: a sample is right when every output bit (y > 0.5) equals
    its target bit.  ビットごとではなく、サンプル（足し算 1 つ）ごとの正解率。
    """
    acc = None
    ###########################################################################
    # TODO: forward pass, threshold at 0.5, compare whole samples.            #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return acc
