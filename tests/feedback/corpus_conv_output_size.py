"""Learner corpus for conv_output_size: the formula (H + 2P - F) // S + 1 and its slips."""

CASES = {
    "forgot_padding": ("no_padding", """
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            return (in_size - filter_size) // stride + 1
    """),
    "one_side_padding": ("padding_once", """
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            return (in_size + pad - filter_size) // stride + 1
    """),
    "forgot_plus_one": ("no_plus_one", """
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            return (in_size + 2 * pad - filter_size) // stride
    """),
    "float_division_then_float": ("float_instead_of_int", """
        import math
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            return float(math.floor((in_size + 2 * pad - filter_size) / stride) + 1)
    """),
    "slash_division": (("float_instead_of_int", "true_division"), """
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            out = (in_size + 2 * pad - filter_size) / stride + 1
            return out
    """),
    "ceil": ("rounded_up", """
        import math
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            return math.ceil((in_size + 2 * pad - filter_size) / stride) + 1
    """),
    "no_stride": ("stride_ignored", """
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            return in_size + 2 * pad - filter_size + 1
    """),
    "numpy_float": ("float_instead_of_int", """
        import numpy as np
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            return np.floor((in_size + 2 * pad - filter_size) / stride) + 1
    """),
    "plus_one_inside": ("plus_one_inside_division", """
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            return (in_size + 2 * pad - filter_size + 1) // stride
    """),
}

WRONG = {key: text for key, (_, text) in CASES.items()}
NAMES = {key: name for key, (name, _) in CASES.items()}

RIGHT = {
    "floor_of_true_division": """
        import math
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            return int(math.floor((in_size + 2 * pad - filter_size) / stride)) + 1
    """,
    "divmod": """
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            steps, _ = divmod(in_size + 2 * pad - filter_size, stride)
            return steps + 1
    """,
    "count_positions": """
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            padded = in_size + 2 * pad
            return len(range(0, padded - filter_size + 1, stride))
    """,
}
