"""Reference: one LSTM step (gate blocks [f, g, i, o]) and its exact gradients."""
import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def lstm_step(x, h_prev, c_prev, Wx, Wh, b):
    """x (N, D), h_prev (N, H), c_prev (N, H), Wx (D, 4H), Wh (H, 4H), b (4H,) -> h_next, c_next (N, H)."""
    H = h_prev.shape[1]
    A = x @ Wx + h_prev @ Wh + b                       # (N, 4H)
    f = sigmoid(A[:, :H])                              # forget gate
    g = np.tanh(A[:, H:2 * H])                         # new memory candidate
    i = sigmoid(A[:, 2 * H:3 * H])                     # input gate
    o = sigmoid(A[:, 3 * H:])                          # output gate
    c_next = f * c_prev + g * i
    h_next = o * np.tanh(c_next)
    return h_next, c_next


def lstm_step_grads(x, h_prev, c_prev, Wx, Wh, b, dh_next, dc_next):
    """Gradients of L = Σ dh_next*h_next + Σ dc_next*c_next, one array per input."""
    H = h_prev.shape[1]
    A = x @ Wx + h_prev @ Wh + b                       # (N, 4H)
    f, g = sigmoid(A[:, :H]), np.tanh(A[:, H:2 * H])
    i, o = sigmoid(A[:, 2 * H:3 * H]), sigmoid(A[:, 3 * H:])
    tanh_c = np.tanh(f * c_prev + g * i)               # tanh(c_next)

    ds = dc_next + dh_next * o * (1 - tanh_c ** 2)     # dL/dc_next, both paths
    df, dg, di = ds * c_prev, ds * i, ds * g           # through c_next = f*c_prev + g*i
    do = dh_next * tanh_c                              # through h_next = o*tanh(c_next)
    dA = np.hstack((df * f * (1 - f), dg * (1 - g ** 2), di * i * (1 - i), do * o * (1 - o)))  # (N, 4H)
    return {"x": dA @ Wx.T, "h_prev": dA @ Wh.T, "c_prev": ds * f,
            "Wx": x.T @ dA, "Wh": h_prev.T @ dA, "b": dA.sum(axis=0)}
