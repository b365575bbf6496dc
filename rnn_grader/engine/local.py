"""Grading functions that live in the current Python process: the nbgrader notebooks' test cells.

In an nbgrader course the learner's functions are defined in the notebook's kernel, and the
test cells run in that same kernel (nbgrader's model: there is no other process to call them
from).  A test cell asks for one check of one exercise:

    from rnn_grader.engine.local import assert_check, sample_check
    sample_check("gradient_clipping", "edge_cases", globals(), seed=1, lang="ja")   # visible
    assert_check("gradient_clipping", "edge_cases", globals(), seed=0, lang="ja")   # hidden

Both use the exercise's declared checks, drawn with ``grading.exercise_rng(seed, name, index)``
as ``grade`` and ``grade cohort`` do, so the same functions get the same verdicts.  What
differs from the sandbox is only where the learner's functions run:

* arguments and results still make a plain-data round trip (``rnn_grader.sandbox.plain``), so
  lying objects and ndarray subclasses are stripped exactly as they are at the sandbox border;
* each call's exception becomes an ``Outcome`` (a KeyboardInterrupt -- nbgrader's timeout --
  is not caught: it fails the cell);
* there are no memory or time limits besides nbgrader's per-cell timeout.

``assert_check`` tells nbgrader the check's result the way nbgrader reads a test cell: no
output is full credit; an error (the raised ``AssertionError``, whose text is the engine's
explanation in the course language) is no credit; a number as the cell's result is partial
credit (nbgrader >= 0.8), which a ``GradientCheck`` with some gradients right gives.  Warnings
and stderr output of the learner's code are kept out of the cell, because nbgrader gives no
credit to a cell that wrote anything to stderr -- the sandbox ignores them too.
"""
from __future__ import annotations

import contextlib
import functools
import io
import sys
import warnings
from typing import Any, Mapping

import numpy as np

from rnn_grader.engine.declaration import Call, Check, Exercise, Outcome, Prepared
from rnn_grader.engine.grading import judge_again, judge_check, lost_points, practice_cases, prepare
from rnn_grader.engine.results import CheckResult
from rnn_grader.engine.registry import all_exercises
from rnn_grader.messages import msg
from rnn_grader.sandbox.plain import from_plain, to_plain

FRACTION_SLACK = 1e-9


# ----------------------------------------------------------------------------- finding checks
def find_check(name: str, check_name: str) -> tuple[Exercise, int, Check]:
    """The exercise ``name``, the position of its check ``check_name`` and the check itself."""
    exercise = all_exercises()[name]
    for index, check in enumerate(exercise.checks):
        if check.name == check_name:
            return exercise, index, check
    raise KeyError(f"{name} has no check {check_name!r}")


@functools.lru_cache(maxsize=256)
def prepared_check(name: str, check_name: str, seed: int, practice: bool = False) -> Prepared:
    """The check made ready: for ``seed`` (the hidden test: ``grading.prepare``, as ``grade``
    and ``grade cohort`` make it) or practice set ``seed`` (the visible sample, which the
    learner kit can run too).  Trusted data, cached per process."""
    exercise, index, _ = find_check(name, check_name)
    cases = practice_cases(exercise, seed) if practice else prepare(exercise, seed)
    return cases[index]


# ----------------------------------------------------------------------------- calling
def plain_copy(value, *, make_rng=None, readonly=False):
    """``value`` after the sandbox border's round trip: fresh plain numpy arrays, no objects
    (read-only ones with ``readonly``, as the sandbox passes a learner's function its inputs)."""
    return from_plain(to_plain(value), make_rng=make_rng, readonly=readonly)


def describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:500]


def error_line(exc: BaseException, filename: str) -> int | None:
    """The line of the learner's code (the file holding ``filename``) where ``exc`` was raised."""
    if isinstance(exc, SyntaxError):
        return exc.lineno
    tb, line = exc.__traceback__, None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def run_call(namespace: Mapping[str, Any], call: Call) -> Outcome:
    """Call the learner's ``namespace[call.function]`` on plain copies of the arguments."""
    function = namespace.get(call.function)
    if not callable(function):
        return Outcome(missing=True)
    # an Rng(seed) argument becomes np.random.default_rng(seed), as in the sandbox
    args = plain_copy(tuple(call.args), make_rng=np.random.default_rng, readonly=True)
    kwargs = plain_copy(dict(call.kwargs), make_rng=np.random.default_rng, readonly=True)
    filename = getattr(getattr(function, "__code__", None), "co_filename", None)
    modes = {} if call.errstate is None else dict.fromkeys(("over", "divide", "invalid"), call.errstate)
    try:
        with np.errstate(**modes):  # as the sandbox worker does (underflow stays ignored)
            value = function(*args, **kwargs)
    except MemoryError as exc:
        return Outcome(error=describe(exc), memory=True)
    except (Exception, SystemExit) as exc:  # KeyboardInterrupt (a timeout) fails the cell
        return Outcome(error=describe(exc), line=error_line(exc, filename))
    try:
        return Outcome(value=plain_copy(value), args_after=plain_copy([args, kwargs]))
    except Exception as exc:  # noqa: BLE001 - whatever the object did while being read
        return Outcome(error="could not read the returned value: " + describe(exc))


@contextlib.contextmanager
def quiet():
    """Warnings ignored and stderr captured while the learner's functions run."""
    with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        yield


def run_check(name: str, check_name: str, namespace: Mapping[str, Any], *, seed: int,
              practice: bool = False) -> CheckResult:
    """Prepare the check, call the learner's functions here, judge (``grading.judge_check``);
    the check's ``later`` calls too when its judge asks for them."""
    _, _, check = find_check(name, check_name)
    with quiet():
        prepared = prepared_check(name, check_name, int(seed), practice)
        outcomes = [run_call(namespace, call) for call in prepared.calls]
        result = judge_check(check, prepared, outcomes)
        if result.wants_later:  # the second round, as in the sandbox: messages only, same score
            result = judge_again(check, prepared, outcomes + [run_call(namespace, call) for call in prepared.later],
                                 result)
        return result


def explanation(result: CheckResult, lang: str) -> str:
    """The engine's explanation of a lost check, one line per message, in ``lang``."""
    return "\n".join(text.render(lang) for text in [lost_points(result), *result.messages])


# ----------------------------------------------------------------------------- the cells' API
def assert_check(name: str, check_name: str, namespace: Mapping[str, Any], *, seed: int = 0,
                 lang: str = "en") -> float | None:
    """Grade one check of exercise ``name`` on the functions in ``namespace`` (a notebook's
    ``globals()``), for nbgrader:

    * every case right: returns None (no output: nbgrader gives the cell's points);
    * nothing earned: raises AssertionError with the explanation (no credit);
    * part of the check earned: prints the explanation and returns the points earned
      (``check.points * fraction``), which nbgrader reads as the cell's partial credit."""
    __tracebackhide__ = True  # noqa: F841 - IPython and pytest hide this frame
    result = run_check(name, check_name, namespace, seed=seed)
    fraction = result.score / result.points
    if fraction >= 1.0 - FRACTION_SLACK:
        return None
    if fraction <= FRACTION_SLACK:
        raise AssertionError(explanation(result, lang))
    print(explanation(result, lang))
    return float(result.score)


def sample_check(name: str, check_name: str, namespace: Mapping[str, Any], *, seed: int = 1,
                 lang: str = "en", file=None) -> None:
    """The visible sample: run the check on practice set ``seed`` (the learner kit's inputs,
    never a hidden test's) and print whether it passed and why not.  Never raises for a wrong
    answer and returns nothing, so the graded result depends only on the hidden test."""
    out = file if file is not None else sys.stdout
    result = run_check(name, check_name, namespace, seed=seed, practice=True)
    if result.score >= result.points * (1.0 - FRACTION_SLACK):
        print(msg("nbgrader.sample_passed", title=result.title).render(lang), file=out)
        return
    print(msg("nbgrader.sample_failed", title=result.title).render(lang), file=out)
    print(explanation(result, lang), file=out)
