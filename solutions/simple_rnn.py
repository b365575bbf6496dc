"""Reference: a stable sigmoid, its derivative, and the forward pass of a simple RNN."""
import numpy as np


def sigmoid(x):
    """1 / (1 + exp(-x)) element-wise, computing exp only of -|x| (never overflows)."""
    e = np.exp(-np.abs(x))                              # in (0, 1]
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def d_sigmoid(x):
    """sigmoid'(x) = sigmoid(x) * (1 - sigmoid(x))."""
    s = sigmoid(x)
    return s * (1.0 - s)


def rnn_forward(xs, W_in, W, W_out, b, c, z0=None):
    """us, zs (T, N, H) and vs, ys (T, N, O) of the simple RNN over xs (T, N, D)."""
    T, N, _ = xs.shape
    H, O = W.shape[0], W_out.shape[1]
    z = np.zeros((N, H)) if z0 is None else z0          # z_{-1}  (N, H)
    us, zs = np.zeros((T, N, H)), np.zeros((T, N, H))
    vs, ys = np.zeros((T, N, O)), np.zeros((T, N, O))
    for t in range(T):
        us[t] = xs[t] @ W_in + z @ W + b                # (N, D)(D, H) + (N, H)(H, H) + (H,)
        z = zs[t] = sigmoid(us[t])
        vs[t] = z @ W_out + c                           # (N, H)(H, O) + (O,)
        ys[t] = sigmoid(vs[t])
    return us, zs, vs, ys
