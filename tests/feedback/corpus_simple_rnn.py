"""Learner corpus for simple_rnn: a stable sigmoid, its derivative, the forward pass."""
from tests.feedback.corpus import variant

BASE = """
import numpy as np

def sigmoid(x):
    out = np.empty_like(x, dtype=float)
    pos = x >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-x[pos]))
    ex = np.exp(x[~pos])
    out[~pos] = ex / (1.0 + ex)
    return out

def d_sigmoid(x):
    s = sigmoid(x)
    return s * (1 - s)

def rnn_forward(xs, W_in, W, W_out, b, c, z0=None):
    N = xs.shape[1]
    z = np.zeros((N, W.shape[0])) if z0 is None else z0
    us, zs, vs, ys = [], [], [], []
    for x in xs:
        u = np.dot(x, W_in) + np.dot(z, W) + b
        z = sigmoid(u)
        v = np.dot(z, W_out) + c
        y = sigmoid(v)
        us.append(u); zs.append(z); vs.append(v); ys.append(y)
    return np.stack(us), np.stack(zs), np.stack(vs), np.stack(ys)
"""

CASES = {
    "minus_sign_lost": (("naive_sigmoid_overflow", "sigmoid_sign"), variant(BASE, ("1.0 / (1.0 + np.exp(-x[pos]))", "1.0 / (1.0 + np.exp(x[pos]))"),
                                                ("out[~pos] = ex / (1.0 + ex)", "out[~pos] = 1.0 / (1.0 + ex)"))),
    "naive_sigmoid": ("naive_sigmoid_overflow", variant(BASE, ("""    out = np.empty_like(x, dtype=float)
    pos = x >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-x[pos]))
    ex = np.exp(x[~pos])
    out[~pos] = ex / (1.0 + ex)
    return out""", "    return 1 / (1 + np.exp(-x))"))),
    "derivative_of_x": ("d_sigmoid_of_output", variant(BASE, ("return s * (1 - s)", "return x * (1 - x)"))),
    "one_minus_x_factor": ("d_sigmoid_one_minus_x", variant(BASE, ("    s = sigmoid(x)\n    return s * (1 - s)",
                                                                     "    s = sigmoid(x)\n    return s * (1 - x)"))),
    "no_hidden_bias": ("forgot_bias_b", variant(BASE, ("np.dot(z, W) + b", "np.dot(z, W)"))),
    "no_output_bias": ("forgot_bias_c", variant(BASE, ("np.dot(z, W_out) + c", "np.dot(z, W_out)"))),
    "input_weight_twice": ("W_in_for_recurrence", variant(BASE, ("np.dot(z, W) + b", "np.dot(z, W_in) + b"))),
    "linear_output": ("output_without_sigmoid", variant(BASE, ("y = sigmoid(v)", "y = v"))),
    "z0_not_used": ("z0_ignored", variant(BASE, ("z = np.zeros((N, W.shape[0])) if z0 is None else z0",
                                                  "z = np.zeros((N, W.shape[0]))"))),
    "stacked_on_axis_1": ("batch_major_stacking", variant(BASE, (
        "return np.stack(us), np.stack(zs), np.stack(vs), np.stack(ys)",
        "return np.stack(us, axis=1), np.stack(zs, axis=1), np.stack(vs, axis=1), np.stack(ys, axis=1)"))),
    "state_reset_each_step": ("state_not_carried", variant(BASE, ("        z = sigmoid(u)\n        v = np.dot(z, W_out) + c",
                                                                  "        s = sigmoid(u)\n        v = np.dot(s, W_out) + c"),
                                                            ("zs.append(z)", "zs.append(s)"))),
    "loops_over_batch_first": ("batch_first_loop", """
        import numpy as np

        def sigmoid(x):
            return np.exp(-np.logaddexp(0.0, -x))

        def d_sigmoid(x):
            s = sigmoid(x)
            return s * (1.0 - s)

        def rnn_forward(xs, W_in, W, W_out, b, c, z0=None):
            N, T = xs.shape[0], xs.shape[1]          # reads xs as (N, T, D)
            z = np.zeros((N, W.shape[0])) if z0 is None else z0
            us, zs, vs, ys = [], [], [], []
            for t in range(T):
                u = xs[:, t] @ W_in + z @ W + b
                z = sigmoid(u)
                v = z @ W_out + c
                us.append(u); zs.append(z); vs.append(v); ys.append(sigmoid(v))
            return tuple(np.stack(a, axis=1) for a in (us, zs, vs, ys))
    """),
}

WRONG = {key: text for key, (_, text) in CASES.items()}
NAMES = {key: name for key, (name, _) in CASES.items()}

RIGHT = {
    "base": BASE,
    "logaddexp_and_preallocated": """
        import numpy as np

        def sigmoid(x):
            return np.exp(-np.logaddexp(0.0, -x))

        def d_sigmoid(x):
            s = sigmoid(x)
            return s - s * s

        def rnn_forward(xs, W_in, W, W_out, b, c, z0=None):
            T, N, _ = xs.shape
            H, O = W.shape[0], W_out.shape[1]
            us = np.zeros((T, N, H)); zs = np.zeros((T, N, H))
            vs = np.zeros((T, N, O)); ys = np.zeros((T, N, O))
            prev = np.zeros((N, H)) if z0 is None else z0
            for t in range(T):
                us[t] = xs[t] @ W_in + prev @ W + b
                zs[t] = sigmoid(us[t])
                prev = zs[t]
            vs = zs @ W_out + c
            ys = sigmoid(vs)
            return us, zs, vs, ys
    """,
    "tanh_form": """
        import numpy as np

        def sigmoid(x):
            return 0.5 * (1.0 + np.tanh(0.5 * x))

        def d_sigmoid(x):
            return 0.25 / np.cosh(0.5 * x) ** 2

        def rnn_forward(xs, W_in, W, W_out, b, c, z0=None):
            z = z0 if z0 is not None else np.zeros((xs.shape[1], W.shape[0]))
            out = {"u": [], "z": [], "v": [], "y": []}
            for t in range(xs.shape[0]):
                u = xs[t].dot(W_in) + z.dot(W) + b
                z = sigmoid(u)
                v = z.dot(W_out) + c
                for key, value in zip("uzvy", (u, z, v, sigmoid(v))):
                    out[key].append(value)
            return tuple(np.array(out[k]) for k in "uzvy")
    """,
}
