"""Shared fixtures: one warm sandbox for the session, and grading a module given as source."""
from __future__ import annotations

import os
import tempfile
import textwrap
from pathlib import Path

import pytest

from rnn_grader.engine import ExerciseResult, grade_submission, select
from rnn_grader.sandbox import Limits, Sandbox

ROOT = Path(__file__).resolve().parent.parent
# The self-check remembers runs (``rnn_grader.progress``): the tests' runs, and those of the
# `grade` processes they start, go to a folder of their own, not the user's history.
os.environ.setdefault("RNN_GRADER_HISTORY", str(Path(tempfile.mkdtemp(prefix="rnn-grader-tests-")) / "history.json"))


def reference_source(name: str) -> str:
    return (ROOT / "solutions" / f"{name}.py").read_text()


def stub_source(name: str) -> str:
    return (ROOT / "exercises" / f"{name}.py").read_text()


@pytest.fixture(scope="session")
def sandbox():
    with Sandbox() as box:
        yield box


@pytest.fixture
def grade_source(sandbox, tmp_path):
    """grade_source(name, source, seed=0, extra={module: source}) -> ExerciseResult."""

    def grade(name: str, source: str, *, seed: int = 0, extra: dict | None = None,
              limits: Limits = Limits()) -> ExerciseResult:
        folder = tmp_path / f"submission-{seed}"
        folder.mkdir(exist_ok=True)
        (folder / f"{name}.py").write_text(textwrap.dedent(source))
        for module, text in (extra or {}).items():
            (folder / f"{module}.py").write_text(textwrap.dedent(text))
        result = grade_submission(folder, select([name]), seed=seed, sandbox=sandbox, limits=limits)
        return result.exercises[name]

    return grade
