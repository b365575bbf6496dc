"""What a kind checker returns, and the public ``QuizResult`` built from it."""
from __future__ import annotations

from dataclasses import dataclass, field

from rnn_grader.messages import Text, msg

FREETEXT_FIELDS = ("score", "max_score", "points", "review")


@dataclass(frozen=True)
class Outcome:
    """A kind checker's verdict: right or not, how the answer was read, notes to show."""

    correct: bool
    interpreted_as: str
    notes: tuple = field(default=())
    refused: bool = False  # the answer could not be read (``notes`` say why)
    extra: dict | None = field(default=None, compare=False)  # more JSON fields (free text)


def join(texts) -> Text:
    """Several messages as one, each language joined with spaces."""
    texts = list(texts)
    parts = {lang: " ".join(t.render(lang) for t in texts) for lang in ("en", "ja")}
    return Text(en=_escape(parts["en"]), ja=_escape(parts["ja"]))


@dataclass(frozen=True)
class QuizResult:
    """The checked answer: ``id``, ``correct``, ``interpreted_as`` (never empty), ``message``."""

    id: str
    correct: bool
    interpreted_as: str
    message: Text
    refused: bool = False  # not read at all: shown as "could not read", not as wrong
    extra: dict | None = field(default=None, compare=False)  # free text: score, points, review

    @classmethod
    def from_outcome(cls, item_id: str, outcome: Outcome) -> "QuizResult":
        verdict = () if outcome.refused else (msg("quiz.right" if outcome.correct else "quiz.wrong"),)
        return cls(item_id, outcome.correct, outcome.interpreted_as or "(empty)",
                   join([*verdict, *outcome.notes]), outcome.refused, outcome.extra)

    def to_json(self, lang: str = "en") -> dict:
        """The contract's quiz JSON: ``{"id", "correct", "interpreted_as", "message"}``, and
        for a free-text item ``score``, ``max_score``, ``points``, ``review``."""
        extra = {k: v for k, v in (self.extra or {}).items() if k in FREETEXT_FIELDS}
        return {"id": self.id, "correct": self.correct,
                "interpreted_as": self.interpreted_as, "message": self.message.render(lang), **extra}


def refused_note(reason: Text) -> Text:
    """``quiz.refused`` with its ``{reason}`` filled in each language."""
    template = msg("quiz.refused")
    return Text(
        en=_escape(template.en.format(reason=reason.render("en"))),
        ja=_escape(template.ja.format(reason=reason.render("ja"))))


def _escape(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")
