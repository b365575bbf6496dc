"""Learner-written text (folder names, quiz answers, printed output, exception messages) is
shown as text in the report, never as markup."""
from __future__ import annotations

import base64
import hashlib

import pytest

from rnn_grader.report import render_report
from rnn_grader.report.html import SCRIPT, element, esc
from report_builders import XSS_ANSWER, XSS_ERROR, XSS_NAME, grade_class, parse

HOSTILE = [XSS_NAME, XSS_ANSWER, XSS_ERROR]


@pytest.fixture(scope="module")
def cohort(sandbox, tmp_path_factory):
    return grade_class(tmp_path_factory.mktemp("class"), sandbox)


@pytest.fixture(scope="module", params=["en", "ja"])
def page(cohort, request):
    return render_report(cohort, request.param)


def test_the_hostile_text_reached_the_results(cohort):
    """Otherwise the test below would prove nothing."""
    assert XSS_NAME in cohort.students and XSS_NAME in cohort.quiz
    mallory = cohort.students["mallory"].exercises["gradient_clipping"]
    assert XSS_ANSWER in mallory.output
    assert any(XSS_ERROR in m.render("en") for m in mallory.messages)
    assert cohort.quiz[XSS_NAME]["chain_rule"].interpreted_as == XSS_ANSWER


def test_raw_hostile_strings_never_appear(page):
    for raw in HOSTILE:
        assert raw not in page
    assert page.count("<script") == 1 and page.count("</script>") == 1   # the page's own script
    assert "<img" not in page


def test_no_injected_element_or_handler_in_the_parsed_page(page):
    tree = parse(page)
    assert tree.find_all("img") == []
    [script] = tree.find_all("script")
    assert script.text() == SCRIPT
    handlers = [(n.tag, a) for n in tree.iter() for a in n.attrs if a.lower().startswith("on")]
    assert handlers == []


def test_hostile_strings_are_shown_as_text(page):
    tree = parse(page)
    student_cells = [th.text() for th in tree.by_id("students-table").find("tbody").find_all("th")]
    assert XSS_NAME in student_cells
    quiz_students = [row[0] for row in tree.by_id("quiz-students-table").rows()]
    assert XSS_NAME in quiz_students
    quiz_text = tree.by_id("quiz-students-table").text()
    assert XSS_ANSWER in quiz_text                              # the answer, and the unknown id
    error_table = tree.by_id("not-run-error-table")
    assert XSS_ERROR in error_table.text()
    assert XSS_ANSWER in error_table.find("pre").text()         # printed output


def test_only_the_pages_own_script_may_run(page):
    """Second line of defence: the CSP allows exactly the inline script, by its hash."""
    policy = parse(page).find("meta", http_equiv="Content-Security-Policy").attrs["content"]
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy.split("script-src")[1]


def test_escaping_helpers():
    assert esc("<a href='x'>&\"") == "&lt;a href=&#x27;x&#x27;&gt;&amp;&quot;"
    assert esc("a\x00b\x1bc\n") == "a\ufffdb\ufffdc\n"
    assert element("td", "x", data_sort='"><script>') == '<td data-sort="&quot;&gt;&lt;script&gt;">x</td>'


def test_lone_surrogates_and_bidi_overrides_never_reach_the_page(cohort, tmp_path):
    """Class 6 of issue 12: a name or quiz answer holding a lone surrogate (not UTF-8) or a
    bidirectional override must not stop the report from being written, nor reorder its text."""
    import copy

    from rnn_grader.report import write_report

    odd_name = "eve\ud800\u202egpj.exe\x85"
    odd = copy.copy(cohort)
    odd.students = {**cohort.students, odd_name: cohort.students["mallory"]}
    odd.quiz = {**cohort.quiz, odd_name: cohort.quiz[XSS_NAME]}
    write_report(odd, tmp_path / "report.html", "ja")
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "eve\ufffd\ufffdgpj.exe\ufffd" in page and "\u202e" not in page
    assert esc("a\ud800b\udfffc\u202ed\u2066e\x9f") == "a\ufffdb\ufffdc\ufffdd\ufffde\ufffd"
