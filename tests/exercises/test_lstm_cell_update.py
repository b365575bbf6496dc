"""lstm_cell_update: reference, stub, the exam's distractors and typical slips, right alternatives."""
from tests.exercises.standard import standard_tests

NAME = "lstm_cell_update"

WRONG = {
    "input_gate_mixes": """
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            keep = 1.0 - input_gate
            return input_gate * a + keep * c_prev
    """,
    "forget_gate_complement": """
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            return input_gate * a + (1 - forget_gate) * c_prev
    """,
    "swapped_gates": """
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            return forget_gate * a + input_gate * c_prev
    """,
    "input_term_only": """
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            return input_gate * a
    """,
    "forget_term_only": """
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            return forget_gate * c_prev
    """,
    "product_of_terms": """
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            return input_gate * a * forget_gate * c_prev
    """,
    "matrix_product": """
        import numpy as np
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            return np.dot(input_gate, a) + np.dot(forget_gate, c_prev)
    """,
    "tanh_applied": """
        import numpy as np
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            return np.tanh(input_gate * a + forget_gate * c_prev)
    """,
    "gates_ignored": """
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            return a + c_prev
    """,
}

RIGHT = {
    "numpy_functions": """
        import numpy as np
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            return np.add(np.multiply(forget_gate, c_prev), np.multiply(input_gate, a))
    """,
    "loops_over_units": """
        import numpy as np
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            c = np.empty_like(c_prev)
            N, H = c_prev.shape
            for n in range(N):
                for k in range(H):
                    c[n, k] = input_gate[n, k] * a[n, k] + forget_gate[n, k] * c_prev[n, k]
            return c
    """,
    "copy_then_update_in_place": """
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            c = c_prev.copy()
            c *= forget_gate
            c += input_gate * a
            return c
    """,
}


test_reference, test_stub, test_wrong, test_right = standard_tests(NAME, WRONG, RIGHT)


def test_matrix_product_raises_when_not_square(grade_source):
    """np.dot of two (N, H) arrays with N != H fails: the formula of the misconception raises the
    very same error on that case, so the mistake is still named (not only the exception)."""
    result = grade_source(NAME, WRONG["matrix_product"])
    batches = next(c for c in result.checks if c.name == "batches")
    assert batches.score == 0
    assert batches.misconception == "matrix_product"


def test_modifying_the_input_is_reported(grade_source):
    result = grade_source(NAME, """
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            c_prev *= forget_gate
            c_prev += input_gate * a
            return c_prev
    """)
    assert result.score < result.max_score
    assert any("in place" in m.en for m in result.messages)
