"""The instructor's confirmations of free-text answers: ``review.json``, applied on each run.

    {"alice": {"lstm_vs_gru": {"gru_fewer_params": true, "gates": false}}}

``grade cohort DIR`` reads ``DIR/review.json`` (or ``--review FILE``).  For each student and
free-text item named there, the listed points replace the checker's verdicts (points not
listed keep them); the answer's score and ``correct`` follow, and it is no longer flagged.
Saved results are never changed: the file is applied again on every run, so editing it
and rerunning is enough.  A malformed file, or an entry that names no graded free-text
answer or point, is skipped and reported, never fatal.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from rnn_grader.cohort.quizzes import QuizAnswer
from rnn_grader.messages import Text, msg
from rnn_grader.quiz.outcome import join

REVIEW_FILE = "review.json"
MAX_REVIEW_BYTES = 2 * 2 ** 20


@dataclass
class ReviewReport:
    """``applied``: answers changed; ``skipped``: "student/item/point" entries that matched
    nothing; ``error``: why the file could not be used (None when it could)."""

    applied: int = 0
    skipped: list = field(default_factory=list)
    error: Text | None = None


def load_review(path: Path) -> tuple[dict, Text | None]:
    """``({student: {item: {point: bool}}}, None)``, or ``({}, reason)`` for a bad file; a
    missing file is ``({}, None)``."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_REVIEW_BYTES:
            return {}, msg("cohort.review_too_large", limit=MAX_REVIEW_BYTES)
        data = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return {}, None
    except (OSError, ValueError, RecursionError):
        return {}, msg("cohort.review_not_json", path=str(path))
    if not _well_formed(data):
        return {}, msg("cohort.review_shape", path=str(path))
    return data, None


def _well_formed(data) -> bool:
    return isinstance(data, dict) and all(
        isinstance(items, dict) and all(
            isinstance(points, dict) and all(isinstance(v, bool) for v in points.values())
            for points in items.values())
        for items in data.values())


def confirm(answer: QuizAnswer, points: dict, skipped: list, where: str) -> QuizAnswer:
    """``answer`` with the instructor's ``points`` ({id: found}) applied."""
    known = dict(answer.points)
    for point_id in points:
        if point_id not in known:
            skipped.append(f"{where}/{point_id}")
    merged = tuple((i, points.get(i, found)) for i, found in known.items())
    score = float(sum(found for _, found in merged))
    correct = all(found for _, found in merged)
    message = join([msg("quiz.right" if correct else "quiz.wrong"),
                    msg("quiz.freetext.score", score=f"{score:g}", max=f"{answer.max_score:g}"),
                    msg("cohort.review_confirmed")])
    return replace(answer, points=merged, score=score, correct=correct, review=False, confirmed=True,
                   message=message)


def apply_review(quiz: dict, review: dict) -> ReviewReport:
    """Apply ``review`` to ``quiz`` ({student: {item id: QuizAnswer}}) in place."""
    report = ReviewReport()
    for student, items in review.items():
        for item_id, points in items.items():
            answer = quiz.get(student, {}).get(item_id)
            if answer is None or answer.max_score is None:
                report.skipped.append(f"{student}/{item_id}")
                continue
            quiz[student][item_id] = confirm(answer, points, report.skipped, f"{student}/{item_id}")
            report.applied += 1
    return report


def review_cohort(cohort, path: Path) -> ReviewReport:
    """Load ``path`` and apply it to ``cohort.quiz``; the report says what happened."""
    review, error = load_review(path)
    report = apply_review(cohort.quiz, review) if error is None else ReviewReport(error=error)
    return report


def review_lines(report: ReviewReport, path: Path) -> list[Text]:
    """What to tell the instructor (on stderr) about the review file."""
    lines = []
    if report.error is not None:
        lines.append(report.error)
    if report.applied:
        lines.append(msg("cohort.review_applied", count=report.applied, path=str(path)))
    if report.skipped:
        shown = ", ".join(report.skipped[:10]) + (" …" if len(report.skipped) > 10 else "")
        lines.append(msg("cohort.review_skipped", count=len(report.skipped), entries=shown))
    return lines
