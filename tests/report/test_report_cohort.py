"""End to end: a class folder graded by `grade_cohort` (and by `grade cohort --report`), then
the report read back."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from rnn_grader.cohort import grade_cohort
from rnn_grader.report import write_report
from report_builders import EXERCISE, LIMITS, STUDENTS, XSS_ANSWER, XSS_ERROR, formula, parse

FOLDER_XSS = "<script>alert(1)"      # a folder name cannot hold "/", this opens a script if unescaped
CLASS = {
    "alice": STUDENTS["alice"],
    "carol": formula("grad / norm"),
    "dave": formula("grad / norm"),
    "ivan": STUDENTS["ivan"],
    "mallory": STUDENTS["mallory"],
    FOLDER_XSS: formula("grad / norm"),
}
QUIZ = {"alice": {"chain_rule": "2(x+y)"}, FOLDER_XSS: {"chain_rule": XSS_ANSWER}}


@pytest.fixture(scope="module")
def class_folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("submissions")
    for student, source in CLASS.items():
        folder = root / student
        folder.mkdir()
        (folder / f"{EXERCISE}.py").write_text(source, encoding="utf-8")
        if student in QUIZ:
            (folder / "quiz.json").write_text(json.dumps(QUIZ[student]), encoding="utf-8")
    return root


def check_page(html: str) -> None:
    for raw in (FOLDER_XSS, XSS_ANSWER, XSS_ERROR):
        assert raw not in html
    page = parse(html)
    assert page.find_all("img") == [] and len(page.find_all("script")) == 1
    students = [row[0] for row in page.by_id("students-table").rows()]
    assert students == sorted(CLASS)
    [row] = page.by_id("misconceptions-table-0").rows()
    assert row[0].startswith("divide_by_norm") and row[1] == "3"
    assert [r[0] for r in page.by_id("not-run-timeout-table").rows()] == ["ivan"]
    assert [r[0] for r in page.by_id("not-run-error-table").rows()] == ["mallory"]
    quiz = {r[0]: (r[1], r[2]) for r in page.by_id("quiz-students-table").rows()}
    assert quiz == {"alice": ("1", "1"), FOLDER_XSS: ("0", "1")}


def test_grade_cohort_then_write_report(class_folder, tmp_path):
    cohort = grade_cohort(class_folder, names=[EXERCISE], seed=0, jobs=1, limits=LIMITS)
    target = tmp_path / "report.html"
    write_report(cohort, target, "ja")
    html = target.read_text(encoding="utf-8")
    assert '<html lang="ja">' in html
    check_page(html)


def test_grade_cohort_command_writes_the_report(class_folder, tmp_path):
    report = tmp_path / "report.html"
    done = subprocess.run([sys.executable, "-m", "rnn_grader", "cohort", str(class_folder), "-e", EXERCISE,
                           "--out", str(tmp_path / "grades.csv"), "--report", str(report), "--jobs", "1",
                           "--timeout", "1.5", "--lang", "en"],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert str(report) in done.stdout + done.stderr
    check_page(report.read_text(encoding="utf-8"))
