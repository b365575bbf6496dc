"""Learner corpus for lstm_cell_update: c = i * a + f * c_prev."""

CASES = {
    "gates_swapped": ("swapped_gates", """
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            return forget_gate * a + input_gate * c_prev
    """),
    "forgot_memory": ("input_term_only", """
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            c = input_gate * a
            return c
    """),
    "only_memory": ("forget_term_only", """
        import numpy as np
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            return np.multiply(forget_gate, c_prev)
    """),
    "multiplied_terms": ("product_of_terms", """
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            return (input_gate * a) * (forget_gate * c_prev)
    """),
    "dot_products": ("matrix_product", """
        import numpy as np
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            return np.dot(input_gate, a) + np.dot(forget_gate, c_prev)
    """),
    "tanh_on_cell": ("tanh_applied", """
        import numpy as np
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            return np.tanh(input_gate * a + forget_gate * c_prev)
    """),
    "one_minus_forget": ("forget_gate_complement", """
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            return input_gate * a + (1 - forget_gate) * c_prev
    """),
    "no_gates": ("gates_ignored", """
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            return a + c_prev
    """),
    "gru_style_mix": ("input_gate_mixes", """
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            return input_gate * a + (1 - input_gate) * c_prev
    """),
}

WRONG = {key: text for key, (_, text) in CASES.items()}
NAMES = {key: name for key, (name, _) in CASES.items()}

RIGHT = {
    "numpy_calls": """
        import numpy as np
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            return np.add(np.multiply(input_gate, a), np.multiply(forget_gate, c_prev))
    """,
    "forget_first": """
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            kept = forget_gate * c_prev          # what the memory keeps
            written = input_gate * a             # what is written
            return kept + written
    """,
    "einsum": """
        import numpy as np
        def lstm_cell_update(c_prev, a, input_gate, forget_gate):
            return np.einsum("nh,nh->nh", input_gate, a) + np.einsum("nh,nh->nh", forget_gate, c_prev)
    """,
}
