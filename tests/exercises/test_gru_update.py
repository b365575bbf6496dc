"""gru_update: reference, stub, the other convention and typical slips, right alternatives."""
from tests.exercises.standard import standard_tests

NAME = "gru_update"

WRONG = {
    "matrix_product": """
        import numpy as np
        def gru_update(h_prev, h_bar, z):
            return (1 - z) @ h_prev + z @ h_bar
    """,
    "tanh_applied": """
        import numpy as np
        def gru_update(h_prev, h_bar, z):
            return np.tanh(h_prev + z * (h_bar - h_prev))
    """,
    "other_convention": """
        def gru_update(h_prev, h_bar, z):
            return z * h_prev + (1 - z) * h_bar
    """,
    "missing_one_minus_z": """
        def gru_update(h_prev, h_bar, z):
            return h_prev + z * h_bar
    """,
    "candidate_only": """
        def gru_update(h_prev, h_bar, z):
            return z * h_bar
    """,
    "previous_only": """
        def gru_update(h_prev, h_bar, z):
            return (1 - z) * h_prev
    """,
    "gate_ignored": """
        def gru_update(h_prev, h_bar, z):
            return h_prev + h_bar
    """,
    "z_minus_one": """
        def gru_update(h_prev, h_bar, z):
            return (z - 1) * h_prev + z * h_bar
    """,
}

RIGHT = {
    "interpolation_form": """
        def gru_update(h_prev, h_bar, z):
            return h_prev + z * (h_bar - h_prev)
    """,
    "loops_over_units": """
        import numpy as np
        def gru_update(h_prev, h_bar, z):
            h = np.zeros(h_prev.shape)
            for n in range(h_prev.shape[0]):
                for k in range(h_prev.shape[1]):
                    h[n, k] = (1.0 - z[n, k]) * h_prev[n, k] + z[n, k] * h_bar[n, k]
            return h
    """,
    "numpy_functions": """
        import numpy as np
        def gru_update(h_prev, h_bar, z):
            return np.multiply(z, h_bar) + np.multiply(np.subtract(1.0, z), h_prev)
    """,
}


test_reference, test_stub, test_wrong, test_right = standard_tests(NAME, WRONG, RIGHT)


def test_other_convention_written_in_another_order_is_named(grade_source):
    result = grade_source(NAME, """
        def gru_update(h_prev, h_bar, z):
            return (1 - z) * h_bar + z * h_prev
    """)
    assert result.score == 0
    assert set(result.misconceptions) == {"other_convention"}
    assert any("z weights the new candidate" in m.en for m in result.messages)


def test_modifying_the_input_is_reported(grade_source):
    result = grade_source(NAME, """
        def gru_update(h_prev, h_bar, z):
            h_prev *= 1 - z
            h_prev += z * h_bar
            return h_prev
    """)
    assert result.score < result.max_score
    assert any("in place" in m.en for m in result.messages)
