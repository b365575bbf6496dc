"""What an exercise declares: its functions, its checks and the misconceptions to name.

A declaration module (``rnn_grader/declarations/<name>.py``) builds one ``Exercise``:

    EXERCISE = Exercise("gradient_clipping", Text(en=..., ja=...), checks=[
        ValueCheck("above_threshold", points=3, title=Text(...), function="gradient_clipping",
                   inputs=draw_inputs, reference=solution.gradient_clipping,
                   misconceptions=[Misconception("divide_by_norm", formula, Text(...))]),
    ])

A check is prepared once per seed (``prepare`` draws inputs and computes what it expects,
in the grader's process), which yields the ``Call``s to run in the sandbox; ``judge``
then turns the sandbox's ``Outcome`` for each call into a fraction of the points and
bilingual messages.  The engine knows nothing else about an exercise.
"""
from __future__ import annotations

import copy
import inspect
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from rnn_grader.engine.lines import where
from rnn_grader.messages import Text, msg


@dataclass(frozen=True)
class Call:
    """One call of a learner function, with plain-data arguments.

    ``errstate`` (optional): numpy's handling of overflow, division by zero and invalid
    operations during the call, e.g. ``"raise"`` to turn an overflow warning into a
    ``FloatingPointError`` the check can see (underflow is never an error)."""

    function: str
    args: tuple
    kwargs: dict = field(default_factory=dict)
    errstate: str | None = None

    def to_plain(self) -> dict:
        plain = {"function": self.function, "args": tuple(self.args), "kwargs": dict(self.kwargs)}
        if self.errstate is not None:
            plain["errstate"] = self.errstate
        return plain


@dataclass
class Outcome:
    """What one call gave back: a value, an exception, or a missing function."""

    value: Any = None
    error: str | None = None
    line: int | None = None
    missing: bool = False
    memory: bool = False
    args_after: Any = None

    @property
    def ok(self) -> bool:
        return self.error is None and not self.missing


@dataclass(frozen=True)
class Misconception:
    """A known wrong answer that a check can name: its explanation, and how it is recognized.

    ``formula`` (same signature as the learner's function) computes the wrong value on the
    grader's side when the check is prepared; a misconception recognized by its structure
    instead (a property that returns it, a catch-all) has no formula (None).  ``match(got,
    wrong)`` replaces the check's own comparison for this misconception (e.g. NaN where the
    unstable formula has NaN); both must be functions of ``rnn_grader.engine``."""

    name: str
    formula: Callable | None
    explanation: Text
    match: Callable | None = None


@dataclass
class Prepared:
    """A check made ready for one seed: the calls to run and what the judge needs.

    ``later``: calls run only when the judge asks for them (``Verdict.wants_later``), in a
    second round after the first judgement: evidence that explains a mistake, never needed
    for a right answer (e.g. the learner's forward at every ``± h``).  Their outcomes come
    after those of ``calls``; they refine the messages, never the score."""

    calls: list[Call]
    expected: list = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    wrong: list = field(default_factory=list)   # per call: the misconceptions' values (matching.py)
    later: list[Call] = field(default_factory=list)


@dataclass
class Verdict:
    """A check's result: the fraction of its points earned and what to tell the learner."""

    fraction: float
    messages: list[Text] = field(default_factory=list)
    misconception: str | None = None
    wants_later: bool = False   # judged without ``Prepared.later``'s outcomes, which would say more


class Check:
    """Base class: ``prepare(rng)`` once per seed, ``judge(prepared, outcomes)`` per submission.

    ``prepare`` may use the reference and the misconceptions' formulas (the instructor's side);
    ``judge`` uses only the ``Prepared`` data and the check's other attributes, so a check can
    be shipped to learners without its ``PREPARE_ONLY`` attributes (``bank.py``).
    ``misconceptions`` lists every misconception the check can name."""

    PREPARE_ONLY: tuple[str, ...] = ()

    def __init__(self, name: str, *, points: float, title: Text):
        assert points > 0, "every check is worth something"
        self.name, self.points, self.title = name, float(points), title
        self.misconceptions: list[Misconception] = []

    def prepare(self, rng) -> Prepared:
        raise NotImplementedError

    def judge(self, prepared: Prepared, outcomes: Sequence[Outcome]) -> Verdict:
        raise NotImplementedError


def copy_args(args: Iterable) -> tuple:
    """Fresh copies of the arguments, so that nothing the grader computes can alter them."""
    return tuple(fresh_copy(a) for a in args)


def fresh_copy(value):
    """A copy of plain data: arrays copied, containers rebuilt, immutable values shared."""
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, (list, tuple)):
        return type(value)(fresh_copy(v) for v in value) if type(value) in (list, tuple) else copy.deepcopy(value)
    if isinstance(value, dict):
        return {k: fresh_copy(v) for k, v in value.items()} if type(value) is dict else copy.deepcopy(value)
    if value is None or isinstance(value, (bool, int, float, complex, str, bytes, np.generic)):
        return value
    return copy.deepcopy(value)


def argument_names(function: Callable) -> list[str]:
    return list(inspect.signature(function).parameters)


def call_problem(outcome: Outcome, function: str) -> Text | None:
    """The message for a call that did not return (or None when it did)."""
    if outcome.missing:
        return msg("call.missing_function", function=function)
    if outcome.memory:
        return msg("call.memory", function=function)
    if outcome.error is not None:
        return msg("call.raised", function=function, error=outcome.error).format(where=where(outcome.line))
    return None


@dataclass
class Exercise:
    """An exercise: its name (= module name), title, required functions and checks.

    ``practice_bank`` is set in the learner kit only: the prepared practice sets that stand
    in for live preparation there (``bank.py``).  ``wall_seconds``: the exercise's own time
    limit in the sandbox (e.g. one that trains a network), at least the run's own limit there
    (``grading.limits_for``); None keeps the run's limit."""

    name: str
    title: Text
    checks: list[Check]
    functions: list[str] = field(default_factory=list)
    wall_seconds: float | None = None
    practice_bank: Any = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self):
        names = [c.name for c in self.checks]
        assert len(names) == len(set(names)), f"{self.name}: check names must be unique"
        if not self.functions:
            self.functions = sorted({getattr(c, "function", None) for c in self.checks} - {None})

    @property
    def max_score(self) -> float:
        return sum(c.points for c in self.checks)
