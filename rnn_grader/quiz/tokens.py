"""Tokenizer and whitelist: normalized formula text → a list of checked tokens.

Every character must belong to a number, a name, or one of the operators ``+ - * / ^ ( ) [ ]``;
every name must be a symbol of the item, a known function or a constant (a run of known names
such as ``Winx1`` is split into ``W_in``, ``x_1``).  Anything else -- quotes, dots used for
attribute access, underscore names, unknown names -- is refused here, before sympy is involved.
Integer parts of numbers are limited in length, and so are the number of tokens and the
parenthesis depth.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from rnn_grader.quiz.errors import Refused
from rnn_grader.quiz.vocabulary import Vocabulary

MAX_DIGITS = 15
MAX_TOKENS = 200
MAX_DEPTH = 40
MAX_NAME = 60

TOKEN = re.compile(
    r"(?P<num>\d+(?:\.\d*)?|\.\d+)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*'*)"
    r"|(?P<op>[-+*/^()\[\]])"
)


@dataclass(frozen=True)
class Token:
    """``kind`` is ``num`` (value: Fraction), ``symbol``, ``constant`` (value: sympy object),
    ``function`` (value: (name, builder)) or ``op`` (value: the operator character)."""

    kind: str
    value: object
    text: str


def describe(ch: str) -> str:
    """A safe, readable description of one character for a message."""
    name = unicodedata.name(ch, "")
    shown = ch if ch.isprintable() else ""
    return f"'{shown}' (U+{ord(ch):04X} {name})".replace("'' ", "")


def _refuse_at(text: str, pos: int):
    ch = text[pos]
    if ch == ".":
        raise Refused("quiz.refused_attribute")
    if ch in "\"'`":
        raise Refused("quiz.refused_string")
    raise Refused("quiz.refused_char", char=describe(ch))


def _number(text: str) -> Token:
    integer_part = text.split(".")[0]
    if len(integer_part.lstrip("0")) > MAX_DIGITS or len(text) > 2 * MAX_DIGITS:
        raise Refused("quiz.refused_number", number=text[:20] + "…", limit=MAX_DIGITS)
    return Token("num", Fraction(text), text)


def _split_name(name: str, vocabulary: Vocabulary) -> list[Token]:
    """Split a name into known names and digit runs, longest pieces first; refuse otherwise."""
    if name.startswith("_") or "__" in name:
        raise Refused("quiz.refused_dunder", name=name[:30])
    if len(name) > MAX_NAME:
        raise Refused("quiz.refused_name", name=name[:30] + "…", allowed=vocabulary.allowed())
    pieces = _split(name, vocabulary)
    if pieces is None:
        raise Refused("quiz.refused_name", name=name, allowed=vocabulary.allowed())
    return pieces


def _split(name: str, vocabulary: Vocabulary) -> list[Token] | None:
    @lru_cache(maxsize=None)
    def from_(start: int):
        if start == len(name):
            return ()
        digits = re.match(r"\d+", name[start:])
        if digits:
            rest = from_(start + digits.end())
            return None if rest is None else (_number(digits.group()), *rest)
        for end in range(len(name), start, -1):
            entry = vocabulary.lookup(name[start:end])
            if entry is not None and (end == len(name) or name[end] != "'"):
                rest = from_(end)
                if rest is not None:
                    return (Token(entry[0], entry[1], name[start:end]), *rest)
        return None

    result = from_(0)
    return None if result is None else list(result)


def tokenize(text: str, vocabulary: Vocabulary) -> list[Token]:
    """The checked tokens of normalized formula ``text`` (see the module docstring)."""
    tokens: list[Token] = []
    pos, depth = 0, 0
    while pos < len(text):
        match = TOKEN.match(text, pos)
        if not match:
            _refuse_at(text, pos)
        kind, piece = match.lastgroup, match.group()
        if kind == "num":
            tokens.append(_number(piece))
        elif kind == "name":
            tokens.extend(_split_name(piece, vocabulary))
        else:
            depth += piece in "(["
            depth -= piece in ")]"
            if depth > MAX_DEPTH:
                raise Refused("quiz.refused_depth", limit=MAX_DEPTH)
            if depth < 0:
                raise Refused("quiz.refused_parens")
            tokens.append(Token("op", piece, piece))
        if len(tokens) > MAX_TOKENS:
            raise Refused("quiz.refused_tokens", limit=MAX_TOKENS)
        pos = match.end()
    if depth != 0:
        raise Refused("quiz.refused_parens")
    return tokens
