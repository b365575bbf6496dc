"""Multiple-choice answers: ``2``, ``(2)``, ``２``, ``（２）``, a choice's value or its words."""
from __future__ import annotations

import re
import unicodedata

from rnn_grader.messages import msg
from rnn_grader.quiz import judge
from rnn_grader.quiz.errors import Refused
from rnn_grader.quiz.items import Item
from rnn_grader.quiz.kinds.words import match
from rnn_grader.quiz.outcome import Outcome
from rnn_grader.quiz.reader import check_raw, read_expression
from rnn_grader.quiz.vocabulary import Vocabulary

LABEL = re.compile(r"[(\[]?([0-9])[)\]]?\.?")
NO_SYMBOLS = Vocabulary()


def _by_value(item: Item, answer: str) -> int | None:
    """The label of the choice whose numeric ``value`` equals the answer (``1/4``, ``0.25``)."""
    if not any(c.value for c in item.choices):
        return None
    try:
        given = read_expression(answer, NO_SYMBOLS)
    except Refused:
        return None
    for choice in item.choices:
        if choice.value and judge.numerically_equal(read_expression(choice.value, NO_SYMBOLS),
                                                    given, {}):
            return choice.label
    return None


def _by_words(item: Item, answer: str) -> int | None:
    groups = [(c.label, (*c.accept, c.text.en, c.text.ja)) for c in item.choices]
    key = match(answer, groups)
    return key if isinstance(key, int) else None


def read_label(item: Item, answer: str) -> int | None:
    """The choice an answer names, or None."""
    check_raw(answer)
    text = unicodedata.normalize("NFKC", answer).strip().replace(" ", "")
    labels = {c.label for c in item.choices}
    found = LABEL.fullmatch(text)
    if found and int(found.group(1)) in labels:
        return int(found.group(1))
    return _by_value(item, answer) or _by_words(item, answer)


def check(item: Item, answer: str) -> Outcome:
    """Right when the answer names the item's right choice."""
    label = read_label(item, answer)
    if label is None:
        return Outcome(False, unicodedata.normalize("NFKC", answer).strip()[:80],
                       (msg("quiz.choice_unreadable"),))
    shown = f"({label})"
    if label == int(item.answer):
        return Outcome(True, shown)
    for wrong in item.wrong:
        if str(label) in wrong.answers:
            return Outcome(False, shown, (wrong.hint,))
    return Outcome(False, shown, (item.hint or msg("quiz.choice_hint"),))
