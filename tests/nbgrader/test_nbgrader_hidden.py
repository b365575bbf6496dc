"""The hidden tests' seed: per student, from the course seed kept in the course folder
(class 2 of issue 12: the nbgrader hidden tests use the same per-student inputs as `grade cohort`)."""
from __future__ import annotations

import pytest

from rnn_grader.engine.seeds import student_seed
from rnn_grader.nbgrader.course import write_course
from rnn_grader.nbgrader.hidden import CourseSeedMissing, hidden_seed, read_course_seed, write_course_seed


@pytest.fixture
def course(tmp_path):
    write_course(tmp_path / "course", ["gradient_clipping"], seed=77, lang="en")
    return tmp_path / "course"


def test_each_student_has_a_seed_of_their_own(course):
    alice = course / "autograded" / "alice" / "day3"
    bob = course / "autograded" / "bob" / "day3"
    alice.mkdir(parents=True)
    bob.mkdir(parents=True)
    assert hidden_seed(alice) == student_seed(77, "alice") != hidden_seed(bob) == student_seed(77, "bob")
    assert student_seed(78, "alice") != student_seed(77, "alice")  # the course seed matters


def test_the_working_folder_is_the_default(course, monkeypatch):
    folder = course / "autograded" / "carol" / "day3"
    folder.mkdir(parents=True)
    monkeypatch.chdir(folder)
    assert hidden_seed() == student_seed(77, "carol")


def test_validating_the_source_notebooks_uses_no_student(course):
    assert hidden_seed(course / "source" / "day3") == student_seed(77, "")


def test_no_course_seed_is_a_clear_error(tmp_path):
    with pytest.raises(CourseSeedMissing, match="course_seed.txt"):
        hidden_seed(tmp_path)


def test_rewriting_a_course_keeps_its_secret_seed(course, tmp_path):
    write_course(course, ["gradient_clipping"], lang="ja")
    assert read_course_seed(course) == 77
    fresh = [write_course_seed(tmp_path / f"c{i}") for i in range(3)]
    assert len(set(fresh)) == 3  # drawn, not a fixed default


def test_seeds_are_stable_and_spread():
    assert student_seed(0, "alice") == student_seed(0, "alice")
    seeds = {student_seed(0, f"s{i}") for i in range(1000)}
    assert len(seeds) == 1000 and all(0 <= s < 2 ** 63 for s in seeds)
    assert student_seed(0, "\udcff") != student_seed(0, "\ufffd")  # raw folder bytes are kept apart
