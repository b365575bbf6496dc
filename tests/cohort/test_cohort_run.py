"""Grading a class: every kind of submission, isolation of failures, resume after a crash."""
import csv
import json
import os

import pytest

import rnn_grader.cohort.run as run_module
from cohort_builders import CountLog, NAMES, WRONG_CLIPPING, references, stubs, write_modules, write_notebooks
from rnn_grader.cohort import cohort_json, grade_cohort, summarize, write_csv
from rnn_grader.cohort.gradebook import misconception_headline
from rnn_grader.engine import all_exercises, grading
from rnn_grader.sandbox import Limits

SHORT = Limits(wall_seconds=1.0, cpu_seconds=1.0)
ODD_NAME = "<img src=x> élève, \"quoted\""
MAX = sum(all_exercises()[n].max_score for n in NAMES)


@pytest.fixture(scope="module")
def classroom(tmp_path_factory):
    """A class folder with one student per kind of submission, graded once."""
    root = tmp_path_factory.mktemp("class")
    write_modules(root / "all_references", references())
    write_modules(root / "all_stubs", stubs())
    write_modules(root / "wrong", references(gradient_clipping=WRONG_CLIPPING))
    write_modules(root / "syntax_error", references(gradient_clipping="def gradient_clipping(grad:\n"))
    write_modules(root / "endless_loop", references(gradient_clipping="while True:\n    pass\n"))
    write_modules(root / "exits", references(gradient_clipping="import os\nos._exit(3)\n"))
    write_notebooks(root / "notebook", references(), magic=True)
    write_notebooks(root / "nbgrader_layout" / "day3", references())
    write_modules(root / ODD_NAME, references())
    (root / "all_references" / "quiz.json").write_text(json.dumps({"chain_rule": "2(x + y)"}))
    (root / "wrong" / "quiz.json").write_bytes(b"\x00 not json")
    (root / ".ipynb_checkpoints").mkdir()
    (root / "README.txt").write_text("not a student")
    cohort = grade_cohort(root, names=NAMES, seed=0, jobs=2, limits=SHORT)
    return root, cohort


def statuses(cohort, student):
    return {name: r.status for name, r in cohort.students[student].exercises.items()}


def test_every_student_has_a_row_sorted_by_name(classroom):
    root, cohort = classroom
    assert list(cohort.students) == sorted(["all_references", "all_stubs", "wrong", "syntax_error",
                                            "endless_loop", "exits", "notebook", "nbgrader_layout", ODD_NAME])
    assert [e.name for e in cohort.exercises] == NAMES and cohort.seed == 0
    assert cohort.isolated in (True, False) and cohort.elapsed > 0 and cohort.resumed == []


@pytest.mark.parametrize("student", ["all_references", "notebook", "nbgrader_layout", ODD_NAME])
def test_correct_submissions_get_full_marks_in_every_form(classroom, student):
    result = classroom[1].students[student]
    assert result.all_passed and result.score == MAX, statuses(classroom[1], student)


def test_stubs_get_zero(classroom):
    result = classroom[1].students["all_stubs"]
    assert result.score == 0 and not any(r.status == "passed" for r in result.exercises.values())


def test_one_broken_exercise_costs_only_that_exercise(classroom):
    cohort = classroom[1]
    others = [n for n in NAMES if n != "gradient_clipping"]
    expected = {"wrong": "failed", "syntax_error": "error", "endless_loop": "timeout", "exits": "error"}
    for student, status in expected.items():
        assert statuses(cohort, student)["gradient_clipping"] == status, student
        assert cohort.students[student].exercises["gradient_clipping"].score == 0
        assert all(statuses(cohort, student)[n] == "passed" for n in others), student
    assert "divide_by_norm" in cohort.students["wrong"].exercises["gradient_clipping"].misconceptions


def test_quiz_answers_are_graded_and_a_malformed_file_refused(classroom):
    quiz = classroom[1].quiz
    assert set(quiz) == {"all_references", "wrong"}
    assert quiz["all_references"]["chain_rule"].correct is True
    assert quiz["wrong"]["quiz.json"].correct is False
    assert not classroom[1].all_passed


def test_the_csv_has_the_contract_columns(classroom, tmp_path):
    out = tmp_path / "grades.csv"
    write_csv(classroom[1], out)
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["student", *NAMES, "total"]
    by_name = {row["student"]: row for row in rows}
    assert set(by_name) == set(classroom[1].students)  # the odd name comes back intact
    assert float(by_name["all_references"]["total"]) == MAX
    assert float(by_name["all_stubs"]["total"]) == 0
    wrong = by_name["wrong"]
    assert float(wrong["gradient_clipping"]) == 0
    assert float(wrong["total"]) == MAX - all_exercises()["gradient_clipping"].max_score


def test_a_student_name_is_never_a_spreadsheet_formula(tmp_path):
    write_modules(tmp_path / "class" / "=HYPERLINK(1)", references(["gradient_clipping"]))
    cohort = grade_cohort(tmp_path / "class", names=["gradient_clipping"], jobs=1)
    write_csv(cohort, tmp_path / "g.csv")
    assert (tmp_path / "g.csv").read_text().splitlines()[1].startswith("'=HYPERLINK(1)")


def test_the_json_has_every_student_with_the_contract_schema(classroom):
    data = json.loads(json.dumps(cohort_json(classroom[1], "ja"), ensure_ascii=False))
    assert data["seed"] == 0 and data["max_score"] == MAX
    assert set(data["students"]) == set(classroom[1].students)
    for entry in data["students"].values():
        assert {"seed", "score", "max_score", "exercises"} <= set(entry)
        for exercise in entry["exercises"].values():
            assert set(exercise) == {"score", "max_score", "status", "messages"}
    assert data["students"]["wrong"]["misconceptions"]["gradient_clipping"] == ["divide_by_norm"]
    assert data["students"]["all_references"]["quiz"]["chain_rule"]["correct"] is True


def test_the_summary_counts_full_marks_and_names_the_misconception(classroom):
    clipping = next(s for s in summarize(classroom[1]) if s.exercise.name == "gradient_clipping")
    assert clipping.full == 4 and clipping.students == 9
    assert clipping.top_misconception == "divide_by_norm"
    assert clipping.statuses["timeout"] == 1
    headline = misconception_headline(clipping.exercise, "divide_by_norm")
    assert "grad / norm" in headline.render("en") and "grad / norm" in headline.render("ja")


def test_write_csv_replaces_the_file_atomically(classroom, tmp_path, monkeypatch):
    out = tmp_path / "grades.csv"
    out.write_text("old gradebook\n")
    inode = out.stat().st_ino
    write_csv(classroom[1], out)
    assert out.stat().st_ino != inode  # a new file took the old one's place: never truncated
    written = out.read_text()

    def crash(*args):
        raise OSError("power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        write_csv(classroom[1], out)
    assert out.read_text() == written
    assert [p.name for p in tmp_path.iterdir()] == ["grades.csv"]  # no temporary file left


# ----------------------------------------------------------------------------- resume
@pytest.fixture
def counting(monkeypatch, tmp_path):
    """Counts the exercises actually run in a sandbox, per student folder (in any process)."""
    runs = CountLog(tmp_path / "runs.log")
    real = run_module.run_exercises

    def counted(plan, inputs, submission, exercises, box):
        runs.add(submission.student, len(exercises))
        return real(plan, inputs, submission, exercises, box)

    monkeypatch.setattr(run_module, "run_exercises", counted)
    return runs


def test_a_crashed_run_resumes_without_regrading_finished_students(tmp_path, counting):
    root, state, names = tmp_path / "class", tmp_path / "state", ["gradient_clipping"]
    students = [f"s{i}" for i in range(6)]
    for i, student in enumerate(students):
        write_modules(root / student, references(names) if i % 2 else stubs(names))

    def crash_after_two(done, total, student):
        if done == 2:
            raise KeyboardInterrupt("the instructor's machine went down")

    with pytest.raises(KeyboardInterrupt):
        grade_cohort(root, names=names, jobs=2, state_dir=state, progress=crash_after_two)
    saved = {p: p.stat().st_mtime_ns for p in state.glob("*.json")}
    assert len(saved) == 2
    counting.clear()

    cohort = grade_cohort(root, names=names, jobs=2, state_dir=state)
    assert len(cohort.resumed) == 2 and set(cohort.students) == set(students)
    assert sum(counting.values()) == 4 and not set(counting) & set(cohort.resumed)
    assert all(p.stat().st_mtime_ns == mtime for p, mtime in saved.items())
    assert [cohort.students[s].all_passed for s in students] == [False, True] * 3

    counting.clear()
    (root / "s0" / "gradient_clipping.py").write_text(references(names)["gradient_clipping"])
    again = grade_cohort(root, names=names, jobs=2, state_dir=state)
    assert counting == {"s0": 1} and again.students["s0"].all_passed  # changed: graded again
    assert again.students["s1"].to_json("en") == cohort.students["s1"].to_json("en")

    counting.clear()
    grade_cohort(root, names=names, jobs=2, state_dir=state, seed=5)
    assert sum(counting.values()) == 6  # another seed: other inputs, everyone again
    counting.clear()
    grade_cohort(root, names=names, jobs=2, state_dir=state, seed=5, fresh=True)
    assert sum(counting.values()) == 6


def test_a_corrupt_state_file_means_grade_again(tmp_path, counting):
    root, state = tmp_path / "class", tmp_path / "state"
    write_modules(root / "ann", references(["gradient_clipping"]))
    grade_cohort(root, names=["gradient_clipping"], jobs=1, state_dir=state)
    [saved] = state.glob("*.json")
    assert "ann" not in saved.name  # files are named by a hash, never by the student's name
    saved.write_text('{"truncated')
    counting.clear()
    cohort = grade_cohort(root, names=["gradient_clipping"], jobs=1, state_dir=state)
    assert counting == {"ann": 1} and cohort.students["ann"].all_passed


def test_missing_folder_and_unknown_exercise(tmp_path):
    with pytest.raises(FileNotFoundError):
        grade_cohort(tmp_path / "nowhere", names=["gradient_clipping"])
    with pytest.raises(KeyError):
        grade_cohort(tmp_path, names=["no_such_exercise"])


def test_a_grader_failure_costs_one_exercise_and_is_not_saved(tmp_path, monkeypatch):
    root, state = tmp_path / "class", tmp_path / "state"
    for student in ("ann", "bob"):
        write_modules(root / student, references(["gradient_clipping"]))
    real = grading.judge_reply

    def flaky(exercise, prepared, reply, limits):
        if "bob" in reply.output:
            raise RuntimeError("judge bug")
        return real(exercise, prepared, reply, limits)

    (root / "bob" / "gradient_clipping.py").write_text(references(["gradient_clipping"])["gradient_clipping"]
                                                      + "\nprint('bob')\n")
    monkeypatch.setattr(grading, "judge_reply", flaky)
    cohort = grade_cohort(root, names=["gradient_clipping"], jobs=2, state_dir=state)
    assert cohort.students["ann"].all_passed
    bob = cohort.students["bob"].exercises["gradient_clipping"]
    assert bob.status == "error" and "judge bug" in bob.messages[0].render("en")
    assert len(list(state.glob("*.json"))) == 1  # bob is graded again next time


def test_a_grading_process_that_dies_costs_only_its_student(tmp_path, monkeypatch):
    """The grading processes are forked workers: one that dies (here: exits in the middle of
    bob) gives bob an error row, never saved, and a fresh process grades the others."""
    root, state = tmp_path / "class", tmp_path / "state"
    for student in ("ann", "bob", "cal"):
        write_modules(root / student, references(["gradient_clipping"]))
    real = run_module.grade_student

    def dies_on_bob(plan, submission, box):
        if submission.student == "bob":
            os._exit(3)
        return real(plan, submission, box)

    monkeypatch.setattr(run_module, "grade_student", dies_on_bob)
    cohort = grade_cohort(root, names=["gradient_clipping"], jobs=1, state_dir=state)
    assert cohort.students["ann"].all_passed and cohort.students["cal"].all_passed
    bob = cohort.students["bob"].exercises["gradient_clipping"]
    assert bob.status == "error" and "exit code 3" in bob.messages[0].render("en")
    monkeypatch.setattr(run_module, "grade_student", real)
    again = grade_cohort(root, names=["gradient_clipping"], jobs=1, state_dir=state)
    assert again.resumed == ["ann", "cal"] and again.students["bob"].all_passed   # bob was not saved
