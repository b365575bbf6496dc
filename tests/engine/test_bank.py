"""The practice bank: what the learner kit judges with, and that it judges like the grader.

For every exercise and every submission of the exercise tests (reference, stub, each wrong
implementation, each right alternative), the checks decoded from the bank, on a practice set
decoded from the bank, give the same score and name the same misconception per check as the
instructor's live declaration on the same practice set.
"""
from __future__ import annotations

import importlib
import json
import textwrap

import numpy as np
import pytest

from rnn_grader.engine import Exercise, Misconception, PropertyCheck, Text, ValueCheck, all_exercises
from rnn_grader.engine.bank import NotShippable, bank_files, check_spec, load_exercises
from rnn_grader.engine.grading import grade_submission, practice_cases
from tests.conftest import reference_source, stub_source
from tests.exercises.standard import spread

NAMES = list(all_exercises())


@pytest.fixture(scope="module")
def kit_exercises():
    """The exercises as the kit loads them, after a JSON round trip of the whole bank."""
    files = bank_files(all_exercises().values(), practice_cases)
    return load_exercises(files.__getitem__)


def submissions(name: str) -> dict[str, str]:
    """Every submission of the exercise's tests: reference, stub, WRONG, RIGHT."""
    module = importlib.import_module(f"tests.exercises.test_{name}")
    found = {"reference": reference_source(name), "stub": stub_source(name)}
    found.update({f"wrong:{k}": v for k, v in getattr(module, "WRONG", {}).items()})
    found.update({f"right:{k}": v for k, v in getattr(module, "RIGHT", {}).items()})
    return found


def per_check(result) -> list:
    return [(c.name, round(c.score, 9), c.misconception) for c in result.checks]


@pytest.mark.parametrize("name", NAMES)
def test_kit_judges_like_the_grader(name, kit_exercises, sandbox, tmp_path):
    live, kit = all_exercises()[name], kit_exercises[name]
    assert [c.name for c in kit.checks] == [c.name for c in live.checks]
    for k, (label, source) in enumerate(spread(sorted(submissions(name).items()), name)):
        practice = k % len(kit.practice_bank)
        folder = tmp_path / f"{k}"
        folder.mkdir()
        (folder / f"{name}.py").write_text(textwrap.dedent(source))
        graded = {}
        for side, exercise, prepared in (("live", live, practice_cases(live, practice)),
                                         ("kit", kit, kit.practice_bank[practice])):
            graded[side] = grade_submission(folder, [exercise], seed=practice, sandbox=sandbox,
                                            prepared={name: prepared}).exercises[name]
        assert per_check(graded["kit"]) == per_check(graded["live"]), label
        assert graded["kit"].status == graded["live"].status, label
        if label == "reference" or label.startswith("right:"):
            assert graded["kit"].status == "passed", (label, [m.render("en") for m in graded["kit"].messages])
        else:
            assert graded["kit"].score < graded["kit"].max_score, label


def test_kit_checks_hold_no_reference_or_formula(kit_exercises):
    for exercise in kit_exercises.values():
        for check in exercise.checks:
            assert getattr(check, "reference", None) is None and getattr(check, "inputs", None) is None
            assert all(m.formula is None for m in check.misconceptions), (exercise.name, check.name)


def test_a_judging_function_outside_the_kit_is_refused():
    """A property written in a test module (or a declaration) cannot be shipped."""
    check = PropertyCheck("p", points=1, title=Text(en="t", ja="t"), function="f", inputs=lambda rng: [],
                          arg_names=["x"], prop=lambda args, value: None)
    with pytest.raises(NotShippable):
        check_spec(check)


def test_a_formula_never_reaches_the_bank():
    secret = Misconception("m", lambda x: x * 41, Text(en="e", ja="e"))
    check = ValueCheck("v", points=1, title=Text(en="t", ja="t"), function="f",
                       inputs=lambda rng: [(np.ones(2),)], reference=lambda x: x, misconceptions=[secret])
    spec = json.dumps(check_spec(check))
    assert "41" not in spec and "lambda" not in spec
    assert Exercise("e", Text(en="t", ja="t"), [check]).max_score == 1
