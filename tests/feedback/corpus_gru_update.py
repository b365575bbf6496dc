"""Learner corpus for gru_update: h = (1 - z) * h_prev + z * h_bar."""

CASES = {
    "other_textbook": ("other_convention", """
        def gru_update(h_prev, h_bar, z):
            return z * h_prev + (1 - z) * h_bar
    """),
    "no_complement": ("missing_one_minus_z", """
        def gru_update(h_prev, h_bar, z):
            return h_prev + z * h_bar
    """),
    "candidate_alone": ("candidate_only", """
        def gru_update(h_prev, h_bar, z):
            return z * h_bar
    """),
    "previous_alone": ("previous_only", """
        def gru_update(h_prev, h_bar, z):
            return (1 - z) * h_prev
    """),
    "plain_sum": ("gate_ignored", """
        def gru_update(h_prev, h_bar, z):
            return h_prev + h_bar
    """),
    "reversed_subtraction": ("z_minus_one", """
        def gru_update(h_prev, h_bar, z):
            return (z - 1) * h_prev + z * h_bar
    """),
    "dot_products": ("matrix_product", """
        import numpy as np
        def gru_update(h_prev, h_bar, z):
            return np.dot(1 - z, h_prev) + np.dot(z, h_bar)
    """),
    "interpolation_backwards": ("other_convention", """
        def gru_update(h_prev, h_bar, z):
            return h_bar + z * (h_prev - h_bar)
    """),
    "tanh_again": ("tanh_applied", """
        import numpy as np
        def gru_update(h_prev, h_bar, z):
            return np.tanh((1 - z) * h_prev + z * h_bar)
    """),
}

WRONG = {key: text for key, (_, text) in CASES.items()}
NAMES = {key: name for key, (name, _) in CASES.items()}

RIGHT = {
    "interpolation": """
        def gru_update(h_prev, h_bar, z):
            return h_prev + z * (h_bar - h_prev)
    """,
    "numpy_calls": """
        import numpy as np
        def gru_update(h_prev, h_bar, z):
            return np.multiply(np.subtract(1.0, z), h_prev) + np.multiply(z, h_bar)
    """,
    "candidate_first": """
        def gru_update(h_prev, h_bar, z):
            keep = 1.0 - z
            return z * h_bar + keep * h_prev
    """,
}
