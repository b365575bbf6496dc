"""Word answers (``忘却ゲート`` / ``forget gate`` / ...): a synonym set, known wrong terms."""
from __future__ import annotations

from rnn_grader.messages import msg
from rnn_grader.quiz.items import Item
from rnn_grader.quiz.kinds.words import AMBIGUOUS, match
from rnn_grader.quiz.normalize import normalize_words
from rnn_grader.quiz.outcome import Outcome
from rnn_grader.quiz.reader import check_raw

RIGHT = "right"


def check(item: Item, answer: str) -> Outcome:
    """Right when the answer is (or contains) one of the item's synonyms."""
    check_raw(answer)
    groups = [(RIGHT, item.synonyms)] + [(i, w.answers) for i, w in enumerate(item.wrong)]
    key = match(answer, groups)
    if key == RIGHT:
        return Outcome(True, item.synonyms[0])
    if key is AMBIGUOUS:
        return Outcome(False, normalize_words(answer)[:80], (msg("quiz.word_ambiguous"),))
    if key is None:
        return Outcome(False, normalize_words(answer)[:80], (item.hint or msg("quiz.word_hint"),))
    wrong = item.wrong[key]
    return Outcome(False, wrong.answers[0], (wrong.hint,))
