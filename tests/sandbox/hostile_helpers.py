"""Shared pieces of the between-jobs attack tests: sandboxes with and without bubblewrap,
grading one source, and the processes a sandbox worker has below it."""
from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from rnn_grader.engine import grade_submission, select
from rnn_grader.sandbox import Limits, Sandbox, isolation_available

VICTIM = "gradient_clipping"
RIGHT = ("import numpy as np\ndef gradient_clipping(grad, threshold):\n"
         "    n = np.linalg.norm(grad)\n    return grad * (threshold / n) if n > threshold else grad\n")
LIMITS = Limits(wall_seconds=2.0, cpu_seconds=2.0, memory_mb=512)


def isolation_modes() -> list:
    """[True, False] where bubblewrap runs here, else [False] (the True case is skipped)."""
    return [pytest.param(True, id="bwrap", marks=pytest.mark.skipif(
                not isolation_available(), reason="bubblewrap cannot run here")),
            pytest.param(False, id="plain")]


def grade(box: Sandbox, folder: Path, source: str, names=(VICTIM,), limits: Limits = LIMITS, extra=None):
    """Grade ``source`` as the module of ``names[0]`` (plus ``extra`` {module: source})."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{names[0]}.py").write_text(textwrap.dedent(source))
    for module, text in (extra or {}).items():
        (folder / f"{module}.py").write_text(textwrap.dedent(text))
    return grade_submission(folder, select(list(names)), seed=0, sandbox=box, limits=limits)


def parent_of(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return int(handle.read().rsplit(b")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def descendants(root: int) -> list[int]:
    """Every process below ``root`` (real pids, seen from here)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            parent = parent_of(int(entry))
            if parent is not None:
                children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def job_processes(box: Sandbox) -> list[int]:
    """The processes below the sandbox worker itself: none while no job runs.  Children of
    the worker are forks of it (same command line); bubblewrap's own processes are not counted."""
    python = []
    for pid in [box.process.pid, *descendants(box.process.pid)]:
        try:
            argv0 = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0", 1)[0]
        except OSError:
            continue
        if not argv0.endswith(b"bwrap"):
            python.append(pid)
    return python[1:] if python else []  # the first python process is the worker
