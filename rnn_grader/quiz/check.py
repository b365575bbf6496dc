"""The public entry points: ``list_items`` and ``check_answer``."""
from __future__ import annotations

import unicodedata

from rnn_grader.quiz.errors import Refused, UnknownQuiz
from rnn_grader.quiz.items import Item, load_items
from rnn_grader.quiz.kinds import CHECKERS
from rnn_grader.quiz.outcome import Outcome, QuizResult, refused_note

SHOWN_LENGTH = 60


def list_items() -> list[Item]:
    """Every quiz item, in id order of the data files."""
    return list(load_items().values())


def get_item(item_id: str) -> Item:
    items = load_items()
    if item_id not in items:
        raise UnknownQuiz(item_id)
    return items[item_id]


def _shown(answer: str) -> str:
    """A refused answer as text that is safe to print: control characters escaped, shortened."""
    text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in answer[:SHOWN_LENGTH])
    text = unicodedata.normalize("NFKC", text)
    return (text + ("…" if len(answer) > SHOWN_LENGTH else "")) or "(empty)"


def check_answer(item_id: str, answer: str) -> QuizResult:
    """Check ``answer`` for quiz ``item_id``; raises ``UnknownQuiz`` for an unknown id.

    A refused answer (unreadable, not whitelisted, too large) is a wrong answer whose message
    says why; ``interpreted_as`` then shows the (shortened, escaped) text that was refused.
    """
    item = get_item(item_id)
    try:
        outcome = CHECKERS[item.kind](item, answer)
    except Refused as refusal:
        outcome = Outcome(False, _shown(answer), (refused_note(refusal.reason),))
    return QuizResult.from_outcome(item.id, outcome)
