"""The comparisons every check uses: kinds, tolerances, messages."""
import numpy as np
import pytest

from rnn_grader.engine.compare import (ATOL, RTOL, close, compare_dict, compare_value, equal, is_empty,
                                       numeric_gradient, rel_error)


def test_float_arrays_within_tolerance_pass_and_beyond_fail():
    x = np.linspace(-3, 3, 7)
    assert compare_value(x * (1 + RTOL / 10), x) is None
    assert compare_value(x * (1 + 1e-3), x) is not None


def test_kinds_are_told_apart_before_values():
    x = np.ones((2, 3))
    assert "None" in compare_value(None, x).render("en")
    assert "shape" in compare_value(np.ones((3, 2)), x).render("en")
    assert "float64" in compare_value(np.ones((2, 3), dtype=np.float32), x).render("en")
    assert compare_value([1.0], x) is not None
    assert compare_value(3, 3) is None and compare_value(4, 3) is not None
    assert compare_value((x, 1.0), (x, 1.0)) is None
    assert "item 1" in compare_value((x, 2.0), (x, 1.0)).render("en")


def test_nan_where_a_finite_value_is_expected_is_refused():
    assert compare_value(np.array([np.nan, 1.0]), np.array([0.0, 1.0])) is not None


def test_close_scales_the_absolute_tolerance():
    big = np.array([1e6, 0.0])
    assert close(big + np.array([0.0, ATOL * 1e6 / 2]), big)
    assert not close(big + np.array([0.0, ATOL * 1e6 * 10]), big)


def test_rel_error_is_symmetric_and_zero_for_equal():
    a, b = np.array([1.0, 2.0]), np.array([1.0, 2.5])
    assert rel_error(a, a) == 0 and rel_error(a, b) == pytest.approx(rel_error(b, a))


def test_numeric_gradient_of_a_quadratic():
    x = np.array([1.0, -2.0, 0.5])
    grad = numeric_gradient(lambda: float(np.sum(x ** 2)), x)
    assert rel_error(grad, 2 * x) < 1e-8


def test_compare_dict_names_wrong_and_right_keys():
    expected = {"a": np.ones(2), "b": np.zeros(2)}
    text = compare_dict({"a": np.ones(2), "b": np.ones(2)}, expected).render("en")
    assert "b" in text and "a" in text
    assert compare_dict(expected, expected) is None


def test_equal_and_is_empty():
    assert equal((np.ones(2), [1, 2]), (np.ones(2), [1, 2]))
    assert not equal(np.ones(2), np.ones(3))
    assert is_empty((None, None)) and is_empty(None) and not is_empty((None, 1))
