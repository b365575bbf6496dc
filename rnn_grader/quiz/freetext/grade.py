"""Grading one free-text answer: reading, points, confidence, and the learner's feedback.

``grade(rubric, answer) -> FreeTextResult``; ``outcome(rubric, answer) -> Outcome`` for
``grade quiz``.  The score is the number of points found (each point is worth 1); the answer
is right only when every point is found.  ``review`` is true when the checker is not sure:
a point half stated or both stated and contradicted, a list of terms instead of sentences
(which earns nothing), an answer that names nothing the question is about, or text that is
mostly unreadable.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

from rnn_grader.messages import Text, msg
from rnn_grader.quiz.freetext.lexicon import Lexicon, build_lexicon
from rnn_grader.quiz.freetext.match import PointVerdict, judge_point
from rnn_grader.quiz.freetext.reading import Reading, describe, read
from rnn_grader.quiz.freetext.rubric import Rubric
from rnn_grader.quiz.outcome import Outcome

MAX_SHOWN = 200
KEPT_ANSWER = 400


@dataclass(frozen=True)
class FreeTextResult:
    """``points``: one PointVerdict per rubric point, in order; ``reasons``: why review."""

    points: tuple
    review: bool
    reasons: tuple
    reading: Reading

    @property
    def score(self) -> float:
        return float(sum(p.found for p in self.points))

    @property
    def max_score(self) -> float:
        return float(len(self.points))

    @property
    def correct(self) -> bool:
        return all(p.found for p in self.points)


_LEXICONS: dict[str, Lexicon] = {}
_LOCK = threading.Lock()


def lexicon_for(rubric: Rubric) -> Lexicon:
    """The compiled lexicon of one item (built once per process, by item id)."""
    with _LOCK:
        if rubric.item_id not in _LEXICONS:
            _LEXICONS[rubric.item_id] = build_lexicon(rubric.concepts)
        return _LEXICONS[rubric.item_id]


def grade(rubric: Rubric, answer: str) -> FreeTextResult:
    """Judge every point of ``rubric`` in ``answer`` (any text; never raises on odd input)."""
    lexicon = lexicon_for(rubric)
    reading = read(answer, lexicon)
    if not reading.cleaned.text:
        return FreeTextResult(tuple(PointVerdict(p.id, False, "missing", False) for p in rubric.points),
                              False, (), reading)
    verdicts = tuple(judge_point(p, reading.units, lexicon.entities) for p in rubric.points)
    reasons = []
    if "keywords" in reading.flags:
        verdicts = tuple(PointVerdict(v.id, False, "missing", False) for v in verdicts)
        reasons.append("keywords")
    if not reading.concepts & rubric.concept_names():
        reasons.append("off_topic")
    elif "salad" in reading.flags:
        reasons.append("salad")
    if any(v.review for v in verdicts):
        reasons.append("points")
    return FreeTextResult(verdicts, bool(reasons), tuple(reasons), reading)


def interpreted(result: FreeTextResult) -> str:
    """How the answer was read, in short: one ``subject: concepts`` group per statement."""
    if "keywords" in result.reasons:
        text = "[" + ", ".join(sorted(result.reading.concepts)) + "]"
    else:
        text = " | ".join(describe(u) for u in result.reading.units if u.phrases or u.scales)
    text = text or result.reading.cleaned.text[:60] or "(empty)"
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN - 1] + "…"


def feedback(rubric: Rubric, result: FreeTextResult) -> list[Text]:
    """The learner's notes: score, each point found or what is missing, review, cleaning."""
    notes = [msg("quiz.freetext.score", score=f"{result.score:g}", max=f"{result.max_score:g}")]
    if not result.reading.cleaned.text:
        return [msg("quiz.freetext.empty"), *notes]
    for point, verdict in zip(rubric.points, result.points):
        key = {"found": "quiz.freetext.found", "contradicted": "quiz.freetext.contradicted",
               "half": "quiz.freetext.half"}.get(verdict.status, "quiz.freetext.missing")
        notes.append(msg(key, point=point.label, hint=point.hint))
    for reason in result.reasons:
        notes.append(msg(f"quiz.freetext.reason.{reason}"))
    if result.review:
        notes.append(msg("quiz.freetext.review"))
    if result.reading.cleaned.cut:
        notes.append(msg("quiz.freetext.cut", limit=len(result.reading.cleaned.text)))
    if result.reading.cleaned.controls:
        notes.append(msg("quiz.freetext.controls"))
    return notes


def outcome(rubric: Rubric, answer: str) -> Outcome:
    """The ``Outcome`` of ``grade quiz``: the contract's extra fields in ``extra``."""
    result = grade(rubric, answer)
    extra = {"score": result.score, "max_score": result.max_score,
             "points": [{"id": v.id, "found": v.found} for v in result.points],
             "review": result.review,
             "answer": result.reading.cleaned.text[:KEPT_ANSWER]}
    return Outcome(result.correct, interpreted(result), tuple(feedback(rubric, result)), extra=extra)
