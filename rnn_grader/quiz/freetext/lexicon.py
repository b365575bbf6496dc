"""Concepts: the words that name one idea, and finding them in a token sequence.

A ``Concept`` comes from ``lexicon.toml`` (shared) or an item's ``[concepts.NAME]`` table.
Each of its words is tokenized with the same analyzer as the answers, so a phrase is
matched as a sequence of token keys (``計算 量`` / ``computational cost``), longest first.

``tag(tokens, lexicon)`` returns the sentence as a list of ``Span`` (a concept found) and
``Token`` (anything else), in order.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rnn_grader.quiz.freetext.analyzer import Token, tokenize

SHARED = Path(__file__).with_name("lexicon.toml")


@dataclass(frozen=True)
class Concept:
    """``name``; ``entity``: a possible subject; ``scale``: "less" / "more" / None;
    ``implies``: concepts it brings along; ``negates``: denies what it is said of."""

    name: str
    words: tuple
    entity: bool = False
    scale: str | None = None
    implies: tuple = ()
    negates: bool = False


@dataclass(frozen=True)
class Span:
    """A concept found in a sentence, and the tokens it covers."""

    concept: Concept
    tokens: tuple

    @property
    def name(self) -> str:
        return self.concept.name


@dataclass
class Lexicon:
    """Concepts by name, and their phrases by first key: {key: [(keys tuple, Concept), ...]}."""

    concepts: dict
    phrases: dict = field(default_factory=dict)

    @property
    def entities(self) -> set:
        return {n for n, c in self.concepts.items() if c.entity}


def parse_concepts(table: dict) -> dict[str, Concept]:
    """``{name: Concept}`` from a ``[concepts.*]`` TOML table (raises ValueError when malformed)."""
    concepts = {}
    for name, spec in table.items():
        words = spec.get("words")
        if not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise ValueError(f"concept {name!r} needs a non-empty list of words")
        if spec.get("scale") not in (None, "less", "more"):
            raise ValueError(f"concept {name!r}: scale must be 'less' or 'more'")
        concepts[name] = Concept(name, tuple(words), bool(spec.get("entity", False)), spec.get("scale"),
                                 tuple(spec.get("implies", ())), bool(spec.get("negates", False)))
    return concepts


@lru_cache(maxsize=1)
def shared_concepts() -> dict[str, Concept]:
    return parse_concepts(tomllib.loads(SHARED.read_text(encoding="utf-8"))["concepts"])


def phrase_keys(word: str) -> set:
    """The token key sequences of one lexicon word (punctuation other than - + dropped): as
    it is, and for Japanese also as a noun before a particle (埋め込み alone reads as a verb,
    埋め込みを as the noun an answer uses)."""
    variants = {_keys(tokenize(word)[1])}
    _, tokens = tokenize(word + "を")
    if tokens and tokens[-1].surface == "を" and tokens[-1].kind == "particle":
        variants.add(_keys(tokens[:-1]))
    return {keys for keys in variants if keys}


def _keys(tokens: list[Token]) -> tuple:
    return tuple(t.key for t in tokens if t.kind != "punct" or t.key in "-+")


def build_lexicon(own: dict[str, Concept]) -> Lexicon:
    """The shared concepts plus an item's own (which win on a name clash), compiled."""
    concepts = {**shared_concepts(), **own}
    lexicon = Lexicon(concepts)
    for concept in concepts.values():
        for word in concept.words:
            for keys in phrase_keys(word):
                lexicon.phrases.setdefault(keys[0], []).append((keys, concept))
    for entries in lexicon.phrases.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return lexicon


def _skippable(token: Token) -> bool:
    """Punctuation a phrase may span (入力・忘却・出力ゲート, "input, forget and output")."""
    return token.kind == "punct" and token.key not in "-+→:："


def tag(tokens: list[Token], lexicon: Lexicon) -> list:
    """The tokens with every concept phrase replaced by a ``Span`` (longest match first;
    punctuation inside a phrase is passed over; a lone ・ is dropped)."""
    tokens = [t for t in tokens if t.key != "・"]
    words = [i for i, t in enumerate(tokens) if not _skippable(t)]
    keys = [tokens[i].key for i in words]
    out, w, emitted = [], 0, 0
    while w < len(words):
        found = None
        for phrase, concept in lexicon.phrases.get(keys[w], ()):
            if tuple(keys[w:w + len(phrase)]) == phrase:
                found = (phrase, concept)
                break
        if found:
            first, last = words[w], words[w + len(found[0]) - 1]
            out.extend(tokens[emitted:first])
            out.append(Span(found[1], tuple(tokens[first:last + 1])))
            emitted, w = last + 1, w + len(found[0])
        else:
            w += 1
    out.extend(tokens[emitted:])
    return out
