"""``PropertyCheck``: the result must have a property (orthogonal, in range, ...), for results
that have no single right value to compare with."""
from __future__ import annotations

from typing import Callable, Sequence

from rnn_grader.engine.checks.calling import CallingCheck
from rnn_grader.engine.declaration import Call, Misconception, Prepared, Verdict
from rnn_grader.messages import msg


class PropertyCheck(CallingCheck):
    """``prop(args, value)`` must return None for every drawn input; otherwise it returns a
    message (``Text``) or one of ``misconceptions`` (named, its explanation shown).

    ``prop`` needs no answer: it is shipped to learners with the kit, so it must live in
    ``rnn_grader.judges`` (see ``bank.py``)."""

    def __init__(self, name, *, points, title, function, inputs, arg_names, prop: Callable,
                 misconceptions: Sequence[Misconception] = ()):
        super().__init__(name, points=points, title=title, function=function, inputs=inputs,
                         arg_names=arg_names)
        self.prop = prop
        self.misconceptions = list(misconceptions)

    def prepare(self, rng) -> Prepared:
        return Prepared([Call(self.function, args) for args in self.draw(rng)])

    def judge(self, prepared, outcomes) -> Verdict:
        for call, outcome in zip(prepared.calls, outcomes):
            problem = self.common_problem(call, outcome)
            if problem is None:
                try:
                    problem = self.prop(call.args, outcome.value)
                except Exception as exc:  # a malformed value the property did not foresee
                    problem = msg("compare.unreadable", error=f"{type(exc).__name__}")
            if isinstance(problem, Misconception):
                return Verdict(0.0, [self.case_text(call), problem.explanation], problem.name)
            if problem is not None:
                return Verdict(0.0, [self.case_text(call), problem])
        return Verdict(1.0)


NamingPropertyCheck = PropertyCheck  # the former name: every property may name a misconception
