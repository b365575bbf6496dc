"""`grade cohort` as an instructor runs it: files written, stdout, stderr and exit codes."""
import csv
import json
import sys
import types

import pytest
from click.testing import CliRunner

import rnn_grader.cohort.cli as cohort_cli
from cohort_builders import NAMES, WRONG_CLIPPING, references, write_modules
from rnn_grader.cli import cli


def grade(*args):
    return CliRunner().invoke(cli, ["cohort", *map(str, args)])


@pytest.fixture
def full_marks(tmp_path):
    root = tmp_path / "class"
    for student in ("ann", "ben"):
        write_modules(root / student, references())
    return root


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_full_marks_exit_0_and_write_the_csv_and_state(full_marks, tmp_path):
    out = tmp_path / "out" / "grades.csv"
    out.parent.mkdir()
    run = grade(full_marks, "--out", out, "--lang", "en", *sum([["-e", n] for n in NAMES], []))
    assert run.exit_code == 0, run.output
    rows = read_rows(out)
    assert rows[0] == ["student", *NAMES, "total"] and [r[0] for r in rows[1:]] == ["ann", "ben"]
    assert "full marks" in run.stdout and "gradient_clipping" in run.stdout
    assert len(list((tmp_path / "out" / "grades.csv.state").glob("*.json"))) == 2  # default state dir
    again = grade(full_marks, "--out", out, "--lang", "ja", *sum([["-e", n] for n in NAMES], []))
    assert again.exit_code == 0 and "2 人は保存済み" in again.stdout  # resumed


def test_lost_points_exit_1_and_json_keeps_stdout_clean(full_marks, tmp_path):
    write_modules(full_marks / "cem", references(gradient_clipping=WRONG_CLIPPING))
    out = tmp_path / "grades.csv"
    run = grade(full_marks, "--out", out, "--json", "-e", "gradient_clipping", "--lang", "ja", "--jobs", "1")
    assert run.exit_code == 1, run.output
    data = json.loads(run.stdout)  # nothing but the JSON on stdout
    assert set(data["students"]) == {"ann", "ben", "cem"}
    assert data["students"]["cem"]["exercises"]["gradient_clipping"]["status"] == "failed"
    assert data["summary"][0]["top_misconception"] == "divide_by_norm"
    assert "grad / norm" in data["summary"][0]["top_misconception_title"]
    assert str(out) in run.stderr
    assert [r[0] for r in read_rows(out)[1:]] == ["ann", "ben", "cem"]


def test_usage_errors_exit_2(tmp_path, full_marks):
    missing = grade(tmp_path / "nowhere", "--out", tmp_path / "g.csv", "--lang", "en")
    assert missing.exit_code == 2 and "no such folder" in missing.output
    unknown = grade(full_marks, "-e", "no_such_exercise", "--out", tmp_path / "g.csv")
    assert unknown.exit_code == 2 and "no_such_exercise" in unknown.output
    (tmp_path / "empty").mkdir()
    empty = grade(tmp_path / "empty", "--out", tmp_path / "g.csv", "-e", "gradient_clipping", "--lang", "en")
    assert empty.exit_code == 2 and "no student folders" in empty.output
    assert not (tmp_path / "g.csv").exists()


def test_a_hanging_submission_is_cut_by_timeout(tmp_path):
    root = tmp_path / "class"
    write_modules(root / "ann", {"gradient_clipping": "import time\ntime.sleep(60)\n"})
    run = grade(root, "--out", tmp_path / "g.csv", "-e", "gradient_clipping", "--timeout", "0.5", "--json")
    assert run.exit_code == 1
    assert json.loads(run.stdout)["students"]["ann"]["exercises"]["gradient_clipping"]["status"] == "timeout"


def test_report_without_the_report_writer_is_a_clear_error(full_marks, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "rnn_grader.report", None)  # not importable
    run = grade(full_marks, "--out", tmp_path / "g.csv", "--report", tmp_path / "r.html", "--lang", "en")
    assert run.exit_code == 1 and "rnn_grader.report" in run.output
    assert not (tmp_path / "g.csv").exists()  # refused before grading anything


def test_report_is_written_with_the_cohort(full_marks, tmp_path, monkeypatch):
    calls = []
    fake = types.ModuleType("rnn_grader.report")
    fake.write_report = lambda cohort, path, lang: calls.append((sorted(cohort.students), path, lang))
    monkeypatch.setitem(sys.modules, "rnn_grader.report", fake)
    run = grade(full_marks, "--out", tmp_path / "g.csv", "--report", tmp_path / "r.html", "--lang", "ja",
                "-e", "gradient_clipping")
    assert run.exit_code == 0, run.output
    assert calls == [(["ann", "ben"], tmp_path / "r.html", "ja")]


def test_running_without_isolation_says_so_in_both_languages(full_marks, tmp_path, monkeypatch):
    monkeypatch.setattr(cohort_cli, "isolation_available", lambda: False)
    for lang, words in (("en", "running without isolation"), ("ja", "隔離なし")):
        run = grade(full_marks, "--out", tmp_path / "g.csv", "-e", "gradient_clipping", "--lang", lang)
        assert words in run.stderr and words not in run.stdout
