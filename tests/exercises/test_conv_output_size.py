"""conv_output_size: reference, stub, the usual slips, right alternatives."""
from tests.exercises.standard import standard_tests

NAME = "conv_output_size"

WRONG = {
    "plus_one_inside_division": """
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            return (in_size + 2 * pad - filter_size + 1) // stride
    """,
    "no_padding": """
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            return (in_size - filter_size) // stride + 1
    """,
    "padding_once": """
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            return (in_size + pad - filter_size) // stride + 1
    """,
    "no_plus_one": """
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            return (in_size + 2 * pad - filter_size) // stride
    """,
    "float_instead_of_int": """
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            return float((in_size + 2 * pad - filter_size) // stride + 1)
    """,
    "true_division": """
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            return (in_size + 2 * pad - filter_size) / stride + 1
    """,
    "rounded_up": """
        import math
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            return math.ceil((in_size + 2 * pad - filter_size) / stride) + 1
    """,
    "stride_ignored": """
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            return in_size + 2 * pad - filter_size + 1
    """,
}

RIGHT = {
    "int_of_true_division": """
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            return int((in_size + 2 * pad - filter_size) / stride) + 1
    """,
    "math_floor": """
        import math
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            return math.floor((in_size + 2 * pad - filter_size) / stride) + 1
    """,
    "count_positions_in_a_loop": """
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            count, start = 0, 0
            while start + filter_size <= in_size + 2 * pad:
                count += 1
                start += stride
            return count
    """,
    "numpy_integer": """
        import numpy as np
        def conv_output_size(in_size, filter_size, stride=1, pad=0):
            return np.floor_divide(np.int64(in_size) + 2 * pad - filter_size, stride) + 1
    """,
}


test_reference, test_stub, test_wrong, test_right = standard_tests(NAME, WRONG, RIGHT)


def test_true_division_on_the_exam_question_is_named_a_float(grade_source):
    """(5 + 2 - 3) / 2 + 1 is 3.0: the right number, but a float."""
    result = grade_source(NAME, WRONG["true_division"])
    exam = next(c for c in result.checks if c.name == "exam_configuration")
    assert (exam.score, exam.misconception) == (0, "float_instead_of_int")


def test_exam_question_does_not_guess_between_equal_slips(grade_source):
    """On 5, 3, 2, 1 three slips all give 2: the message states the numbers, names none."""
    result = grade_source(NAME, WRONG["padding_once"])
    exam = next(c for c in result.checks if c.name == "exam_configuration")
    assert (exam.score, exam.misconception) == (0, None)
    assert any("it returned 2, but the answer is 3" in m.render("en") for m in exam.messages)
