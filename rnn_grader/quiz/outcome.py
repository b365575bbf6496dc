"""What a kind checker returns, and the public ``QuizResult`` built from it."""
from __future__ import annotations

from dataclasses import dataclass, field

from rnn_grader.messages import Text, msg


@dataclass(frozen=True)
class Outcome:
    """A kind checker's verdict: right or not, how the answer was read, notes to show."""

    correct: bool
    interpreted_as: str
    notes: tuple = field(default=())


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

    @classmethod
    def from_outcome(cls, item_id: str, outcome: Outcome) -> "QuizResult":
        verdict = msg("quiz.right" if outcome.correct else "quiz.wrong")
        return cls(item_id, outcome.correct, outcome.interpreted_as or "(empty)",
                   join([verdict, *outcome.notes]))

    def to_json(self, lang: str = "en") -> dict:
        """The contract's quiz JSON: ``{"id", "correct", "interpreted_as", "message"}``."""
        return {"id": self.id, "correct": self.correct,
                "interpreted_as": self.interpreted_as, "message": self.message.render(lang)}


def refused_note(reason: Text) -> Text:
    """``quiz.refused`` with its ``{reason}`` filled in each language."""
    template = msg("quiz.refused")
    return Text(
        en=_escape(template.en.format(reason=reason.render("en"))),
        ja=_escape(template.ja.format(reason=reason.render("ja"))))


def _escape(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")
