"""``ValueCheck``: call the learner's function on drawn inputs, compare with the reference,
and name the misconception whose recorded value (or error) the learner reproduces."""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from rnn_grader.engine.checks.calling import CallingCheck
from rnn_grader.engine.compare import compare_value, first_difference
from rnn_grader.engine.declaration import Call, Misconception, Prepared, Verdict, argument_names, copy_args
from rnn_grader.engine.matching import lazy_wrong_values, singled_out
from rnn_grader.messages import Text, msg

SHAPE_ERROR_WORDS = ("shape", "aligned", "broadcast", "mismatch", "out of bounds", "dimension")
UNSTABLE_ERRORS = ("FloatingPointError", "OverflowError")


class ValueCheck(CallingCheck):
    """Compare with ``reference`` on every drawn input (``compare(got, expected)`` -> message
    or None); name a matching misconception.

    Options: ``errstate="raise"`` runs the calls with numpy's overflow/invalid/divide warnings
    raised as errors, and ``unstable`` (a misconception) is named for such an error;
    ``shape_hint`` is added when a call failed with a shape or index error that no
    misconception explains; ``time_major`` names the first index of a wrong array as the time
    step.  A misconception is named only when it explains every failing case; otherwise the
    smallest failing case is shown, with the first entry that differs."""

    PREPARE_ONLY = ("inputs", "reference")

    def __init__(self, name, *, points, title, function, inputs, reference: Callable,
                 misconceptions: Sequence[Misconception] = (), compare: Callable = compare_value,
                 errstate: str | None = None, unstable: Misconception | None = None,
                 shape_hint: Text | None = None, time_major: bool = False):
        super().__init__(name, points=points, title=title, function=function, inputs=inputs,
                         arg_names=argument_names(reference))
        self.reference, self.compare = reference, compare
        self.errstate, self.unstable, self.shape_hint = errstate, unstable, shape_hint
        self.time_major = time_major
        self.misconceptions = list(misconceptions) + ([unstable] if unstable else [])

    def prepare(self, rng) -> Prepared:
        cases = self.draw(rng)
        with np.errstate(all="ignore"):
            expected = [self.reference(*copy_args(args)) for args in cases]
        return Prepared([Call(self.function, args, errstate=self.errstate) for args in cases], expected,
                        wrong=lazy_wrong_values(self.misconceptions, cases))

    def same(self, got, wanted) -> bool:
        return self.compare(got, wanted) is None

    def judge(self, prepared, outcomes) -> Verdict:
        failures = []    # (case index, misconception values, outcome, expected, problem)
        for k, (call, outcome, expected) in enumerate(zip(prepared.calls, outcomes, prepared.expected)):
            if self.unstable is not None and (outcome.error or "").startswith(UNSTABLE_ERRORS):
                return Verdict(0.0, [self.case_text(call), msg("stability.raised", error=outcome.error),
                                     self.unstable.explanation], self.unstable.name)
            problem = self.common_problem(call, outcome) or self.compare(outcome.value, expected)
            if problem is not None:
                failures.append((k, prepared.wrong[k], outcome, expected, problem))
        if not failures:
            return Verdict(1.0)
        found = singled_out(self.misconceptions, [f[:4] for f in failures], self.same)
        if found is not None:
            wrong, k = found
            return Verdict(0.0, [self.case_text(prepared.calls[k]), wrong.explanation], wrong.name)
        k, _, outcome, expected, problem = min(failures, key=lambda f: case_size(prepared.calls[f[0]]))
        messages = [self.case_text(prepared.calls[k]), problem]
        detail = first_difference(outcome.value, expected, time_major=self.time_major) if outcome.ok else None
        if detail is not None:
            messages.append(detail)
        if self.shape_hint is not None and outcome.error and any(
                word in outcome.error.lower() for word in SHAPE_ERROR_WORDS):
            messages.append(self.shape_hint)
        return Verdict(0.0, messages)


def case_size(call: Call) -> int:
    """How large a case is (entries of its arguments): the smallest failing case is shown."""
    return sum(int(np.size(a)) if isinstance(a, (np.ndarray, list, tuple)) else 1 for a in call.args)
