"""Naming a misconception: the one matching path of every check kind.

When a check is prepared (the instructor's side), each misconception that has a formula is
evaluated on each case: ``wrong_values`` records its value, or the error it raised.  When a
submission is judged, ``named`` returns the first misconception whose recorded value the
learner's answer reproduces (and that is itself wrong on the case), or whose error the
learner's call raised.  Judging needs only these recorded values, never the formulas: the
same code names mistakes in the grader and in the learner kit.
"""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from rnn_grader.engine.declaration import Misconception, Outcome, copy_args


def raised_text(exc: BaseException) -> str:
    """An exception worded as the sandbox words a learner's exception."""
    return f"{type(exc).__name__}: {exc}"[:500]


def wrong_values(misconceptions: Sequence[Misconception], args: tuple) -> list:
    """Per misconception: ``("value", v)``, ``("raised", error text)`` or None (no formula)."""
    values = []
    for wrong in misconceptions:
        if wrong.formula is None:
            values.append(None)
            continue
        try:
            with np.errstate(all="ignore"):  # unstable formulas give their inf/NaN quietly
                values.append(("value", wrong.formula(*copy_args(args))))
        except Exception as exc:  # noqa: BLE001 - the formula's error is part of its signature
            values.append(("raised", raised_text(exc)))
    return values


def named(misconceptions: Sequence[Misconception], values: Sequence, outcome: Outcome, expected,
          same: Callable[[object, object], bool]) -> Misconception | None:
    """The first misconception the outcome reproduces.  ``same(got, wanted)`` is the check's
    own agreement test; a misconception's ``match`` replaces it.  A value matches when the
    learner's agrees with it and it does not agree with ``expected``; an error matches when
    the learner's call raised exactly the same one."""
    for wrong, recorded in zip(misconceptions, values):
        if recorded is None:
            continue
        kind, value = recorded
        if kind == "raised":
            if outcome.error is not None and outcome.error == value:
                return wrong
            continue
        if not outcome.ok:
            continue
        agree = wrong.match or same
        try:
            with np.errstate(all="ignore"):
                if agree(outcome.value, value) and not agree(value, expected):
                    return wrong
        except Exception:  # noqa: BLE001 - a value of another kind does not match
            continue
    return None
