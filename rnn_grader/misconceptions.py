"""A misconception's short title, for summaries: the instructor's cohort table and the
learner's progress lines (so it lives outside ``cohort/``, which the learner kit lacks)."""
from __future__ import annotations

import re

from rnn_grader.messages import Text


def find_misconception(exercise, name: str):
    """The Misconception called ``name`` in the exercise's checks (None when unknown)."""
    for check in exercise.checks:
        for wrong in getattr(check, "misconceptions", []):
            if wrong.name == name:
                return wrong
    return None


def first_sentence(text: str, limit: int = 90) -> str:
    """Up to the first sentence end (``. `` ``: `` ``。`` ``：``), at most ``limit`` characters."""
    head = re.split(r"(?<=。)|(?<=：)|[.:](?=\s)", text.strip(), maxsplit=1)[0].rstrip("：")
    return head if len(head) <= limit else head[:limit - 1] + "…"


def misconception_headline(exercise, name: str) -> Text | None:
    """A misconception's short title: its ``title`` when it declares one, else the first
    sentence of its explanation."""
    wrong = find_misconception(exercise, name)
    if wrong is None:
        return None
    title = getattr(wrong, "title", None)
    if isinstance(title, Text):
        return title
    parts = {lang: first_sentence(wrong.explanation.render(lang)).replace("{", "{{").replace("}", "}}")
             for lang in ("en", "ja")}
    return Text(en=parts["en"] or name, ja=parts["ja"] or name)
