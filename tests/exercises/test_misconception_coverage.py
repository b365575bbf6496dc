"""Every misconception an exercise declares has a wrong implementation in its tests that
names it (``test_wrong`` then checks that it is named on several seeds), and every
misconception the report may show has an explanation in both languages."""
import importlib

import pytest

from rnn_grader.engine import all_exercises


@pytest.mark.parametrize("name", list(all_exercises()))
def test_every_declared_misconception_has_a_wrong_implementation(name):
    exercise = all_exercises()[name]
    declared = {m.name for check in exercise.checks for m in check.misconceptions}
    tests = importlib.import_module(f"tests.exercises.test_{name}")
    covered = {key.split(":")[0] for key in tests.WRONG}
    assert declared, name
    assert declared <= covered, sorted(declared - covered)


@pytest.mark.parametrize("name", list(all_exercises()))
def test_every_misconception_is_explained_in_both_languages(name):
    for check in all_exercises()[name].checks:
        for wrong in check.misconceptions:
            assert wrong.explanation.en and wrong.explanation.ja, (name, check.name, wrong.name)
