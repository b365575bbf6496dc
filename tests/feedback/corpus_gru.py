"""Learner corpus for gru: one step (blocks [z, r, h̄], reset before the product) and its gradients."""
from tests.feedback.corpus import variant

BASE = """
import numpy as np

def sigmoid(x):
    return 1 / (1 + np.exp(-x))

def parts(x, h_prev, Wx, Wh, b):
    H = h_prev.shape[1]
    ax = np.dot(x, Wx) + b
    z = sigmoid(ax[:, :H] + np.dot(h_prev, Wh[:, :H]))
    r = sigmoid(ax[:, H:2 * H] + np.dot(h_prev, Wh[:, H:2 * H]))
    hb = np.tanh(ax[:, 2 * H:] + np.dot(r * h_prev, Wh[:, 2 * H:]))
    return H, z, r, hb

def gru_step(x, h_prev, Wx, Wh, b):
    H, z, r, hb = parts(x, h_prev, Wx, Wh, b)
    return (1 - z) * h_prev + z * hb

def gru_step_grads(x, h_prev, Wx, Wh, b, dh_next):
    H, z, r, hb = parts(x, h_prev, Wx, Wh, b)
    Whz, Whr, Whh = Wh[:, :H], Wh[:, H:2 * H], Wh[:, 2 * H:]
    dAh = dh_next * z * (1 - hb ** 2)
    dAz = dh_next * (hb - h_prev) * z * (1 - z)
    drh = np.dot(dAh, Whh.T)
    dAr = drh * h_prev * r * (1 - r)
    dA = np.concatenate([dAz, dAr, dAh], axis=1)
    dh_prev = dh_next * (1 - z) + drh * r + np.dot(dAz, Whz.T) + np.dot(dAr, Whr.T)
    dWh = np.concatenate([np.dot(h_prev.T, dAz), np.dot(h_prev.T, dAr), np.dot((r * h_prev).T, dAh)], axis=1)
    return {"x": np.dot(dA, Wx.T), "h_prev": dh_prev, "Wx": np.dot(x.T, dA), "Wh": dWh, "b": dA.sum(axis=0)}
"""

CASES = {
    "reset_outside": ("reset_after_product", variant(BASE, ("np.dot(r * h_prev, Wh[:, 2 * H:])", "r * np.dot(h_prev, Wh[:, 2 * H:])"))),
    "z_weights_old": ("other_convention", variant(BASE, ("return (1 - z) * h_prev + z * hb", "return z * h_prev + (1 - z) * hb"))),
    "r_first_blocks": ("gate_order_rz", variant(BASE, (
        "    z = sigmoid(ax[:, :H] + np.dot(h_prev, Wh[:, :H]))\n    r = sigmoid(ax[:, H:2 * H] + np.dot(h_prev, Wh[:, H:2 * H]))",
        "    r = sigmoid(ax[:, :H] + np.dot(h_prev, Wh[:, :H]))\n    z = sigmoid(ax[:, H:2 * H] + np.dot(h_prev, Wh[:, H:2 * H]))"))),
    "no_r": ("no_reset_gate", variant(BASE, ("np.dot(r * h_prev, Wh[:, 2 * H:])", "np.dot(h_prev, Wh[:, 2 * H:])"))),
    "no_direct_path": ("forgot_direct_path", variant(BASE, ("dh_prev = dh_next * (1 - z) + drh * r", "dh_prev = drh * r"))),
    "dh_prev_drh_ungated": ("dh_prev_without_reset", variant(BASE, ("+ drh * r +", "+ drh +"))),
    "dWh_h_prev_for_candidate": ("dWh_candidate_without_reset", variant(BASE, ("np.dot((r * h_prev).T, dAh)", "np.dot(h_prev.T, dAh)"))),
    "no_tanh_slope": ("missing_tanh_derivative", variant(BASE, ("dAh = dh_next * z * (1 - hb ** 2)", "dAh = dh_next * z"))),
    "no_sigmoid_slopes": ("missing_sigmoid_derivative", variant(BASE, (
        "dAz = dh_next * (hb - h_prev) * z * (1 - z)", "dAz = dh_next * (hb - h_prev)"), ("dAr = drh * h_prev * r * (1 - r)", "dAr = drh * h_prev"))),
}

WRONG = {key: text for key, (_, text) in CASES.items()}
NAMES = {key: name for key, (name, _) in CASES.items()}

RIGHT = {
    "base": BASE,
    "split_blocks": variant(BASE, ("np.concatenate([dAz, dAr, dAh], axis=1)", "np.hstack((dAz, dAr, dAh))"),
                            ("return (1 - z) * h_prev + z * hb", "return h_prev + z * (hb - h_prev)")),
    "matmul": variant(BASE, ("np.dot(dA, Wx.T)", "dA @ Wx.T"), ("np.dot(x.T, dA)", "x.T @ dA"),
                      ("return 1 / (1 + np.exp(-x))", "return np.exp(-np.logaddexp(0, -x))")),
}
