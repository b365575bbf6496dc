"""``GradientCheck``: the learner's function returns ``{key: gradient}``; each gradient is
compared with central differences of a trusted loss, with partial credit per key.

Central differences cost two calls of the loss per parameter entry.  A check that declares the
reference's own gradients (``exact=``) reads them only where those leave doubt
(``judged_key``): the verdicts are the same, a right or clearly wrong answer costs none."""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from rnn_grader.engine.checks.calling import CallingCheck
from rnn_grader.engine.compare import (GRADIENT_REL_TOL, CentralDifferences, compare_array, describe_type,
                                       first_difference, rel_error)
from rnn_grader.engine.declaration import Call, Misconception, Prepared, Verdict, copy_args
from rnn_grader.engine.matching import lazy_wrong_values, singled_out
from rnn_grader.messages import Text, catalog, msg

DOUBT = 100.0   # how far inside or outside the tolerance the exact gradients decide alone


def gradient_problem(got, numeric) -> Text | None:
    """Why the gradient ``got`` disagrees with the numeric one (None when it agrees)."""
    if got is None:
        return msg("gradient.missing_key")
    numeric = np.asarray(numeric)
    problem = compare_array(got, numeric)
    if problem is not None and isinstance(got, np.ndarray) and got.shape == numeric.shape \
            and got.dtype.kind == "f" and np.isfinite(got).all():
        error = rel_error(got, numeric)
        return None if error < GRADIENT_REL_TOL else msg("gradient.rel_error", error=f"{error:.1e}")
    return problem


def judged_key(got, exact, numeric: Callable[[], np.ndarray]) -> tuple[Text | None, np.ndarray]:
    """``gradient_problem(got, numeric())`` and the array ``got`` was judged against.

    ``exact`` (the reference's own gradient, or None) decides alone when it leaves no doubt:
    central differences of the reference agree with it to ~1e-9, so a gradient within
    ``GRADIENT_REL_TOL / DOUBT`` of it is right against them too, and one ``DOUBT`` times
    farther than the tolerance is wrong against them too.  In between, and for a value that
    is not a finite float array of the right shape, central differences decide, as they
    would everywhere: only their cost changes (2 forward calls per parameter entry)."""
    if exact is not None and isinstance(got, np.ndarray) and got.shape == np.shape(exact) \
            and got.dtype == np.float64 and np.isfinite(got).all():
        error = rel_error(got, exact)
        if error <= GRADIENT_REL_TOL / DOUBT or error >= GRADIENT_REL_TOL * DOUBT:
            return gradient_problem(got, exact), exact
    expected = numeric()
    return gradient_problem(got, expected), expected


def same_gradients(got, wanted) -> bool:
    """Both dicts agree on every key of ``wanted`` within the gradient tolerance."""
    return isinstance(got, dict) and isinstance(wanted, dict) and all(
        gradient_problem(got.get(key), value) is None for key, value in wanted.items())


def not_a_dict(outcome) -> Text | None:
    if not isinstance(outcome.value, dict):
        return msg("compare.type", got=describe_type(outcome.value), expected="dict")
    return None


def exact_gradients(exact: Callable | None, cases, wrt: dict) -> dict:
    """``{"exact": [{key: array} per case]}``: the reference's own gradients of each case (the
    function has the learner's signature), or {} when the check declares none."""
    if exact is None:
        return {}
    with np.errstate(all="ignore"):
        values = [exact(*copy_args(args)) for args in cases]
    return {"exact": [{key: np.asarray(value[key], dtype=float) for key in wrt} for value in values]}


class GradientCheck(CallingCheck):
    """Each key's gradient against central differences of ``loss(*args)`` w.r.t. the argument
    ``wrt[key]``.  Partial credit: the share of keys right on every case.  ``misconceptions``
    formulas return whole dicts (same signature as the function).  ``exact``: the reference's
    own gradient function (same signature), which spares computing central differences
    where it leaves no doubt (``judged_key``); the verdicts are those of central differences."""

    PREPARE_ONLY = ("inputs", "loss", "exact")

    def __init__(self, name, *, points, title, function, inputs, loss: Callable, wrt: dict,
                 arg_names, misconceptions: Sequence[Misconception] = (), exact: Callable | None = None):
        super().__init__(name, points=points, title=title, function=function, inputs=inputs,
                         arg_names=arg_names)
        self.loss, self.wrt, self.misconceptions, self.exact = loss, dict(wrt), list(misconceptions), exact

    def prepare(self, rng) -> Prepared:
        cases = self.draw(rng)
        return Prepared([Call(self.function, args) for args in cases],
                        [CentralDifferences(self.loss, args, self.arg_names, self.wrt) for args in cases],
                        exact_gradients(self.exact, cases, self.wrt),
                        wrong=lazy_wrong_values(self.misconceptions, cases))

    def judge(self, prepared, outcomes) -> Verdict:
        stop, wrong_keys, failures = compare_gradients(self, prepared, outcomes)
        if stop is not None:
            return stop
        if not wrong_keys:
            return Verdict(1.0)
        found = singled_out(self.misconceptions, failures, same_gradients)
        if found is not None:
            wrong, k = found
            return Verdict(0.0, [self.case_text(prepared.calls[k]), wrong.explanation], wrong.name)
        right = [k for k in self.wrt if k not in wrong_keys]
        first = prepared.calls[failures[0][0]]
        return Verdict(len(right) / len(self.wrt), [self.case_text(first), *key_messages(wrong_keys, right)])


def compare_gradients(check: CallingCheck, prepared, outcomes) -> tuple[Verdict | None, dict, list]:
    """Each case's gradient dict against the expected one (``prepared.expected``): (a 0-point
    verdict when a call raised or returned no dict, else None; {wrong key: why}, first reason
    per key; the failing cases as ``(case index, misconception values, outcome, expected)``)."""
    wrong_keys: dict[str, Text] = {}
    failures = []
    exact = prepared.extra.get("exact")    # the reference's own gradients per case, when declared
    for k, (call, outcome) in enumerate(zip(prepared.calls, outcomes)):
        problem = check.common_problem(call, outcome) or not_a_dict(outcome)
        if problem is not None:
            return Verdict(0.0, [check.case_text(call), problem]), {}, []
        judged = {key: judged_key(outcome.value.get(key), None if exact is None else exact[k][key],
                                  lambda key=key, k=k: prepared.expected[k][key]) for key in check.wrt}
        reasons = {key: reason for key, (reason, _) in judged.items() if reason is not None}
        if reasons:
            expected = {key: against for key, (_, against) in judged.items()}
            failures.append((k, prepared.wrong[k], outcome, expected))
            for key, reason in reasons.items():
                wrong_keys.setdefault(key, with_first_difference(reason, outcome.value.get(key), expected[key]))
    return None, wrong_keys, failures


def with_first_difference(reason: Text, got, numeric) -> Text:
    """The reason, followed by where the gradient first differs (when it can be told)."""
    detail = first_difference(got, np.asarray(numeric)) if isinstance(got, np.ndarray) else None
    if detail is None or not isinstance(reason, Text):
        return reason
    return Text(en="{reason} {detail}", ja="{reason} {detail}").format(reason=reason, detail=detail)


def key_messages(wrong_keys: dict, right: list) -> list[Text]:
    """One message per wrong key, then the right keys."""
    # catalog()[...].format, not msg(...): msg's own first parameter is called ``key``
    messages = [catalog()["gradient.wrong"].format(key=key, detail=reason) for key, reason in wrong_keys.items()]
    if right:
        messages.append(msg("gradient.right", keys=", ".join(right)))
    return messages
