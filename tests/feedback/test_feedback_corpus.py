"""The learner corpus (``corpus_<name>.py``), graded on seeds 0, 1 and 2: every right
implementation passes; every wrong one loses points, and the feedback names the
misconception the corpus expects (no name when None), the same on every seed."""
import pytest

from tests.feedback.corpus import EXERCISES, SEEDS, corpus, diagnosis, expected_names, source


def _texts(result) -> list[str]:
    return [m.render("en") for m in result.messages]


WRONG_CASES = [(name, key) for name in EXERCISES for key in sorted(corpus(name).WRONG)]
RIGHT_CASES = [(name, key) for name in EXERCISES for key in sorted(corpus(name).RIGHT)]


@pytest.mark.parametrize("name, key", WRONG_CASES)
def test_wrong_loses_points_and_is_named(grade_source, name, key):
    module = corpus(name)
    want = expected_names(module.NAMES[key])
    for seed in SEEDS:
        result = grade_source(name, source(module.WRONG[key]), seed=seed)
        lost, named = diagnosis(result)
        assert lost, (seed, _texts(result))
        assert named == want, (seed, sorted(named), _texts(result))


@pytest.mark.parametrize("name, key", RIGHT_CASES)
def test_right_passes(grade_source, name, key):
    for seed in SEEDS:
        result = grade_source(name, source(corpus(name).RIGHT[key]), seed=seed)
        assert (result.status, result.score) == ("passed", result.max_score), (seed, _texts(result))


def test_corpus_is_large_enough():
    """At least 8 wrong and 3 right implementations for each of the 16 exercises."""
    assert len(EXERCISES) == 16, EXERCISES
    for name in EXERCISES:
        module = corpus(name)
        assert len(module.WRONG) >= 8 and len(module.RIGHT) >= 3, name
