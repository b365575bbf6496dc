"""Reading a choice number: ``3``, ``(3)``, ``［3］``, ``③``, ``3番``, ``選択肢3``, ``3です``,
``答えは(3)``, ``option 3``.  Only the number is taken; any other text means "not a label"."""
from __future__ import annotations

import re
import unicodedata

LABEL = re.compile(
    r"(?:答えは|こたえは|正解は|解答は|選択肢|せんたくし|answer(?:is)?:?|option|choice|no\.?|number)?"
    r"(?:\((?P<a>[0-9])\)|\[(?P<b>[0-9])\]|(?P<c>[0-9]))"
    r"(?:番目?|ばん(?:め)?|つ目)?(?:です|だ|でしょう)?[.。]?")


def read_label(answer: str) -> int | None:
    """The choice number an answer is written as, or None (see the module docstring)."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", answer)).casefold()
    found = LABEL.fullmatch(text)
    if not found:
        return None
    return int(found.group("a") or found.group("b") or found.group("c"))
