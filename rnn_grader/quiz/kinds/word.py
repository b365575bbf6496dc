"""Word answers (a term in Japanese or English): a synonym set, known wrong terms.

The answer is echoed as the learner wrote it.  An answer that negates a right term
(``…ではない``, ``…ではなくB``, ``not …``) is not right, whatever else it says.
"""
from __future__ import annotations

from rnn_grader.messages import msg
from rnn_grader.quiz.items import Item
from rnn_grader.quiz.kinds.words import AMBIGUOUS, PlainWords, match
from rnn_grader.quiz.outcome import Outcome
from rnn_grader.quiz.reader import check_raw, echo

RIGHT = "right"


def word_groups(item: Item) -> list:
    """``(RIGHT, synonyms)`` then ``(index of the wrong group, its answers)``."""
    return [(RIGHT, PlainWords(item.synonyms))] + [(i, PlainWords(w.answers))
                                                   for i, w in enumerate(item.wrong)]


def verdict(groups, hint_of, item_hint, answer: str) -> Outcome:
    """The outcome of a word answer against ``groups`` (keys: RIGHT or a wrong group's
    index); ``hint_of(index, form)`` gives a wrong group's hint from the normalized word that
    named it.  Shared by the clear and the sealed judge."""
    check_raw(answer)
    found = match(answer, groups)
    shown = echo(answer)
    if RIGHT in found.negated:
        return Outcome(False, shown, (msg("quiz.word_negated"),))
    if found.key == RIGHT:
        return Outcome(True, shown)
    if found.key is AMBIGUOUS:
        return Outcome(False, shown, (msg("quiz.word_ambiguous"),))
    if found.key is None:
        return Outcome(False, shown, (item_hint or msg("quiz.word_hint"),))
    return Outcome(False, shown, (hint_of(found.key, found.form),))


def check(item: Item, answer: str) -> Outcome:
    """Right when the answer is (or contains, not negated) one of the item's synonyms."""
    return verdict(word_groups(item), lambda index, form: item.wrong[index].hint, item.hint, answer)
