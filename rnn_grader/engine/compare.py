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

import copy
from collections import abc

import numpy as np

from rnn_grader.messages import Text, catalog, msg
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
    if got.dtype.kind == "c" and np.asarray(expected).dtype.kind != "c":  # the imaginary part
        return msg("compare.type", got=describe_type(got),  # would be dropped by a comparison
                   expected=f"ndarray{np.shape(expected)} float64")
    if got.shape != np.shape(expected):
        return msg("compare.shape", got=got.shape, expected=np.shape(expected))
    if got.dtype.kind not in "fc" or got.dtype.itemsize < 8:
        return msg("compare.dtype", got=got.dtype, expected="float64")
    if isinstance(expected, np.ndarray) and got.dtype == expected.dtype and got.tobytes() == expected.tobytes():
        return None   # the very same values (most right answers): nothing to weigh
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
    try:
        got = float(got)
    except OverflowError:  # an int beyond the float range (10**400) is no float answer
        return msg("compare.values", error="inf")
    if not np.isfinite(got) and np.isfinite(expected):
        return msg("compare.nonfinite")
    return None if close(got, expected) else msg("compare.values", error=f"{rel_error(got, expected):.2e}")


WRONG_TYPE_KEYS = ("compare.type", "compare.sequence")


def names_wrong_type(text: Text) -> bool:
    """Does this message (or a message it holds, e.g. ``compare.item``'s detail) say that
    a wrong type was returned?  Such an exercise has status ``error`` (the contract).
    None is not counted: it is a blank left empty, a value still missing."""
    params = dict(text.params)
    if text in [catalog()[key] for key in WRONG_TYPE_KEYS] and params.get("got") != "NoneType":
        return True
    return any(isinstance(value, Text) and names_wrong_type(value) for value in params.values())


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


class CentralDifferences(abc.Mapping):
    """``numeric_gradients(loss, args, arg_names, wrt, h)`` as a mapping whose arrays are
    computed key by key when first read: a judge that the reference's exact gradients leave
    in no doubt never reads them (see ``checks.gradient.judged_key``)."""

    def __init__(self, loss, args: tuple, arg_names, wrt: dict, h: float = NUMERIC_STEP):
        self.args = tuple(copy.deepcopy(a) for a in args)   # nothing done to the case later changes them
        self.loss, self.arg_names, self.wrt, self.h = loss, list(arg_names), dict(wrt), h
        self.done: dict = {}

    def __getitem__(self, key):
        if key not in self.done:
            with np.errstate(all="ignore"):
                self.done[key] = numeric_gradients(self.loss, self.args, self.arg_names, {key: self.wrt[key]},
                                                   self.h)[key]
        return self.done[key]

    def __iter__(self):
        return iter(self.wrt)

    def __len__(self) -> int:
        return len(self.wrt)


def numeric_gradients(loss, args: tuple, arg_names, wrt: dict, h: float = NUMERIC_STEP) -> dict:
    """Central differences of ``loss(*args)``, one array per key of ``wrt`` (key -> the name
    of the argument it differentiates; ``arg_names`` names ``args`` in order).  ``args`` is
    not changed: each argument is differentiated on a float copy."""
    grads = {}
    for key, arg_name in wrt.items():
        work = [copy.deepcopy(a) for a in args]
        index = list(arg_names).index(arg_name)
        work[index] = np.array(work[index], dtype=float)
        grads[key] = numeric_gradient(lambda: loss(*work), work[index], h)
    return grads



def compare_dict(got, expected: dict) -> Text | None:
    """Compare a dict of arrays key by key; the message lists the wrong keys and the right ones."""
    if got is None:
        return msg("compare.none")
    if not isinstance(got, dict):
        return msg("compare.type", got=describe_type(got), expected="dict")
    problems = {key: msg("gradient.missing_key") if key not in got else compare_array(got[key], value)
                for key, value in expected.items()}
    wrong = [msg("gradient.wrong", key=key, detail=p) for key, p in problems.items() if p is not None]
    if not wrong:
        return None
    right = [key for key, p in problems.items() if p is None]
    if right:
        wrong.append(msg("gradient.right", keys=", ".join(right)))
    template = " ".join(f"{{part{i}}}" for i in range(len(wrong)))
    return Text(en=template, ja=template).format(**{f"part{i}": part for i, part in enumerate(wrong)})


def same_nan_pattern(got, wrong) -> bool:
    """An unstable formula's value reproduced: NaN/inf exactly where the formula has them, and
    the finite entries within the tolerances (for ``Misconception.match``)."""
    wrong = np.asarray(wrong, dtype=float)
    if not isinstance(got, np.ndarray) or got.shape != wrong.shape or got.dtype.kind != "f":
        return False
    bad = ~np.isfinite(wrong)
    return bool(bad.any() and np.array_equal(bad, ~np.isfinite(got)) and close(got[~bad], wrong[~bad]))


def is_empty(value) -> bool:
    """None, or a tuple/list of Nones (a stub's ``return X, y`` with nothing filled in)."""
    return value is None or (isinstance(value, (tuple, list)) and len(value) > 0
                             and all(v is None for v in value))


def equal(a, b) -> bool:
    """Exact equality of two plain values (arrays by shape and value, containers item by item)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.shape == b.shape
                and bool(np.array_equal(a, b, equal_nan=a.dtype.kind in "fc" and b.dtype.kind in "fc")))
    if isinstance(a, (list, tuple)) or isinstance(b, (list, tuple)):
        return (isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)) and len(a) == len(b)
                and all(equal(x, y) for x, y in zip(a, b)))
    if isinstance(a, dict) or isinstance(b, dict):
        return isinstance(a, dict) and isinstance(b, dict) and a.keys() == b.keys() and all(
            equal(a[k], b[k]) for k in a)
    try:
        return bool(a == b)
    except Exception:
        return False


def first_difference(got, expected, *, time_major: bool = False) -> Text | None:
    """Where two same-shaped float arrays (or tuples of them) first disagree: the index, and
    both values (None when they agree, or cannot be compared entry by entry).  With
    ``time_major`` the first index is named as the time step."""
    if isinstance(expected, (tuple, list)) and isinstance(got, (tuple, list)) and len(got) == len(expected):
        for index, (g, e) in enumerate(zip(got, expected)):
            detail = first_difference(g, e, time_major=time_major)
            if detail is not None:
                return msg("compare.item", index=index).format(detail=detail)
        return None
    if not (isinstance(got, np.ndarray) and isinstance(expected, np.ndarray)) or got.shape != expected.shape \
            or got.ndim == 0 or got.dtype.kind not in "fc":
        return None
    with np.errstate(all="ignore"):
        scale = max(1.0, float(np.max(np.abs(expected), initial=0.0)))
        bad = ~(np.abs(got - expected) <= ATOL * scale + RTOL * np.abs(expected))
    bad &= ~(np.isnan(got) & np.isnan(expected))
    if not bad.any():
        return None
    index = tuple(int(i) for i in np.argwhere(bad)[0])
    where = msg("compare.time_step", t=index[0]) if time_major and got.ndim >= 2 else ""
    return msg("compare.first_difference", index=list(index), where=where,
               expected=f"{expected[index]:.6g}", got=f"{got[index]:.6g}")
