"""The four tests every exercise has, built from its ``WRONG`` and ``RIGHT`` dicts.

Each exercise module binds them next to its own, exercise-specific tests::

    test_reference, test_stub, test_wrong, test_right = standard_tests(NAME, WRONG, RIGHT)
"""
from __future__ import annotations

import pytest

from tests.conftest import reference_source, stub_source


def _texts(result) -> list[str]:
    """The result's messages in English, shown when an assertion fails."""
    return [m.render("en") for m in result.messages]


def standard_tests(name, wrong, right, *, seeds=(0, 1, 2), right_seeds=(3,), wrong_keeps_some_points=False,
                   stub_none_rendered=False):
    """The four tests every exercise has; returns them in this order:

    * ``test_reference``: the solution in ``solutions/<name>.py`` gets full marks (status
      ``passed``) on each of ``seeds``;
    * ``test_stub``: the untouched ``exercises/<name>.py`` gets 0 with status ``failed`` (it
      does not crash the grader) and a message says it returned ``None``: in its own text
      (``m.en``), or with ``stub_none_rendered`` anywhere in ``m.render("en")``, which also
      holds the messages it wraps ("item 0 of the returned tuple: it returned None ...");
    * ``test_wrong``: each entry of ``wrong`` loses points and is named in
      ``result.misconceptions``, on each of ``seeds`` (coverage must not depend on the seed).  A key may be ``"name:variant"`` (several submissions with
      the same mistake); the name before the ``:`` must be reported.  With
      ``wrong_keeps_some_points`` the score must also stay above 0 (for exercises with
      several functions, where a mistake in one leaves the others their points);
    * ``test_right``: each entry of ``right`` passes, on each of ``right_seeds``.

    Bind them in the test module (pytest collects them under those names)::

        test_reference, test_stub, test_wrong, test_right = standard_tests(NAME, WRONG, RIGHT)
    """

    @pytest.mark.parametrize("seed", seeds)
    def test_reference(grade_source, seed):
        result = grade_source(name, reference_source(name), seed=seed)
        assert (result.status, result.score) == ("passed", result.max_score), _texts(result)

    def test_stub(grade_source):
        result = grade_source(name, stub_source(name))
        assert (result.status, result.score) == ("failed", 0), _texts(result)
        if stub_none_rendered:
            assert any("None" in m.render("en") for m in result.messages), _texts(result)
        else:
            assert any("None" in m.en for m in result.messages), _texts(result)

    @pytest.mark.parametrize("seed", seeds)
    @pytest.mark.parametrize("key", sorted(wrong))
    def test_wrong(grade_source, key, seed):
        result = grade_source(name, wrong[key], seed=seed)
        if wrong_keeps_some_points:
            assert 0 < result.score < result.max_score, _texts(result)
        else:
            assert result.score < result.max_score, _texts(result)
        assert key.split(":")[0] in result.misconceptions, _texts(result)

    @pytest.mark.parametrize("seed", right_seeds)
    @pytest.mark.parametrize("alternative", sorted(right))
    def test_right(grade_source, alternative, seed):
        result = grade_source(name, right[alternative], seed=seed)
        assert result.status == "passed", _texts(result)

    return test_reference, test_stub, test_wrong, test_right


def mutated(source: str, *pairs: tuple[str, str]) -> str:
    """``source`` with each ``(old, new)`` replaced: a wrong variant of a right submission.
    Every ``old`` must occur, so a variant never silently equals the original."""
    for old, new in pairs:
        assert old in source, old
        source = source.replace(old, new)
    return source


# Exercises whose every grading trains networks (seconds each): the cross-path equivalence
# tests take an even spread of their submissions instead of all of them.
SLOW_EXERCISES = {"binary_addition": 6}


def spread(items: list, name: str) -> list:
    """All ``items``, or an even spread of them for an exercise of ``SLOW_EXERCISES``."""
    most = SLOW_EXERCISES.get(name)
    if most is None or len(items) <= most:
        return list(items)
    step = len(items) / most
    return [items[int(k * step)] for k in range(most)]
