"""Size answers: ``3`` (square), ``3x3``, ``3×3``, ``3*3``, ``(3, 3)``."""
from __future__ import annotations

import re
import unicodedata

from rnn_grader.messages import msg
from rnn_grader.quiz.errors import Refused
from rnn_grader.quiz.items import Item
from rnn_grader.quiz.outcome import Outcome
from rnn_grader.quiz.reader import check_raw

SIZE = re.compile(r"(?P<open>[(\[]?)(\d{1,6})(?:[x*,](\d{1,6}))?(?P<close>[)\]]?)")
PAIRS = {"": "", "(": ")", "[": "]"}


def read_size(answer: str) -> tuple[int, int]:
    """``(rows, cols)`` of a size answer; ``Refused`` when it is not one."""
    check_raw(answer)
    text = unicodedata.normalize("NFKC", answer).lower()
    text = re.sub(r"\s+", "", text.replace("×", "x").replace("·", "*").replace("・", "*"))
    found = SIZE.fullmatch(text)
    if not found or PAIRS[found.group("open")] != found.group("close"):
        raise Refused("quiz.refused_size")
    rows = int(found.group(2))
    return rows, int(found.group(3) or rows)


def check(item: Item, answer: str) -> Outcome:
    """Right when the size equals the item's ``answer = [rows, cols]``."""
    size = read_size(answer)
    shown = f"{size[0]}×{size[1]}"
    if size == tuple(item.answer):
        return Outcome(True, shown)
    for wrong in item.wrong:
        if size in {read_size(a) for a in wrong.answers}:
            return Outcome(False, shown, (wrong.hint,))
    return Outcome(False, shown, (item.hint or msg("quiz.size_hint"),))
