"""Grading a submission: prepare checks, run the learner's calls in the sandbox, judge.

    result = grade_submission(Path("exercises"), select(None), seed=1, sandbox=box)

The expected values are computed here, in the grader's process, and never enter the
sandbox; the sandbox only returns the learner's outputs as plain data.
"""
from __future__ import annotations

import dataclasses
import itertools
import signal
import zlib
from pathlib import Path
from typing import Sequence

import numpy as np

from rnn_grader.engine.compare import names_wrong_type
from rnn_grader.engine.declaration import Exercise, Outcome, Prepared
from rnn_grader.engine.lines import where
from rnn_grader.engine.results import CheckResult, ExerciseResult, SubmissionResult
from rnn_grader.messages import msg
from rnn_grader.sandbox import JobReply, Limits, Sandbox
from rnn_grader.sandbox.pool import MAX_ANSWER_JSON

MAX_MODULES = 64
MAX_SOURCE_BYTES = 1 << 20


def read_sources(folder: Path) -> dict[str, str]:
    """The submission's top-level modules, ``{module name: source}`` (size-capped)."""
    sources = {}
    if not folder.is_dir():
        return sources
    for path in sorted(folder.glob("*.py"))[:MAX_MODULES]:
        if path.stem.isidentifier() and path.is_file() and not path.is_symlink():
            with open(path, "rb") as handle:
                sources[path.stem] = handle.read(MAX_SOURCE_BYTES).decode("utf-8", "replace")
    return sources


PRACTICE = 0x5EED_BA4C   # tags the practice generators: their streams are never a course's


def exercise_rng(seed: int, name: str, index: int) -> np.random.Generator:
    """The generator of one check: fixed by the run's seed, the exercise and the check."""
    return np.random.default_rng([seed, zlib.crc32(name.encode()), index])


def practice_rng(k: int, name: str, index: int) -> np.random.Generator:
    """The generator of one check in practice set ``k`` (the learner kit's inputs)."""
    return np.random.default_rng([PRACTICE, k, zlib.crc32(name.encode()), index])


def prepare(exercise: Exercise, seed: int) -> list[Prepared]:
    """The exercise's checks made ready for ``seed``: live from the declaration (inputs drawn,
    reference and misconceptions evaluated), or in the learner kit, which has no reference,
    the practice set ``seed`` picks."""
    if exercise.practice_bank is not None:
        return exercise.practice_bank[seed % len(exercise.practice_bank)]
    return [check.prepare(exercise_rng(seed, exercise.name, i)) for i, check in enumerate(exercise.checks)]


def practice_cases(exercise: Exercise, k: int) -> list[Prepared]:
    """Practice set ``k``: the same inputs in the instructor's grader and in the kit."""
    if exercise.practice_bank is not None:
        return exercise.practice_bank[k % len(exercise.practice_bank)]
    return [check.prepare(practice_rng(k, exercise.name, i)) for i, check in enumerate(exercise.checks)]


def calls_of(prepared: Sequence[Prepared]) -> list[dict]:
    """An exercise's calls, in check order, as plain data for the sandbox."""
    return [call.to_plain() for p in prepared for call in p.calls]


def finish(exercise, prepared, reply: JobReply | None, limits) -> ExerciseResult:
    """Judge a reply (in the grader's process); None stands for a missing module."""
    if reply is None:
        return failed_result(exercise, "missing", msg("status.no_module", name=exercise.name))
    with np.errstate(all="ignore"):  # a learner's inf/NaN must not print numpy warnings here
        result = judge_reply(exercise, prepared, reply, limits)
    result.output = reply.output
    return result


def grade_submission(folder: Path, exercises: Sequence[Exercise], *, seed: int, sandbox: Sandbox,
                     limits: Limits = Limits(), prepared: dict | None = None,
                     sources: dict[str, str] | None = None) -> SubmissionResult:
    """Grade every exercise of the submission in ``folder``.  ``prepared`` may hold checks
    already prepared for ``seed``; ``sources`` ({module name: source}) replaces the modules
    read from ``folder`` (notebooks)."""
    sources = read_sources(folder) if sources is None else sources
    prepared = prepared if prepared is not None else {}
    for exercise in exercises:
        if exercise.name not in prepared:
            prepared[exercise.name] = prepare(exercise, seed)
    present = [e for e in exercises if e.name in sources]
    results, _ = run_exercises(sandbox, sources, str(folder), present, prepared, limits)
    return SubmissionResult(seed, {e.name: results.get(e.name) or finish(e, prepared[e.name], None, limits)
                                   for e in exercises})


def run_exercises(sandbox: Sandbox, sources, folder: str, exercises: Sequence[Exercise], prepared: dict,
                  limits: Limits, *, calls: dict | None = None) -> tuple[dict[str, ExerciseResult], bool]:
    """Run the learner's calls of ``exercises`` in the sandbox (one child for all, each judged
    on its own) and judge each reply: the grading step that the self-check and `grade cohort`
    share.  ``prepared[name]``: the exercise's prepared checks; ``calls[name]``: its calls,
    already encoded (else encoded here).  Returns the results and whether a reply was
    disturbed (interrupted from outside twice: not a final result)."""
    jobs = [(e, calls[e.name] if calls is not None else calls_of(prepared[e.name])) for e in exercises]
    replies = run_grouped(sandbox, sources, folder, jobs, limits) if jobs else []
    results = {e.name: finish(e, prepared[e.name], reply, limits_for(e, limits)) for e, reply in zip(exercises, replies)}
    later, disturbed = run_later(sandbox, sources, folder, exercises, prepared, results, limits)
    for exercise, reply in zip(exercises, replies):
        if exercise.name in later:
            results[exercise.name] = refined(exercise, prepared[exercise.name], reply, results[exercise.name],
                                             later[exercise.name])
    return results, disturbed or any(reply.disturbed for reply in replies)


def asking_later(prepared: Sequence[Prepared], result: ExerciseResult) -> list[int]:
    """The checks of an exercise whose judge asked for their ``later`` calls."""
    return [i for i, (ready, check) in enumerate(zip(prepared, result.checks)) if check.wants_later and ready.later]


def run_later(sandbox: Sandbox, sources, folder: str, exercises: Sequence[Exercise], prepared: dict,
              results: dict[str, ExerciseResult], limits: Limits) -> tuple[dict, bool]:
    """The second round: the ``later`` calls of every check that asked for them, in one
    child for the submission.  Returns ``{exercise: {check index: outcomes}}`` for the
    exercises whose calls came back, and whether a reply was disturbed."""
    asked = {e.name: asking_later(prepared[e.name], results[e.name]) for e in exercises}
    chosen = [e for e in exercises if asked[e.name]]
    jobs = [(e, [call.to_plain() for i in asked[e.name] for call in prepared[e.name][i].later]) for e in chosen]
    replies = run_grouped(sandbox, sources, folder, jobs, limits) if jobs else []
    later = {}
    for exercise, reply in zip(chosen, replies):
        ready = prepared[exercise.name]
        answer = reply.answer if reply.status == "ok" and isinstance(reply.answer, dict) else {}
        outcomes = read_outcomes(answer.get("calls"), sum(len(ready[i].later) for i in asked[exercise.name])) \
            if answer.get("import") == "ok" else None
        if outcomes is None:  # timed out, crashed, forged: the first judgement stands
            continue
        later[exercise.name], start = {}, 0
        for i in asked[exercise.name]:
            later[exercise.name][i] = outcomes[start:start + len(ready[i].later)]
            start += len(ready[i].later)
    return later, any(reply.disturbed for reply in replies)


def refined(exercise: Exercise, prepared: Sequence[Prepared], reply: JobReply, first: ExerciseResult,
            later: dict[int, list[Outcome]]) -> ExerciseResult:
    """The exercise judged again with the ``later`` outcomes of the checks that asked for them:
    their messages and misconception names change, their scores stay the first judgement's."""
    outcomes = read_outcomes(reply.answer["calls"], sum(len(p.calls) for p in prepared))
    checks, start = list(first.checks), 0
    for i, (check, ready) in enumerate(zip(exercise.checks, prepared)):
        if i in later:
            checks[i] = judge_again(check, ready, outcomes[start:start + len(ready.calls)] + later[i], first.checks[i])
        start += len(ready.calls)
    result = exercise_result(exercise, checks, outcomes)
    result.output = first.output
    return result


def limits_for(exercise: Exercise, limits: Limits) -> Limits:
    """The run's limits, with the time raised to the exercise's own limit when it declares a longer one."""
    seconds = exercise.wall_seconds
    if seconds is None or seconds <= limits.wall_seconds:
        return limits
    return dataclasses.replace(limits, wall_seconds=seconds, cpu_seconds=max(limits.cpu_seconds, seconds))


def run_grouped(sandbox: Sandbox, sources, folder: str, jobs: Sequence[tuple], limits: Limits) -> list[JobReply]:
    """``sandbox.run_batch`` for ``jobs`` = [(exercise, calls), ...], once per run of consecutive
    exercises with the same limits (one with a time limit of its own gets its own child)."""
    replies = []
    for own, group in itertools.groupby(jobs, key=lambda job: limits_for(job[0], limits)):
        replies += sandbox.run_batch(sources, folder, [(e.name, calls) for e, calls in group], own)
    return replies


# ----------------------------------------------------------------------------- judging
def failed_result(exercise: Exercise, status: str, message) -> ExerciseResult:
    return ExerciseResult(exercise.name, exercise.title, 0.0, exercise.max_score, status, [message])


def judge_reply(exercise: Exercise, prepared: Sequence[Prepared], reply: JobReply,
                limits: Limits) -> ExerciseResult:
    if reply.status == "timeout":
        return failed_result(exercise, "timeout", msg("status.timeout", seconds=limits.wall_seconds))
    if reply.status == "crashed":
        return failed_result(exercise, "crashed", msg("status.crashed", signal=signal_name(reply.signal)))
    if reply.status == "too_large":
        return failed_result(exercise, "error", msg("status.too_large", mb=MAX_ANSWER_JSON >> 20))
    if reply.status == "unreadable":  # no signal killed it: what it sent cannot be taken as its answer
        return failed_result(exercise, "error", msg("status.forged"))
    if reply.status == "exited":
        return failed_result(exercise, "error", msg("status.exited", code=reply.exit_code))
    if reply.status != "ok" or not isinstance(reply.answer, dict):
        return failed_result(exercise, "error", msg("status.lost"))
    answer = reply.answer
    kind = answer.get("import")
    if kind == "missing":
        return failed_result(exercise, "missing", msg("status.no_module", name=exercise.name))
    if kind == "memory":
        return failed_result(exercise, "memory", msg("status.memory"))
    if kind != "ok":
        error = str(answer.get("error", "?"))[:500]
        return failed_result(exercise, "error",
                             msg("status.import_error", error=error).format(where=where(answer.get("line"))))
    outcomes = read_outcomes(answer.get("calls"), sum(len(p.calls) for p in prepared))
    if outcomes is None:
        return failed_result(exercise, "error", msg("status.forged"))
    return judge_checks(exercise, prepared, outcomes)


def read_outcomes(calls, expected_count: int) -> list[Outcome] | None:
    """Validate the child's per-call answers (they may be forged): None when malformed."""
    if not isinstance(calls, list) or len(calls) != expected_count:
        return None
    outcomes = []
    for item in calls:
        if not isinstance(item, dict):
            return None
        error, line = item.get("error"), item.get("line")
        outcomes.append(Outcome(
            value=item.get("value"),
            error=str(error)[:500] if error is not None else None,
            line=line if type(line) is int else None,
            missing=item.get("missing") is True,
            memory=item.get("memory") is True,
            args_after=item.get("args_after"),
        ))
    return outcomes


def judge_check(check, prepared: Prepared, outcomes: Sequence[Outcome]) -> CheckResult:
    """One check's result from its prepared cases and the learner's outcomes: the one judging
    step of the self-check, ``grade cohort`` and the nbgrader cells (only the runner that
    produced the outcomes differs: a sandbox child, or the notebook's kernel)."""
    with np.errstate(all="ignore"):  # a learner's inf/NaN must not print numpy warnings here
        verdict = check.judge(prepared, outcomes)
    fraction = min(1.0, max(0.0, float(verdict.fraction)))
    return CheckResult(check.name, check.title, check.points, check.points * fraction, verdict.messages,
                       verdict.misconception, wants_later=verdict.wants_later)


def judge_again(check, prepared: Prepared, outcomes: Sequence[Outcome], first: CheckResult) -> CheckResult:
    """The check judged with its ``later`` outcomes too (after ``outcomes`` of its calls): new
    messages and misconception name, the score of the ``first`` judgement."""
    return dataclasses.replace(judge_check(check, prepared, outcomes), score=first.score, wants_later=False)


def lost_points(result: CheckResult):
    return msg("check.lost", title=result.title, score=f"{round(result.score, 1):g}", points=f"{result.points:g}")


def judge_checks(exercise: Exercise, prepared: Sequence[Prepared], outcomes: list[Outcome]) -> ExerciseResult:
    if outcomes and all(o.missing for o in outcomes):
        return failed_result(exercise, "missing",
                             msg("status.no_function", functions=", ".join(exercise.functions)))
    checks, start = [], 0
    for check, ready in zip(exercise.checks, prepared):
        checks.append(judge_check(check, ready, outcomes[start:start + len(ready.calls)]))
        start += len(ready.calls)
    return exercise_result(exercise, checks, outcomes)


def exercise_result(exercise: Exercise, checks: list[CheckResult], outcomes: list[Outcome]) -> ExerciseResult:
    """The exercise's score, status and messages from its checks' results."""
    messages = []
    for result in checks:
        if result.score < result.points:
            messages.append(lost_points(result))
            messages.extend(result.messages)
    score = sum(c.score for c in checks)
    status = "passed" if score >= exercise.max_score else exercise_status(outcomes, messages)
    if score == 0 and all(o.ok and is_blank(o.value) for o in outcomes):  # the untouched stub
        messages = [msg("check.all_none", functions=", ".join(exercise.functions))]
    return ExerciseResult(exercise.name, exercise.title, score, exercise.max_score, status, messages, checks)


def is_blank(value) -> bool:
    """None, or a tuple / list / dict holding only None: what an untouched stub returns."""
    if isinstance(value, (tuple, list)):
        return all(is_blank(v) for v in value)
    if isinstance(value, dict):
        return all(is_blank(v) for v in value.values())
    return value is None


def exercise_status(outcomes: list[Outcome], messages: Sequence = ()) -> str:
    """memory | error (every call raised, or a lost check names a wrong return type) | failed."""
    if any(o.memory for o in outcomes):
        return "memory"
    if outcomes and not any(o.ok for o in outcomes):
        return "error"
    if any(names_wrong_type(m) for m in messages):
        return "error"
    return "failed"


def signal_name(number) -> str:
    try:
        return signal.Signals(number).name
    except (ValueError, TypeError):
        return str(number)
