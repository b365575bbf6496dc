"""Real nbgrader, end to end: `grade nbgrader` writes the course; unchanged nbgrader commands
(validate, generate_assignment, autograde, export) grade submissions; the scores are the
engine's.

Submissions (nbgrader's layout, submitted/<student>/day3/<name>.ipynb):
  alice  the reference in every notebook                  -> full marks
  bob    the released notebooks untouched                 -> 0
  carol  gradient_clipping rescales every gradient        -> partial (test cells all-or-nothing)
  dave   lstm's db is not summed over the batch           -> partial (a number from the cell)
The kernel nbgrader starts is this interpreter (``kernel_env``), in a fresh venv or as root.
"""
from __future__ import annotations

import time

import nbformat
import pytest

from rnn_grader.engine import all_exercises, grade_submission, select
from rnn_grader.engine.seeds import student_seed
from rnn_grader.nbgrader.course import write_course
from rnn_grader.nbgrader.run import (export_totals, kernel_env, notebook_scores, reference_code, run_nbgrader,
                                 solution_cell, submit)

CLIP = "gradient_clipping"
SECOND = "lstm" if "lstm" in all_exercises() else next(n for n in all_exercises() if n != CLIP)
NAMES = [CLIP, SECOND]


def mutated(code: str, old: str, new: str) -> str:
    assert old in code, f"the reference changed: {old!r} not found"
    return code.replace(old, new)


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """The whole nbgrader run, once: course, release, four submissions, autograde, export."""
    root = tmp_path_factory.mktemp("nbgrader")
    course = root / "course"
    env = kernel_env(root / "jupyter")
    started = time.perf_counter()
    write_course(course, NAMES, seed=0, lang="en")
    validated = run_nbgrader(course, "validate", f"source/day3/{CLIP}.ipynb", env=env)
    run_nbgrader(course, "generate_assignment", "day3", env=env)
    reference = {name: reference_code(course, name) for name in NAMES}
    answers = {
        "alice": reference,
        "bob": {name: None for name in NAMES},
        "carol": {**reference, CLIP: mutated(reference[CLIP], "if norm > threshold:", "if norm >= 0:")},
    }
    if SECOND == "lstm":
        answers["dave"] = {**reference, "lstm": mutated(reference["lstm"], '"b": dA.sum(axis=0)', '"b": dA[0]')}
    for student, code in answers.items():
        submit(course, student, code)
    run_nbgrader(course, "autograde", "day3", env=env)
    totals = export_totals(course, env=env)
    elapsed = time.perf_counter() - started
    print(f"\nnbgrader end to end: {len(answers)} students x {len(NAMES)} notebooks in {elapsed:.1f} s")
    return {"path": course, "validated": validated, "scores": notebook_scores(course), "totals": totals,
            "answers": answers}


def max_score(name: str) -> float:
    return all_exercises()[name].max_score


def test_validate_passes_on_the_reference(course):
    assert "Success! Your notebook passes all the tests." in course["validated"].stdout


def test_release_hides_solutions_and_graded_tests(course):
    released = nbformat.read(str(course["path"] / "release" / "day3" / f"{CLIP}.ipynb"), as_version=4)
    text = "\n".join(cell.source for cell in released.cells)
    solution = solution_cell(released).source
    assert "BEGIN SOLUTION" not in text and "threshold / norm" not in solution
    assert "YOUR CODE HERE" in solution
    assert "HIDDEN TESTS" not in text and "assert_check(" not in text.replace("import assert_check", "")


def test_reference_gets_full_marks_and_stubs_zero(course):
    scores = course["scores"]
    assert scores["alice"] == {name: pytest.approx(max_score(name)) for name in NAMES}
    assert scores["bob"] == {name: 0.0 for name in NAMES}


def test_one_wrong_exercise_gets_partial_credit(course):
    carol = course["scores"]["carol"]
    assert 0 < carol[CLIP] < max_score(CLIP)
    assert carol[SECOND] == pytest.approx(max_score(SECOND))
    if "dave" in course["scores"]:
        dave = course["scores"]["dave"]["lstm"]
        assert 0 < dave < max_score("lstm") and dave != int(dave)  # a fraction of a gradient check


def test_export_gives_the_gradebook(course):
    full = sum(max_score(name) for name in NAMES)
    totals = course["totals"]
    assert totals["alice"] == pytest.approx(full) and totals["bob"] == 0
    assert 0 < totals["carol"] < full
    for student, scores in course["scores"].items():
        assert totals[student] == pytest.approx(sum(scores.values()), abs=0.01)


def test_scores_equal_the_sandboxed_engine(course, sandbox, tmp_path):
    """Each notebook's nbgrader score is what `grade` gives the same code on the same inputs:
    the student's own, ``student_seed(course seed, student id)``."""
    for student, answers in course["answers"].items():
        folder = tmp_path / student
        folder.mkdir()
        for name in NAMES:
            notebook = nbformat.read(str(course["path"] / "submitted" / student / "day3" / f"{name}.ipynb"),
                                     as_version=4)
            (folder / f"{name}.py").write_text(solution_cell(notebook).source)
        result = grade_submission(folder, select(NAMES), seed=student_seed(0, student), sandbox=sandbox)
        for name in NAMES:
            mine = result.exercises[name]
            assert course["scores"][student][name] == pytest.approx(mine.score), (student, name, mine.to_json("en"))


def test_scores_equal_grade_cohort(course):
    cohort_module = pytest.importorskip("rnn_grader.cohort")
    cohort = cohort_module.grade_cohort(course["path"] / "submitted", names=NAMES, seed=0, jobs=1)
    for student, scores in course["scores"].items():
        for name in NAMES:
            mine = cohort.students[student].exercises[name]
            assert mine.score == pytest.approx(scores[name]), (student, name, mine.to_json("en"))
