"""Wrapping mixed Japanese and English text to a terminal's width.

``textwrap`` counts characters and breaks only at spaces; a Japanese sentence has no
spaces and each of its characters takes two columns.  Here a line may break at a space
or between two wide (East Asian) characters, never before closing punctuation (``。``,
``、``, ``）``...) nor after opening punctuation (``（``, ``「``...); widths are display
cells as ``rich`` measures them.
"""
from __future__ import annotations

from rich.cells import cell_len

CLOSING = set("、。，．）」』】〕〉》｝］！？：；ー…・,.:;!?)]}")
OPENING = set("（「『【〔〈《｛［")


def tokens(text: str) -> list[str]:
    """Unbreakable pieces: runs of spaces, narrow words, single wide characters (closing
    punctuation glued to the piece before it, opening punctuation to the piece after it)."""
    out: list[str] = []
    glue_next = False
    for char in text:
        last = out[-1] if out else ""
        if char.isspace():
            joins = last[-1:].isspace()
        elif char in CLOSING and last and not last[-1:].isspace():
            joins = True
        elif glue_next:
            joins = True
        else:
            joins = cell_len(char) == 1 and last and cell_len(last[-1]) == 1 and not last[-1].isspace()
        if joins:
            out[-1] += char
        else:
            out.append(char)
        glue_next = char in OPENING
    return out


def wrap(text: str, width: int, indent: int = 0) -> list[str]:
    """``text`` as lines of at most ``width`` cells, each starting with ``indent`` spaces
    (its own line breaks are kept)."""
    lines: list[str] = []
    room = max(10, width - indent)
    for paragraph in text.splitlines() or [""]:
        lines.extend(" " * indent + line for line in fill(tokens(paragraph), room))
    return lines


def fill(pieces: list[str], room: int) -> list[str]:
    """Greedy filling; a piece wider than a whole line is cut by characters."""
    lines, line = [], ""
    for piece in pieces:
        if piece.isspace():
            line += piece if line else ""
            continue
        if cell_len(line) + cell_len(piece) <= room or not line.strip():
            line += piece
        else:
            lines.append(line.rstrip())
            line = piece
        while cell_len(line) > room:
            head = cut(line, room)
            while len(head) > 1 and line[len(head)] in CLOSING:  # no line starts with "。"
                head = head[:-1]
            lines.append(head)
            line = line[len(head):]
    lines.append(line.rstrip())
    return lines


def cut(text: str, room: int) -> str:
    """The longest prefix of ``text`` that fits in ``room`` cells (at least one character)."""
    width, end = 0, 0
    for end, char in enumerate(text):
        width += cell_len(char)
        if width > room:
            return text[:max(1, end)]
    return text
