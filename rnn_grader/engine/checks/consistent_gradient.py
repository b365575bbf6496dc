"""``ConsistentGradientCheck``: a forward function and its gradient function (``lstm_step`` /
``lstm_step_grads``), judged against two forwards.

The score is the share of gradient keys that agree with central differences of the
*reference* forward (as in ``GradientCheck``, computed only where the reference's exact
gradients, ``exact=``, leave doubt).  The learner's *own* forward is also run at
``± h`` around one case, so that the message can tell "your forward is right; your ``dWh`` is
wrong" from "your gradients match your own forward, but that forward is wrong".
"""
from __future__ import annotations

from typing import Callable, Iterable, Sequence

import numpy as np

from rnn_grader.engine.checks.calling import CallingCheck
from rnn_grader.engine.checks.gradient import (compare_gradients, exact_gradients, gradient_problem, key_messages,
                                              same_gradients)
from rnn_grader.engine.compare import NUMERIC_STEP, CentralDifferences, compare_value
from rnn_grader.engine.declaration import Call, Misconception, Outcome, Prepared, Verdict, argument_names, copy_args
from rnn_grader.engine.lazy import LazyList
from rnn_grader.engine.matching import lazy_wrong_values, named, singled_out
from rnn_grader.messages import Text

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


def inner_product_loss(outputs, upstream) -> float:
    """L = Σ_k Σ upstream[k] * outputs[k]: the scalar whose gradients a step's backward returns
    (``outputs`` one array or a tuple of them, ``upstream`` a tuple; shapes must match)."""
    outputs = outputs if isinstance(outputs, (tuple, list)) else (outputs,)
    if len(outputs) != len(upstream):
        raise ValueError("the forward returned another number of outputs")
    total = 0.0
    for value, weight in zip(outputs, upstream):
        value = np.asarray(value, dtype=float)
        if value.shape != np.shape(weight):
            raise ValueError("shape mismatch")
        total += float(np.vdot(weight, value))   # Σ weight * value, in one call (this runs ~800 times a case)
    return total


class ConsistentGradientCheck(CallingCheck):
    """Gradients of a learner's step function, judged against two forwards.

    ``inputs(rng)`` yields the argument tuples of ``grads`` (e.g. ``x, h_prev, c_prev, Wx, Wh,
    b, dh_next, dc_next``); the first ``len(signature(reference_forward))`` are the forward's
    arguments, the rest the upstream gradients of ``inner_product_loss``.  ``wrt`` maps each
    returned key to a forward argument name.  The first ``probed_cases`` cases also run the
    learner's forward at every ``± h`` perturbation (2 calls per parameter entry: keep those
    cases small).  ``misconceptions`` are whole-dict gradient formulas (signature of
    ``grads``); ``forward_misconceptions`` are forward formulas, named when the learner's
    forward matches one."""

    PREPARE_ONLY = ("inputs", "reference_forward", "exact")

    def __init__(self, name, *, points, title, forward: str, grads: str, inputs: Callable[..., Iterable],
                 reference_forward: Callable, wrt: dict, arg_names: Sequence[str],
                 misconceptions: Sequence[Misconception] = (),
                 forward_misconceptions: Sequence[Misconception] = (), probed_cases: int = 1,
                 step: float = NUMERIC_STEP, exact: Callable | None = None):
        super().__init__(name, points=points, title=title, function=grads, inputs=inputs, arg_names=arg_names)
        self.forward, self.reference_forward, self.exact = forward, reference_forward, exact
        self.n_forward = len(argument_names(reference_forward))
        self.forward_names = list(arg_names)[:self.n_forward]
        self.wrt = dict(wrt)
        self.gradient_misconceptions = list(misconceptions)
        self.forward_misconceptions = list(forward_misconceptions)
        self.misconceptions = self.gradient_misconceptions + self.forward_misconceptions
        self.probed_cases, self.step = probed_cases, step
        assert all(a in self.forward_names for a in self.wrt.values()), "wrt names forward arguments"

    # ------------------------------------------------------------------ preparing
    def reference_loss(self, args: tuple) -> float:
        forward, upstream = args[:self.n_forward], args[self.n_forward:]
        return inner_product_loss(self.reference_forward(*forward), upstream)

    def probe_calls(self, args: tuple) -> LazyList:
        """The learner's forward at the case itself, then at +h and -h of every entry of every
        ``wrt`` argument (in the order of ``wrt``, ``np.ndindex``, plus before minus); each call
        is made when first read (only a learner whose gradients are wrong needs them)."""
        forward_args = tuple(args[:self.n_forward])
        moves = [(self.forward_names.index(arg_name), index, sign) for arg_name in self.wrt.values()
                 for index in np.ndindex(np.shape(forward_args[self.forward_names.index(arg_name)]))
                 for sign in (+1, -1)]

        def call(k: int) -> Call:
            if k == 0:
                return Call(self.forward, forward_args)
            position, index, sign = moves[k - 1]
            work = list(copy_args(forward_args))
            work[position] = np.array(work[position], dtype=float)
            work[position][index] += sign * self.step
            return Call(self.forward, tuple(work))
        return LazyList(1 + len(moves), call)

    def prepare(self, rng) -> Prepared:
        cases = self.draw(rng)
        calls = [Call(self.function, args) for args in cases]
        probe_calls = []  # run later, only for a learner whose gradients are wrong
        expected = [CentralDifferences(lambda *work: self.reference_loss(work), args, self.arg_names,
                                       self.wrt, self.step) for args in cases]   # read only where in doubt
        probes, start = [], len(calls)
        for k, args in enumerate(cases[:self.probed_cases]):
            forward_args = args[:self.n_forward]
            with np.errstate(all="ignore"):
                right_forward = self.reference_forward(*copy_args(forward_args))
            probes.append({"case": k, "start": start, "expected": right_forward,
                           "wrong": lazy_wrong_values(self.forward_misconceptions, [forward_args])[0]})
            probe_calls.append(self.probe_calls(args))
            start += len(probe_calls[-1])
        wrong = lazy_wrong_values(self.gradient_misconceptions, cases)
        return Prepared(calls, expected, {"probes": probes, **exact_gradients(self.exact, cases, self.wrt)}, wrong,
                        later=LazyList.joined(probe_calls))

    # ------------------------------------------------------------------ judging
    def judge(self, prepared, outcomes) -> Verdict:
        n_cases = len(prepared.calls)   # the outcomes of ``later`` (the probes) come after these
        stop, wrong, failures = compare_gradients(self, prepared, outcomes)
        if stop is not None:
            return stop
        if not wrong:
            return Verdict(1.0)
        right = [key for key in self.wrt if key not in wrong]
        found = singled_out(self.gradient_misconceptions, failures, same_gradients)
        named_wrong, first_wrong = found if found is not None else (None, failures[0][0])
        messages = [self.case_text(prepared.calls[first_wrong])]
        if named_wrong is not None:
            messages.append(named_wrong.explanation)
        if len(outcomes) <= n_cases and prepared.later:  # the probes of the learner's forward not run yet
            return Verdict(len(right) / len(self.wrt), messages + key_messages(wrong, right),
                           named_wrong.name if named_wrong is not None else None, wants_later=True)
        diagnosis, forward_named = self.diagnose(prepared, outcomes[:n_cases], outcomes, list(wrong))
        messages += diagnosis
        name = named_wrong.name if named_wrong is not None else forward_named
        return Verdict(len(right) / len(self.wrt),
                       messages + key_messages(wrong if name is None else {}, right), name)

    def diagnose(self, prepared, grad_outcomes, outcomes, wrong_keys) -> tuple[list[Text], str | None]:
        """Compare the learner's gradients with central differences of the learner's forward."""
        for probe in prepared.extra["probes"]:
            k, start = probe["case"], probe["start"]
            args = prepared.calls[k].args
            own = self.own_numeric_gradients(args, outcomes[start:])
            if own is None:
                return [FORWARD_UNUSABLE.format(forward=self.forward)], None
            got = grad_outcomes[k].value
            disagree = [key for key in self.wrt if gradient_problem(got.get(key), own[key]) is not None]
            base = outcomes[start]
            if compare_value(base.value, probe["expected"]) is None:
                keys = ", ".join(f"`{key}`" for key in (disagree or wrong_keys))
                return [FORWARD_RIGHT.format(forward=self.forward, grads=self.function, keys=keys)], None
            forward_named = named(self.forward_misconceptions, probe["wrong"], base, probe["expected"],
                                  lambda got, wanted: compare_value(got, wanted) is None)
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
        """Central differences of ``inner_product_loss`` over the learner's own forward outputs
        (None when a call failed or its outputs do not make a finite loss)."""
        upstream = args[self.n_forward:]

        def loss(outcome: Outcome) -> float:
            if not outcome.ok:
                raise ValueError("the forward call failed")
            with np.errstate(all="ignore"):
                value = inner_product_loss(outcome.value, upstream)
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
