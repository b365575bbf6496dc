"""``SeedDependenceCheck``: a function that draws from a ``numpy.random.Generator`` must
depend on the generator and on nothing else random."""
from __future__ import annotations

from typing import Sequence

from rnn_grader.engine.checks.calling import CallingCheck
from rnn_grader.engine.compare import equal, is_empty
from rnn_grader.engine.declaration import Call, Misconception, Prepared, Verdict
from rnn_grader.engine.matching import lazy_wrong_values, named
from rnn_grader.messages import Text, msg
from rnn_grader.sandbox.plain import Rng

SAME_SEED_DIFFERS = Text(
    en="two calls with the same generator state (the same seed) gave different results.",
    ja="同じ状態の乱数生成器（同じシード）で 2 回呼び出したのに、結果が異なりました。")
SEEDS_IGNORED = Text(
    en="calls with two different seeds gave the same result.",
    ja="異なる 2 つのシードで呼び出したのに、同じ結果になりました。")


class SeedDependenceCheck(CallingCheck):
    """``inputs(rng)`` yields ``(args, seed_a, seed_b)``; the learner's function is called as
    ``function(*args, Rng(seed_a))`` twice and ``function(*args, Rng(seed_b))`` once (``Rng``
    becomes ``numpy.random.default_rng(seed)`` in the learner's process).  The first two
    results must be equal, the third different.  ``unrepeatable`` is named when the same seed
    gives different results; when two seeds give the same result, the first of ``constant``
    whose formula (same signature as the function) gives that result is named, else the last
    one of ``constant`` (a catch-all without a formula)."""

    def __init__(self, name, *, points, title, function, inputs, arg_names,
                 unrepeatable: Misconception, constant: Sequence[Misconception]):
        super().__init__(name, points=points, title=title, function=function, inputs=inputs,
                         arg_names=arg_names)
        assert constant and constant[-1].formula is None, "the last of constant is the catch-all"
        self.unrepeatable, self.constant = unrepeatable, list(constant)
        self.misconceptions = [unrepeatable, *self.constant]

    def prepare(self, rng) -> Prepared:
        calls = []
        for args, seed_a, seed_b in self.inputs(rng):
            for seed in (seed_a, seed_a, seed_b):
                calls.append(Call(self.function, (*tuple(args), Rng(seed))))
        return Prepared(calls, wrong=lazy_wrong_values(self.constant, [call.args for call in calls]))

    def judge(self, prepared, outcomes) -> Verdict:
        for start in range(0, len(prepared.calls), 3):
            trio = list(zip(prepared.calls[start:start + 3], outcomes[start:start + 3]))
            for call, outcome in trio:
                problem = self.common_problem(call, outcome)
                if problem is None and is_empty(outcome.value):
                    problem = msg("compare.none")
                if problem is not None:
                    return Verdict(0.0, [self.case_text(call), problem])
            (call, first), (_, again), (other_call, other) = trio
            if not equal(first.value, again.value):
                return Verdict(0.0, [self.case_text(call), SAME_SEED_DIFFERS, self.unrepeatable.explanation],
                               self.unrepeatable.name)
            if equal(first.value, other.value):
                wrong = named(self.constant, prepared.wrong[start + 2], other, None, equal) or self.constant[-1]
                return Verdict(0.0, [self.case_text(other_call), SEEDS_IGNORED, wrong.explanation], wrong.name)
        return Verdict(1.0)
