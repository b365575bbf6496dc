"""Learner corpus for lstm: one step (gate blocks [f, g, i, o]) and its gradients."""
from tests.feedback.corpus import variant

BASE = """
import numpy as np

def sigmoid(x):
    return 1 / (1 + np.exp(-x))

def gates(x, h_prev, Wx, Wh, b):
    H = h_prev.shape[1]
    A = np.dot(x, Wx) + np.dot(h_prev, Wh) + b
    f = sigmoid(A[:, 0:H])
    g = np.tanh(A[:, H:2 * H])
    i = sigmoid(A[:, 2 * H:3 * H])
    o = sigmoid(A[:, 3 * H:4 * H])
    return f, g, i, o

def lstm_step(x, h_prev, c_prev, Wx, Wh, b):
    f, g, i, o = gates(x, h_prev, Wx, Wh, b)
    c_next = f * c_prev + g * i
    h_next = o * np.tanh(c_next)
    return h_next, c_next

def lstm_step_grads(x, h_prev, c_prev, Wx, Wh, b, dh_next, dc_next):
    f, g, i, o = gates(x, h_prev, Wx, Wh, b)
    c_next = f * c_prev + g * i
    t = np.tanh(c_next)
    dc = dc_next + dh_next * o * (1 - t ** 2)
    dAf = dc * c_prev * f * (1 - f)
    dAg = dc * i * (1 - g ** 2)
    dAi = dc * g * i * (1 - i)
    dAo = dh_next * t * o * (1 - o)
    dA = np.concatenate([dAf, dAg, dAi, dAo], axis=1)
    return {"x": np.dot(dA, Wx.T), "h_prev": np.dot(dA, Wh.T), "c_prev": dc * f,
            "Wx": np.dot(x.T, dA), "Wh": np.dot(h_prev.T, dA), "b": np.sum(dA, axis=0)}
"""

CASES = {
    "ifgo_blocks": ("gate_order_ifgo", variant(BASE, ("    f = sigmoid(A[:, 0:H])\n    g = np.tanh(A[:, H:2 * H])\n    i = sigmoid(A[:, 2 * H:3 * H])",
                                                    "    i = sigmoid(A[:, 0:H])\n    f = sigmoid(A[:, H:2 * H])\n    g = np.tanh(A[:, 2 * H:3 * H])"))),
    "sigmoid_g": ("sigmoid_candidate", variant(BASE, ("g = np.tanh(A[:, H:2 * H])", "g = sigmoid(A[:, H:2 * H])"))),
    "h_without_tanh": ("no_tanh_on_cell", variant(BASE, ("    h_next = o * np.tanh(c_next)", "    h_next = o * c_next"))),
    "g_not_gated": ("candidate_without_input_gate", variant(BASE, ("    c_next = f * c_prev + g * i\n    h_next", "    c_next = f * c_prev + g\n    h_next"))),
    "forgot_tanh_slope": ("missing_tanh_derivative", variant(BASE, ("dc = dc_next + dh_next * o * (1 - t ** 2)", "dc = dc_next + dh_next * o"))),
    "no_dc_next": ("forgot_dc_next", variant(BASE, ("dc = dc_next + dh_next * o * (1 - t ** 2)", "dc = dh_next * o * (1 - t ** 2)"))),
    "dc_prev_is_dc": ("dc_prev_without_forget_gate", variant(BASE, ('"c_prev": dc * f', '"c_prev": dc'))),
    "weights_grad_flipped": ("weight_grads_transposed", variant(BASE, ('"Wx": np.dot(x.T, dA), "Wh": np.dot(h_prev.T, dA)',
                                                                     '"Wx": np.dot(dA.T, x), "Wh": np.dot(dA.T, h_prev)'))),
    "b_per_sample": ("db_not_summed", variant(BASE, ('"b": np.sum(dA, axis=0)', '"b": dA'))),
    "no_gate_slopes": ("missing_sigmoid_derivative", variant(BASE, (
        "    dAf = dc * c_prev * f * (1 - f)\n    dAg = dc * i * (1 - g ** 2)\n    dAi = dc * g * i * (1 - i)\n    dAo = dh_next * t * o * (1 - o)",
        "    dAf = dc * c_prev\n    dAg = dc * i * (1 - g ** 2)\n    dAi = dc * g\n    dAo = dh_next * t"))),
}

WRONG = {key: text for key, (_, text) in CASES.items()}
NAMES = {key: name for key, (name, _) in CASES.items()}

RIGHT = {
    "base": BASE,
    "split_and_hstack": variant(BASE, ("""    f = sigmoid(A[:, 0:H])
    g = np.tanh(A[:, H:2 * H])
    i = sigmoid(A[:, 2 * H:3 * H])
    o = sigmoid(A[:, 3 * H:4 * H])
    return f, g, i, o""", """    a_f, a_g, a_i, a_o = np.split(A, 4, axis=1)
    return sigmoid(a_f), np.tanh(a_g), sigmoid(a_i), sigmoid(a_o)"""), ("np.concatenate([dAf, dAg, dAi, dAo], axis=1)", "np.hstack((dAf, dAg, dAi, dAo))")),
    "matmul_stable_sigmoid": variant(BASE, ("return 1 / (1 + np.exp(-x))", "return 0.5 * (1 + np.tanh(0.5 * x))"),
                                     ("np.dot(dA, Wx.T)", "dA @ Wx.T"), ("np.dot(x.T, dA)", "x.T @ dA")),
}
