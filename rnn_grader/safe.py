"""Untrusted text made safe for every output: the terminal, the CSV, the JSON and the HTML report.

A student's folder name, a quiz.json key or answer, a learner's printed output or exception
text may hold anything Unicode allows, and more: a bare carriage return (a new CSV row for
most readers), other control characters, bidirectional overrides (text that displays in
another order), and lone surrogates (not encodable as UTF-8: one of them made `--json` print
nothing).  ``safe_text`` replaces each such character by U+FFFD, so one student's odd name
cannot forge a row or cost the others their output.

    safe_text("alice\\r=1+1")    -> "alice\\ufffd=1+1"
    safe_data({"\\ud800": ["ok"]}) -> {"\\ufffd": ["ok"]}
"""
from __future__ import annotations

import re

UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"      # control characters (tab and newline kept for text)
    "\u2028\u2029"                       # line and paragraph separators
    "\u202a-\u202e\u2066-\u2069"         # bidirectional embeddings, overrides and isolates
    "\ud800-\udfff]")                    # lone surrogates
LINE_BREAKS = re.compile("[\t\n]")
REPLACEMENT = "\ufffd"


def safe_text(text: str, *, one_line: bool = False) -> str:
    """``text`` without the characters above (each becomes U+FFFD); ``one_line`` also
    replaces tab and newline (a name, an id, a CSV cell)."""
    text = UNSAFE.sub(REPLACEMENT, str(text))
    return LINE_BREAKS.sub(REPLACEMENT, text) if one_line else text


def safe_name(name: str) -> str:
    """A student's folder name or a quiz id as one line of safe text."""
    return safe_text(name, one_line=True)


def safe_data(value):
    """``value`` (JSON-like: dicts, lists, strings, numbers) with every string, keys
    included, passed through ``safe_text``."""
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, dict):
        return {safe_text(k) if isinstance(k, str) else k: safe_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [safe_data(v) for v in value]
    return value
