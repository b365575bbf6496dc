"""Comparing a learner's value with the expected one, and numeric gradients.

The order of the checks follows the usual grader recipe:
None -> type -> shape -> dtype -> finite -> values.  Each returns a bilingual message
saying what was got and what was expected, or None when the values agree.

Tolerances (one place): a correct float64 implementation, in any algebraically equal
order of operations, agrees with the reference to ~1e-13 relative on these small
inputs; every known misconception is off by more than 1e-3.  ``RTOL``/``ATOL`` sit far
from both.
"""
from __future__ import annotations

import numpy as np

from rnn_grader.messages import Text, msg
from rnn_grader.sandbox.plain import Unsupported

RTOL = 1e-6                 # relative tolerance of value comparisons
ATOL = 1e-9                 # absolute tolerance, scaled by the largest expected magnitude
GRADIENT_REL_TOL = 1e-6     # rel_error threshold of gradient checks (numeric vs analytic ~1e-9)
NUMERIC_STEP = 1e-5         # central-difference step


def rel_error(x, y) -> float:
    """Scale-aware relative error: max|x - y| / max(1e-8, max|x| + max|y|)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return float(np.max(np.abs(x - y), initial=0.0) /
                 max(1e-8, np.max(np.abs(x), initial=0.0) + np.max(np.abs(y), initial=0.0)))


def close(got, expected) -> bool:
    """Element-wise agreement within the tolerances (shapes must already match)."""
    got, expected = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    if got.shape != expected.shape:
        return False
    if not (np.isfinite(got).all() and np.isfinite(expected).all()):
        return bool(np.array_equal(got, expected, equal_nan=True))
    scale = max(1.0, float(np.max(np.abs(expected), initial=0.0)))
    return bool(np.all(np.abs(got - expected) <= ATOL * scale + RTOL * np.abs(expected)))


def describe_type(value) -> str:
    if isinstance(value, Unsupported):
        return value.type_name
    if isinstance(value, np.ndarray):
        return f"ndarray{value.shape} {value.dtype}"
    return type(value).__name__


def compare_array(got, expected) -> Text | None:
    """Compare a value that should be a float array like ``expected``."""
    if got is None:
        return msg("compare.none")
    if not isinstance(got, np.ndarray) or got.ndim == 0:
        return msg("compare.type", got=describe_type(got), expected=f"ndarray{np.shape(expected)}")
    if got.shape != np.shape(expected):
        return msg("compare.shape", got=got.shape, expected=np.shape(expected))
    if got.dtype.kind not in "fc" or got.dtype.itemsize < 8:
        return msg("compare.dtype", got=got.dtype, expected="float64")
    if not np.isfinite(got).all() and np.isfinite(expected).all():
        return msg("compare.nonfinite")
    if not close(got, expected):
        return msg("compare.values", error=f"{rel_error(got, expected):.2e}")
    return None


def compare_scalar(got, expected, *, integer=False) -> Text | None:
    """Compare a value that should be a Python/numpy number."""
    if got is None:
        return msg("compare.none")
    if isinstance(got, np.ndarray) and got.ndim == 0:
        got = got[()]
    number_types = (int, np.integer) if integer else (int, float, np.integer, np.floating)
    if isinstance(got, (bool, np.bool_)) or not isinstance(got, number_types):
        return msg("compare.type", got=describe_type(got), expected="int" if integer else "float")
    if integer:
        return None if int(got) == int(expected) else msg("compare.int", got=int(got), expected=int(expected))
    if not np.isfinite(got) and np.isfinite(expected):
        return msg("compare.nonfinite")
    return None if close(got, expected) else msg("compare.values", error=f"{rel_error(got, expected):.2e}")


def compare_value(got, expected) -> Text | None:
    """Dispatch on the expected value's kind (array, int, float, tuple/list of those)."""
    if isinstance(expected, np.ndarray):
        return compare_array(got, expected)
    if isinstance(expected, (bool, np.bool_)):
        return None if got is expected or got == expected else msg("compare.int", got=got, expected=expected)
    if isinstance(expected, (int, np.integer)):
        return compare_scalar(got, expected, integer=True)
    if isinstance(expected, (float, np.floating)):
        return compare_scalar(got, expected)
    if isinstance(expected, (tuple, list)):
        if not isinstance(got, (tuple, list)) or len(got) != len(expected):
            return msg("compare.sequence", got=describe_type(got), expected=len(expected))
        for index, (g, e) in enumerate(zip(got, expected)):
            problem = compare_value(g, e)
            if problem is not None:
                return msg("compare.item", index=index).format(detail=problem)
        return None
    raise TypeError(f"cannot compare with {type(expected).__name__}")


def same_input(before, after) -> bool:
    """True when an argument came back from the call unchanged (NaN equal to NaN)."""
    if isinstance(before, np.ndarray):
        return (isinstance(after, np.ndarray) and after.shape == before.shape
                and np.array_equal(after, before, equal_nan=before.dtype.kind in "fc"))
    if isinstance(before, (list, tuple)):
        return (isinstance(after, (list, tuple)) and len(after) == len(before)
                and all(same_input(b, a) for b, a in zip(before, after)))
    if isinstance(before, dict):
        return isinstance(after, dict) and before.keys() == after.keys() and all(
            same_input(before[k], after[k]) for k in before)
    return True


def numeric_gradient(f, x: np.ndarray, h: float = NUMERIC_STEP) -> np.ndarray:
    """Central differences of the scalar function ``f()`` w.r.t. the array ``x`` (changed
    in place and restored): grad[i] = (f(x + h e_i) - f(x - h e_i)) / 2h."""
    grad = np.zeros_like(x, dtype=float)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + h
        plus = f()
        x[index] = saved - h
        minus = f()
        x[index] = saved
        grad[index] = (plus - minus) / (2 * h)
    return grad


def numeric_gradients(loss, args: tuple, arg_names, wrt: dict, h: float = NUMERIC_STEP) -> dict:
    """Central differences of ``loss(*args)``, one array per key of ``wrt`` (key -> the name
    of the argument it differentiates; ``arg_names`` names ``args`` in order).  ``args`` is
    not changed: each argument is differentiated on a float copy."""
    import copy

    grads = {}
    for key, arg_name in wrt.items():
        work = [copy.deepcopy(a) for a in args]
        index = list(arg_names).index(arg_name)
        work[index] = np.array(work[index], dtype=float)
        grads[key] = numeric_gradient(lambda: loss(*work), work[index], h)
    return grads

