"""Matching a short free-text answer against groups of accepted words (any language).

A group is ``(key, words)`` where ``words`` is a ``WordSet``: it says whether a normalized
text (``normalize_words``) is one of its words and knows the lengths of its words.  The same
matching therefore works on words in the clear (``PlainWords``) and on salted hashes of them
(``rnn_grader.quiz.sealed``).

1. exact: the whole normalized answer is one group's word → that group;
2. contained: the answer contains words (of length ≥ 2) of exactly one group → that group;
   of several groups → ``AMBIGUOUS``;
3. an occurrence the answer negates (``Aではない``, ``AではなくB``, ``Aじゃない``, ``A以外``,
   ``not an A``, ``non-A``) does not count for its group, and
   the group is reported in ``Found.negated`` (a caller refuses an answer that negates a
   right word, whatever else it says).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rnn_grader.quiz.normalize import fold_word_char, normalize_words

AMBIGUOUS = object()
MAX_WORDS_LENGTH = 200
MIN_CONTAINED = 2

NEGATION_AFTER = re.compile(  # Japanese: the word is followed by ではない / じゃなく / 以外 ...
    r"^(?:は|が|も|を)?(?:では|でも|で|じゃ)?(?:な[いくかけ]|無[いく]|ありません)(?!か|でしょうか|だろうか)"
    r"|^(?:以外|とは(?:違|ちが))"
    r"|^(?:is|are|was)(?:not|n't)|^(?:isn't|aren't|wasn't)")
CLAUSE_NEGATED = re.compile(r"^[^、。,.;!?！？]{0,10}(?:ない|なく|ません|ず)$")
CLAUSE = re.compile(r"^[^、。,.;!?！？]*")
NEGATION_BEFORE = re.compile(  # English: not / no / non- / without / rather than ... the word
    r"(?:\b(?:not|no|never|neither|nor|without|isn't|isnt|aren't|arent|non)\b|\brather than|\binstead of)"
    r"[\s\-]*(?:(?:a|an|the|any|really|just|exactly)\s+)?$")


class WordSet:
    """Accepted words, tested in normalized form (see the module docstring)."""

    lengths: frozenset = frozenset()

    def contains(self, normalized: str) -> bool:
        raise NotImplementedError


class PlainWords(WordSet):
    """Words in the clear."""

    def __init__(self, words):
        self.words = frozenset(w for w in map(normalize_words, words) if w)
        self.lengths = frozenset(len(w) for w in self.words)

    def contains(self, normalized: str) -> bool:
        return normalized in self.words


@dataclass(frozen=True)
class Found:
    """``key``: the group named (a key, ``AMBIGUOUS`` or None); ``negated``: the keys of the
    groups whose words the answer negates."""

    key: object
    negated: frozenset = frozenset()
    form: str | None = None  # the normalized word that named ``key`` (a sealed hint's key)


@dataclass(frozen=True)
class Folded:
    """An answer normalized for matching (``text``), with, for each of its characters, the
    index of the character it came from in ``spaced`` (NFKC, case-folded, spaces kept)."""

    text: str
    where: tuple
    spaced: str


def fold(answer: str) -> Folded:
    spaced = unicodedata.normalize("NFKC", answer[:MAX_WORDS_LENGTH]).casefold()
    chars, where = [], []
    for index, ch in enumerate(spaced):
        for piece in fold_word_char(ch):
            chars.append(piece)
            where.append(index)
    return Folded("".join(chars), tuple(where), spaced)


def negated(folded: Folded, start: int, end: int) -> bool:
    """Whether the answer negates its word at ``folded.text[start:end]``."""
    before = folded.spaced[:folded.where[start]]
    after = re.sub(r"\s+", "", folded.spaced[folded.where[end - 1] + 1:])
    clause = CLAUSE.match(after).group()
    return bool(NEGATION_AFTER.match(after) or NEGATION_BEFORE.search(before)
                or (clause and CLAUSE_NEGATED.match(clause)))


def occurrences(folded: Folded, words: WordSet):
    """``(start, end)`` of every contained word of ``words`` (length ≥ ``MIN_CONTAINED``)."""
    text = folded.text
    for length in sorted(words.lengths, reverse=True):
        if length < MIN_CONTAINED:
            continue
        for start in range(len(text) - length + 1):
            if words.contains(text[start:start + length]):
                yield start, start + length


def match(answer: str, groups: list[tuple[object, WordSet]]) -> Found:
    """The group an answer names (see the module docstring)."""
    folded = fold(answer)
    if not folded.text:
        return Found(None)
    for key, words in groups:
        if words.contains(folded.text):
            return Found(key, form=folded.text)
    found, denied = {}, set()
    for key, words in groups:
        for start, end in occurrences(folded, words):
            if negated(folded, start, end):
                denied.add(key)
            else:
                found.setdefault(key, folded.text[start:end])
    denied = frozenset(denied)
    if len(found) > 1:
        return Found(AMBIGUOUS, denied)
    key, form = next(iter(found.items()), (None, None))
    return Found(key, denied, form)
