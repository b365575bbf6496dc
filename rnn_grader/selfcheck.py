"""The learner's self-check: grade the modules of one folder, in a sandbox."""
from __future__ import annotations

import secrets
from pathlib import Path
from typing import Sequence

from rnn_grader.sandbox import Limits, Sandbox


def fresh_seed() -> int:
    return secrets.randbelow(2**31)


def run_selfcheck(submission: Path, *, names: Sequence[str] | None = None, seed: int | None = None,
                  limits: Limits = Limits()):
    """Grade ``submission/<name>.py`` for the named exercises (all when none are named);
    returns a ``rnn_grader.engine.SubmissionResult``.

    Raises KeyError for an unknown exercise name and FileNotFoundError for a missing folder.
    """
    with Sandbox() as sandbox:  # the worker starts while the grader imports and prepares
        from rnn_grader.engine import grade_submission, select

        exercises = select(list(names or []))
        if not Path(submission).is_dir():
            raise FileNotFoundError(str(submission))
        seed = fresh_seed() if seed is None else seed
        return grade_submission(Path(submission), exercises, seed=seed, sandbox=sandbox, limits=limits)
