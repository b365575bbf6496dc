"""Gradient checks that declare the reference's own gradients (``exact=``) compute central
differences only where those leave doubt, and give the verdicts central differences give.

The premise is measured first: on every declared gradient check and several seeds, the exact
gradients and central differences of the reference agree far inside the band in which the
exact ones decide alone (``DOUBT``).  Then the same outcomes -- the reference, every named
mistake, and the reference's gradients moved by 1e-10 ... 1 of their size -- are judged twice,
once as prepared and once with central differences alone, and must get the same verdicts.
"""
from __future__ import annotations

import dataclasses
import re

import numpy as np
import pytest

from rnn_grader.engine import all_exercises
from rnn_grader.engine.checks.gradient import DOUBT
from rnn_grader.engine.compare import GRADIENT_REL_TOL, CentralDifferences, rel_error
from rnn_grader.engine.declaration import Outcome, copy_args
from rnn_grader.engine.grading import exercise_rng

SEEDS = (0, 1, 2)
SCALES = (1e-10, 1e-8, 3e-7, 1e-6, 3e-6, 1e-4, 1e-2, 1.0)   # relative moves, across the tolerance 1e-6


def exact_checks():
    return [(exercise.name, index, check) for exercise in all_exercises().values()
            for index, check in enumerate(exercise.checks) if getattr(check, "exact", None) is not None]


def check_id(item):
    return f"{item[0]}-{item[2].name}"


def test_the_gradient_exercises_declare_exact_gradients():
    assert {name for name, _, _ in exact_checks()} == {"bptt", "lstm", "gru"}


def prepared(name, index, check, seed):
    return check.prepare(exercise_rng(seed, name, index))


@pytest.mark.parametrize("item", exact_checks(), ids=check_id)
@pytest.mark.parametrize("seed", SEEDS)
def test_exact_gradients_agree_with_central_differences_far_inside_the_band(item, seed):
    ready = prepared(*item, seed)
    for k, numeric in enumerate(ready.expected):
        for key, exact in ready.extra["exact"][k].items():
            assert rel_error(exact, numeric[key]) < GRADIENT_REL_TOL / DOUBT / 10, (k, key)


def moved(gradients: dict, scale: float, rng) -> dict:
    """Every array moved by ``scale`` times its largest entry, in a random direction."""
    return {key: value + scale * max(np.max(np.abs(value)), 1e-3) * rng.uniform(-1, 1, np.shape(value))
            for key, value in gradients.items()}


def gradient_mistakes(name, check) -> list:
    """The named mistakes of the exercise's checks of the same gradient function (whole dicts)."""
    found = {}
    for other in all_exercises()[name].checks:
        if getattr(other, "function", None) == check.function:
            for wrong in getattr(other, "gradient_misconceptions", other.misconceptions):
                if wrong.formula is not None:
                    found.setdefault(id(wrong), wrong)
    return list(found.values())


def outcome_sets(name, check, ready, rng):
    """Per label, one outcome per case: right, moved, named mistakes, broken values."""
    exact = [check.exact(*copy_args(call.args)) for call in ready.calls]
    sets = {"reference": [Outcome(value=g) for g in exact]}
    for scale in SCALES:
        sets[f"moved {scale:g}"] = [Outcome(value=moved(g, scale, rng)) for g in exact]
        sets[f"one key moved {scale:g}"] = [Outcome(value={**g, key: moved({key: g[key]}, scale, rng)[key]})
                                            for g, key in zip(exact, list(check.wrt) * len(exact))]
    for wrong in gradient_mistakes(name, check):
        with np.errstate(all="ignore"):
            sets[f"mistake {wrong.name}"] = [Outcome(value=wrong.formula(*copy_args(c.args))) for c in ready.calls]
    sets["NaN"] = [Outcome(value={**g, key: np.full_like(g[key], np.nan)}) for g, key in zip(exact, check.wrt)]
    sets["float32"] = [Outcome(value={key: np.asarray(v, np.float32) for key, v in g.items()}) for g in exact]
    sets["transposed"] = [Outcome(value={key: np.asarray(v).T.copy() for key, v in g.items()}) for g in exact]
    return sets


NUMBER = re.compile(r"-?\d+\.\d+(?:e[-+]\d+)?")


def rendered(verdict):
    """A verdict as text, its numbers to 3 digits: an expected value shown is then the exact
    gradient (5.6767e-05) where central differences would show 5.67671e-05."""
    def text(message):
        return NUMBER.sub(lambda number: f"{float(number.group()):.3g}", message.render("en"))
    return verdict.fraction, verdict.misconception, verdict.wants_later, [text(m) for m in verdict.messages]


@pytest.mark.parametrize("item", exact_checks(), ids=check_id)
@pytest.mark.parametrize("seed", SEEDS)
def test_verdicts_are_those_of_central_differences_alone(item, seed):
    name, index, check = item
    ready = prepared(name, index, check, seed)
    numeric_only = dataclasses.replace(ready, extra={k: v for k, v in ready.extra.items() if k != "exact"})
    sets = outcome_sets(name, check, ready, np.random.default_rng(seed))
    assert len(sets) > 2 * len(SCALES) + 4, "the named mistakes are among the outcomes"
    for label, outcomes in sets.items():
        with np.errstate(all="ignore"):
            assert rendered(check.judge(ready, outcomes)) == rendered(check.judge(numeric_only, outcomes)), label


def central_differences_read(ready) -> int:
    return sum(len(numeric.done) for numeric in ready.expected if isinstance(numeric, CentralDifferences))


@pytest.mark.parametrize("item", exact_checks(), ids=check_id)
def test_central_differences_are_computed_only_where_in_doubt(item):
    name, index, check = item
    rng = np.random.default_rng(5)
    right = prepared(name, index, check, 5)
    assert check.judge(right, outcome_sets(name, check, right, rng)["reference"]).fraction == 1.0
    assert central_differences_read(right) == 0          # a right answer: none at all
    far = prepared(name, index, check, 5)
    assert check.judge(far, outcome_sets(name, check, far, rng)["moved 0.01"]).fraction == 0.0
    assert central_differences_read(far) == 0            # clearly wrong: none either
    close = prepared(name, index, check, 5)
    check.judge(close, outcome_sets(name, check, close, rng)["one key moved 1e-06"])
    assert central_differences_read(close) >= 1          # near the tolerance: they decide
