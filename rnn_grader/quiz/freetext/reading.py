"""Reading a whole answer: clean it, split it into sentences, analyze, find units.

    reading = read("GRUのほうがパラメータが少ない。", lexicon)
    reading.units        # [Unit(subject="gru", scales=["less"], phrases=[...])]
    reading.flags        # {"keywords", "salad"} when the answer reads like a word list / noise
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rnn_grader.quiz.freetext import units as parse
from rnn_grader.quiz.freetext.analyzer import Token, tokenize
from rnn_grader.quiz.freetext.clean import Cleaned, clean, has_japanese, sentences
from rnn_grader.quiz.freetext.lexicon import Lexicon, Span, tag

ENGLISH_CLAUSE = re.compile(r"[A-Za-z][A-Za-z0-9'\-]*(?:[ ,]+[A-Za-z0-9][A-Za-z0-9'\-]*)+")
MIN_LIST_CONCEPTS = 3
SALAD_OOV_SHARE = 0.5
GLUE = {"particle", "aux", "conj"}


@dataclass
class Reading:
    """``cleaned``: the text read; ``units``; ``concepts``: every concept named;
    ``flags``: ``keywords`` (a list of terms, no sentence), ``salad`` (mostly unreadable)."""

    cleaned: Cleaned
    units: list = field(default_factory=list)
    concepts: set = field(default_factory=set)
    flags: set = field(default_factory=set)
    words: int = 0
    unknown: int = 0


def _glue(language: str, items: list) -> int:
    """How many grammatical words (particles, verbs, English function words) a sentence has."""
    tokens = [t for t in items if isinstance(t, Token)]
    if language == "ja":
        return sum(t.kind in GLUE for t in tokens)
    return sum((t.kind == "word" and (t.key in parse.EN_FUNCTION or t.key in parse.EN_VERBS)) or t.key == ":"
               for t in tokens)


def read(answer: str, lexicon: Lexicon) -> Reading:
    """The ``Reading`` of one answer (never raises on odd text)."""
    reading = Reading(clean(answer))
    builder = parse._Units(lexicon)
    for sentence in sentences(reading.cleaned.text):
        builder.start_sentence()
        for segment in segments(sentence):
            _read_segment(reading, builder, segment, lexicon)
    words, unknown = reading.words, reading.unknown
    if words and unknown / words > SALAD_OOV_SHARE:
        reading.flags.add("salad")
    parse.carry_subjects(builder.units, lexicon.entities)
    reading.units = builder.units
    return reading


def segments(sentence: str) -> list[str]:
    """A sentence cut where an English clause (three or more ASCII words) meets Japanese:
    ``GRU is lighter than LSTM で、…`` is read as English, then Japanese."""
    if not has_japanese(sentence):
        return [sentence]
    parts, start = [], 0
    for match in ENGLISH_CLAUSE.finditer(sentence):
        if len(match.group().split()) >= 3:
            parts += [sentence[start:match.start()], match.group()]
            start = match.end()
    parts.append(sentence[start:])
    return [p for p in parts if p.strip()]


def _read_segment(reading: Reading, builder, segment: str, lexicon: Lexicon) -> None:
    """Analyze one segment and add its units to ``builder``; note its concepts and flags."""
    language, tokens = tokenize(segment)
    items = tag(tokens, lexicon)
    spans = [s for s in items if isinstance(s, Span)]
    reading.concepts.update(s.name for s in spans)
    if len(spans) >= MIN_LIST_CONCEPTS and _glue(language, items) == 0:
        reading.flags.add("keywords")
    reading.words += sum(t.kind != "punct" for t in tokens)
    reading.unknown += sum(t.oov for t in tokens)
    (parse.japanese if language == "ja" else parse.english)(builder, items)


def describe(unit) -> str:
    """A unit in short: ``gru: params less`` / ``lstm: ... (not)``."""
    words = [c for p in unit.phrases if not p.denied for c in p.concepts if c != unit.subject]
    text = f"{unit.subject or '?'}: " + " ".join(dict.fromkeys(words + unit.scales))
    return text + (" (not)" if unit.negated else "")
