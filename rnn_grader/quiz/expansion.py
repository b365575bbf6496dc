"""How many terms a formula has once multiplied out, estimated before sympy expands it.

``expanded_terms(expr)`` is an upper estimate of the number of terms ``sympy.expand`` would
produce: a sum adds its parts' counts, a product multiplies them, and an integer power ``n``
of a sum of ``t`` terms has at most ``C(t + n - 1, n)`` terms (``|n|`` for a denominator,
which ``cancel`` expands too).  Function arguments are expanded on their own: each counts as
one term outside, and is checked inside.  ``check_expansion`` refuses a formula above
``MAX_TERMS`` (``(x+y+t)^100`` has 5151 terms; no course answer needs more than a few dozen).
"""
from __future__ import annotations

import math

from rnn_grader.quiz.errors import Refused

MAX_TERMS = 2000


def expanded_terms(expr) -> int:
    """Upper estimate of the expanded term count (capped just above ``MAX_TERMS``)."""
    if expr.is_Add:
        count = sum(expanded_terms(arg) for arg in expr.args)
    elif expr.is_Mul:
        count = 1
        for arg in expr.args:
            count = min(count * expanded_terms(arg), MAX_TERMS + 1)
    elif expr.is_Pow and expr.exp.is_Integer:
        count = _power_terms(expanded_terms(expr.base), abs(int(expr.exp)))
    else:
        for arg in expr.args:  # a function's argument, a non-integer power's base
            check_expansion(arg)
        count = 1
    return min(count, MAX_TERMS + 1)


def _power_terms(terms: int, exponent: int) -> int:
    if terms <= 1 or exponent <= 1:
        return terms
    if terms > MAX_TERMS:
        return MAX_TERMS + 1
    return min(math.comb(terms + exponent - 1, exponent), MAX_TERMS + 1)


def check_expansion(expr) -> None:
    """Refuse a formula whose expansion would exceed ``MAX_TERMS`` terms."""
    if expanded_terms(expr) > MAX_TERMS:
        raise Refused("quiz.refused_expansion", limit=MAX_TERMS)
