"""Free-text confirmation tests (記述式): a sentence or two, graded against rubric points.

    check(item, "GRU のほうがパラメータが少なく…") -> Outcome   (kind = "freetext")

Rooms: ``clean.py`` (characters, length, sentences), ``analyzer.py`` (SudachiPy for
Japanese, a small English reader), ``lexicon.py`` + ``lexicon.toml`` (concepts and their
words), ``units.py`` (who is said to be what: subjects, comparisons, negation), ``rubric.py``
(the points as data), ``match.py`` (claims against units), ``grade.py`` (score, review,
feedback).  A point is a statement, not a keyword: negated, reversed or misattributed
statements are not credited, and an answer the checker is unsure of is flagged for review.
"""
from __future__ import annotations


def check(item, answer: str):
    """The ``Outcome`` of a free-text answer to ``item`` (its ``rubric`` holds the points)."""
    from rnn_grader.quiz.freetext.grade import outcome

    return outcome(item.rubric, answer)


def prepare(item) -> None:
    """Load the analyzer and compile the item's lexicon in this process (forked judging
    children then inherit them instead of loading them again)."""
    from rnn_grader.quiz.freetext.analyzer import load_tokenizer
    from rnn_grader.quiz.freetext.grade import lexicon_for

    load_tokenizer()
    lexicon_for(item.rubric)
