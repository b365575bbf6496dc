"""The names one quiz item lets a formula use: its symbols, then the shared functions.

A symbol is declared in the item data with optional sympy assumptions, a sampling range and
aliases::

    [symbols.hbar]
    display = "h̄"
    aliases = ["h_bar", "\\bar{h}"]

Names are looked up case- and underscore-insensitively (``W_in``, ``Win``, ``w_in``).  An alias
that is not a plain identifier (``δ^{t-1}``) is a text replacement applied to the normalized
answer before tokenizing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy

from rnn_grader.quiz.functions import CONSTANTS, FUNCTIONS
from rnn_grader.quiz.normalize import normalize_formula

IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
ASSUMPTIONS = ("positive", "integer", "nonnegative", "real")


def canonical(name: str) -> str:
    """The lookup key of a name: lower case, no underscores."""
    return name.replace("_", "").lower()


@dataclass(frozen=True)
class SymbolSpec:
    """One declared symbol: its sympy object and how to sample it numerically."""

    name: str
    symbol: sympy.Symbol
    low: float
    high: float
    integer: bool
    aliases: tuple = ()
    spec: dict = field(default_factory=dict, compare=False)  # the data it was made from


def make_symbol(name: str, spec: dict) -> SymbolSpec:
    """A ``SymbolSpec`` from one ``[symbols.NAME]`` table of the item data."""
    assumptions = {k: bool(spec[k]) for k in ASSUMPTIONS if k in spec}
    assumptions.setdefault("real", True)
    symbol = sympy.Symbol(spec.get("display", name), **assumptions)
    positive = assumptions.get("positive") or assumptions.get("nonnegative")
    low, high = spec.get("range", (0.3, 3.0) if positive else (-2.5, 2.5))
    integer = assumptions.get("integer", False)
    if integer:
        low, high = spec.get("range", (1, 12))
    return SymbolSpec(name, symbol, float(low), float(high), integer,
                      tuple(spec.get("aliases", ())), dict(spec))


@dataclass
class Vocabulary:
    """Names → sympy objects for one item, plus the alias text replacements."""

    symbols: list[SymbolSpec] = field(default_factory=list)

    def __post_init__(self):
        self.names: dict[str, tuple[str, object]] = {}
        replacements = []
        for spec in self.symbols:
            for alias in (spec.name, *spec.aliases):
                text = normalize_formula(alias)
                if IDENTIFIER.fullmatch(text):
                    self._add(canonical(text), ("symbol", spec.symbol))
                else:
                    replacements.append((text, spec.name))
        self.replacements = sorted(replacements, key=lambda pair: -len(pair[0]))

    def _add(self, key: str, entry):
        if key in self.names and self.names[key] != entry:
            raise ValueError(f"the name {key!r} is declared twice")
        self.names[key] = entry

    def lookup(self, name: str):
        """``("symbol", Symbol)``, ``("function", builder)``, ``("constant", value)`` or None."""
        key = canonical(name.rstrip("'")) + "'" * (len(name) - len(name.rstrip("'")))
        if key in self.names:
            return self.names[key]
        if key in FUNCTIONS:
            return ("function", (key, FUNCTIONS[key]))
        if name in CONSTANTS:  # constants are case-sensitive: e, pi
            return ("constant", CONSTANTS[name])
        return None

    def replace_aliases(self, text: str) -> str:
        """Apply the item's non-identifier aliases (longest first) to normalized text."""
        for alias, name in self.replacements:
            text = text.replace(alias, name)
        return text

    def allowed(self) -> str:
        """The allowed names, for a refusal message."""
        shown = [spec.name for spec in self.symbols]
        shown += ["exp", "log", "tanh", "sqrt", "sigmoid/σ", "f", "g", "f'", "e"]
        return ", ".join(shown)

    def by_symbol(self) -> dict:
        return {spec.symbol: spec for spec in self.symbols}
