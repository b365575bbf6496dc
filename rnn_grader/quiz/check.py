"""The public entry points: ``list_items``, ``get_item``, ``check_answer``, ``check_answers``.

Every answer that involves sympy is judged in a forked child bounded in time and memory
(``bounded.py``); a batch (one student's quiz.json) shares one child.  An answer over a bound
is refused.  Words, sizes and matrices are read with linear regular expressions from an answer
of at most ``reader.MAX_LENGTH`` characters: they are judged in this process.
"""
from __future__ import annotations

from rnn_grader.messages import msg
from rnn_grader.quiz import bounded
from rnn_grader.quiz.errors import Refused, UnknownQuiz
from rnn_grader.quiz.items import Item, load_items
from rnn_grader.quiz.kinds import CHECKERS, prepare
from rnn_grader.quiz.outcome import Outcome, QuizResult, refused_note
from rnn_grader.quiz.reader import echo

SHOWN_LENGTH = 60
PLAIN_KINDS = ("word", "size", "matrix")  # no sympy; linear in the (capped) answer: judged here


class QuizFailure(RuntimeError):
    """The checker itself failed on one answer (a grader bug, not the learner's doing)."""


def list_items() -> list[Item]:
    """Every quiz item, in course order."""
    return list(load_items().values())


def get_item(item_id: str) -> Item:
    items = load_items()
    if item_id not in items:
        raise UnknownQuiz(item_id)
    return items[item_id]


def refused_outcome(answer: str, reason) -> Outcome:
    """An answer that was not read: echoed (shortened, escaped), with the reason."""
    return Outcome(False, echo(answer, SHOWN_LENGTH), (refused_note(reason),), refused=True)


def over_bound(answer: str) -> Outcome:
    return refused_outcome(answer, msg("quiz.refused_costly", seconds=bounded.SECONDS,
                                       megabytes=bounded.MEMORY_BYTES // 2 ** 20))


def judge(job: tuple) -> Outcome:
    """One ``(item, answer)`` judged by its kind's checker; a ``Refused`` answer is refused."""
    item, answer = job
    try:
        return CHECKERS[item.kind](item, answer)
    except Refused as refusal:
        return refused_outcome(answer, refusal.reason)


def check_answers(pairs) -> list:
    """Each ``(item_id, answer)`` checked, in order: a ``QuizResult``, or an exception
    (``UnknownQuiz`` for an unknown id, ``QuizFailure`` when the checker failed)."""
    pairs = list(pairs)
    results: list = [None] * len(pairs)
    jobs, where = [], []
    for index, (item_id, answer) in enumerate(pairs):
        try:
            item = get_item(item_id)
        except UnknownQuiz as unknown:
            results[index] = unknown
            continue
        prepare(item)
        jobs.append((item, answer))
        where.append(index)
    outcomes = bounded.run_bounded(judge, jobs, needs_child=lambda job: job[0].kind not in PLAIN_KINDS)
    for index, (item, answer), outcome in zip(where, jobs, outcomes):
        results[index] = _result(item, answer, outcome)
    return results


def _result(item: Item, answer: str, outcome):
    if outcome is bounded.OVERRUN:
        outcome = over_bound(answer)
    if isinstance(outcome, bounded.Failed):
        return QuizFailure(f"{outcome.error}: {outcome.text}")
    return QuizResult.from_outcome(item.id, outcome)


def check_answer(item_id: str, answer: str) -> QuizResult:
    """Check ``answer`` for quiz ``item_id``; raises ``UnknownQuiz`` for an unknown id.

    A refused answer (unreadable, not whitelisted, too large, over the time or memory bound)
    has ``refused`` set and a message that says why; ``interpreted_as`` then shows the
    (shortened, escaped) text that was refused.
    """
    result = check_answers([(item_id, answer)])[0]
    if isinstance(result, Exception):
        raise result
    return result
