"""A student's quiz.json, ``{"<quiz id>": "<answer>", ...}``, checked with ``rnn_grader.quiz``.

The file is untrusted: anything that is not a small JSON object of text answers is
recorded as one refused entry under the key ``quiz.json`` (never an exception).  An
unknown id, or an answer the checker could not handle, is a refused answer for that id.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from rnn_grader.cohort.collect import MAX_QUIZ_BYTES, QUIZ_FILE
from rnn_grader.safe import safe_name, safe_text
from rnn_grader.engine.results import text_from_record, text_record
from rnn_grader.messages import Text, msg

MAX_ANSWERS = 200
MAX_ID_CHARS = 100


@dataclass(frozen=True)
class QuizAnswer:
    """One checked answer, like ``rnn_grader.quiz.QuizResult``: id, correct, interpreted_as, message.

    A free-text answer also has ``max_score`` (its number of rubric points), ``score`` (points
    found), ``points`` (``((point id, found), ...)``), ``review`` (flagged for an instructor)
    and ``answer`` (the text read, shortened); ``confirmed``: points set by the instructor."""

    id: str
    correct: bool
    interpreted_as: str
    message: Text
    score: float | None = None
    max_score: float | None = None
    points: tuple = ()
    review: bool = False
    answer: str = ""
    confirmed: bool = False

    @property
    def points_score(self) -> float:
        """What the answer counts in the gradebook: points found, or 1 / 0."""
        return self.score if self.max_score is not None else float(self.correct)

    @property
    def points_max(self) -> float:
        return self.max_score if self.max_score is not None else 1.0

    def to_json(self, lang: str = "en") -> dict:
        data = {"id": self.id, "correct": self.correct, "interpreted_as": self.interpreted_as,
                "message": self.message.render(lang)}
        if self.max_score is not None:
            data.update(score=self.score, max_score=self.max_score, review=self.review,
                        points=[{"id": i, "found": f} for i, f in self.points])
        return data

    def to_record(self) -> dict:
        return {"id": self.id, "correct": self.correct, "interpreted_as": self.interpreted_as,
                "message": text_record(self.message), "score": self.score, "max_score": self.max_score,
                "points": [[i, f] for i, f in self.points], "review": self.review, "answer": self.answer}

    @classmethod
    def from_record(cls, record: dict) -> "QuizAnswer":
        max_score = record.get("max_score")
        return cls(str(record["id"]), record["correct"] is True, str(record["interpreted_as"]),
                   text_from_record(record["message"]),
                   None if max_score is None else float(record["score"]),
                   None if max_score is None else float(max_score),
                   tuple((str(i), f is True) for i, f in record.get("points", ())),
                   record.get("review") is True, str(record.get("answer", "")))


def free_text_fields(result) -> dict:
    """The free-text fields of a ``QuizResult`` (score, max_score, points, review, answer)."""
    extra = getattr(result, "extra", None) or {}
    if "max_score" not in extra:
        return {}
    return {"score": float(extra["score"]), "max_score": float(extra["max_score"]),
            "points": tuple((p["id"], bool(p["found"])) for p in extra["points"]),
            "review": bool(extra["review"]), "answer": str(extra.get("answer", ""))}


def refused(item_id: str, message: Text) -> QuizAnswer:
    """A wrong answer that was not checked, and why."""
    return QuizAnswer(item_id, False, "(refused)", message)


def refused_file(reason: Text) -> QuizAnswer:
    """The whole quiz.json refused: one entry under the key ``quiz.json``."""
    return refused(QUIZ_FILE, msg("cohort.quiz_refused", reason=reason))


def read_answers(raw: bytes) -> dict[str, str] | QuizAnswer:
    """The answers in ``raw``, or the refusal of the whole file."""
    if len(raw) > MAX_QUIZ_BYTES:
        return refused_file(msg("cohort.quiz_too_large", limit=MAX_QUIZ_BYTES))
    try:
        answers = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        return refused_file(msg("cohort.quiz_not_json"))
    if not isinstance(answers, dict) or not all(isinstance(v, str) for v in answers.values()):
        return refused_file(msg("cohort.quiz_not_object"))
    if len(answers) > MAX_ANSWERS:
        return refused_file(msg("cohort.quiz_too_many", limit=MAX_ANSWERS))
    return answers


def grade_quiz(raw: bytes) -> dict[str, QuizAnswer]:
    """Every answer of one quiz.json, checked: ``{id: QuizAnswer}`` (ids as the student wrote
    them, made safe and shortened to MAX_ID_CHARS; answers made safe before they are checked,
    so that no id, answer or echo of one can break the JSON, CSV or HTML written later)."""
    answers = read_answers(raw)
    if isinstance(answers, QuizAnswer):
        return {QUIZ_FILE: answers}
    from rnn_grader.quiz import UnknownQuiz, check_answers

    pairs = [(safe_name(item_id)[:MAX_ID_CHARS], safe_text(answer)) for item_id, answer in answers.items()]
    try:  # one child bounded in time and memory judges the whole file (rnn_grader.quiz.bounded)
        checked = check_answers(pairs)
    except Exception as exc:  # the checker must not stop the cohort
        checked = [exc] * len(pairs)
    results = {}
    for (item_id, _), result in zip(pairs, checked):
        if isinstance(result, UnknownQuiz):
            results[item_id] = refused(item_id, msg("cohort.quiz_unknown"))
        elif isinstance(result, Exception):
            results[item_id] = refused(item_id, msg("cohort.quiz_failed", error=type(result).__name__))
        else:
            results[item_id] = QuizAnswer(result.id, bool(result.correct), str(result.interpreted_as),
                                          result.message, **free_text_fields(result))
    return results
