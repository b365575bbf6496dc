"""Class 6 of issue 12: the gradebook and the report survive hostile student files.

A folder name with a bare carriage return (or another control character, a line separator,
a bidirectional override, bytes that are not UTF-8, a spreadsheet formula) must not forge a
CSV row or run as a formula; a quiz.json whose key or answer is a lone surrogate must not make
`--json` print nothing or `--report` write no file; notebook-derived sources are size-capped and
parsed per student in the workers; one student's odd files cost no other student anything.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import multiprocessing

import nbformat
import pytest

import rnn_grader.cohort.collect as collect
from cohort_builders import ProcessLog, notebook, references, write_modules, write_notebooks
from rnn_grader.cohort import grade_cohort, write_csv
from rnn_grader.engine.grading import MAX_SOURCE_BYTES
from tests.conftest import ROOT

CLIP = "gradient_clipping"
HOSTILE_NAMES = [
    "eve\rforged,8,8",          # a bare carriage return: a new row for most CSV readers
    "nl\nforged,8,8",
    "sep\u2028line",
    "esc\x1b[31mred\x85",
    "rtl\u202etxt.exe",
    "=HYPERLINK(\"evil\",\"y\")",
    "+1+1", "-2", "@SUM(A1)",
]
RAW_NAME = b"bytes\xff\xed\xa0\x80"          # not UTF-8: a surrogate-escaped str in Python
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
SURROGATE_QUIZ = '{"\\ud800": "x", "chain_rule": "\\udfff", "sigmoid_derivative_max": "1/4"}'


@pytest.fixture(scope="module")
def hostile_class(tmp_path_factory):
    """A class of right answers under hostile names, plus a student with a poisonous quiz.json."""
    root = tmp_path_factory.mktemp("hostile")
    for name in ["alice", *HOSTILE_NAMES]:
        write_modules(root / name, references([CLIP]))
    write_modules(root / os.fsdecode(RAW_NAME), references([CLIP]))
    write_modules(root / "quizzer", references([CLIP]))
    (root / "quizzer" / "quiz.json").write_text(SURROGATE_QUIZ)
    return root


@pytest.fixture(scope="module")
def run_cli(hostile_class, tmp_path_factory):
    """`grade cohort --json --report` in a subprocess, as an instructor runs it."""
    out = tmp_path_factory.mktemp("out")
    run = subprocess.run([sys.executable, "-m", "rnn_grader", "cohort", str(hostile_class), "-e", CLIP,
                          "--json", "--lang", "en", "--out", str(out / "grades.csv"),
                          "--report", str(out / "report.html")],
                         capture_output=True, cwd=out, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return run, out


def test_no_name_forges_a_row_or_a_formula(run_cli):
    run, out = run_cli
    assert run.returncode == 1, run.stderr[-2000:]   # quizzer has wrong answers
    text = (out / "grades.csv").read_text(encoding="utf-8")
    lines = text.splitlines()  # splits at \r, \n, \x85, \u2028 ... as spreadsheets may
    students = len(HOSTILE_NAMES) + 3
    assert len(lines) == students + 1, lines
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == students + 1 and all(len(row) == 3 for row in rows)
    assert all(row[1:] == ["8", "8"] for row in rows[1:])
    for name in [row[0] for row in rows[1:]]:
        assert not UNSAFE.search(name), repr(name)                     # nothing unsafe left
        assert not name.startswith(("=", "+", "-", "@"))                # no formula
    assert "'=HYPERLINK(\"evil\",\"y\")" in [row[0] for row in rows]


def test_surrogates_in_quiz_json_cost_no_output(run_cli):
    run, out = run_cli
    data = json.loads(run.stdout.decode("utf-8"))
    assert len(data["students"]) == len(HOSTILE_NAMES) + 3
    quiz = data["students"]["quizzer"]["quiz"]
    assert quiz["sigmoid_derivative_max"]["correct"] is True and quiz["chain_rule"]["correct"] is False
    assert "\ufffd" in quiz  # the lone-surrogate id, made safe
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "quizzer" in page and "alice" in page


def test_safe_helpers():
    from rnn_grader.safe import safe_data, safe_text

    assert safe_text("a\rb\u2028c\ud800d\x1b\te\n") == "a\ufffdb\ufffdc\ufffdd\ufffd\te\n"
    assert safe_text("a\tb\nc", one_line=True) == "a\ufffdb\ufffdc"
    assert safe_data({"\udfff": ["\x00", 1.5, None]}) == {"\ufffd": ["\ufffd", 1.5, None]}
    json.dumps(safe_data({"k\ud800": "v\udc80"}), ensure_ascii=False).encode("utf-8")


def test_csv_of_a_result_with_odd_names_in_process(hostile_class, tmp_path):
    cohort = grade_cohort(hostile_class, names=[CLIP], jobs=2)
    write_csv(cohort, tmp_path / "g.csv")
    assert len((tmp_path / "g.csv").read_text(encoding="utf-8").splitlines()) == len(cohort.students) + 1


# ----------------------------------------------------------------------------- notebooks
def big_notebook(code_bytes: int) -> bytes:
    """A notebook under the 16 MB file cap whose solution cell is ``code_bytes`` of code."""
    source = references([CLIP])[CLIP] + "\n" + "# padding\n" * (code_bytes // 10)
    return nbformat.writes(notebook(CLIP, source)).encode()


def test_notebook_sources_are_capped(tmp_path):
    folder = tmp_path / "big"
    folder.mkdir()
    (folder / f"{CLIP}.ipynb").write_bytes(big_notebook(2 * MAX_SOURCE_BYTES))
    [big] = collect.find_students(tmp_path)
    assert CLIP not in big.sources and CLIP in big.problems
    assert "MB" in big.problems[CLIP].render("en")


def test_finding_and_fingerprinting_large_notebooks_holds_no_memory(tmp_path):
    """Ten 4 MB notebooks: nothing is parsed or kept before grading (it was all of it)."""
    import tracemalloc

    raw = big_notebook(4 << 20)
    for i in range(10):
        (tmp_path / f"s{i}").mkdir()
        (tmp_path / f"s{i}" / f"{CLIP}.ipynb").write_bytes(raw)
    del raw
    tracemalloc.start()
    try:
        students = collect.find_students(tmp_path)
        keys = {s.fingerprint() for s in students}
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(students) == 10 and len(keys) == 1
    assert peak < 8 << 20, f"{peak / 2**20:.1f} MB"


def test_notebooks_are_parsed_in_the_workers_not_before(tmp_path, monkeypatch):
    for student in ("ann", "ben", "cal"):
        write_notebooks(tmp_path / student, references([CLIP]))
    parsed_in, real = ProcessLog(tmp_path / "parsed.log"), collect.solution_source

    def spy(raw, name):
        parsed_in.append(multiprocessing.current_process().name)
        return real(raw, name)

    monkeypatch.setattr(collect, "solution_source", spy)
    students = collect.find_students(tmp_path)
    assert len(students) == 3 and len(parsed_in) == 0          # finding students parses nothing
    cohort = grade_cohort(tmp_path, names=[CLIP], jobs=2)
    assert all(r.all_passed for r in cohort.students.values())
    assert len(parsed_in) == 3 and all(name.startswith("cohort-") for name in parsed_in)


# ----------------------------------------------------------------------------- odd files
def test_one_students_odd_files_cost_the_others_nothing(tmp_path):
    write_modules(tmp_path / "alice", references([CLIP]))
    odd = tmp_path / "odd"
    odd.mkdir()
    (odd / f"{CLIP}.ipynb").write_text('{"cells": [{"cell_type": "code", "source": "x = \\"\\ud800\\""}], '
                                       '"metadata": {}, "nbformat": 4, "nbformat_minor": 5}')
    (odd / "lstm_cell_update.ipynb").write_bytes(b"\xff\xfe not a notebook")
    os.mkfifo(odd / "gru_update.py")                       # never read (not a regular file)
    (odd / "quiz.json").write_bytes(b'{"a": "\\ud800", "\\udc80": "' + b"\x00" * 10 + b'"}')
    cohort = grade_cohort(tmp_path, names=[CLIP, "lstm_cell_update"], jobs=2)
    assert cohort.students["alice"].exercises[CLIP].score == 8.0
    assert cohort.students["odd"].score == 0.0
    assert cohort.students["odd"].exercises["lstm_cell_update"].status == "error"
    from rnn_grader.cohort import cohort_json

    json.dumps(cohort_json(cohort, "ja"), ensure_ascii=False).encode("utf-8")


def test_a_folder_that_cannot_be_listed_costs_only_its_student(tmp_path, monkeypatch):
    """(As root every folder is readable: the listing error is simulated.)"""
    write_modules(tmp_path / "alice", references([CLIP]))
    write_modules(tmp_path / "locked", references([CLIP]))
    real = collect.source_folder

    def listing(student_dir):
        if student_dir.name == "locked":
            raise PermissionError(13, "Permission denied", str(student_dir))
        return real(student_dir)

    monkeypatch.setattr(collect, "source_folder", listing)
    cohort = grade_cohort(tmp_path, names=[CLIP], jobs=1)
    assert cohort.students["alice"].all_passed
    locked = cohort.students["locked"].exercises[CLIP]
    assert locked.status == "error" and "Permission denied" in locked.messages[0].render("en")
