"""What every check that calls a learner function shares: drawing cases, describing one,
and the problems common to all calls (missing, raised, inputs modified)."""
from __future__ import annotations

from typing import Callable, Iterable, Sequence

import numpy as np

from rnn_grader.engine.compare import same_input
from rnn_grader.engine.declaration import Call, Check, Outcome, call_problem
from rnn_grader.messages import Text, msg


SHOWN_ENTRIES = 6   # arrays this small are shown by value, larger ones by shape


def describe_case(names: Sequence[str], args: tuple) -> str:
    """``grad: shape (3, 4), threshold=1.5`` -- small arrays by value, larger ones by shape,
    the rest by value."""
    parts = []
    for name, value in zip(names, args):
        if isinstance(value, np.ndarray) and 0 < value.size <= SHOWN_ENTRIES and value.dtype.kind in "biuf":
            parts.append(f"{name}={entries(value)}")
        elif isinstance(value, np.ndarray):
            parts.append(f"{name}: shape {value.shape}")
        elif isinstance(value, (list, tuple)) and len(value) > 6:
            parts.append(f"{name}: {type(value).__name__} of {len(value)}")
        elif isinstance(value, float):
            parts.append(f"{name}={value:.4g}")
        else:
            text = repr(value)
            parts.append(f"{name}={text if len(text) < 40 else text[:37] + '...'}")
    return ", ".join(parts)


def entries(array: np.ndarray) -> str:
    """A small array by value, 4 significant digits: ``[[0.1235, -1.5], [2, 0]]``."""
    if array.ndim == 0:
        value = array.item()
        return f"{value:.4g}" if isinstance(value, float) else str(value)
    return "[" + ", ".join(entries(row) for row in array) + "]"


class CallingCheck(Check):
    """Draw input tuples with ``inputs(rng)``, call ``function`` on each, judge case by case."""

    PREPARE_ONLY = ("inputs",)

    def __init__(self, name, *, points, title, function: str, inputs: Callable[..., Iterable],
                 arg_names: Sequence[str]):
        super().__init__(name, points=points, title=title)
        self.function, self.inputs, self.arg_names = function, inputs, list(arg_names)

    def draw(self, rng) -> list[tuple]:
        return [tuple(args) for args in self.inputs(rng)]

    def case_text(self, call: Call) -> Text:
        return msg("case.with", function=self.function, case=describe_case(self.arg_names, call.args))

    def common_problem(self, call: Call, outcome: Outcome) -> Text | None:
        """A call that raised, was missing, or changed its inputs."""
        if outcome.error is not None and "read-only" in outcome.error:   # inputs are passed read-only
            return msg("call.modified_input_readonly", function=self.function, error=outcome.error.split(": ")[-1])
        problem = call_problem(outcome, self.function)
        if problem is not None:
            return problem
        after = outcome.args_after[0] if isinstance(outcome.args_after, (list, tuple)) else None
        for name, before, changed in zip(self.arg_names, call.args, after or call.args):
            if not same_input(before, changed):
                return msg("call.modified_input", function=self.function, name=name)
        return None
