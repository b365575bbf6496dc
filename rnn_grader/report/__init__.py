"""The HTML class report: one self-contained page (no server, no network, no files beside it).

    from rnn_grader.report import write_report
    write_report(cohort, Path("report.html"), "ja")     # `grade cohort DIR --report report.html`

``cohort`` is a ``rnn_grader.cohort.Cohort`` or any object with ``.exercises``, ``.students``,
``.quiz``, ``.seed``, ``.isolated`` and ``.elapsed`` (see ``stats.py``).  Rooms:
``stats.py`` the numbers, ``charts.py`` the inline SVG charts, ``html.py`` escaping, tables
and the page shell (CSS, the sorting script), ``sections.py`` the sections in page order.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rnn_grader.messages import msg
from rnn_grader.report import sections
from rnn_grader.report.html import element, esc, page
from rnn_grader.report.stats import number

__all__ = ["render_report", "write_report"]

SECTIONS = [("overview", "report.h.overview"), ("distribution", "report.h.distribution"),
            ("misconceptions", "report.h.misconceptions"), ("not-run", "report.h.not_run"),
            ("students", "report.h.students"), ("quiz", "report.h.quiz"), ("review", "report.h.review")]


def header(cohort, lang: str) -> str:
    """The title, one line of facts, a warning when ungraded without a sandbox, the contents."""
    facts = msg("report.subtitle", students=len(cohort.students), exercises=len(cohort.exercises),
                seed=cohort.seed, seconds=number(float(getattr(cohort, "elapsed", 0.0)))).render(lang)
    parts = [element("h1", esc(msg("report.title").render(lang))), element("p", esc(facts), class_="meta")]
    if not getattr(cohort, "isolated", True):
        parts.append(element("p", esc(msg("report.no_isolation").render(lang)), class_="meta"))
    shown = [(anchor, key) for anchor, key in SECTIONS
             if (anchor != "quiz" or cohort.quiz) and (anchor != "review" or sections.review(cohort, lang))]
    links = "".join(element("li", element("a", esc(msg(key).render(lang)), href=f"#{anchor}"))
                    for anchor, key in shown)
    parts.append(element("nav", element("h2", esc(msg("report.contents").render(lang)), id="contents")
                         + element("ol", links), aria_labelledby="contents"))
    return "".join(parts)


def render_report(cohort, lang: str) -> str:
    """The whole page as a string; ``lang`` is ``"ja"`` or ``"en"``."""
    if not cohort.students:
        body = header(cohort, lang) + element("p", esc(msg("report.no_students").render(lang)))
    else:
        body = header(cohort, lang) + "\n".join([
            sections.overview(cohort, lang), sections.distribution(cohort, lang),
            sections.misconceptions(cohort, lang), sections.not_run_section(cohort, lang),
            sections.students(cohort, lang), sections.quiz(cohort, lang), sections.review(cohort, lang)])
    return page(lang, msg("report.title").render(lang), body)


def write_report(cohort, path: Path, lang: str) -> None:
    """Write the report of ``cohort`` to ``path`` (UTF-8, readable by all like any web page),
    atomically: a crash leaves the old file or the new one, never half of one."""
    path = Path(path)
    data = render_report(cohort, lang).encode("utf-8")
    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False)
    try:
        with handle:
            handle.write(data)
        os.chmod(handle.name, 0o644)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
