"""Formula answers: read with the safe reader, compared with the item's answer by ``judge``.

A wrong answer that matches one of the item's declared wrong answers gets that hint; if the
item also lists ``choices`` with formulas, a bare choice number (``3`` or ``(3)``) picks one.
"""
from __future__ import annotations

from rnn_grader.messages import msg
from rnn_grader.quiz import judge
from rnn_grader.quiz.errors import Refused
from rnn_grader.quiz.items import Item
from rnn_grader.quiz.kinds.labels import read_label
from rnn_grader.quiz.outcome import Outcome
from rnn_grader.quiz.reader import read_expression

_CACHE: dict = {}


def _expected(item: Item):
    key = ("expected", item.id)
    if key not in _CACHE:
        _CACHE[key] = read_expression(str(item.answer), item.vocabulary)
    return _CACHE[key]


def _wrong_forms(item: Item):
    key = ("wrong", item.id)
    if key not in _CACHE:
        _CACHE[key] = [(read_expression(answer, item.vocabulary, item.lhs), wrong.hint)
                       for wrong in item.wrong for answer in wrong.answers]
    return _CACHE[key]


def prepare(item: Item) -> None:
    """Read the item's own formulas now (in the grader), so a judging child inherits them."""
    _expected(item)
    _wrong_forms(item)


def _picked_choice(item: Item, answer: str) -> str | None:
    """The formula of the choice an answer like ``(3)`` or ``3番`` names, if the item has choices."""
    label = read_label(answer) if item.choices else None
    for choice in item.choices:
        if choice.label == label and choice.expr:
            return choice.expr
    return None


def _hint(item: Item, given):
    specs = item.vocabulary.by_symbol()
    for form, hint in _wrong_forms(item):
        if judge.numerically_equal(form, given, specs):
            return hint
    return item.hint or msg("quiz.generic_hint")


def check(item: Item, answer: str) -> Outcome:
    """Judge a formula answer (``Refused`` propagates to the caller)."""
    picked = _picked_choice(item, answer)
    given = read_expression(picked or answer, item.vocabulary, item.lhs)
    shown = str(given)
    verdict = judge.equivalent(_expected(item), given, item.vocabulary.by_symbol())
    if verdict.equal and verdict.how == "numeric":
        return Outcome(True, shown, (msg("quiz.numeric_note", seconds=judge.SYMBOLIC_SECONDS,
                                         points=judge.POINTS),))
    if verdict.equal:
        return Outcome(True, shown)
    if verdict.how == "undecided":
        raise Refused("quiz.refused_undecided")
    return Outcome(False, shown, (_hint(item, given),))
