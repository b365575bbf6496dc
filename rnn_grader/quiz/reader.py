"""Reading a learner's formula: raw checks → normalization → equation side → tokens → sympy.

``read_expression`` is the single entry point for formula answers.  Its steps, each of which
may refuse the text with a ``Refused`` error carrying a bilingual reason:

1. raw checks: not empty, at most ``MAX_LENGTH`` characters, no control characters (NUL, ...);
2. ``normalize_formula`` (full-width, Unicode operators, scripts, Greek) and the item's aliases;
3. an equation ``LHS = RHS`` is read as its right side when the left side names the asked
   quantity (the item's ``lhs`` list, e.g. ``dz/dx``);
4. ``tokenize`` (whitelist) and ``parse_tokens`` (builds sympy objects directly).
"""
from __future__ import annotations

import unicodedata

from rnn_grader.quiz.errors import Refused
from rnn_grader.quiz.normalize import normalize_formula
from rnn_grader.quiz.parser import parse_tokens
from rnn_grader.quiz.tokens import describe, tokenize
from rnn_grader.quiz.vocabulary import Vocabulary

MAX_LENGTH = 500
ECHO_LENGTH = 80
CONTROL = {"Cc", "Cf", "Cs", "Co", "Cn"}


def check_raw(text: str) -> None:
    """Refuse empty, over-long or control-character input, before any other processing."""
    if len(text) > MAX_LENGTH:
        raise Refused("quiz.refused_length", limit=MAX_LENGTH)
    if not text.strip():
        raise Refused("quiz.refused_empty")
    for ch in text:
        if unicodedata.category(ch) in CONTROL and ch not in "\t\n\r":
            raise Refused("quiz.refused_control") if ch == "\x00" or unicodedata.category(ch) == "Cc" \
                else Refused("quiz.refused_char", char=describe(ch))


def echo(text: str, limit: int = ECHO_LENGTH) -> str:
    """The learner's own text to show back, as typed: trimmed, line breaks as spaces, other
    control characters escaped (``\\u0000``), shortened to ``limit``; never empty."""
    text = text.strip()
    shown = "".join(c if c.isprintable() else " " if c in "\t\n\r" else f"\\u{ord(c):04x}"
                    for c in text[:limit])
    return (shown + ("…" if len(text) > limit else "")) or "(empty)"


def normalize_answer(text: str, vocabulary: Vocabulary) -> str:
    """Normalized formula text with the item's aliases applied (length re-checked)."""
    normalized = vocabulary.replace_aliases(normalize_formula(text))
    if len(normalized) > 2 * MAX_LENGTH:
        raise Refused("quiz.refused_length", limit=MAX_LENGTH)
    if not normalized:
        raise Refused("quiz.refused_empty")
    return normalized


def right_side(text: str, vocabulary: Vocabulary, lhs: tuple[str, ...]) -> str:
    """For ``LHS = RHS`` with an accepted LHS, the RHS; text without ``=`` unchanged."""
    if "=" not in text:
        return text
    left, _, right = text.partition("=")
    accepted = {normalize_answer(name, vocabulary).lower() for name in lhs}
    if "=" in right or left.lower() not in accepted:
        raise Refused("quiz.refused_equation", example=lhs[0] if lhs else "y")
    return right


def read_expression(text: str, vocabulary: Vocabulary, lhs: tuple[str, ...] = ()):
    """The sympy expression of a learner's formula ``text`` (see the module docstring)."""
    check_raw(text)
    normalized = right_side(normalize_answer(text, vocabulary), vocabulary, lhs)
    tokens = tokenize(normalized, vocabulary)
    try:
        return parse_tokens(tokens)
    except Refused:
        raise
    except (ArithmeticError, ValueError, TypeError, RecursionError) as exc:
        raise Refused("quiz.refused_unprocessable") from exc
