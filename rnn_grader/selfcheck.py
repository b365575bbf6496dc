"""The learner's self-check: grade the modules (or notebooks) of one submission, in a sandbox.

`grade`, `grade --submission PATH` and ``rnn_grader.check(NAME)`` all come here: one
grading path.  ``PATH`` is read by ``rnn_grader.notebook.sources`` (a folder of modules
and/or notebooks, or one notebook); ``check`` passes the modules it took from the kernel.
"""
from __future__ import annotations

import secrets
from pathlib import Path
from typing import Sequence

from rnn_grader.sandbox import Limits, Sandbox


def fresh_seed() -> int:
    return secrets.randbelow(2**31)


def run_selfcheck(submission: Path, *, names: Sequence[str] | None = None, seed: int | None = None,
                  limits: Limits = Limits(), modules: dict[str, str] | None = None,
                  sandbox: Sandbox | None = None):
    """Grade the named exercises (all when none are named, or those a lone notebook is about)
    of the submission at ``submission``; returns a ``rnn_grader.engine.SubmissionResult``.

    modules: {module name: source} to grade instead of reading ``submission`` (which then
    only names the folder shown in tracebacks).  Raises KeyError for an unknown exercise
    name and FileNotFoundError for a missing folder or notebook.  ``sandbox``: one already
    started (the `grade` command starts its worker first thing); it is closed here.
    """
    with sandbox or Sandbox() as sandbox:  # the worker starts while the grader imports and prepares
        from rnn_grader.engine import all_exercises, grade_submission, select
        from rnn_grader.engine.grading import failed_result
        from rnn_grader.notebook.sources import Submission, read_submission

        select(list(names or []))  # an unknown name is reported before anything is read
        if modules is None:
            functions = {name: e.functions for name, e in all_exercises().items()}
            found = read_submission(Path(submission), functions)
        else:
            found = Submission(Path(submission), dict(modules))
        exercises = select(list(names or found.about or []))
        seed = fresh_seed() if seed is None else seed
        result = grade_submission(found.folder, exercises, seed=seed, sandbox=sandbox, limits=limits,
                                  sources=found.modules)
        for exercise in exercises:
            if exercise.name in found.problems:
                result.exercises[exercise.name] = failed_result(exercise, "error", found.problems[exercise.name])
        return result
