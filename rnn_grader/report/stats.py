"""The numbers of the class report, computed from a graded cohort (no HTML here).

A cohort is any object with ``.exercises`` (list of ``Exercise``), ``.students``
({student: SubmissionResult}) and ``.quiz`` ({student: {quiz id: answer with .correct}}),
such as ``rnn_grader.cohort.Cohort``.
"""
from __future__ import annotations

import math
import statistics
from collections import Counter
from dataclasses import dataclass

from rnn_grader.engine import Exercise, Text

NOT_RUN = ("timeout", "memory", "crashed", "error", "missing")  # never mixed with "failed"


@dataclass(frozen=True)
class Bin:
    """One bar of a histogram: scores ``low <= s < high`` (``s <= high`` for the last bar)."""

    low: float
    high: float
    count: int
    label: str


@dataclass(frozen=True)
class MisconceptionCount:
    """How many students hit the misconception ``name``; ``explanation`` None when undeclared."""

    name: str
    count: int
    explanation: Text | None


def number(value: float) -> str:
    """A score for display: ``8``, ``2.5``, ``3.33`` (2 decimals at most)."""
    return f"{value:.2f}".rstrip("0").rstrip(".") if math.isfinite(value) else "-"


def bins(scores: list[float], max_score: float) -> list[Bin]:
    """A histogram of ``scores`` in ``[0, max_score]``.

    max_score <= 12: one bar per whole point, ``k <= s < k+1``, and the last bar ``s == max``
    (so a bar reads "scored k"); larger: 10 bars of width ``max_score / 10``."""
    if max_score <= 12 and float(max_score).is_integer():
        edges = [float(k) for k in range(int(max_score) + 1)] + [max_score + 1.0]
        labels = [str(k) for k in range(int(max_score) + 1)]
    else:
        width = max_score / 10 if max_score > 0 else 1.0
        edges = [width * k for k in range(11)]
        labels = [f"{number(edges[k])}–{number(edges[k + 1])}" for k in range(10)]
    counts = [0] * len(labels)
    for score in scores:
        index = sum(score >= edge for edge in edges[1:-1])  # the bar whose low edge is below
        counts[min(max(index, 0), len(counts) - 1)] += 1
    return [Bin(edges[k], edges[k + 1], counts[k], labels[k]) for k in range(len(labels))]


def exercise_results(cohort, exercise: Exercise) -> list:
    """Every student's ExerciseResult for ``exercise`` (students without one are skipped)."""
    return [r.exercises[exercise.name] for r in cohort.students.values() if exercise.name in r.exercises]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def mean(values: list[float]) -> float:
    return statistics.fmean(values) if values else float("nan")


def explanation_of(exercise: Exercise, name: str) -> Text | None:
    """The explanation Text of the misconception ``name``, found in the exercise's checks."""
    for check in exercise.checks:
        for wrong in getattr(check, "misconceptions", []):
            if wrong.name == name:
                return wrong.explanation
    return None


def misconception_counts(cohort, exercise: Exercise) -> list[MisconceptionCount]:
    """Students per misconception of ``exercise``, most common first (ties by name).
    A student counts once per misconception, however many checks named it."""
    counts: Counter = Counter()
    for result in exercise_results(cohort, exercise):
        counts.update(set(result.misconceptions))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [MisconceptionCount(name, n, explanation_of(exercise, name)) for name, n in ranked]


def unnamed_wrong(cohort, exercise: Exercise) -> int:
    """Students whose answer was wrong (status failed) without any named misconception."""
    return sum(r.status == "failed" and not r.misconceptions for r in exercise_results(cohort, exercise))


def status_counts(cohort, exercise: Exercise) -> Counter:
    return Counter(r.status for r in exercise_results(cohort, exercise))


def not_run(cohort) -> dict[str, list[tuple[str, object]]]:
    """{status: [(student, ExerciseResult), ...]} for the statuses of NOT_RUN, in that order;
    statuses nobody has are left out."""
    found: dict[str, list] = {status: [] for status in NOT_RUN}
    for student, result in cohort.students.items():
        for exercise in cohort.exercises:
            r = result.exercises.get(exercise.name)
            if r is not None and r.status in found:
                found[r.status].append((student, r))
    return {status: rows for status, rows in found.items() if rows}


# ----------------------------------------------------------------------------- quiz
def quiz_items(cohort, known_ids: list[str]) -> tuple[list[tuple[str, int, int]], tuple[int, int]]:
    """Per known quiz id answered by someone: (id, right, answered), in ``known_ids`` order;
    and (right, answered) over every other id (unknown ids, a refused quiz.json)."""
    right: Counter = Counter()
    answered: Counter = Counter()
    for answers in cohort.quiz.values():
        for item_id, answer in answers.items():
            key = item_id if item_id in known_ids else None
            answered[key] += 1
            right[key] += bool(answer.correct)
    rows = [(i, right[i], answered[i]) for i in known_ids if answered[i]]
    return rows, (right[None], answered[None])


def quiz_points(answers: dict) -> tuple[float, float]:
    """(points, possible points) of one student's quiz answers: 1 per right answer, and a
    free-text answer's rubric points found (``max_score`` of them possible)."""
    values = list(answers.values())
    return (sum(getattr(a, "points_score", float(bool(a.correct))) for a in values),
            sum(getattr(a, "points_max", 1.0) for a in values))


def flagged_answers(cohort) -> list:
    """``(student, answer)`` for every free-text answer flagged for review, by student."""
    return [(student, answer) for student, answers in cohort.quiz.items() for answer in answers.values()
            if getattr(answer, "review", False)]


def quiz_score(answers: dict) -> tuple[int, int]:
    """(right, answered) of one student's quiz answers."""
    return sum(bool(a.correct) for a in answers.values()), len(answers)
