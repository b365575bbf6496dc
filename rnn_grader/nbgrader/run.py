"""Running real nbgrader on a course written by ``write_course`` (the end-to-end test and the
benchmark use these helpers).

    env = kernel_env(tmp / "jupyter")                    # python3 kernel = this interpreter
    run_nbgrader(course, "generate_assignment", "day3", env=env)
    submit(course, "alice", {"gradient_clipping": source})   # submitted/alice/day3/*.ipynb
    run_nbgrader(course, "autograde", "day3", env=env)
    notebook_scores(course)                              # {student: {notebook: score}}
    export_totals(course, env=env)                       # grades.csv: {student: score}

nbgrader runs each notebook in the kernel named in its metadata (``python3``).  ``kernel_env``
makes that name mean the interpreter running this code, whatever kernels the machine has (a
fresh venv, CI as root, a user's own ``python3`` kernel elsewhere): its ``JUPYTER_PATH`` comes
first in Jupyter's search path, and the user's Jupyter config and data folders are replaced
by empty ones.
"""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Mapping

import nbformat

from rnn_grader.nbgrader.cells import without_markers
from rnn_grader.nbgrader.course import ASSIGNMENT

PROJECT_ROOT = Path(__file__).resolve().parents[2]
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def kernel_env(folder: Path, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """An environment where Jupyter's ``python3`` kernel is ``sys.executable`` (ipykernel)."""
    folder = Path(folder)
    spec = folder / "share" / "kernels" / "python3"
    spec.mkdir(parents=True, exist_ok=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3", "language": "python",
    }))
    env = dict(os.environ if base is None else base)
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in [str(folder / "share"), env.get("JUPYTER_PATH", "")] if p)
    for variable, name in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"),
                           ("JUPYTER_RUNTIME_DIR", "runtime")):
        (folder / name).mkdir(exist_ok=True)
        env[variable] = str(folder / name)
    env["PYTHONPATH"] = os.pathsep.join(p for p in [str(PROJECT_ROOT), env.get("PYTHONPATH", "")] if p)
    for variable in THREAD_VARIABLES:
        env.setdefault(variable, "1")
    return env


def run_nbgrader(course: Path, *args: str, env: Mapping[str, str], timeout: float = 900) -> subprocess.CompletedProcess:
    """``nbgrader ARGS`` from the course folder; RuntimeError with its output when it fails."""
    run = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=dict(env),
                         capture_output=True, text=True, timeout=timeout)
    if run.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} exited {run.returncode}:\n"
                           f"{run.stdout[-3000:]}\n{run.stderr[-6000:]}")
    return run


def solution_cell(notebook):
    """The notebook's solution cell (nbgrader metadata ``solution: true``)."""
    return next(c for c in notebook.cells if c.get("metadata", {}).get("nbgrader", {}).get("solution"))


def reference_code(course: Path, name: str) -> str:
    """The source notebook's solution cell without the marker lines: a perfect submission."""
    notebook = nbformat.read(str(Path(course) / "source" / ASSIGNMENT / f"{name}.ipynb"), as_version=4)
    return without_markers(solution_cell(notebook).source)


def submit(course: Path, student: str, answers: Mapping[str, str | None]) -> Path:
    """Put ``student``'s submission in ``submitted/<student>/day3/``: for each exercise the
    released notebook, its solution cell replaced by ``answers[name]`` (None: untouched)."""
    release = Path(course) / "release" / ASSIGNMENT
    folder = Path(course) / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    for name, code in answers.items():
        notebook = nbformat.read(str(release / f"{name}.ipynb"), as_version=4)
        if code is not None:
            solution_cell(notebook).source = code
        nbformat.write(notebook, str(folder / f"{name}.ipynb"))
    (folder / "timestamp.txt").write_text("2024-04-01 10:00:00.000000 UTC")
    return folder


def notebook_scores(course: Path) -> dict[str, dict[str, float]]:
    """``{student: {notebook: score}}`` from nbgrader's gradebook.db."""
    from nbgrader.api import Gradebook

    scores: dict[str, dict[str, float]] = {}
    with Gradebook(f"sqlite:///{Path(course).resolve() / 'gradebook.db'}") as gradebook:
        assignment = gradebook.find_assignment(ASSIGNMENT)
        for submission in assignment.submissions:
            scores[submission.student.id] = {nb.name: float(nb.score) for nb in submission.notebooks}
    return scores


def export_totals(course: Path, *, env: Mapping[str, str]) -> dict[str, float]:
    """``nbgrader export`` and its grades.csv read back: ``{student: score}`` of the assignment."""
    run_nbgrader(course, "export", env=env)
    with open(Path(course) / "grades.csv", newline="") as handle:
        return {row["student_id"]: float(row["score"]) for row in csv.DictReader(handle)
                if row["assignment"] == ASSIGNMENT}
