"""Checks that compare a learner's outputs with each other, not only with the reference.

* ``ConsistentGradientCheck`` -- a forward function and its gradient function (``lstm_step`` /
  ``lstm_step_grads``).  The score is the share of gradient keys that agree with central
  differences of the *reference* forward (as in ``GradientCheck``).  The learner's *own*
  forward is also run at ``± h`` around one case, so that the message can tell "your forward is
  right; your ``dWh`` is wrong" from "your gradients match your own forward, but that forward
  is wrong (gates in the wrong order)".
* ``SeedDependenceCheck`` -- a function that draws from a ``numpy.random.Generator``: called with
  the same seed twice and a different seed once, it must repeat itself and then change.
* ``NamingPropertyCheck`` -- a ``PropertyCheck`` whose property may answer with a
  ``Misconception`` it recognized in the learner's value (for results that have no single
  right value to compare with, such as random matrices and samples).
"""
from __future__ import annotations

from typing import Callable, Iterable, Sequence

import numpy as np

from rnn_grader.engine.checks import CallingCheck, GradientCheck, PropertyCheck
from rnn_grader.engine.compare import NUMERIC_STEP, compare_value, numeric_gradients
from rnn_grader.engine.declaration import Call, Misconception, Outcome, Prepared, Verdict, argument_names, copy_args
from rnn_grader.messages import Text, catalog, msg
from rnn_grader.sandbox.plain import Rng

FORWARD_RIGHT = Text(
    en="your forward `{forward}` is right on this case, so the mistake is in `{grads}`; "
       "its gradients for {keys} do not match central differences of your own forward either.",
    ja="順伝播 `{forward}` はこのケースで正しいので、誤りは `{grads}` にあります。"
       "{keys} の勾配は、あなた自身の順伝播の中心差分とも一致しません。")
MATCHES_OWN_FORWARD = Text(
    en="your gradients match central differences of your own `{forward}`, so your backward pass "
       "is consistent with it; but your forward itself is wrong, so both must be fixed together.",
    ja="勾配はあなた自身の `{forward}` の中心差分と一致しています（逆伝播は自分の順伝播とは整合しています）。"
       "しかし順伝播そのものが誤っているので、順伝播と逆伝播の両方を直す必要があります。")
BOTH_WRONG = Text(
    en="your forward `{forward}` is wrong on this case too, and your gradients for {keys} do not "
       "match central differences of your own forward either: check the forward first, then "
       "differentiate it step by step.",
    ja="順伝播 `{forward}` もこのケースで誤っており、{keys} の勾配はあなた自身の順伝播の中心差分とも"
       "一致しません。まず順伝播を直し、それから一段ずつ微分してください。")
FORWARD_UNUSABLE = Text(
    en="(your `{forward}` gave no usable result, so the gradients could not be compared with it.)",
    ja="（`{forward}` が使える結果を返さなかったため、勾配をそれと比べられませんでした。）")
SAME_SEED_DIFFERS = Text(
    en="two calls with the same generator state (the same seed) gave different results.",
    ja="同じ状態の乱数生成器（同じシード）で 2 回呼び出したのに、結果が異なりました。")
SEEDS_IGNORED = Text(
    en="calls with two different seeds gave the same result.",
    ja="異なる 2 つのシードで呼び出したのに、同じ結果になりました。")


class ConsistentGradientCheck(CallingCheck):
    """Gradients of a learner's step function, judged against two forwards.

    ``inputs(rng)`` yields the argument tuples of ``grads`` (e.g. ``x, h_prev, c_prev, Wx, Wh,
    b, dh_next, dc_next``); the first ``len(signature(reference_forward))`` of them are the
    forward's arguments, the rest the upstream gradients.  ``loss_of_outputs(outputs, upstream)``
    turns a forward's outputs into the scalar whose gradients ``grads`` returns (for LSTM
    ``Σ dh_next*h_next + Σ dc_next*c_next``).  ``wrt`` maps each returned key to a forward
    argument name.  The first ``probed_cases`` cases also run the learner's forward at every
    ``± h`` perturbation (2 calls per parameter entry: keep those cases small).
    ``misconceptions`` are whole-dict gradient formulas (signature of ``grads``);
    ``forward_misconceptions`` are forward formulas (signature of the forward), named when the
    learner's forward matches one.
    """

    def __init__(self, name, *, points, title, forward: str, grads: str, inputs: Callable[..., Iterable],
                 reference_forward: Callable, loss_of_outputs: Callable, wrt: dict, arg_names: Sequence[str],
                 misconceptions: Sequence[Misconception] = (),
                 forward_misconceptions: Sequence[Misconception] = (), probed_cases: int = 1,
                 step: float = NUMERIC_STEP):
        super().__init__(name, points=points, title=title, function=grads, inputs=inputs, arg_names=arg_names)
        self.forward, self.reference_forward, self.loss_of_outputs = forward, reference_forward, loss_of_outputs
        self.n_forward = len(argument_names(reference_forward))
        self.forward_names = list(arg_names)[:self.n_forward]
        self.wrt, self.misconceptions = dict(wrt), list(misconceptions)
        self.forward_misconceptions = list(forward_misconceptions)
        self.probed_cases, self.step = probed_cases, step
        assert all(a in self.forward_names for a in self.wrt.values()), "wrt names forward arguments"

    # ------------------------------------------------------------------ preparing
    def reference_loss(self, args: tuple) -> float:
        forward, upstream = args[:self.n_forward], args[self.n_forward:]
        return float(self.loss_of_outputs(self.reference_forward(*forward), upstream))

    def numeric_gradients(self, args: tuple) -> dict:
        """Central differences of the reference loss, one array per key."""
        return numeric_gradients(lambda *work: self.reference_loss(work), args, self.arg_names,
                                 self.wrt, self.step)

    def probe_calls(self, args: tuple) -> list[Call]:
        """The learner's forward at the case itself, then at +h and -h of every entry of every
        ``wrt`` argument (in the order of ``wrt``, ``np.ndindex``, plus before minus)."""
        forward_args = tuple(args[:self.n_forward])
        calls = [Call(self.forward, forward_args)]
        for arg_name in self.wrt.values():
            position = self.forward_names.index(arg_name)
            for index in np.ndindex(np.shape(forward_args[position])):
                for sign in (+1, -1):
                    work = list(copy_args(forward_args))
                    work[position] = np.array(work[position], dtype=float)
                    work[position][index] += sign * self.step
                    calls.append(Call(self.forward, tuple(work)))
        return calls

    def prepare(self, rng) -> Prepared:
        cases = self.draw(rng)
        calls = [Call(self.function, args) for args in cases]
        with np.errstate(all="ignore"):
            expected = [self.numeric_gradients(args) for args in cases]
            probes = []
            for k, args in enumerate(cases[:self.probed_cases]):
                probes.append({"case": k, "start": len(calls),
                               "expected": self.reference_forward(*copy_args(args[:self.n_forward]))})
                calls.extend(self.probe_calls(args))
        return Prepared(calls, expected, {"cases": len(cases), "probes": probes})

    # ------------------------------------------------------------------ judging
    def judge(self, prepared, outcomes) -> Verdict:
        n_cases = prepared.extra["cases"]
        wrong: dict[str, Text] = {}
        first_wrong = None
        for k, (call, outcome, numeric) in enumerate(zip(prepared.calls, outcomes, prepared.expected)):
            problem = self.common_problem(call, outcome)
            if problem is None and not isinstance(outcome.value, dict):
                problem = msg("compare.type", got=type(outcome.value).__name__, expected="dict")
            if problem is not None:
                return Verdict(0.0, [self.case_text(call), problem])
            for key, expected in numeric.items():
                reason = GradientCheck.key_problem(outcome.value.get(key), expected)
                if reason is not None:
                    wrong.setdefault(key, reason)
                    first_wrong = k if first_wrong is None else first_wrong
        if not wrong:
            return Verdict(1.0)
        call, outcome = prepared.calls[first_wrong], outcomes[first_wrong]
        right = [key for key in self.wrt if key not in wrong]
        messages = [self.case_text(call)]
        named = self.named_misconception(call, outcome, prepared.expected[first_wrong])
        if named is not None:
            messages.append(named.explanation)
        diagnosis, forward_named = self.diagnose(prepared, outcomes[:n_cases], outcomes, list(wrong))
        messages += diagnosis
        name = named.name if named is not None else forward_named
        if name is None:  # nothing named: say what is wrong with each key
            # catalog()[...].format, not msg(...): msg's own first parameter is called ``key``
            messages += [catalog()["gradient.wrong"].format(key=key, detail=reason) for key, reason in wrong.items()]
        if right:
            messages.append(msg("gradient.right", keys=", ".join(right)))
        return Verdict(len(right) / len(self.wrt), messages, name)

    def named_misconception(self, call, outcome, expected) -> Misconception | None:
        """The first gradient misconception whose dict agrees with the learner's on every key."""
        for wrong in self.misconceptions:
            try:
                with np.errstate(all="ignore"):
                    values = wrong.formula(*copy_args(call.args))
                if all(GradientCheck.key_problem(outcome.value.get(k), np.asarray(values[k])) is None
                       for k in expected):
                    return wrong
            except Exception:  # a formula that does not apply to these inputs does not match
                continue
        return None

    def diagnose(self, prepared, grad_outcomes, outcomes, wrong_keys) -> tuple[list[Text], str | None]:
        """Compare the learner's gradients with central differences of the learner's forward."""
        for probe in prepared.extra["probes"]:
            k, start = probe["case"], probe["start"]
            args = prepared.calls[k].args
            own = self.own_numeric_gradients(args, outcomes[start:])
            if own is None:
                return [FORWARD_UNUSABLE.format(forward=self.forward)], None
            got = grad_outcomes[k].value
            disagree = [key for key in self.wrt
                        if GradientCheck.key_problem(got.get(key), own[key]) is not None]
            base = outcomes[start].value
            if compare_value(base, probe["expected"]) is None:
                keys = ", ".join(f"`{key}`" for key in (disagree or wrong_keys))
                return [FORWARD_RIGHT.format(forward=self.forward, grads=self.function, keys=keys)], None
            forward_named = self.forward_misconception(args[:self.n_forward], base, probe["expected"])
            if not disagree:
                messages = [MATCHES_OWN_FORWARD.format(forward=self.forward)]
            else:
                keys = ", ".join(f"`{key}`" for key in disagree)
                messages = [BOTH_WRONG.format(forward=self.forward, keys=keys)]
            if forward_named is not None:
                messages.append(forward_named.explanation)
            return messages, forward_named.name if forward_named is not None else None
        return [], None

    def own_numeric_gradients(self, args: tuple, probe_outcomes: Sequence[Outcome]) -> dict | None:
        """Central differences of ``loss_of_outputs`` over the learner's own forward outputs
        (None when a call failed or its outputs do not make a finite loss)."""
        upstream = args[self.n_forward:]

        def loss(outcome: Outcome) -> float:
            if not outcome.ok:
                raise ValueError("the forward call failed")
            with np.errstate(all="ignore"):
                value = float(self.loss_of_outputs(outcome.value, upstream))
            if not np.isfinite(value):
                raise ValueError("not finite")
            return value

        try:
            loss(probe_outcomes[0])
            grads, position = {}, 1
            for key, arg_name in self.wrt.items():
                shape = np.shape(args[self.arg_names.index(arg_name)])
                grad = np.zeros(shape)
                for index in np.ndindex(shape):
                    plus, minus = probe_outcomes[position], probe_outcomes[position + 1]
                    grad[index] = (loss(plus) - loss(minus)) / (2 * self.step)
                    position += 2
                grads[key] = grad
            return grads
        except Exception:  # the learner's forward returned something unusable
            return None

    def forward_misconception(self, forward_args, got, expected) -> Misconception | None:
        for wrong in self.forward_misconceptions:
            if wrong.matches(forward_args, got, expected):
                return wrong
        return None


class SeedDependenceCheck(CallingCheck):
    """``function(*args, rng)`` must depend on the generator and on nothing else random.

    ``inputs(rng)`` yields ``(args, seed_a, seed_b)``; the learner's function is called as
    ``function(*args, Rng(seed_a))`` twice and ``function(*args, Rng(seed_b))`` once (``Rng``
    becomes ``numpy.random.default_rng(seed)`` in the learner's process).  The first two results
    must be equal, the third different.  ``unrepeatable`` is named when the same seed gives
    different results; when two seeds give the same result, the first of ``constant`` whose
    formula (same signature as the function) gives that result is named, else the last one of
    ``constant`` (a catch-all, whose formula is not consulted).
    """

    def __init__(self, name, *, points, title, function, inputs, arg_names,
                 unrepeatable: Misconception, constant: Sequence[Misconception]):
        super().__init__(name, points=points, title=title, function=function, inputs=inputs,
                         arg_names=arg_names)
        assert constant, "name at least the catch-all misconception for a constant result"
        self.unrepeatable, self.constant = unrepeatable, list(constant)
        self.misconceptions = [unrepeatable, *self.constant]

    def prepare(self, rng) -> Prepared:
        calls = []
        for args, seed_a, seed_b in self.inputs(rng):
            for seed in (seed_a, seed_a, seed_b):
                calls.append(Call(self.function, (*tuple(args), Rng(seed))))
        return Prepared(calls)

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
                named = self.constant_misconception(other_call.args, other.value)
                return Verdict(0.0, [self.case_text(other_call), SEEDS_IGNORED, named.explanation], named.name)
        return Verdict(1.0)

    def constant_misconception(self, args, value) -> Misconception:
        for wrong in self.constant[:-1]:
            try:
                if equal(value, wrong.formula(*copy_args(args))):
                    return wrong
            except Exception:
                continue
        return self.constant[-1]


def is_empty(value) -> bool:
    """None, or a tuple/list of Nones (a stub's ``return X, y`` with nothing filled in)."""
    return value is None or (isinstance(value, (tuple, list)) and len(value) > 0
                             and all(v is None for v in value))


def equal(a, b) -> bool:
    """Exact equality of two plain values (arrays by shape and value, containers item by item)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.shape == b.shape
                and bool(np.array_equal(a, b, equal_nan=a.dtype.kind in "fc" and b.dtype.kind in "fc")))
    if isinstance(a, (list, tuple)) or isinstance(b, (list, tuple)):
        return (isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)) and len(a) == len(b)
                and all(equal(x, y) for x, y in zip(a, b)))
    if isinstance(a, dict) or isinstance(b, dict):
        return isinstance(a, dict) and isinstance(b, dict) and a.keys() == b.keys() and all(
            equal(a[k], b[k]) for k in a)
    try:
        return bool(a == b)
    except Exception:
        return False


class NamingPropertyCheck(PropertyCheck):
    """A ``PropertyCheck`` whose ``prop(args, value)`` returns None, a ``Text``, or a
    ``Misconception`` (its explanation is shown and its name recorded).  List every
    misconception the property can return in ``misconceptions``."""

    def __init__(self, name, *, misconceptions: Sequence[Misconception] = (), **kwargs):
        super().__init__(name, **kwargs)
        self.misconceptions = list(misconceptions)

    def judge(self, prepared, outcomes) -> Verdict:
        verdict = super().judge(prepared, outcomes)
        named = [m for m in verdict.messages if isinstance(m, Misconception)]
        if not named:
            return verdict
        messages = [m.explanation if isinstance(m, Misconception) else m for m in verdict.messages]
        return Verdict(verdict.fraction, messages, named[0].name)
