"""Deciding whether two sympy expressions are equal, within a time limit.

1. Numerically, at ``POINTS`` random points drawn with each symbol's assumptions (positive
   sizes, integer counts, gate values in (0, 1)): a clear difference at one point makes the
   answer wrong at once.
2. Symbolically, with a deadline of ``SYMBOLIC_SECONDS`` (see ``within``): ``a - b`` is 0 as
   built, after ``expand``, after ``cancel``, or after ``simplify``.
3. If the symbolic step does not prove equality in time, the numeric agreement decides, and the
   verdict says so (``how == "numeric"``); with neither (no valid point, no proof in time)
   the verdict is ``undecided``.

The whole judging of an answer runs in a forked child bounded in time and memory
(``bounded.py``); the deadline here only decides when to fall back to the numeric check.
"""
from __future__ import annotations

import math
import random
import signal
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


class _Overtime(BaseException):
    """Raised by the SIGALRM handler; a BaseException so that sympy's ``except Exception``
    blocks do not swallow it."""


def within(seconds: float, work):
    """``work()``, or None when it takes longer than ``seconds``.

    In the main thread (a forked judging child is one) a timer signal interrupts ``work`` at
    the deadline; elsewhere ``work`` runs in a daemon thread that is abandoned at the deadline.
    """
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        return _within_timer(seconds, work)
    outcome: list = []
    worker = threading.Thread(target=lambda: outcome.append(work()), daemon=True,
                              name="quiz-simplify")
    worker.start()
    worker.join(seconds)
    return outcome[0] if outcome else None


def _within_timer(seconds: float, work):
    def stop(signum, frame):
        raise _Overtime

    previous = signal.signal(signal.SIGALRM, stop)
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, seconds)
            return work()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Overtime:
        return None
    finally:
        signal.signal(signal.SIGALRM, previous)


def symbolic_equal(a, b, seconds: float | None = None) -> bool | None:
    """True if ``a - b`` simplifies to 0 within ``seconds`` (default ``SYMBOLIC_SECONDS``);
    False if not; None on timeout.  ``MemoryError`` propagates (the answer is too costly)."""
    seconds = SYMBOLIC_SECONDS if seconds is None else seconds
    if a == b:
        return True

    def work():
        try:
            return _symbolic_zero(a - b)
        except MemoryError:
            raise
        except Exception:  # sympy failing to simplify just means: not proved
            return False

    return within(seconds, work)


def equivalent(expected, given, specs: dict) -> Verdict:
    """Whether ``given`` equals ``expected`` (see the module docstring)."""
    numeric = numeric_compare(expected, given, specs)
    if numeric is False:
        return Verdict(False, "different")
    proved = symbolic_equal(expected, given)
    if proved:
        return Verdict(True, "symbolic")
    if numeric is True:
        return Verdict(True, "numeric")
    if numeric is None and proved is None:
        return Verdict(False, "undecided")
    return Verdict(False, "different")


def numerically_equal(a, b, specs: dict) -> bool:
    """Cheap match of an answer against a declared wrong answer (no symbolic proof)."""
    if a == b:
        return True
    return numeric_compare(a, b, specs) is True
