"""gru: reference, stub, real mistakes in the forward and the backward, right alternatives."""
import pytest

from tests.exercises.standard import mutated, standard_tests

NAME = "gru"

# A right implementation in another style; the wrong ones below change a line or two of it.
BASE = """
import numpy as np

def sigmoid(x):
    return 1 / (1 + np.exp(-x))

def parts(x, h_prev, Wx, Wh, b):
    H = h_prev.shape[1]
    z = sigmoid(x @ Wx[:, :H] + h_prev @ Wh[:, :H] + b[:H])
    r = sigmoid(x @ Wx[:, H:2*H] + h_prev @ Wh[:, H:2*H] + b[H:2*H])
    h_bar = np.tanh(x @ Wx[:, 2*H:] + (r * h_prev) @ Wh[:, 2*H:] + b[2*H:])
    return H, z, r, h_bar

def gru_step(x, h_prev, Wx, Wh, b):
    H, z, r, h_bar = parts(x, h_prev, Wx, Wh, b)
    h_next = (1 - z) * h_prev + z * h_bar
    return h_next

def gru_step_grads(x, h_prev, Wx, Wh, b, dh_next):
    H, z, r, h_bar = parts(x, h_prev, Wx, Wh, b)
    dh_bar = dh_next * z
    dz = dh_next * (h_bar - h_prev)
    da_h = dh_bar * (1 - h_bar ** 2)
    da_z = dz * z * (1 - z)
    d_rh = da_h @ Wh[:, 2*H:].T
    da_r = d_rh * h_prev * r * (1 - r)
    da = np.concatenate([da_z, da_r, da_h], axis=1)
    dh_prev = dh_next * (1 - z) + d_rh * r + da_z @ Wh[:, :H].T + da_r @ Wh[:, H:2*H].T
    dWh = np.concatenate([h_prev.T @ da_z, h_prev.T @ da_r, (r * h_prev).T @ da_h], axis=1)
    return {"x": da @ Wx.T, "h_prev": dh_prev, "Wx": x.T @ da, "Wh": dWh, "b": da.sum(axis=0)}
"""

H_BAR = "h_bar = np.tanh(x @ Wx[:, 2*H:] + (r * h_prev) @ Wh[:, 2*H:] + b[2*H:])"
H_NEXT = "h_next = (1 - z) * h_prev + z * h_bar"
DH_PREV = "dh_prev = dh_next * (1 - z) + d_rh * r + da_z @ Wh[:, :H].T + da_r @ Wh[:, H:2*H].T"


def mutate(*pairs):
    return mutated(BASE, *pairs)


WRONG = {
    # forward mistakes
    "reset_after_product": mutate((H_BAR, "h_bar = np.tanh(x @ Wx[:, 2*H:] + r * (h_prev @ Wh[:, 2*H:]) + b[2*H:])")),
    "other_convention": mutate((H_NEXT, "h_next = z * h_prev + (1 - z) * h_bar")),
    "gate_order_rz": mutate(
        ("z = sigmoid(x @ Wx[:, :H] + h_prev @ Wh[:, :H] + b[:H])",
         "z = sigmoid(x @ Wx[:, H:2*H] + h_prev @ Wh[:, H:2*H] + b[H:2*H])"),
        ("r = sigmoid(x @ Wx[:, H:2*H] + h_prev @ Wh[:, H:2*H] + b[H:2*H])",
         "r = sigmoid(x @ Wx[:, :H] + h_prev @ Wh[:, :H] + b[:H])")),
    "no_reset_gate": mutate((H_BAR, "h_bar = np.tanh(x @ Wx[:, 2*H:] + h_prev @ Wh[:, 2*H:] + b[2*H:])")),
    # backward mistakes (the forward is right)
    "reset_after_product_gradient": mutate(
        ("d_rh = da_h @ Wh[:, 2*H:].T", "U = h_prev @ Wh[:, 2*H:]\n    d_rh = (da_h * r) @ Wh[:, 2*H:].T"),
        ("da_r = d_rh * h_prev * r * (1 - r)", "da_r = da_h * U * r * (1 - r)"),
        ("d_rh * r +", "d_rh +"),
        ("(r * h_prev).T @ da_h", "h_prev.T @ (da_h * r)")),
    "other_convention_gradient": mutate(
        ("dh_bar = dh_next * z", "dh_bar = dh_next * (1 - z)"),
        ("dz = dh_next * (h_bar - h_prev)", "dz = dh_next * (h_prev - h_bar)"),
        ("dh_next * (1 - z) +", "dh_next * z +")),
    "forgot_direct_path": mutate((DH_PREV, DH_PREV.replace("dh_next * (1 - z) + ", ""))),
    "dh_prev_without_reset": mutate((DH_PREV, DH_PREV.replace("d_rh * r", "d_rh"))),
    "dWh_candidate_without_reset": mutate(("(r * h_prev).T @ da_h", "h_prev.T @ da_h")),
    "missing_tanh_derivative": mutate(("da_h = dh_bar * (1 - h_bar ** 2)", "da_h = dh_bar")),
    "missing_sigmoid_derivative": mutate(("da_z = dz * z * (1 - z)", "da_z = dz"),
                                         ("da_r = d_rh * h_prev * r * (1 - r)", "da_r = d_rh * h_prev")),
}

FORWARD_MISTAKES = {"reset_after_product", "other_convention", "gate_order_rz", "no_reset_gate"}

RIGHT = {
    "one_line_variant": BASE,
    "loops_and_separate_gates": """
        import numpy as np

        def sigmoid(x):
            return np.exp(-np.logaddexp(0, -x))

        def gru_step(x, h_prev, Wx, Wh, b):
            H = h_prev.shape[1]
            Wxz, Wxr, Wxh = np.split(Wx, 3, axis=1)
            Whz, Whr, Whh = np.split(Wh, 3, axis=1)
            bz, br, bh = np.split(b, 3)
            z = sigmoid(np.dot(x, Wxz) + np.dot(h_prev, Whz) + bz)
            r = sigmoid(np.dot(x, Wxr) + np.dot(h_prev, Whr) + br)
            h_bar = np.tanh(np.dot(x, Wxh) + np.dot(r * h_prev, Whh) + bh)
            return h_prev + z * (h_bar - h_prev)

        def gru_step_grads(x, h_prev, Wx, Wh, b, dh_next):
            Wxz, Wxr, Wxh = np.split(Wx, 3, axis=1)
            Whz, Whr, Whh = np.split(Wh, 3, axis=1)
            bz, br, bh = np.split(b, 3)
            z = sigmoid(x @ Wxz + h_prev @ Whz + bz)
            r = sigmoid(x @ Wxr + h_prev @ Whr + br)
            h_bar = np.tanh(x @ Wxh + (r * h_prev) @ Whh + bh)
            g_h = dh_next * z * (1 - h_bar * h_bar)
            g_z = dh_next * (h_bar - h_prev) * z * (1 - z)
            g_rh = g_h @ Whh.T
            g_r = g_rh * h_prev * r * (1 - r)
            dWh = np.zeros_like(Wh)
            for n in range(x.shape[0]):
                dWh += np.outer(h_prev[n], np.concatenate([g_z[n], g_r[n], np.zeros_like(g_h[n])]))
                dWh += np.outer(r[n] * h_prev[n], np.concatenate([np.zeros_like(g_z[n]), np.zeros_like(g_r[n]), g_h[n]]))
            g = np.hstack([g_z, g_r, g_h])
            dh_prev = dh_next - dh_next * z + g_rh * r + g_z @ Whz.T + g_r @ Whr.T
            return {"x": g @ Wx.T, "h_prev": dh_prev, "Wx": x.T @ g, "Wh": dWh, "b": g.sum(0)}
    """,
}


test_reference, test_stub, test_wrong, test_right = standard_tests(NAME, WRONG, RIGHT, stub_none_rendered=True)


@pytest.mark.parametrize("misconception", sorted(set(WRONG) - FORWARD_MISTAKES))
def test_backward_mistake_keeps_the_forward_points(grade_source, misconception):
    result = grade_source(NAME, WRONG[misconception])
    checks = {c.name: c for c in result.checks}
    assert checks["forward_random"].score == checks["forward_random"].points
    assert checks["gradients"].score < checks["gradients"].points
    assert any("is right on this case" in m.render("en") for m in checks["gradients"].messages)


def test_reset_after_the_product_in_both_directions_is_told_so(grade_source):
    source = mutate((H_BAR, "h_bar = np.tanh(x @ Wx[:, 2*H:] + r * (h_prev @ Wh[:, 2*H:]) + b[2*H:])"),
                    *[(old, new) for old, new in [
                        ("d_rh = da_h @ Wh[:, 2*H:].T", "U = h_prev @ Wh[:, 2*H:]\n    d_rh = (da_h * r) @ Wh[:, 2*H:].T"),
                        ("da_r = d_rh * h_prev * r * (1 - r)", "da_r = da_h * U * r * (1 - r)"),
                        ("d_rh * r +", "d_rh +"), ("(r * h_prev).T @ da_h", "h_prev.T @ (da_h * r)")]])
    result = grade_source(NAME, source)
    gradients = {c.name: c for c in result.checks}["gradients"]
    text = " ".join(m.render("en") for m in gradients.messages)
    assert "match central differences of your own `gru_step`" in text
    assert "reset_after_product" in result.misconceptions


def test_partial_credit_by_gradient_key(grade_source):
    result = grade_source(NAME, WRONG["dWh_candidate_without_reset"])
    gradients = {c.name: c for c in result.checks}["gradients"]
    assert gradients.score == pytest.approx(gradients.points * 4 / 5)


def test_modifying_the_input_is_reported(grade_source):
    result = grade_source(NAME, mutate((H_NEXT, "h_prev *= 1 - z\n    h_next = h_prev + z * h_bar")))
    assert result.score < result.max_score
    assert any("in place" in m.render("en") for m in result.messages)
