"""Character-level normalization of a learner's formula, before any tokenizing.

``normalize_formula`` turns the many ways of typing the same formula into one plain ASCII
spelling: full-width characters (NFKC), Unicode operators (``×``, ``·``, ``−``), super- and
subscripts (``x²`` → ``x^(2)``, ``x₁`` → ``x_1``), Greek letters (``σ`` → ``sigma``), a bar
accent (``h̄`` → ``hbar``), braces (``{}`` → ``()``), a few LaTeX commands, and removes spaces.
It only rewrites text; nothing here interprets or runs it.
"""
from __future__ import annotations

import re
import unicodedata

SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵗᵀᵏ", "0123456789+-=()nitTk"))
SUBSCRIPTS = dict(zip("₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼ", "0123456789+-=()aeoxhklmnpstij"))

GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ϵ": "epsilon",
    "ζ": "zeta", "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda",
    "μ": "mu", "µ": "mu", "ν": "nu", "ξ": "xi", "π": "pi", "ρ": "rho", "σ": "sigma",
    "τ": "tau", "υ": "upsilon", "φ": "phi", "ϕ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
    "Δ": "Delta", "Σ": "Sigma",
}

SYMBOLS = {
    "×": "*", "·": "*", "⋅": "*", "∙": "*", "∗": "*", "•": "*", "・": "*", "÷": "/", "∕": "/",
    "−": "-", "‐": "-", "‑": "-", "–": "-", "—": "-", "ー": "-", "➖": "-",
    "′": "'", "’": "'", "‘": "'", "ʹ": "'", "∂": "d", "ħ": "hbar", "ℎ": "h",
    "{": "(", "}": ")", "【": "(", "】": ")", "〔": "(", "〕": ")",
}

LATEX = [
    (r"\\(?:left|right|,|;|!|quad)", ""),
    (r"\\(?:cdot|times|ast)", "*"),
    (r"\\(?:bar|overline)\(([A-Za-z])\)", r"\1bar"),
    (r"\\(?:ln|log|exp|tanh|sqrt|sigma|delta|mu|partial)(?![A-Za-z])",
     lambda m: {"\\partial": "d"}.get(m.group(0), m.group(0)[1:])),
]
FRAC = re.compile(r"\\[dt]?frac\(([^()]*)\)\(([^()]*)\)")
SUBSCRIPT_GROUP = re.compile(r"_\(([A-Za-z0-9]+)\)")


def _scripts(text: str) -> str:
    """``x²`` → ``x^(2)``, ``δᵗ⁻¹`` → ``δ^(t-1)``, ``x₁`` → ``x_1``, ``h̄`` → ``hbar``."""
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        table, lead = (SUPERSCRIPTS, "^") if ch in SUPERSCRIPTS else (SUBSCRIPTS, "_")
        if ch in table:
            j = i
            while j < len(text) and text[j] in table:
                j += 1
            run = "".join(table[c] for c in text[i:j])
            out.append(f"^({run})" if lead == "^" else f"_({run})")
            i = j
        elif ch in "\u0304\u0305":  # combining macron / overline
            out.append("bar")
            i += 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _latex(text: str) -> str:
    for _ in range(10):  # bounded: \frac groups without nested parentheses
        new = FRAC.sub(r"((\1)/(\2))", text)
        if new == text:
            break
        text = new
    for pattern, repl in LATEX:
        text = re.sub(pattern, repl, text)
    return text


def normalize_formula(text: str) -> str:
    """The plain ASCII spelling of a formula, spaces removed (see the module docstring)."""
    text = _scripts(text)
    text = unicodedata.normalize("NFKC", text)
    text = "".join(GREEK.get(c, SYMBOLS.get(c, c)) for c in text)
    text = "".join(c for c in text if not c.isspace())
    text = _latex(text)
    text = text.replace("**", "^")
    return SUBSCRIPT_GROUP.sub(r"_\1", text)


WORD_SYMBOLS = {k: v for k, v in SYMBOLS.items() if k not in "ー・"}  # ゲート keeps its ー
WORD_MARKS = re.compile(r"[\s・、。,.，「」『』\"'`_\-:;!?！？]")


def fold_word_char(ch: str) -> str:
    """One character of NFKC text as compared in words: case-folded, operators unified,
    marks and spaces dropped (``""``); the long-vowel mark ``ー`` is kept."""
    ch = WORD_SYMBOLS.get(ch, ch).casefold()
    return "" if WORD_MARKS.fullmatch(ch) else ch


def normalize_words(text: str) -> str:
    """A word or short phrase reduced for comparison: NFKC, case-folded, no spaces or marks."""
    return "".join(fold_word_char(c) for c in unicodedata.normalize("NFKC", text))
