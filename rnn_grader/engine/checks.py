"""The kinds of check an exercise can declare.

* ``ValueCheck``    -- call the learner's function on drawn inputs, compare with the reference,
                        name the misconception whose formula reproduces a wrong value.
* ``PropertyCheck`` -- call it and test a property of the result (orthogonality, ranges, ...).
* ``GradientCheck`` -- the function returns a dict of gradients; each is compared with central
                        differences of a trusted loss, and the message names the wrong ones.
"""
from __future__ import annotations

from typing import Callable, Iterable, Sequence

import numpy as np

from rnn_grader.engine.compare import GRADIENT_REL_TOL, compare_array, compare_value, numeric_gradients, rel_error, same_input
from rnn_grader.engine.declaration import (Call, Check, Misconception, Outcome, Prepared, Verdict,
                                       argument_names, call_problem, copy_args)
from rnn_grader.messages import Text, msg


def describe_case(names: Sequence[str], args: tuple) -> str:
    """``grad: (3, 4), threshold=1.5`` -- arrays by shape, the rest by value."""
    parts = []
    for name, value in zip(names, args):
        if isinstance(value, np.ndarray):
            parts.append(f"{name}: shape {value.shape}")
        elif isinstance(value, (list, tuple)) and len(value) > 6:
            parts.append(f"{name}: {type(value).__name__} of {len(value)}")
        elif isinstance(value, float):
            parts.append(f"{name}={value:.4g}")
        else:
            text = repr(value)
            parts.append(f"{name}={text if len(text) < 40 else text[:37] + '...'}")
    return ", ".join(parts)


class CallingCheck(Check):
    """Shared machinery: draw input tuples, call ``function`` on each, judge case by case."""

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
        problem = call_problem(outcome, self.function)
        if problem is not None:
            return problem
        after = outcome.args_after[0] if isinstance(outcome.args_after, (list, tuple)) else None
        for name, before, changed in zip(self.arg_names, call.args, after or call.args):
            if not same_input(before, changed):
                return msg("call.modified_input", function=self.function, name=name)
        return None


class ValueCheck(CallingCheck):
    """Compare with the reference on every drawn input; name a matching misconception."""

    def __init__(self, name, *, points, title, function, inputs, reference: Callable,
                 misconceptions: Sequence[Misconception] = (), compare=compare_value):
        super().__init__(name, points=points, title=title, function=function, inputs=inputs,
                         arg_names=argument_names(reference))
        self.reference, self.misconceptions, self.compare = reference, list(misconceptions), compare

    def prepare(self, rng) -> Prepared:
        cases = self.draw(rng)
        with np.errstate(all="ignore"):
            expected = [self.reference(*copy_args(args)) for args in cases]
        return Prepared([Call(self.function, args) for args in cases], expected)

    def judge(self, prepared, outcomes) -> Verdict:
        for call, outcome, expected in zip(prepared.calls, outcomes, prepared.expected):
            problem = self.common_problem(call, outcome) or self.compare(outcome.value, expected)
            if problem is None:
                continue
            if outcome.ok:
                for wrong in self.misconceptions:
                    if wrong.matches(call.args, outcome.value, expected):
                        return Verdict(0.0, [self.case_text(call), wrong.explanation], wrong.name)
            return Verdict(0.0, [self.case_text(call), problem])
        return Verdict(1.0)


class PropertyCheck(CallingCheck):
    """``prop(args, value) -> Text | None`` must hold for every drawn input."""

    def __init__(self, name, *, points, title, function, inputs, arg_names, prop: Callable):
        super().__init__(name, points=points, title=title, function=function, inputs=inputs,
                         arg_names=arg_names)
        self.prop = prop

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
            if problem is not None:
                return Verdict(0.0, [self.case_text(call), problem])
        return Verdict(1.0)


class GradientCheck(CallingCheck):
    """The function returns ``{key: gradient}``; each gradient is compared with central
    differences of ``loss(*args)`` w.r.t. the argument ``wrt[key]``.  Partial credit: the
    share of keys right on every case.  ``misconceptions`` formulas return whole dicts."""

    def __init__(self, name, *, points, title, function, inputs, loss: Callable, wrt: dict,
                 arg_names, misconceptions: Sequence[Misconception] = ()):
        super().__init__(name, points=points, title=title, function=function, inputs=inputs,
                         arg_names=arg_names)
        self.loss, self.wrt, self.misconceptions = loss, dict(wrt), list(misconceptions)

    def prepare(self, rng) -> Prepared:
        cases = self.draw(rng)
        return Prepared([Call(self.function, args) for args in cases],
                        [self.numeric_gradients(args) for args in cases])

    def numeric_gradients(self, args: tuple) -> dict:
        return numeric_gradients(self.loss, args, self.arg_names, self.wrt)

    def judge(self, prepared, outcomes) -> Verdict:
        wrong_keys: dict[str, Text] = {}
        for call, outcome, expected in zip(prepared.calls, outcomes, prepared.expected):
            problem = self.common_problem(call, outcome)
            if problem is None and not isinstance(outcome.value, dict):
                problem = msg("compare.type", got=type(outcome.value).__name__, expected="dict")
            if problem is not None:
                return Verdict(0.0, [self.case_text(call), problem])
            for key, numeric in expected.items():
                reason = self.key_problem(outcome.value.get(key), numeric)
                if reason and key not in wrong_keys:
                    wrong_keys[key] = reason
            if wrong_keys:
                named = self.named_misconception(call, outcome, expected)
                if named is not None:
                    return Verdict(0.0, [self.case_text(call), named.explanation], named.name)
                break
        if not wrong_keys:
            return Verdict(1.0)
        right = [k for k in self.wrt if k not in wrong_keys]
        messages = [self.case_text(call)] + [
            msg("gradient.wrong", key=key, detail=reason) for key, reason in wrong_keys.items()]
        if right:
            messages.append(msg("gradient.right", keys=", ".join(right)))
        return Verdict(len(right) / len(self.wrt), messages)

    @staticmethod
    def key_problem(got, numeric) -> Text | None:
        """Why the gradient ``got`` disagrees with the numeric one (None when it agrees)."""
        if got is None:
            return msg("gradient.missing_key")
        problem = compare_array(got, numeric)
        if problem is not None and isinstance(got, np.ndarray) and got.shape == numeric.shape \
                and got.dtype.kind == "f" and np.isfinite(got).all():
            error = rel_error(got, numeric)
            return None if error < GRADIENT_REL_TOL else msg("gradient.rel_error", error=f"{error:.1e}")
        return problem

    def named_misconception(self, call, outcome, expected) -> Misconception | None:
        for wrong in self.misconceptions:
            try:
                with np.errstate(all="ignore"):
                    values = wrong.formula(*copy_args(call.args))
                if all(self.key_problem(outcome.value.get(k), np.asarray(values[k])) is None for k in expected):
                    return wrong
            except Exception:
                continue
        return None
