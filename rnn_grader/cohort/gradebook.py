"""What a graded cohort is written as: the CSV gradebook, the JSON, and the per-exercise summary.

    student,gradient_clipping,...,total         one row per student, sorted by name
    alice,8,...,8

Every file is written atomically (a temporary file in the same folder, flushed to disk,
then ``os.replace``): a crash leaves the old gradebook or the new one, never half of one.
"""
from __future__ import annotations

import csv
import io
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rnn_grader.safe import safe_data, safe_name
from rnn_grader.engine import Exercise
from rnn_grader.messages import msg
from rnn_grader.misconceptions import misconception_headline

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
UMASK = os.umask(0o022)
os.umask(UMASK)  # read once: a new gradebook gets the usual 0o666 & ~umask permissions


# ----------------------------------------------------------------------------- files
def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` in one step (readers see the old or the new file)."""
    path = Path(path)
    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp",
                                         delete=False)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, 0o666 & ~UMASK)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def number(value: float) -> str:
    """A score as a CSV cell: ``8``, ``2.5``, ``3.3333`` (4 decimals at most)."""
    return f"{value:.4f}".rstrip("0").rstrip(".")


def safe_cell(text: str) -> str:
    """A student's folder name as one CSV cell: one line of safe text (no carriage return
    can start a forged row, see ``safe.py``) that no spreadsheet runs as a formula
    (``=...`` -> ``'=...``)."""
    text = safe_name(text)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(cohort) -> str:
    """The gradebook: header ``student, <exercise>..., total``, then one row per student."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["student", *(e.name for e in cohort.exercises), "total"])
    for student, result in cohort.students.items():
        scores = [number(result.exercises[e.name].score) for e in cohort.exercises]
        writer.writerow([safe_cell(student), *scores, number(result.score)])
    return out.getvalue()


def write_csv(cohort, path: Path) -> None:
    """Write the CSV gradebook of ``cohort`` to ``path`` (UTF-8, atomically)."""
    write_atomically(Path(path), csv_text(cohort).encode("utf-8"))


def cohort_json(cohort, lang: str) -> dict:
    """Everything per student: each is the contract's exercise JSON, plus the misconceptions
    named per exercise and, when the student handed in quiz.json, the checked answers."""
    students = {}  # every string made safe at the end: one odd name or answer cannot break the JSON
    for student, result in cohort.students.items():
        entry = result.to_json(lang)
        entry["misconceptions"] = {name: list(dict.fromkeys(r.misconceptions))
                                   for name, r in result.exercises.items() if r.misconceptions}
        if student in cohort.quiz:
            entry["quiz"] = {i: answer.to_json(lang) for i, answer in cohort.quiz[student].items()}
        students[student] = entry
    return safe_data({
        "seed": cohort.seed,
        "isolated": cohort.isolated,
        "max_score": cohort.max_score,
        "exercises": {e.name: {"title": e.title.render(lang), "max_score": e.max_score}
                      for e in cohort.exercises},
        "students": students,
        "summary": [s.to_json(lang) for s in summarize(cohort)],
    })


# ----------------------------------------------------------------------------- summary
@dataclass
class ExerciseSummary:
    """How the class did on one exercise.  ``full``: students with full marks;
    ``misconceptions``: {name: number of students whose result names it}."""

    exercise: Exercise
    students: int
    full: int
    mean: float
    statuses: Counter = field(default_factory=Counter)
    misconceptions: Counter = field(default_factory=Counter)

    @property
    def top_misconception(self) -> str | None:
        return self.misconceptions.most_common(1)[0][0] if self.misconceptions else None

    def to_json(self, lang: str) -> dict:
        top = self.top_misconception
        headline = misconception_headline(self.exercise, top) if top else None
        return {"exercise": self.exercise.name, "students": self.students, "full_marks": self.full,
                "mean": round(self.mean, 6), "max_score": self.exercise.max_score,
                "statuses": dict(self.statuses), "misconceptions": dict(self.misconceptions),
                "top_misconception": top,
                "top_misconception_title": headline.render(lang) if headline else None}


def summarize(cohort) -> list[ExerciseSummary]:
    """One ExerciseSummary per exercise, in the cohort's exercise order."""
    summaries = []
    for exercise in cohort.exercises:
        results = [r.exercises[exercise.name] for r in cohort.students.values()]
        summary = ExerciseSummary(exercise, len(results), sum(r.status == "passed" for r in results),
                                  sum(r.score for r in results) / max(1, len(results)))
        for r in results:
            summary.statuses[r.status] += 1
            summary.misconceptions.update(set(r.misconceptions))
        summaries.append(summary)
    return summaries


def render_summary(cohort, lang: str) -> str:
    """The table printed at the end of `grade cohort`, and the totals line."""
    header = [msg(f"cohort.summary.{k}").render(lang) for k in ("exercise", "full", "mean", "misconception")]
    rows = []
    for s in summarize(cohort):
        top = s.top_misconception
        headline = misconception_headline(s.exercise, top) if top else None
        described = f"{top} ×{s.misconceptions[top]}: {headline.render(lang)}" if headline else (top or "-")
        rows.append([s.exercise.name, f"{s.full}/{s.students}",
                     f"{number(s.mean)}/{number(s.exercise.max_score)}", described])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(3)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[3] for r in [header, *rows]]
    if cohort.quiz:
        answers = [a for answers in cohort.quiz.values() for a in answers.values()]
        lines.append(msg("cohort.summary.quiz", right=sum(a.correct for a in answers),
                         answers=len(answers), students=len(cohort.quiz)).render(lang))
        free = [a for a in answers if getattr(a, "max_score", None) is not None]
        if free:
            lines.append(msg("cohort.summary.review", points=number(sum(a.score for a in free)),
                             max=number(sum(a.max_score for a in free)),
                             flagged=sum(a.review for a in free)).render(lang))
    graded = len(cohort.students) - len(cohort.resumed)
    lines.append(msg("cohort.summary.total", students=len(cohort.students),
                     full=sum(r.all_passed for r in cohort.students.values()), graded=graded,
                     seconds=f"{cohort.elapsed:.1f}", per=f"{cohort.elapsed / max(1, graded):.3f}",
                     resumed=len(cohort.resumed), seed=cohort.seed).render(lang))
    return "\n".join(lines)
