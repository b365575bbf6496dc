"""Matrix answers: ``[[0,2,1,3],[4,6,5,7]]``, ``[0 2 1 3; 4 6 5 7]``, one row per line, ...

Only digits, signs, decimal points, brackets, commas, semicolons and spaces are read; an
optional ``np.array(...)`` wrapper is dropped.  At most ``MAX_CELLS`` numbers.
"""
from __future__ import annotations

import re
import unicodedata

from rnn_grader.messages import msg
from rnn_grader.quiz.errors import Refused
from rnn_grader.quiz.items import Item
from rnn_grader.quiz.outcome import Outcome
from rnn_grader.quiz.reader import check_raw

MAX_CELLS = 400
WRAPPER = re.compile(r"^(?:np\.|numpy\.)?(?:array|matrix)\((.*)\)$", re.S)
ALLOWED = re.compile(r"[\d\s\-+.,;\[\]()]*")
ENTRY = re.compile(r"[-+]?\d{1,9}(?:\.\d{1,9})?")


PAIRS = {"[": "]", "(": ")"}
NESTED = re.compile(r"[\[(]\s*(?:[\[(][^\[\]()]*[\])]\s*,?\s*)+[\])]")


def _depth(text: str) -> int:
    """The bracket depth of ``text``; ``Refused`` unless brackets pair up (``[`` with ``]``,
    ``(`` with ``)``) and nest at most two deep."""
    stack, deepest = [], 0
    for ch in text:
        if ch in PAIRS:
            stack.append(PAIRS[ch])
            deepest = max(deepest, len(stack))
        elif ch in ")]" and (not stack or stack.pop() != ch):
            raise Refused("quiz.refused_matrix")
    if stack or deepest > 2:
        raise Refused("quiz.refused_matrix")
    return deepest


def _rows(text: str) -> list[str]:
    """The text of each row: ``[[..], [..]]`` (two levels, nothing between the rows but
    commas), or ``[.. ; ..]`` / lines (one level at most, around the whole matrix)."""
    text = text.strip()
    depth = _depth(text)
    if depth == 2:
        if not NESTED.fullmatch(text):
            raise Refused("quiz.refused_matrix")
        return re.findall(r"[\[(]([^\[\]()]*)[\])]", text)
    if depth == 1:
        if text[0] not in PAIRS or text[-1] != PAIRS[text[0]]:
            raise Refused("quiz.refused_matrix")
        text = text[1:-1]
    return [row for row in re.split(r"[;\n]", text) if row.strip()]


def read_matrix(answer: str) -> tuple[tuple[float, ...], ...]:
    """The rows of a matrix answer; ``Refused`` when it is not a well-formed rectangular matrix."""
    check_raw(answer)
    text = unicodedata.normalize("NFKC", answer).strip()
    text = WRAPPER.sub(r"\1", text.replace("−", "-"))
    if not ALLOWED.fullmatch(text) or len(ENTRY.findall(text)) > MAX_CELLS:
        raise Refused("quiz.refused_matrix")
    rows = []
    for row in _rows(text):
        entries = [e for e in re.split(r"[,\s]+", row.strip()) if e]
        if not entries or not all(ENTRY.fullmatch(e) for e in entries):
            raise Refused("quiz.refused_matrix")
        rows.append(tuple(float(e) for e in entries))
    if not rows or len({len(r) for r in rows}) != 1:
        raise Refused("quiz.refused_matrix")
    return tuple(rows)


def show(rows) -> str:
    return "[" + ", ".join("[" + ", ".join(f"{v:g}" for v in row) + "]" for row in rows) + "]"


def _transpose(rows):
    return tuple(zip(*rows))


def check(item: Item, answer: str) -> Outcome:
    """Right when the matrix equals the item's ``answer`` (or its transpose, if accepted)."""
    given = read_matrix(answer)
    expected = tuple(tuple(float(v) for v in row) for row in item.answer)
    if given == expected:
        return Outcome(True, show(given))
    if item.accept_transpose and given == _transpose(expected):
        return Outcome(True, show(given), (msg("quiz.transpose_note"),))
    for wrong in item.wrong:
        if given in {read_matrix(a) for a in wrong.answers}:
            return Outcome(False, show(given), (wrong.hint,))
    return Outcome(False, show(given), (item.hint or msg("quiz.matrix_hint"),))
