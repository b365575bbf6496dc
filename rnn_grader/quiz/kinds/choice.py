"""Multiple-choice answers: ``2``, ``(2)``, ``２``, ``③``, ``2番``, ``選択肢2``, a choice's value
(``1/4`` for 0.25) or its words (``axis=1``); a choice named only negated does not count."""
from __future__ import annotations

from rnn_grader.messages import msg
from rnn_grader.quiz import judge
from rnn_grader.quiz.numeric import evaluate_constant
from rnn_grader.quiz.errors import Refused
from rnn_grader.quiz.items import Item
from rnn_grader.quiz.kinds.labels import read_label
from rnn_grader.quiz.kinds.words import PlainWords, match
from rnn_grader.quiz.outcome import Outcome
from rnn_grader.quiz.reader import check_raw, read_expression
from rnn_grader.quiz.vocabulary import Vocabulary

NO_SYMBOLS = Vocabulary()


def read_value(answer: str) -> float | None:
    """The answer as a number (``1/4``, ``0.25``, ``２５％`` is not one), or None."""
    try:
        return evaluate_constant(read_expression(answer, NO_SYMBOLS))
    except Refused:
        return None


def label_of_value(values: dict[int, float], answer: str) -> int | None:
    """The label whose numeric value the answer equals, if the choices have values."""
    if not values:
        return None
    given = read_value(answer)
    if given is None:
        return None
    return next((label for label, value in values.items() if judge.close(value, given)), None)


def label_of_words(groups, answer: str) -> int | None:
    """The label whose words the answer is or contains, not negated."""
    found = match(answer, groups)
    return found.key if isinstance(found.key, int) and found.key not in found.negated else None


def read_choice(labels, values: dict, groups, answer: str) -> int:
    """The choice an answer names; ``Refused`` when it names none."""
    check_raw(answer)
    label = read_label(answer)
    if label in labels:
        return label
    label = label_of_value(values, answer) or label_of_words(groups, answer)
    if label is None:
        raise Refused("quiz.refused_choice")
    return label


_VALUES: dict = {}


def _values(item: Item) -> dict[int, float]:
    """The numeric value of each choice that has one (read once per item)."""
    if item.id not in _VALUES:
        _VALUES[item.id] = {c.label: evaluate_constant(read_expression(c.value, NO_SYMBOLS))
                            for c in item.choices if c.value}
    return _VALUES[item.id]


def prepare(item: Item) -> None:
    """Read the choices' values now (in the grader), so a judging child inherits them."""
    _values(item)


def word_groups(item: Item) -> list:
    return [(c.label, PlainWords((*c.accept, c.text.en, c.text.ja))) for c in item.choices]


def check(item: Item, answer: str) -> Outcome:
    """Right when the answer names the item's right choice."""
    label = read_choice({c.label for c in item.choices}, _values(item), word_groups(item), answer)
    shown = f"({label})"
    if label == int(item.answer):
        return Outcome(True, shown)
    for wrong in item.wrong:
        if str(label) in wrong.answers:
            return Outcome(False, shown, (wrong.hint,))
    return Outcome(False, shown, (item.hint or msg("quiz.choice_hint"),))
