"""Derivation quizzes (``grade quiz``): items as data, a safe formula reader, sympy judging.

Public API::

    list_items() -> list[Item]                  # .id, .question (Text), .kind
    check_answer(item_id, answer) -> QuizResult # .id, .correct, .interpreted_as, .message,
                                                # .refused, .to_json(lang)
    check_answers([(item_id, answer), ...])     # a batch in one bounded child: QuizResult or
                                                # an exception (UnknownQuiz, QuizFailure) each
    UnknownQuiz                                 # raised by check_answer for an unknown id

See ``reader.py`` for how an answer is read (and what is refused), ``judge.py`` for how
equality is decided, ``bounded.py`` for the time and memory bounds of judging, ``items.py``
for the data format of ``quizzes/*.toml``, ``sealed.py`` for the learner kit's items
(``seal_all``, ``check_sealed``: judged without any answer in the clear) and ``source.py``
for which of the two ``grade quiz`` uses.
"""
from rnn_grader.quiz.check import QuizFailure, check_answer, check_answers, list_items
from rnn_grader.quiz.errors import Refused, UnknownQuiz
from rnn_grader.quiz.items import Item
from rnn_grader.quiz.outcome import QuizResult

__all__ = ["check_answer", "check_answers", "QuizFailure", "list_items", "Item", "QuizResult",
           "UnknownQuiz", "Refused"]
