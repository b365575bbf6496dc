"""lstm: reference, stub, real mistakes in the forward and the backward, right alternatives."""
import pytest

from tests.exercises.standard import mutated, standard_tests

NAME = "lstm"

# A right implementation in a different style; the wrong ones below change one line of it.
BASE = """
import numpy as np

def sigmoid(x):
    return 1 / (1 + np.exp(-x))

def gates(x, h_prev, Wx, Wh, b):
    H = h_prev.shape[1]
    A = x @ Wx + h_prev @ Wh + b
    f, g, i, o = sigmoid(A[:, :H]), np.tanh(A[:, H:2*H]), sigmoid(A[:, 2*H:3*H]), sigmoid(A[:, 3*H:])
    return f, g, i, o

def lstm_step(x, h_prev, c_prev, Wx, Wh, b):
    f, g, i, o = gates(x, h_prev, Wx, Wh, b)
    c_next = f * c_prev + g * i
    h_next = o * np.tanh(c_next)
    return h_next, c_next

def lstm_step_grads(x, h_prev, c_prev, Wx, Wh, b, dh_next, dc_next):
    f, g, i, o = gates(x, h_prev, Wx, Wh, b)
    t = np.tanh(f * c_prev + g * i)
    ds = dc_next + dh_next * o * (1 - t ** 2)
    dA = np.concatenate([ds * c_prev * f * (1 - f), ds * i * (1 - g ** 2), ds * g * i * (1 - i), dh_next * t * o * (1 - o)], axis=1)
    dc_prev = ds * f
    return {"x": dA @ Wx.T, "h_prev": dA @ Wh.T, "c_prev": dc_prev, "Wx": x.T @ dA, "Wh": h_prev.T @ dA, "b": dA.sum(axis=0)}
"""

GATES = "f, g, i, o = sigmoid(A[:, :H]), np.tanh(A[:, H:2*H]), sigmoid(A[:, 2*H:3*H]), sigmoid(A[:, 3*H:])"
DS = "ds = dc_next + dh_next * o * (1 - t ** 2)"
DA = "dA = np.concatenate([ds * c_prev * f * (1 - f), ds * i * (1 - g ** 2), ds * g * i * (1 - i), dh_next * t * o * (1 - o)], axis=1)"
RETURN = '"Wx": x.T @ dA, "Wh": h_prev.T @ dA, "b": dA.sum(axis=0)}'


def mutate(*pairs):
    return mutated(BASE, *pairs)


WRONG = {
    # forward mistakes (the backward is then differentiated from the same wrong forward, or not)
    "gate_order_ifgo": mutate(
        (GATES, "i, f, g, o = sigmoid(A[:, :H]), sigmoid(A[:, H:2*H]), np.tanh(A[:, 2*H:3*H]), sigmoid(A[:, 3*H:])"),
        (DA, "dA = np.concatenate([ds * g * i * (1 - i), ds * c_prev * f * (1 - f), ds * i * (1 - g ** 2), dh_next * t * o * (1 - o)], axis=1)")),
    "gate_order_figo": mutate(
        (GATES, "f, i, g, o = sigmoid(A[:, :H]), sigmoid(A[:, H:2*H]), np.tanh(A[:, 2*H:3*H]), sigmoid(A[:, 3*H:])")),
    "sigmoid_candidate": mutate((GATES, GATES.replace("np.tanh(A[:, H:2*H])", "sigmoid(A[:, H:2*H])"))),
    "activations_swapped": mutate(
        (GATES, "f, g, i, o = np.tanh(A[:, :H]), sigmoid(A[:, H:2*H]), np.tanh(A[:, 2*H:3*H]), np.tanh(A[:, 3*H:])")),
    "no_tanh_on_cell": mutate(("h_next = o * np.tanh(c_next)", "h_next = o * c_next")),
    "candidate_without_input_gate": mutate(("c_next = f * c_prev + g * i", "c_next = f * c_prev + g")),
    # backward mistakes (the forward is right)
    "missing_tanh_derivative": mutate((DS, "ds = dc_next + dh_next * o")),
    "forgot_dc_next": mutate((DS, "ds = dh_next * o * (1 - t ** 2)")),
    "missing_sigmoid_derivative": mutate(
        (DA, "dA = np.concatenate([ds * c_prev, ds * i * (1 - g ** 2), ds * g, dh_next * t], axis=1)")),
    "dc_prev_without_forget_gate": mutate(("dc_prev = ds * f", "dc_prev = ds")),
    "weight_grads_transposed": mutate((RETURN, '"Wx": dA.T @ x, "Wh": dA.T @ h_prev, "b": dA.sum(axis=0)}')),
    "db_not_summed": mutate((RETURN, '"Wx": x.T @ dA, "Wh": h_prev.T @ dA, "b": dA}')),
}

FORWARD_MISTAKES = {"gate_order_ifgo", "gate_order_figo", "sigmoid_candidate", "activations_swapped",
                    "no_tanh_on_cell", "candidate_without_input_gate"}

RIGHT = {
    "one_line_variant": BASE,
    "tanh_sigmoid_and_separate_weights": """
        import numpy as np

        def sigmoid(x):
            return 0.5 * (1 + np.tanh(0.5 * x))

        def lstm_step(x, h_prev, c_prev, Wx, Wh, b):
            H = h_prev.shape[1]
            pre = [x @ Wx[:, k*H:(k+1)*H] + h_prev @ Wh[:, k*H:(k+1)*H] + b[k*H:(k+1)*H] for k in range(4)]
            f, g, i, o = sigmoid(pre[0]), np.tanh(pre[1]), sigmoid(pre[2]), sigmoid(pre[3])
            c_next = c_prev * f + i * g
            return np.tanh(c_next) * o, c_next

        def lstm_step_grads(x, h_prev, c_prev, Wx, Wh, b, dh_next, dc_next):
            H = h_prev.shape[1]
            h_next, c_next = lstm_step(x, h_prev, c_prev, Wx, Wh, b)
            pre = x @ Wx + h_prev @ Wh + b
            f, g, i, o = sigmoid(pre[:, :H]), np.tanh(pre[:, H:2*H]), sigmoid(pre[:, 2*H:3*H]), sigmoid(pre[:, 3*H:])
            dtanh_c = 1 - np.tanh(c_next) ** 2
            dc = dc_next + dh_next * o * dtanh_c
            dpre = np.empty_like(pre)
            dpre[:, :H] = dc * c_prev * f * (1 - f)
            dpre[:, H:2*H] = dc * i * (1 - g * g)
            dpre[:, 2*H:3*H] = dc * g * i * (1 - i)
            dpre[:, 3*H:] = dh_next * np.tanh(c_next) * o * (1 - o)
            dWx = np.zeros_like(Wx)
            for n in range(x.shape[0]):
                dWx += np.outer(x[n], dpre[n])
            return {"x": dpre.dot(Wx.T), "h_prev": dpre.dot(Wh.T), "c_prev": dc * f,
                    "Wx": dWx, "Wh": np.dot(h_prev.T, dpre), "b": np.sum(dpre, axis=0)}
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


def test_consistent_backward_of_a_wrong_forward_is_told_so(grade_source):
    result = grade_source(NAME, WRONG["gate_order_ifgo"])
    gradients = {c.name: c for c in result.checks}["gradients"]
    text = " ".join(m.render("en") for m in gradients.messages)
    assert "match central differences of your own `lstm_step`" in text
    assert "[i, f, g, o]" in text
    assert gradients.misconception == "gate_order_ifgo"


def test_partial_credit_by_gradient_key(grade_source):
    result = grade_source(NAME, WRONG["db_not_summed"])
    gradients = {c.name: c for c in result.checks}["gradients"]
    assert gradients.score == pytest.approx(gradients.points * 5 / 6)
    assert any("`b`" in m.render("en") for m in gradients.messages)


def test_modifying_the_input_is_reported(grade_source):
    result = grade_source(NAME, mutate(("c_next = f * c_prev + g * i", "c_prev *= f\n    c_next = c_prev + g * i")))
    assert result.score < result.max_score
    assert any("in place" in m.render("en") for m in result.messages)
