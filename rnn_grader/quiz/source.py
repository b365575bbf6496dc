"""Where ``grade quiz`` takes its items from.

* ``ClearQuiz``: the quiz data (``quizzes/*.toml``), on the instructor's side and in the
  repository;
* ``SealedQuiz`` (``sealed.py``): the sealed items file ``rnn_grader/quiz_items.json`` that
  ``grade release`` writes into the learner kit, which has no quiz data.

Both give ``entries()`` (``(id, kind, question)`` in course order), ``question(id)`` and
``check(id, answer) -> QuizResult``; an unknown id raises ``UnknownQuiz``.
"""
from __future__ import annotations

import json
from pathlib import Path

from rnn_grader.messages import Text

SEALED_FILE = "quiz_items.json"


class ClearQuiz:
    """The items of the quiz data."""

    def entries(self) -> list[tuple[str, str, Text]]:
        from rnn_grader.quiz.check import list_items

        return [(item.id, item.kind, item.question) for item in list_items()]

    def question(self, item_id: str) -> tuple[str, Text]:
        from rnn_grader.quiz.check import get_item

        item = get_item(item_id)
        return item.kind, item.question

    def check(self, item_id: str, answer: str):
        from rnn_grader.quiz.check import check_answer

        return check_answer(item_id, answer)


def sealed_path() -> Path:
    import rnn_grader

    return Path(rnn_grader.__file__).resolve().parent / SEALED_FILE


def quiz_source():
    """The quiz data when it is there, else the kit's sealed items (if any)."""
    from rnn_grader.quiz.items import _data_files

    if not _data_files() and sealed_path().is_file():
        from rnn_grader.quiz.sealed import SealedQuiz

        return SealedQuiz(json.loads(sealed_path().read_text(encoding="utf-8")))
    return ClearQuiz()
