"""The report's content, read back from the parsed HTML of a really graded class."""
from __future__ import annotations

import pytest

from rnn_grader.engine import all_exercises
from rnn_grader.report import render_report, write_report
from rnn_grader.report.stats import bins
from report_builders import EXERCISE, STUDENTS, XSS_NAME, grade_class, parse

CLASS_COUNTS = {"divide_by_norm": 3, "divide_by_threshold": 1, "elementwise_clip": 1}


@pytest.fixture(scope="module")
def cohort(sandbox, tmp_path_factory):
    return grade_class(tmp_path_factory.mktemp("class"), sandbox)


@pytest.fixture(scope="module")
def page_en(cohort):
    return parse(render_report(cohort, "en"))


def explanation(name: str, lang: str) -> str:
    for check in all_exercises()[EXERCISE].checks:
        for wrong in check.misconceptions:
            if wrong.name == name:
                return " ".join(wrong.explanation.render(lang).split())
    raise KeyError(name)


def test_the_class_was_graded_as_the_report_assumes(cohort):
    statuses = {s: r.exercises[EXERCISE].status for s, r in cohort.students.items()}
    assert statuses["ivan"] == "timeout" and statuses["judy"] == "crashed"
    assert statuses["mallory"] == "error" and statuses["niaj"] == "missing"
    assert [s for s, v in statuses.items() if v == "passed"] == ["alice", "bob"]


def test_misconceptions_are_counted_once_per_student_with_their_explanation(page_en):
    rows = page_en.by_id("misconceptions-table-0").rows()
    assert {name.replace("most common", "").strip(): int(count) for name, count, _ in rows} == CLASS_COUNTS
    assert rows[0][0] == "divide_by_norm most common"      # the most common first, marked
    for name, _, text in rows:
        assert text == explanation(name.replace("most common", "").strip(), "en")
    assert "Wrong answers that matched no known misconception: 2." in page_en.text()


def test_misconceptions_in_japanese(cohort):
    page = parse(render_report(cohort, "ja"))
    assert page.find("html").attrs["lang"] == "ja"
    rows = page.by_id("misconceptions-table-0").rows()
    assert rows[0][2] == explanation("divide_by_norm", "ja")
    assert rows[0][1] == "3"


def test_overview_separates_wrong_answers_from_submissions_that_did_not_run(page_en):
    [row] = page_en.by_id("overview-table").rows()
    exercise, max_score, mean, median, full, wrong, not_run, top = row
    assert (max_score, full, wrong, not_run) == ("8", "2", "7", "4")
    assert mean == "1.54" and median == "0"                  # (8 + 8 + 4) / 13
    assert top == "divide_by_norm ×3"


def test_each_kind_of_failure_to_run_has_its_own_list(page_en):
    listed = {status: [row[0] for row in page_en.by_id(f"not-run-{status}-table").rows()]
              for status in ("timeout", "crashed", "error", "missing")}
    assert listed == {"timeout": ["ivan"], "crashed": ["judy"], "error": ["mallory"], "missing": ["niaj"]}
    assert not [n for n in page_en.iter() if n.attrs.get("id") in ("not-run-failed-table", "not-run-memory-table")]
    section = page_en.by_id("not-run-timeout-table").text()
    assert "stopped after 1.5 s" in section


def test_students_table_lists_everyone_with_scores_and_status_words(page_en, cohort):
    table = page_en.by_id("students-table")
    assert "sortable" in table.attrs["class"]
    rows = {row[0]: row[1:] for row in table.rows()}
    assert sorted(rows) == sorted(STUDENTS)
    assert rows["alice"] == ["8", "8 / 8", "3 / 3"]
    assert rows["frank"] == ["4 wrong answer", "4 / 8", "-"]
    assert rows["ivan"] == ["0 time limit", "0 / 8", "-"]
    assert rows[XSS_NAME] == ["0 wrong answer", "0 / 8", "0 / 2"]
    for th in table.find("tbody").find_all("th"):
        assert th.attrs["scope"] == "row"
    for th in table.find("thead").find_all("th"):
        assert th.attrs["scope"] == "col"
    assert table.find("td", data_sort="4").text().startswith("4")


def test_quiz_per_item_and_per_student(page_en):
    items = {row[0]: (row[2], row[3]) for row in page_en.by_id("quiz-items-table").rows()}
    assert items == {"chain_rule": ("1", "3"), "clip_choice": ("1", "2"), "gru_dh_dhprev": ("1", "1"),
                     "unknown item ids or refused files": ("0", "1")}
    students = {row[0]: (row[1], row[2]) for row in page_en.by_id("quiz-students-table").rows()}
    assert students == {"alice": ("3", "3"), "carol": ("0", "2"), XSS_NAME: ("0", "2")}


def test_no_quiz_section_without_quiz_answers(cohort):
    cohort_without = type(cohort)(**{**vars(cohort), "quiz": {}})
    page = parse(render_report(cohort_without, "en"))
    assert not [n for n in page.iter() if n.attrs.get("id") == "quiz"]
    assert [len(r) for r in page.by_id("students-table").rows()] == [3] * len(STUDENTS)


def test_charts_are_svg_with_names_and_their_numbers_in_words(page_en):
    charts = page_en.find_all("svg")
    assert len(charts) == 3                                   # class total, the exercise, misconceptions
    for svg in charts:
        assert svg.attrs["role"] == "img" and svg.attrs["aria-label"]
        assert svg.find("title").text() == svg.attrs["aria-label"]
        assert page_en.by_id(svg.attrs["aria-describedby"]).tag == "desc"
    total = page_en.by_id("hist-total")
    bars = [int(r.find("title").text().split(": ")[1].split()[0]) for r in total.find_all("rect")]
    assert bars == [10, 0, 0, 0, 1, 0, 0, 0, 2]               # scores 0..8 of 13 students
    assert "score 8: 2 student(s)" in total.find("desc").text()
    assert page_en.by_id("bars-0").find("desc").text() == \
        "divide_by_norm: 3 student(s); divide_by_threshold: 1 student(s); elementwise_clip: 1 student(s)"


def test_page_is_accessible_and_made_for_phones(page_en):
    assert page_en.find("html").attrs["lang"] == "en"
    assert page_en.find("meta", name="viewport").attrs["content"].startswith("width=device-width")
    assert page_en.find("title").text() == "Class report"
    levels = [int(n.tag[1]) for n in page_en.iter() if n.tag in ("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    for table in page_en.find_all("table"):
        assert table.find("caption").text().strip()
        assert table.parent.attrs["class"] == "scroll"        # scrolls sideways on a phone
    assert "overflow-x: auto" in page_en.find("style").text()


def test_no_network_or_outside_file_is_referenced(page_en):
    for node in page_en.iter():
        for name in ("src", "href"):
            value = node.attrs.get(name)
            assert value is None or value.startswith("#"), (node.tag, value)
    assert page_en.find_all("link") == [] and page_en.find_all("iframe") == []


def test_write_report_writes_the_page_atomically(cohort, tmp_path):
    target = tmp_path / "report.html"
    target.write_text("old")
    write_report(cohort, target, "en")
    assert target.read_text(encoding="utf-8") == render_report(cohort, "en")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_empty_class(cohort):
    empty = type(cohort)(**{**vars(cohort), "students": {}, "quiz": {}})
    page = parse(render_report(empty, "en"))
    assert "No student was graded." in page.text()


def test_histogram_bins():
    found = bins([0, 0.5, 7.99, 8.0], 8)
    assert [b.count for b in found] == [2, 0, 0, 0, 0, 0, 0, 1, 1]
    wide = bins([0, 10, 99.9, 100], 100)
    assert [b.label for b in wide][:2] == ["0–10", "10–20"]
    assert [b.count for b in wide] == [1, 1, 0, 0, 0, 0, 0, 0, 0, 2]
