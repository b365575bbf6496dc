"""One checker per answer kind; ``CHECKERS[kind](item, answer) -> Outcome``."""
from rnn_grader.quiz.kinds import choice, expression, matrix, size, word

CHECKERS = {
    "expression": expression.check,
    "choice": choice.check,
    "word": word.check,
    "size": size.check,
    "matrix": matrix.check,
}
