"""One checker per answer kind; ``CHECKERS[kind](item, answer) -> Outcome``.

``prepare(item)`` reads an item's own data (formulas, values) ahead of judging, in the
grader process, so that forked judging children inherit it instead of reading it again.
"""
import importlib

from rnn_grader.quiz.kinds import choice, expression, matrix, size, word


def freetext():
    """The free-text checker, imported when used: the instructor's (the learner kit has no
    free-text items, nor the analyzer they need)."""
    return importlib.import_module("rnn_grader.quiz.freetext")


CHECKERS = {
    "expression": expression.check,
    "choice": choice.check,
    "word": word.check,
    "size": size.check,
    "matrix": matrix.check,
    "freetext": lambda item, answer: freetext().check(item, answer),
}


def prepare(item) -> None:
    """Run the kind module's ``prepare(item)``, if it has one."""
    module = {"expression": expression, "choice": choice}.get(item.kind)
    if item.kind == "freetext":
        module = freetext()
    if module is not None:
        module.prepare(item)
