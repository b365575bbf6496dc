"""Matching a short free-text answer against groups of accepted words (any language)."""
from __future__ import annotations

from rnn_grader.quiz.normalize import normalize_words

AMBIGUOUS = object()
MAX_WORDS_LENGTH = 200


def match(answer: str, groups: list[tuple[object, tuple[str, ...]]]):
    """The key of the group whose word the answer is, or contains; ``AMBIGUOUS``; or None.

    An exact match (after ``normalize_words``) wins; otherwise the answer may contain a group's
    word (``忘却ゲートが働く``), provided it contains the words of only one group.
    """
    text = normalize_words(answer[:MAX_WORDS_LENGTH])
    if not text:
        return None
    for key, words in groups:
        if text in {normalize_words(w) for w in words}:
            return key
    found = {key for key, words in groups
             if any(len(w) >= 2 and w in text for w in map(normalize_words, words))}
    if len(found) > 1:
        return AMBIGUOUS
    return found.pop() if found else None
