"""Deciding whether two sympy expressions are equal, within a time limit.

1. Numerically, at ``POINTS`` random points drawn with each symbol's assumptions (positive
   sizes, integer counts, gate values in (0, 1)): a clear difference at one point makes the
   answer wrong at once.
2. Symbolically, in a worker thread with a deadline of ``SYMBOLIC_SECONDS``: ``a - b`` is 0 as
   built, after ``expand``, after ``cancel``, or after ``simplify``.
3. If the symbolic step does not prove equality in time, the numeric agreement decides, and the
   verdict says so (``how == "numeric"``).

A thread cannot be stopped: one that overruns is left to finish in the background (it is a
daemon thread, so it never delays the process's exit).
"""
from __future__ import annotations

import math
import random
import threading
from dataclasses import dataclass

import sympy

from rnn_grader.quiz.numeric import Unsupported, evaluate

POINTS = 20
MIN_VALID_POINTS = 8
SYMBOLIC_SECONDS = 0.5
REL_TOL = 1e-7
ABS_TOL = 1e-9


@dataclass(frozen=True)
class Verdict:
    """``equal``; ``how`` is ``symbolic``, ``numeric`` or ``different``."""

    equal: bool
    how: str


def sample_points(specs: dict, count: int = POINTS, seed: int = 20240601) -> list[dict]:
    """``count`` random assignments {Symbol: float} following each ``SymbolSpec``'s range."""
    rng = random.Random(seed)
    points = []
    for _ in range(count):
        point = {}
        for symbol, spec in specs.items():
            if spec.integer:
                point[symbol] = float(rng.randint(int(spec.low), int(spec.high)))
            else:
                point[symbol] = rng.uniform(spec.low, spec.high)
        points.append(point)
    return points


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=ABS_TOL)


def numeric_compare(a, b, specs: dict) -> bool | None:
    """True if equal at every valid point, False if different at one, None if undecidable."""
    valid = 0
    try:
        for point in sample_points(specs):
            x, y = evaluate(a, point), evaluate(b, point)
            if not (math.isfinite(x) and math.isfinite(y)):
                continue
            if not close(x, y):
                return False
            valid += 1
    except (Unsupported, KeyError):
        return None
    return True if valid >= MIN_VALID_POINTS else None


def _symbolic_zero(diff) -> bool:
    if diff == 0 or sympy.expand(diff) == 0:
        return True
    if sympy.cancel(sympy.together(diff)) == 0:
        return True
    return sympy.simplify(diff) == 0


def symbolic_equal(a, b, seconds: float | None = None) -> bool | None:
    """True if ``a - b`` simplifies to 0 within ``seconds`` (default ``SYMBOLIC_SECONDS``);
    False if not; None on timeout."""
    seconds = SYMBOLIC_SECONDS if seconds is None else seconds
    if a == b:
        return True
    outcome: list = []

    def work():
        try:
            outcome.append(_symbolic_zero(a - b))
        except Exception:  # sympy failing to simplify just means: not proved
            outcome.append(False)

    worker = threading.Thread(target=work, daemon=True, name="quiz-simplify")
    worker.start()
    worker.join(seconds)
    return outcome[0] if outcome else None


def equivalent(expected, given, specs: dict) -> Verdict:
    """Whether ``given`` equals ``expected`` (see the module docstring)."""
    numeric = numeric_compare(expected, given, specs)
    if numeric is False:
        return Verdict(False, "different")
    if symbolic_equal(expected, given):
        return Verdict(True, "symbolic")
    if numeric is True:
        return Verdict(True, "numeric")
    return Verdict(False, "different")


def numerically_equal(a, b, specs: dict) -> bool:
    """Cheap match of an answer against a declared wrong answer (no symbolic proof)."""
    if a == b:
        return True
    return numeric_compare(a, b, specs) is True
