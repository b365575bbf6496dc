"""Reference: one GRU step (blocks [z, r, h̄], reset gate before the product) and its gradients."""
import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def gru_step(x, h_prev, Wx, Wh, b):
    """x (N, D), h_prev (N, H), Wx (D, 3H), Wh (H, 3H), b (3H,) -> h_next (N, H)."""
    H = h_prev.shape[1]
    Wxz, Wxr, Wxh = Wx[:, :H], Wx[:, H:2 * H], Wx[:, 2 * H:]
    Whz, Whr, Whh = Wh[:, :H], Wh[:, H:2 * H], Wh[:, 2 * H:]
    z = sigmoid(x @ Wxz + h_prev @ Whz + b[:H])                      # update gate (N, H)
    r = sigmoid(x @ Wxr + h_prev @ Whr + b[H:2 * H])                 # reset gate  (N, H)
    h_bar = np.tanh(x @ Wxh + (r * h_prev) @ Whh + b[2 * H:])        # candidate   (N, H)
    return (1 - z) * h_prev + z * h_bar


def gru_step_grads(x, h_prev, Wx, Wh, b, dh_next):
    """Gradients of L = Σ dh_next*h_next, one array per input."""
    H = h_prev.shape[1]
    Wxz, Wxr, Wxh = Wx[:, :H], Wx[:, H:2 * H], Wx[:, 2 * H:]
    Whz, Whr, Whh = Wh[:, :H], Wh[:, H:2 * H], Wh[:, 2 * H:]
    z = sigmoid(x @ Wxz + h_prev @ Whz + b[:H])
    r = sigmoid(x @ Wxr + h_prev @ Whr + b[H:2 * H])
    h_bar = np.tanh(x @ Wxh + (r * h_prev) @ Whh + b[2 * H:])

    dAh = dh_next * z * (1 - h_bar ** 2)               # through h_bar = tanh(A_h)      (N, H)
    dAz = dh_next * (h_bar - h_prev) * z * (1 - z)     # through z = σ(A_z)
    drh = dAh @ Whh.T                                  # dL/d(r*h_prev)
    dAr = drh * h_prev * r * (1 - r)                   # through r = σ(A_r)
    dA = np.hstack((dAz, dAr, dAh))                    # (N, 3H)
    dh_prev = dh_next * (1 - z) + drh * r + dAz @ Whz.T + dAr @ Whr.T
    dWh = np.hstack((h_prev.T @ dAz, h_prev.T @ dAr, (r * h_prev).T @ dAh))   # (H, 3H)
    return {"x": dA @ Wx.T, "h_prev": dh_prev, "Wx": x.T @ dA, "Wh": dWh, "b": dA.sum(axis=0)}
