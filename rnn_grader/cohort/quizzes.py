"""A student's quiz.json, ``{"<quiz id>": "<answer>", ...}``, checked with ``rnn_grader.quiz``.

The file is untrusted: anything that is not a small JSON object of text answers is
recorded as one refused entry under the key ``quiz.json`` (never an exception).  An
unknown id, or an answer the checker could not handle, is a refused answer for that id.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from rnn_grader.cohort.collect import MAX_QUIZ_BYTES, QUIZ_FILE
from rnn_grader.engine.results import text_from_record, text_record
from rnn_grader.messages import Text, msg

MAX_ANSWERS = 200
MAX_ID_CHARS = 100


@dataclass(frozen=True)
class QuizAnswer:
    """One checked answer, like ``rnn_grader.quiz.QuizResult``: id, correct, interpreted_as, message."""

    id: str
    correct: bool
    interpreted_as: str
    message: Text

    def to_json(self, lang: str = "en") -> dict:
        return {"id": self.id, "correct": self.correct, "interpreted_as": self.interpreted_as,
                "message": self.message.render(lang)}

    def to_record(self) -> dict:
        return {"id": self.id, "correct": self.correct, "interpreted_as": self.interpreted_as,
                "message": text_record(self.message)}

    @classmethod
    def from_record(cls, record: dict) -> "QuizAnswer":
        return cls(str(record["id"]), record["correct"] is True, str(record["interpreted_as"]),
                   text_from_record(record["message"]))


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
    them, shortened to MAX_ID_CHARS)."""
    answers = read_answers(raw)
    if isinstance(answers, QuizAnswer):
        return {QUIZ_FILE: answers}
    from rnn_grader.quiz import UnknownQuiz, check_answer

    results = {}
    for item_id, answer in answers.items():
        item_id = item_id[:MAX_ID_CHARS]
        try:
            result = check_answer(item_id, answer)
            results[item_id] = QuizAnswer(result.id, bool(result.correct), str(result.interpreted_as),
                                          result.message)
        except UnknownQuiz:
            results[item_id] = refused(item_id, msg("cohort.quiz_unknown"))
        except Exception as exc:  # the checker must not stop the cohort
            results[item_id] = refused(item_id, msg("cohort.quiz_failed", error=type(exc).__name__))
    return results
