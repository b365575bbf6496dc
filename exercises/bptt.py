"""Exercise: backpropagation through time (BPTT, 通時的誤差逆伝播).

The simple RNN of the binary-addition example, with biases (row vectors, batch first,
time-major: xs[t] has shape (N, D)):

    u_t = x_t W_in + z_{t-1} W + b      z_t = σ(u_t)       (N, H)
    v_t = z_t W_out + c                 y_t = σ(v_t)       (N, O)
    z_{-1} = z0 (zeros when None)       E = ½ Σ_t Σ (y_t - d_t)²

BPTT sends the error back through the outputs and through time.  With
δout_t = ∂E/∂v_t and δ_t = ∂E/∂u_t:

    δout_t = (y_t - d_t) * σ'(v_t)
    δ_t    = (δ_{t+1} Wᵀ + δout_t W_outᵀ) * σ'(u_t),       δ_T = 0
    ∂E/∂W_in  = Σ_t x_tᵀ δ_t          ∂E/∂W = Σ_t z_{t-1}ᵀ δ_t      ∂E/∂b = Σ_t Σ_n δ_t
    ∂E/∂W_out = Σ_t z_tᵀ δout_t       ∂E/∂c = Σ_t Σ_n δout_t

誤差は出力から、そして時間をさかのぼって伝わる。δ_t は時刻 t+1 の δ を Wᵀ で戻した項と、
その時刻の出力の δout を W_outᵀ で戻した項の和に σ'(u_t) を掛けたもの。σ' は
「活性化前の値」（u や v）で評価する。重みの勾配は全時刻・全バッチについて足し合わせる。

sigmoid, d_sigmoid and forward below are given (already written): use them.
下の sigmoid, d_sigmoid, forward は実装済みなので、そのまま使ってよい。
"""
import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def d_sigmoid(x):
    """σ'(x) = σ(x)(1 - σ(x)): pass the PRE-activation (u or v), not σ of it."""
    s = sigmoid(x)
    return s * (1.0 - s)


def forward(xs, W_in, W, W_out, b, c, z0=None):
    """The forward pass (given). xs (T, N, D) -> us, zs (T, N, H) and vs, ys (T, N, O)."""
    z = np.zeros((xs.shape[1], W.shape[0])) if z0 is None else z0
    us, zs, vs, ys = [], [], [], []
    for x in xs:
        u = x @ W_in + z @ W + b
        z = sigmoid(u)
        v = z @ W_out + c
        us.append(u), zs.append(z), vs.append(v), ys.append(sigmoid(v))
    return np.array(us), np.array(zs), np.array(vs), np.array(ys)


def bptt_deltas(us, vs, ys, ds, W, W_out):
    """The deltas of BPTT, from the last time step back to the first.

    Inputs:
    - us: ndarray (T, N, H), pre-activations of the hidden layer.
    - vs: ndarray (T, N, O), pre-activations of the output layer.
    - ys: ndarray (T, N, O), outputs σ(vs).
    - ds: ndarray (T, N, O), targets.
    - W: ndarray (H, H), recurrent weights; W_out: ndarray (H, O), output weights.
    Do not modify the inputs.

    Returns a tuple (delta, delta_out):
    - delta: ndarray (T, N, H), delta[t] = (delta[t+1] @ W.T + delta_out[t] @ W_out.T) * σ'(us[t]),
      with delta[T] = 0 (nothing comes back from after the last step).
    - delta_out: ndarray (T, N, O), delta_out[t] = (ys[t] - ds[t]) * σ'(vs[t]).

    Hint: loop t from T-1 down to 0.  ヒント: t を T-1 から 0 へ逆向きにループする。
    """
    delta, delta_out = None, None
    ###########################################################################
    # TODO: compute delta_out, then delta backwards in time.                  #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return delta, delta_out


def rnn_grads(xs, ds, W_in, W, W_out, b, c, z0=None):
    """The exact gradients of E = ½ Σ (y - d)² w.r.t. every parameter.

    Inputs:
    - xs: ndarray (T, N, D), inputs; ds: ndarray (T, N, O), targets.
    - W_in (D, H), W (H, H), W_out (H, O), b (H,), c (O,): the parameters.
    - z0: ndarray (N, H), the state before the first step, or None for zeros.
    Do not modify the inputs.

    Returns:
    - dict with keys "W_in", "W", "W_out", "b", "c", each an ndarray of the same shape
      as that parameter (sums over all time steps and the whole batch).

    Hint: run forward, then bptt_deltas.  The state before step t is z_{t-1}: z0 for t = 0.
    ヒント: forward と bptt_deltas を使う。時刻 t の直前の状態は z_{t-1}（t = 0 では z0）。
    """
    grads = None
    ###########################################################################
    # TODO: forward pass, deltas, then sum the gradients over time and batch. #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return grads
