"""Making a learner's free-text answer safe to read: characters, length, sentences.

``clean(answer)`` returns the text the analyzer reads and what was done to it:

* control and format characters (NUL, escape sequences, zero-width marks, bidi overrides)
  are dropped; tabs and line breaks become spaces or sentence ends;
* NFKC folds full-width letters and digits, half-width katakana and compatibility forms;
  the many dashes and arrows are given one spelling each;
* an answer longer than ``MAX_CHARS`` characters is cut there (and the learner is told).

``sentences(text)`` splits at 。．.!?！？; and line ends (not inside ``t-1.5`` or ``e.g.``).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_CHARS = 800
DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−－﹣"), "-")
ARROWS = dict.fromkeys(map(ord, "→⇒⟶➡⇨"), " → ")
SENTENCE_END = re.compile(r"[。！？!?;；\n]+|(?<![A-Za-z0-9]\.[A-Za-z])(?<=[^\s.])\.(?=\s|$)")
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Cleaned:
    """``text``: what is read; ``cut``: the answer was longer than MAX_CHARS;
    ``controls``: control or format characters were removed."""

    text: str
    cut: bool
    controls: bool


def _drop_controls(text: str) -> tuple[str, bool]:
    kept, dropped = [], False
    for ch in text:
        if ch in "\n\r\t":
            kept.append("\n" if ch != "\t" else " ")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            dropped = True
        else:
            kept.append(ch)
    return "".join(kept), dropped


def clean(answer: str) -> Cleaned:
    """The answer as plain, normalized text of at most MAX_CHARS characters."""
    text, controls = _drop_controls(answer)
    cut = len(text) > MAX_CHARS
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS])
    text = text.translate(DASHES).translate(ARROWS)
    text = re.sub(r"[ \u3000]+", " ", text).strip()
    return Cleaned(text, cut, controls)


def sentences(text: str) -> list[str]:
    """The non-empty sentences of ``text``."""
    return [s.strip() for s in SENTENCE_END.split(text) if s and s.strip()]


def has_japanese(text: str) -> bool:
    """Whether ``text`` holds kana or kanji (then the morphological analyzer reads it)."""
    return bool(JAPANESE.search(text))
