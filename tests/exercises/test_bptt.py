"""bptt: reference, stub, mistakes in the deltas and in the gradients, right alternatives."""
import textwrap

import pytest

from tests.exercises.standard import standard_tests

NAME = "bptt"

HELPERS = """
import numpy as np

def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))

def d_sigmoid(x):
    return sigmoid(x) * (1.0 - sigmoid(x))

def forward(xs, W_in, W, W_out, b, c, z0=None):
    z = np.zeros((xs.shape[1], W.shape[0])) if z0 is None else z0
    us, zs, vs, ys = [], [], [], []
    for x in xs:
        u = x @ W_in + z @ W + b
        z = sigmoid(u)
        v = z @ W_out + c
        us.append(u), zs.append(z), vs.append(v), ys.append(sigmoid(v))
    return np.array(us), np.array(zs), np.array(vs), np.array(ys)
"""

DELTAS = """
def bptt_deltas(us, vs, ys, ds, W, W_out):
    delta_out = {error} * {out_slope}
    delta = np.zeros_like(us)
    T = len(us)
    for t in {steps}:
        later = delta[t + 1] if t + 1 < T else np.zeros_like(us[0])
        delta[t] = {delta_t}
    return delta, delta_out
"""
RIGHT_DELTA_T = "(later @ W.T + delta_out[t] @ W_out.T) * d_sigmoid(us[t])"

GRADS = """
def rnn_grads(xs, ds, W_in, W, W_out, b, c, z0=None):
    us, zs, vs, ys = forward(xs, W_in, W, W_out, b, c, z0)
    delta, delta_out = bptt_deltas(us, vs, ys, ds, W, W_out)
    z_prev = np.zeros_like(zs[0]) if z0 is None else z0
    g = {{"W_in": np.zeros_like(W_in), "W": np.zeros_like(W), "W_out": np.zeros_like(W_out),
         "b": np.zeros_like(b), "c": np.zeros_like(c)}}
    for t in range(len(xs)):
        g["W_in"] += xs[t].T @ delta[t]
        g["W"] += {w_term}
        g["W_out"] += zs[t].T @ delta_out[t]
        z_prev = zs[t]
    g["b"] = {b_sum}
    g["c"] = {c_sum}
    return g
"""


def module(error="(ys - ds)", out_slope="d_sigmoid(vs)", steps="reversed(range(T))",
           delta_t=RIGHT_DELTA_T, w_term="z_prev.T @ delta[t]", b_sum="delta.sum(axis=(0, 1))",
           c_sum="delta_out.sum(axis=(0, 1))", deltas=None, rnn_grads=None) -> str:
    """A submission: loops over time, with one part replaced."""
    return (HELPERS
            + textwrap.dedent(deltas or DELTAS.format(error=error, out_slope=out_slope, steps=steps, delta_t=delta_t))
            + textwrap.dedent(rnn_grads or GRADS.format(w_term=w_term, b_sum=b_sum, c_sum=c_sum)))


# "name" or "name:variant" -> a submission with that mistake
WRONG = {
    "skips_first_step": module(steps="range(T - 1, 0, -1)"),
    "forward_without_z0": module(rnn_grads="""
        def rnn_grads(xs, ds, W_in, W, W_out, b, c, z0=None):
            us, zs, vs, ys = forward(xs, W_in, W, W_out, b, c)
            delta, delta_out = bptt_deltas(us, vs, ys, ds, W, W_out)
            z_prev = np.concatenate([(np.zeros_like(zs[:1]) if z0 is None else z0[None]), zs[:-1]])
            return {"W_in": np.einsum("tnd,tnh->dh", xs, delta), "W": np.einsum("tni,tnh->ih", z_prev, delta),
                    "W_out": np.einsum("tnh,tno->ho", zs, delta_out), "b": delta.sum(axis=(0, 1)),
                    "c": delta_out.sum(axis=(0, 1))}
    """),
    "batch_mean": module(rnn_grads="""
        def rnn_grads(xs, ds, W_in, W, W_out, b, c, z0=None):
            us, zs, vs, ys = forward(xs, W_in, W, W_out, b, c, z0)
            delta, delta_out = bptt_deltas(us, vs, ys, ds, W, W_out)
            N = xs.shape[1]
            z_prev = np.concatenate([(np.zeros_like(zs[:1]) if z0 is None else z0[None]), zs[:-1]])
            return {"W_in": np.einsum("tnd,tnh->dh", xs, delta) / N,
                    "W": np.einsum("tni,tnh->ih", z_prev, delta) / N,
                    "W_out": np.einsum("tnh,tno->ho", zs, delta_out) / N,
                    "b": delta.sum(axis=(0, 1)) / N, "c": delta_out.sum(axis=(0, 1)) / N}
    """),
    "sigma_prime_of_output": module(out_slope="d_sigmoid(ys)"),
    "no_output_slope": module(out_slope="1.0"),
    "sign_flipped": module(error="(ds - ys)"),
    "no_recurrent_term": module(delta_t="(delta_out[t] @ W_out.T) * d_sigmoid(us[t])"),
    "W_not_transposed": module(delta_t="(later @ W + delta_out[t] @ W_out.T) * d_sigmoid(us[t])"),
    "wrong_time_direction": module(steps="range(T)", delta_t=(
        "((delta[t - 1] if t > 0 else 0 * us[0]) @ W.T + delta_out[t] @ W_out.T) * d_sigmoid(us[t])")),
    "no_hidden_slope": module(delta_t="later @ W.T + delta_out[t] @ W_out.T"),
    "slope_on_output_term_only": module(delta_t="later @ W.T + (delta_out[t] @ W_out.T) * d_sigmoid(us[t])"),
    "W_grad_uses_z_t": module(w_term="zs[t].T @ delta[t]"),
    "W_grad_forgets_z0": module(w_term="(zs[t - 1].T @ delta[t] if t > 0 else 0 * W)"),
    "bias_not_summed_over_batch": module(b_sum="delta.sum(axis=0)", c_sum="delta_out.sum(axis=0)"),
    "bias_batch_mean": module(b_sum="delta.sum(axis=0).mean(axis=0)", c_sum="delta_out.sum(axis=0).mean(axis=0)"),
    "bias_not_summed_over_time": module(b_sum="delta[-1].sum(axis=0)", c_sum="delta_out[-1].sum(axis=0)"),
    "bias_not_summed_over_time:first_step": module(b_sum="np.sum(delta[0], axis=0)",
                                                   c_sum="np.sum(delta_out[0], axis=0)"),
}

RIGHT = {
    "loops_over_time": module(),
    "output_slope_from_y": module(out_slope="ys * (1 - ys)", delta_t=(
        "(later @ W.T + delta_out[t] @ W_out.T) * sigmoid(us[t]) * (1 - sigmoid(us[t]))")),
    "course_style_transposes": module(
        delta_t="(np.dot(later, W.T) + np.dot(delta_out[t], W_out.T)) * d_sigmoid(us[t])",
        rnn_grads="""
        def rnn_grads(xs, ds, W_in, W, W_out, b, c, z0=None):
            us, zs, vs, ys = forward(xs, W_in, W, W_out, b, c, z0)
            delta, delta_out = bptt_deltas(us, vs, ys, ds, W, W_out)
            T, N, H = zs.shape
            states = np.concatenate([(np.zeros((1, N, H)) if z0 is None else z0[None]), zs], axis=0)
            dW_in = sum(np.dot(xs[t].T, delta[t]) for t in range(T))
            dW = sum(np.dot(states[t].T, delta[t]) for t in range(T))   # states[t] = z_{t-1}
            dW_out = sum(np.dot(zs[t].T, delta_out[t]) for t in range(T))
            return {"W_in": dW_in, "W": dW, "W_out": dW_out,
                    "b": np.sum(delta, axis=(0, 1)), "c": np.sum(delta_out, axis=(0, 1))}
        """),
    "vectorized_einsum": module(rnn_grads="""
        def rnn_grads(xs, ds, W_in, W, W_out, b, c, z0=None):
            us, zs, vs, ys = forward(xs, W_in, W, W_out, b, c, z0)
            delta, delta_out = bptt_deltas(us, vs, ys, ds, W, W_out)
            first = np.zeros_like(zs[:1]) if z0 is None else z0[None]
            z_prev = np.concatenate([first, zs[:-1]])                  # (T, N, H)
            flat = lambda a: a.reshape(-1, a.shape[-1])                 # (T*N, .)
            return {"W_in": flat(xs).T @ flat(delta), "W": flat(z_prev).T @ flat(delta),
                    "W_out": flat(zs).T @ flat(delta_out),
                    "b": flat(delta).sum(0), "c": flat(delta_out).sum(0)}
        """),
}


test_reference, test_stub, test_wrong, test_right = standard_tests(NAME, WRONG, RIGHT, stub_none_rendered=True, right_seeds=(0, 4))


def test_only_W_wrong_keeps_the_other_gradients_points(grade_source):
    """z_t for z_{t-1}: 4 of the 5 numeric-gradient points, and the message says which are right."""
    result = grade_source(NAME, WRONG["W_grad_uses_z_t"])
    numeric = next(c for c in result.checks if c.name == "numeric_gradients")
    assert numeric.score == pytest.approx(numeric.points * 4 / 5)
    texts = [m.render("en") for m in numeric.messages]
    assert any("gradient for `W` is wrong" in t for t in texts)
    assert any("gradients for W_in, W_out, b, c are right" in t for t in texts)
    assert any("W_in, W_out, b, c の勾配は正しい" in m.render("ja") for m in numeric.messages)


def test_forgetting_z0_fails_only_when_z0_is_given(grade_source):
    result = grade_source(NAME, WRONG["W_grad_forgets_z0"])
    assert next(c for c in result.checks if c.name == "deltas").score == 3
    # the smallest failing case is shown, with z0 given (small inputs by value, larger by shape)
    assert any("z0=[[" in m.render("en") or "z0: shape" in m.render("en") for m in result.messages)


def test_modifying_the_input_is_reported(grade_source):
    result = grade_source(NAME, module(deltas="""
        def bptt_deltas(us, vs, ys, ds, W, W_out):
            delta_out = ys              # an alias, not a copy
            delta_out -= ds
            delta_out *= d_sigmoid(vs)
            delta = np.zeros_like(us)
            for t in reversed(range(len(us))):
                later = delta[t + 1] if t + 1 < len(us) else 0 * us[0]
                delta[t] = (later @ W.T + delta_out[t] @ W_out.T) * d_sigmoid(us[t])
            return delta, delta_out
    """))
    assert result.score < result.max_score
    assert any("one of its inputs in place" in m.render("en") for m in result.messages)
