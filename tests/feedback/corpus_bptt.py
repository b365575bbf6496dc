"""Learner corpus for bptt: the deltas of BPTT and the gradients of the simple RNN."""
from tests.feedback.corpus import variant

BASE = """
import numpy as np

def sigmoid(x):
    return 1 / (1 + np.exp(-x))

def d_sigmoid(x):
    return sigmoid(x) * (1 - sigmoid(x))

def forward(xs, W_in, W, W_out, b, c, z0=None):
    T, N, _ = xs.shape
    z = np.zeros((N, W.shape[0])) if z0 is None else z0
    us, zs, vs, ys = [], [], [], []
    for t in range(T):
        u = np.dot(xs[t], W_in) + np.dot(z, W) + b
        z = sigmoid(u)
        v = np.dot(z, W_out) + c
        us.append(u); zs.append(z); vs.append(v); ys.append(sigmoid(v))
    return np.array(us), np.array(zs), np.array(vs), np.array(ys)

def bptt_deltas(us, vs, ys, ds, W, W_out):
    T = us.shape[0]
    delta_out = (ys - ds) * d_sigmoid(vs)
    delta = np.zeros_like(us)
    for t in range(T - 1, -1, -1):
        back = np.dot(delta[t + 1], W.T) if t < T - 1 else 0.0
        delta[t] = (back + np.dot(delta_out[t], W_out.T)) * d_sigmoid(us[t])
    return delta, delta_out

def rnn_grads(xs, ds, W_in, W, W_out, b, c, z0=None):
    us, zs, vs, ys = forward(xs, W_in, W, W_out, b, c, z0)
    delta, delta_out = bptt_deltas(us, vs, ys, ds, W, W_out)
    T, N, H = zs.shape
    dW_in = np.zeros_like(W_in); dW = np.zeros_like(W); dW_out = np.zeros_like(W_out)
    db = np.zeros_like(b); dc = np.zeros_like(c)
    for t in range(T):
        prev = zs[t - 1] if t > 0 else (np.zeros((N, H)) if z0 is None else z0)
        dW_in += np.dot(xs[t].T, delta[t])
        dW += np.dot(prev.T, delta[t])
        dW_out += np.dot(zs[t].T, delta_out[t])
        db += delta[t].sum(axis=0)
        dc += delta_out[t].sum(axis=0)
    return {"W_in": dW_in, "W": dW, "W_out": dW_out, "b": db, "c": dc}
"""

CASES = {
    "stops_before_zero": ("skips_first_step", variant(BASE, ("range(T - 1, -1, -1)", "range(T - 1, 0, -1)"))),
    "forward_from_zeros": ("forward_without_z0", variant(BASE, (
        "us, zs, vs, ys = forward(xs, W_in, W, W_out, b, c, z0)", "us, zs, vs, ys = forward(xs, W_in, W, W_out, b, c)"))),
    "averaged_over_batch": ("batch_mean", variant(BASE, (
        'return {"W_in": dW_in, "W": dW, "W_out": dW_out, "b": db, "c": dc}',
        'return {k: v / N for k, v in {"W_in": dW_in, "W": dW, "W_out": dW_out, "b": db, "c": dc}.items()}'))),
    "slope_of_y": ("sigma_prime_of_output", variant(BASE, ("(ys - ds) * d_sigmoid(vs)", "(ys - ds) * d_sigmoid(ys)"))),
    "error_only": ("no_output_slope", variant(BASE, ("(ys - ds) * d_sigmoid(vs)", "(ys - ds)"))),
    "d_minus_y": ("sign_flipped", variant(BASE, ("(ys - ds) * d_sigmoid(vs)", "(ds - ys) * d_sigmoid(vs)"))),
    "W_untransposed": ("W_not_transposed", variant(BASE, ("np.dot(delta[t + 1], W.T)", "np.dot(delta[t + 1], W)"))),
    "prev_is_current": ("W_grad_uses_z_t", variant(BASE, ("dW += np.dot(prev.T, delta[t])", "dW += np.dot(zs[t].T, delta[t])"))),
    "prev_zero_at_start": ("W_grad_forgets_z0", variant(BASE, (
        "prev = zs[t - 1] if t > 0 else (np.zeros((N, H)) if z0 is None else z0)",
        "prev = zs[t - 1] if t > 0 else np.zeros((N, H))"))),
    "bias_keeps_batch": ("bias_not_summed_over_batch", variant(BASE, (
        "db = np.zeros_like(b); dc = np.zeros_like(c)", "db = 0; dc = 0"),
        ("db += delta[t].sum(axis=0)", "db = db + delta[t]"), ("dc += delta_out[t].sum(axis=0)", "dc = dc + delta_out[t]"))),
    "bias_overwritten": ("bias_not_summed_over_time", variant(BASE, (
        "db += delta[t].sum(axis=0)", "db = delta[t].sum(axis=0)"), ("dc += delta_out[t].sum(axis=0)", "dc = delta_out[t].sum(axis=0)"))),
    "slope_only_on_output": ("slope_on_output_term_only", variant(BASE, (
        "delta[t] = (back + np.dot(delta_out[t], W_out.T)) * d_sigmoid(us[t])",
        "delta[t] = back + np.dot(delta_out[t], W_out.T) * d_sigmoid(us[t])"))),
}

WRONG = {key: text for key, (_, text) in CASES.items()}
NAMES = {key: name for key, (name, _) in CASES.items()}

RIGHT = {
    "loops": BASE,
    "tensordot": variant(BASE, ("""    T, N, H = zs.shape
    dW_in = np.zeros_like(W_in); dW = np.zeros_like(W); dW_out = np.zeros_like(W_out)
    db = np.zeros_like(b); dc = np.zeros_like(c)
    for t in range(T):
        prev = zs[t - 1] if t > 0 else (np.zeros((N, H)) if z0 is None else z0)
        dW_in += np.dot(xs[t].T, delta[t])
        dW += np.dot(prev.T, delta[t])
        dW_out += np.dot(zs[t].T, delta_out[t])
        db += delta[t].sum(axis=0)
        dc += delta_out[t].sum(axis=0)
    return {"W_in": dW_in, "W": dW, "W_out": dW_out, "b": db, "c": dc}""", """    first = np.zeros_like(zs[0]) if z0 is None else z0
    prev = np.concatenate([first[np.newaxis], zs[:-1]], axis=0)
    axes = ([0, 1], [0, 1])
    return {"W_in": np.tensordot(xs, delta, axes), "W": np.tensordot(prev, delta, axes),
            "W_out": np.tensordot(zs, delta_out, axes), "b": np.sum(delta, axis=(0, 1)),
            "c": np.sum(delta_out, axis=(0, 1))}""")),
    "ys_slope_and_carry": variant(BASE, ("""    delta = np.zeros_like(us)
    for t in range(T - 1, -1, -1):
        back = np.dot(delta[t + 1], W.T) if t < T - 1 else 0.0
        delta[t] = (back + np.dot(delta_out[t], W_out.T)) * d_sigmoid(us[t])""", """    delta = np.zeros_like(us)
    carry = np.zeros_like(us[0])
    for t in reversed(range(T)):
        z = sigmoid(us[t])
        delta[t] = (carry @ W.T + delta_out[t] @ W_out.T) * z * (1 - z)
        carry = delta[t]"""), ("(ys - ds) * d_sigmoid(vs)", "(ys - ds) * ys * (1 - ys)")),
}
