"""The sections of the class report, each a function ``(cohort, lang) -> markup``.

Heading levels: the page has one ``<h1>``; every section starts with an ``<h2>`` and its
parts use ``<h3>``, never skipping a level.  Statuses that mean "did not run" (NOT_RUN)
are only counted in their own section and column, never as wrong answers.
"""
from __future__ import annotations

from rnn_grader.messages import msg
from rnn_grader.report import charts
from rnn_grader.report.html import Cell, element, esc, table
from rnn_grader.report.stats import (NOT_RUN, bins, exercise_results, mean, median, misconception_counts,
                                     not_run, number, quiz_items, quiz_points, quiz_score, status_counts,
                                     unnamed_wrong, flagged_answers)

MAX_OUTPUT_CHARS = 2000
MAX_QUESTION_CHARS = 90


def t(key: str, lang: str, **params) -> str:
    """A catalog message rendered in ``lang`` and escaped."""
    return esc(msg(key, **params).render(lang))


def heading(level: int, section_id: str | None, content: str) -> str:
    return element(f"h{level}", content, id=section_id)


def status_tag(status: str, lang: str) -> str:
    """A status as a word (not only a colour)."""
    return element("span", t(f"report.status.{status}", lang), class_=f"status st-{status}")


def exercise_label(exercise, lang: str) -> str:
    return f"{esc(exercise.title.render(lang))} <code>{esc(exercise.name)}</code>"


# ----------------------------------------------------------------------------- overview
def overview(cohort, lang: str) -> str:
    """One row per exercise: max, mean, median, full marks, wrong answers, did not run, top misconception."""
    headers = [(t(f"report.col.{k}", lang), k not in ("exercise", "top"))
               for k in ("exercise", "max", "mean", "median", "full", "failed", "not_run", "top")]
    rows = []
    for exercise in cohort.exercises:
        scores = [r.score for r in exercise_results(cohort, exercise)]
        counts = status_counts(cohort, exercise)
        ranked = misconception_counts(cohort, exercise)
        top = f"<code>{esc(ranked[0].name)}</code> ×{ranked[0].count}" if ranked else "-"
        rows.append([Cell(exercise_label(exercise, lang), row_header=True, class_="exercise"),
                     Cell(number(exercise.max_score), exercise.max_score, True),
                     Cell(number(mean(scores)), mean(scores) if scores else None, True),
                     Cell(number(median(scores)), median(scores) if scores else None, True),
                     Cell(str(counts["passed"]), counts["passed"], True),
                     Cell(str(counts["failed"]), counts["failed"], True),
                     Cell(str(sum(counts[s] for s in NOT_RUN)), sum(counts[s] for s in NOT_RUN), True),
                     Cell(top)])
    return (heading(2, "overview", t("report.h.overview", lang))
            + table("overview-table", t("report.overview.caption", lang), headers, rows))


# ----------------------------------------------------------------------------- distribution
def histogram_figure(chart_id: str, what: str, scores: list[float], max_score: float, lang: str) -> str:
    """A figure: the histogram of ``scores`` out of ``max_score``, and its numbers as a caption."""
    found = bins(scores, max_score)
    titles = [msg("report.chart.bin", range=b.label, count=b.count).render(lang) for b in found]
    label = msg("report.chart.histogram", what=what, max=number(max_score)).render(lang)
    svg = charts.histogram(chart_id, found, label=label, bar_titles=titles,
                           x_axis=msg("report.chart.score").render(lang),
                           y_axis=msg("report.chart.students").render(lang))
    full = sum(s >= max_score for s in scores)
    stats = t("report.stats", lang, mean=number(mean(scores)), max=number(max_score),
              median=number(median(scores)), full=full, students=len(scores))
    return element("figure", svg + element("figcaption", f"<strong>{esc(what)}</strong>: {stats}"))


def distribution(cohort, lang: str) -> str:
    """The class total's histogram, then one per exercise."""
    totals = [r.score for r in cohort.students.values()]
    max_total = sum(e.max_score for e in cohort.exercises)
    figures = [histogram_figure("hist-total", msg("report.h.class_total").render(lang), totals, max_total, lang)]
    for k, exercise in enumerate(cohort.exercises):
        scores = [r.score for r in exercise_results(cohort, exercise)]
        figures.append(histogram_figure(f"hist-{k}", exercise.title.render(lang), scores,
                                        exercise.max_score, lang))
    return (heading(2, "distribution", t("report.h.distribution", lang))
            + element("div", "".join(figures), class_="charts"))


# ----------------------------------------------------------------------------- misconceptions
def exercise_misconceptions(k: int, exercise, cohort, lang: str) -> str:
    """One exercise: a bar chart and a table (name, students, explanation), most common first."""
    ranked = misconception_counts(cohort, exercise)
    parts = [heading(3, f"misconceptions-{k}", exercise_label(exercise, lang))]
    if not ranked:
        parts.append(element("p", t("report.misc.none", lang)))
    else:
        titles = [msg("report.chart.bar", name=m.name, count=m.count).render(lang) for m in ranked]
        label = msg("report.chart.bars", what=exercise.title.render(lang)).render(lang)
        parts.append(element("figure", charts.bar_chart(f"bars-{k}", [(m.name, m.count) for m in ranked],
                                                        label=label, bar_titles=titles)))
        headers = [(t("report.col.misconception", lang), False), (t("report.col.students", lang), True),
                   (t("report.col.explanation", lang), False)]
        rows = []
        for rank, m in enumerate(ranked):
            badge = element("span", t("report.misc.top", lang), class_="badge") if rank == 0 else ""
            explanation = m.explanation.render(lang) if m.explanation else msg("report.misc.unknown").render(lang)
            rows.append([Cell(f"<code>{esc(m.name)}</code> {badge}", m.name, row_header=True),
                         Cell(str(m.count), m.count, True, class_="count"),
                         Cell(esc(explanation), class_="explanation")])
        caption = t("report.misc.caption", lang, exercise=exercise.title.render(lang))
        parts.append(table(f"misconceptions-table-{k}", caption, headers, rows))
    unnamed = unnamed_wrong(cohort, exercise)
    if unnamed:
        parts.append(element("p", t("report.misc.unnamed", lang, count=unnamed)))
    return "".join(parts)


def misconceptions(cohort, lang: str) -> str:
    return (heading(2, "misconceptions", t("report.h.misconceptions", lang))
            + element("p", t("report.misc.intro", lang))
            + "".join(exercise_misconceptions(k, e, cohort, lang) for k, e in enumerate(cohort.exercises)))


# ----------------------------------------------------------------------------- did not run
def messages_markup(result, lang: str) -> str:
    """The result's messages as a list, and its printed output (capped) when there is any."""
    items = "".join(element("li", esc(m.render(lang))) for m in result.messages)
    markup = element("ul", items, class_="messages") if items else ""
    output = getattr(result, "output", "") or ""
    if output.strip():
        shown = output[:MAX_OUTPUT_CHARS] + ("…" if len(output) > MAX_OUTPUT_CHARS else "")
        markup += element("details", element("summary", t("report.output", lang)) + element("pre", esc(shown)))
    return markup


def not_run_section(cohort, lang: str) -> str:
    """One table per status (time limit, memory, crash, error or refused, missing)."""
    parts = [heading(2, "not-run", t("report.h.not_run", lang)), element("p", t("report.not_run.intro", lang))]
    found = not_run(cohort)
    if not found:
        parts.append(element("p", t("report.not_run.none", lang)))
    headers = [(t(f"report.col.{k}", lang), False) for k in ("student", "exercise", "message")]
    for status, entries in found.items():
        name = msg(f"report.status.{status}").render(lang)
        parts.append(heading(3, f"not-run-{status}", f"{esc(name)} ({len(entries)})"))
        rows = [[Cell(esc(student), student, row_header=True, class_="student"),
                 Cell(f"<code>{esc(r.name)}</code>"),
                 Cell(messages_markup(r, lang), class_="messages-cell")] for student, r in entries]
        caption = t("report.not_run.caption", lang, status=name, count=len(entries))
        parts.append(table(f"not-run-{status}-table", caption, headers, rows, sortable=True))
    return "".join(parts)


# ----------------------------------------------------------------------------- students
def score_cell(result, lang: str) -> Cell:
    """A student's score on one exercise, with the status in words unless passed."""
    if result is None:
        return Cell("-", -1, True)
    tag = "" if result.status == "passed" else status_tag(result.status, lang)
    return Cell(f"{number(result.score)} {tag}".strip(), result.score, True)


def students(cohort, lang: str) -> str:
    """The sortable table: student, one column per exercise, total, quiz (when any)."""
    with_quiz = bool(cohort.quiz)
    headers = ([(t("report.col.student", lang), False)]
               + [(f"<code>{esc(e.name)}</code>", True) for e in cohort.exercises]
               + [(t("report.col.total", lang), True)]
               + ([(t("report.col.quiz", lang), True)] if with_quiz else []))
    rows = []
    for student, result in cohort.students.items():
        row = [Cell(esc(student), student, row_header=True, class_="student")]
        row += [score_cell(result.exercises.get(e.name), lang) for e in cohort.exercises]
        row.append(Cell(f"{number(result.score)} / {number(result.max_score)}", result.score, True))
        if with_quiz:
            points, possible = quiz_points(cohort.quiz.get(student, {}))
            row.append(Cell(f"{number(points)} / {number(possible)}" if possible else "-",
                            points if possible else -1, True))
        rows.append(row)
    return (heading(2, "students", t("report.h.students", lang))
            + table("students-table", t("report.students.caption", lang), headers, rows, sortable=True))


# ----------------------------------------------------------------------------- quiz
def question_text(item, lang: str) -> str:
    text = item.question.render(lang)
    return text if len(text) <= MAX_QUESTION_CHARS else text[:MAX_QUESTION_CHARS - 1] + "…"


def wrong_answers(answers: dict, lang: str) -> str:
    """A student's wrong or refused answers: id, how the checker read it, its message."""
    wrong = [a for a in answers.values() if not a.correct]
    if not wrong:
        return ""
    items = "".join(element("li", f"<code>{esc(a.id)}</code>: {esc(a.interpreted_as)} — "
                                  f"{esc(a.message.render(lang))}") for a in wrong)
    return element("details", element("summary", t("report.quiz.wrong", lang))
                   + element("ul", items, class_="messages"))


def quiz(cohort, lang: str) -> str:
    """Per item: right / answered; per student: score and their wrong answers."""
    if not cohort.quiz:
        return ""
    from rnn_grader.quiz import list_items

    items = {item.id: item for item in list_items()}
    rows, (other_right, other_answered) = quiz_items(cohort, list(items))
    headers = [(t(f"report.col.{k}", lang), k in ("right", "answered")) for k in ("item", "question", "right", "answered")]
    item_rows = [[Cell(f"<code>{esc(i)}</code>", i, row_header=True), Cell(esc(question_text(items[i], lang))),
                  Cell(str(right), right, True), Cell(str(answered), answered, True)] for i, right, answered in rows]
    if other_answered:
        item_rows.append([Cell(t("report.quiz.other", lang), row_header=True), Cell("-"),
                          Cell(str(other_right), other_right, True), Cell(str(other_answered), other_answered, True)])
    student_headers = [(t("report.col.student", lang), False), (t("report.col.right", lang), True),
                       (t("report.col.answered", lang), True), (t("report.col.message", lang), False)]
    student_rows = []
    for student, answers in cohort.quiz.items():
        right, answered = quiz_score(answers)
        student_rows.append([Cell(esc(student), student, row_header=True, class_="student"),
                             Cell(str(right), right, True), Cell(str(answered), answered, True),
                             Cell(wrong_answers(answers, lang))])
    return (heading(2, "quiz", t("report.h.quiz", lang))
            + element("p", t("report.quiz.intro", lang, students=len(cohort.quiz)))
            + heading(3, "quiz-items", t("report.h.quiz_items", lang))
            + table("quiz-items-table", t("report.quiz.items_caption", lang), headers, item_rows, sortable=True)
            + heading(3, "quiz-students", t("report.h.quiz_students", lang))
            + table("quiz-students-table", t("report.quiz.students_caption", lang), student_headers,
                    student_rows, sortable=True))


# ----------------------------------------------------------------------------- review
MAX_ANSWER_CHARS = 300


def review_entry(student: str, answer) -> str:
    """The answer's line for review.json, with the checker's verdicts filled in."""
    import json

    return json.dumps({student: {answer.id: dict(answer.points)}}, ensure_ascii=False)


def points_markup(answer) -> str:
    """Each rubric point, found (✓) or not (✗), in words and signs."""
    return " ".join(f"{'✓' if found else '✗'}\u00a0<code>{esc(point)}</code>" for point, found in answer.points)


def review(cohort, lang: str) -> str:
    """The free-text answers flagged for review: student, item, answer, points found, entry."""
    if not any(getattr(a, "max_score", None) is not None for answers in cohort.quiz.values()
               for a in answers.values()):
        return ""
    flagged = flagged_answers(cohort)
    parts = [heading(2, "review", t("report.h.review", lang)),
             element("p", t("report.review.intro", lang, file="review.json"))]
    if not flagged:
        return "".join(parts) + element("p", t("report.review.none", lang))
    headers = [(t(f"report.col.{k}", lang), False) for k in ("student", "item", "answer", "points", "entry")]
    rows = []
    for student, answer in flagged:
        text = answer.answer if len(answer.answer) <= MAX_ANSWER_CHARS else answer.answer[:MAX_ANSWER_CHARS] + "…"
        rows.append([Cell(esc(student), student, row_header=True, class_="student"),
                     Cell(f"<code>{esc(answer.id)}</code>", answer.id), Cell(esc(text)),
                     Cell(points_markup(answer), answer.score, True),
                     Cell(f"<code>{esc(review_entry(student, answer))}</code>")])
    return "".join(parts) + table("review-table", t("report.review.caption", lang, count=len(flagged)),
                                  headers, rows, sortable=True)

