"""Derivation quizzes (``grade quiz``): items as data, a safe formula reader, sympy judging.

Public API::

    list_items() -> list[Item]                  # .id, .question (Text), .kind
    check_answer(item_id, answer) -> QuizResult # .id, .correct, .interpreted_as, .message,
                                                # .to_json(lang)
    UnknownQuiz                                 # raised by check_answer for an unknown id

See ``reader.py`` for how an answer is read (and what is refused), ``judge.py`` for how
equality is decided, ``items.py`` for the data format of ``quizzes/*.toml``.
"""
from rnn_grader.quiz.check import check_answer, list_items
from rnn_grader.quiz.errors import Refused, UnknownQuiz
from rnn_grader.quiz.items import Item
from rnn_grader.quiz.outcome import QuizResult

__all__ = ["check_answer", "list_items", "Item", "QuizResult", "UnknownQuiz", "Refused"]
