"""Exceptions of the quiz checker."""
from __future__ import annotations

from rnn_grader.messages import Text, msg


class UnknownQuiz(KeyError):
    """No quiz item has this id."""

    def __init__(self, item_id: str):
        super().__init__(item_id)
        self.item_id = item_id

    @property
    def message(self) -> Text:
        return msg("quiz.unknown_id", id=self.item_id)


class Refused(ValueError):
    """A learner's answer is not read: too long, not whitelisted, malformed, or too big.

    ``reason`` is a catalog message (``quiz.refused_*``) saying why.
    """

    def __init__(self, key: str, **params):
        self.reason: Text = msg(key, **params)
        self.key = key
        super().__init__(self.reason.render("en"))
