"""Naming a misconception: the one matching path of every check kind.

When a check is prepared (the instructor's side), each misconception that has a formula is
evaluated on each case: ``wrong_values`` records its value, or the error it raised.  When a
submission is judged, ``singled_out`` returns the misconception whose recorded value (or error) the
learner's answers reproduce on every failing case -- the evidence singles it out -- and
``named`` the first one reproduced on a single case.  Judging needs only these recorded values, never the formulas: the
same code names mistakes in the grader and in the learner kit.
"""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from rnn_grader.engine.declaration import Misconception, Outcome, copy_args
from rnn_grader.engine.lazy import LazyList


def raised_text(exc: BaseException) -> str:
    """An exception worded as the sandbox words a learner's exception."""
    return f"{type(exc).__name__}: {exc}"[:500]


def wrong_value(wrong: Misconception, args: tuple):
    """``("value", v)``, ``("raised", error text)`` or None (no formula, or a formula that
    returned None: None is the blank stub's answer, never a misconception's)."""
    if wrong.formula is None:
        return None
    try:
        with np.errstate(all="ignore"):  # unstable formulas give their inf/NaN quietly
            value = wrong.formula(*copy_args(args))
    except Exception as exc:  # noqa: BLE001 - the formula's error is part of its signature
        return "raised", raised_text(exc)
    return None if value is None else ("value", value)


def blank(outcome: Outcome) -> bool:
    """A call that returned None (an unfilled stub): no misconception's value is None, so
    none can be reproduced by it, and its values need not be computed."""
    return outcome.ok and outcome.value is None


def wrong_values(misconceptions: Sequence[Misconception], args: tuple) -> list:
    """Per misconception: its ``wrong_value`` on ``args``."""
    return [wrong_value(wrong, args) for wrong in misconceptions]


def lazy_wrong_values(misconceptions: Sequence[Misconception], cases: Sequence[tuple]) -> LazyList:
    """``wrong_values`` of each case, each misconception's computed the first time a judge
    asks for it: a case the learner got right never needs them (most cases of most
    students), and ``singled_out`` stops at a misconception's first miss.  The learner
    kit's bank holds them computed (``bank.py`` reads every case)."""
    misconceptions, cases = list(misconceptions), list(cases)
    return LazyList(len(cases), lambda k: LazyList(len(misconceptions),
                                                   lambda i: wrong_value(misconceptions[i], cases[k])))


def reproduces(wrong: Misconception, recorded, outcome: Outcome, expected,
               same: Callable[[object, object], bool]) -> bool:
    """Does the outcome reproduce this misconception's recorded value (or error)?
    ``same(got, wanted)`` is the check's own agreement test; a misconception's ``match``
    replaces it.  A value matches when the learner's agrees with it and it does not agree
    with ``expected``; an error matches when the learner's call raised exactly the same one."""
    if recorded is None:
        return False
    kind, value = recorded
    if kind == "raised":
        return outcome.error is not None and outcome.error == value
    if not outcome.ok:
        return False
    agree = wrong.match or same
    try:
        with np.errstate(all="ignore"):
            return bool(agree(outcome.value, value) and not agree(value, expected))
    except Exception:  # noqa: BLE001 - a value of another kind does not match
        return False


def named(misconceptions: Sequence[Misconception], values: Sequence, outcome: Outcome, expected,
          same: Callable[[object, object], bool]) -> Misconception | None:
    """The first misconception the outcome of one case reproduces (None when none does)."""
    if blank(outcome):
        return None
    for wrong, recorded in zip(misconceptions, values):
        if reproduces(wrong, recorded, outcome, expected, same):
            return wrong
    return None


def singled_out(misconceptions: Sequence[Misconception], failures: Sequence[tuple], same) -> tuple | None:
    """The misconception that explains EVERY failing case, and the first case it was seen on:
    ``failures`` holds ``(case index, values, outcome, expected)`` for each failing case.
    A misconception that fits some failures but not others is not the learner's mistake:
    then nothing is named (None), and the check says what it observed instead.  (A case where
    both the learner's call and the formula raised, in other words, does not count against
    it: the formula stands for the mistake, not for every line of the learner's code.)"""
    for position, wrong in enumerate(misconceptions):
        first_seen = None
        for k, values, outcome, expected in failures:   # stops at the first case it does not explain
            if blank(outcome):
                break
            if reproduces(wrong, values[position], outcome, expected, same):
                first_seen = k if first_seen is None else first_seen
            elif not both_raised(outcome, values[position]):
                break
        else:
            if first_seen is not None:
                return wrong, first_seen
    return None


def both_raised(outcome: Outcome, recorded) -> bool:
    return outcome.error is not None and recorded is not None and recorded[0] == "raised"
