"""The learner kit in a fresh virtual environment, as a learner installs it.

One venv for the module (``pip install KIT nbclient ipykernel``: about a minute): the kit's
``grade`` gives the same scores and names the same misconceptions as the instructor's on the
same practice set, ``import solutions`` fails, the quizzes work from sealed data, and a
released nbgrader notebook's visible checks run in a kernel that has only the kit.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from rnn_grader.release import write_kit
from tests.conftest import reference_source
from tests.exercises.test_gradient_clipping import WRONG as CLIPPING_WRONG
from tests.release.kit_files import ROOT, reference_lines

pytestmark = pytest.mark.skipif(shutil.which("pip") is None and not os.environ.get("CI"),
                                reason="needs pip to build a fresh virtual environment")


@pytest.fixture(scope="module")
def kit_env(tmp_path_factory):
    """(kit folder, the venv's python) with only the kit and a Jupyter kernel installed."""
    base = tmp_path_factory.mktemp("kitenv")
    kit = write_kit(base / "kit", lang="en")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(kit), "nbclient", "ipykernel"],
                   check=True, capture_output=True, timeout=900)
    return kit, python


def run(python: Path, *args, cwd: Path, stdin=None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(python), *args], capture_output=True, text=True, cwd=cwd, env=env,
                          input=stdin, timeout=300)


def grade_json(python, folder: Path, *args) -> dict:
    done = run(python, "-m", "rnn_grader", "--submission", str(folder), "--json", *args, cwd=folder.parent)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def test_nothing_of_the_instructor_is_importable(kit_env, tmp_path):
    _, python = kit_env
    for module in ("solutions", "rnn_grader.declarations", "rnn_grader.cohort", "quizzes"):
        done = run(python, "-c", f"import {module}", cwd=tmp_path)
        assert done.returncode != 0 and "ModuleNotFoundError" in done.stderr, module


def test_references_pass_and_stubs_fail(kit_env, tmp_path):
    kit, python = kit_env
    (tmp_path / "references").mkdir()
    for path in (ROOT / "solutions").glob("*.py"):
        shutil.copy(path, tmp_path / "references")
    result = grade_json(python, tmp_path / "references", "--seed", "2")
    assert result["score"] == result["max_score"] > 100
    stubs = grade_json(python, kit / "exercises")
    assert stubs["score"] == 0 and all(e["status"] != "passed" for e in stubs["exercises"].values())


@pytest.mark.parametrize("mistake", sorted(CLIPPING_WRONG))
def test_misconceptions_are_named_in_the_kit(kit_env, tmp_path, mistake):
    _, python = kit_env
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "gradient_clipping.py").write_text(textwrap.dedent(CLIPPING_WRONG[mistake]))
    result = grade_json(python, folder, "-e", "gradient_clipping", "--seed", "0")["exercises"]["gradient_clipping"]
    assert result["score"] < result["max_score"]
    assert result["messages"], mistake


def test_quizzes_work_from_sealed_data(kit_env, tmp_path):
    _, python = kit_env
    right = run(python, "-m", "rnn_grader", "quiz", "chain_rule", "2(x+y)", "--json", cwd=tmp_path)
    assert right.returncode == 0, right.stderr
    assert json.loads(right.stdout)["correct"] is True
    wrong = run(python, "-m", "rnn_grader", "quiz", "chain_rule", "2x", "--json", cwd=tmp_path)
    assert wrong.returncode == 1 and json.loads(wrong.stdout)["correct"] is False
    word = run(python, "-m", "rnn_grader", "quiz", "lstm_forget_gate", "忘却ゲート", "--json", cwd=tmp_path)
    assert word.returncode == 0 and json.loads(word.stdout)["correct"] is True


def test_released_notebook_checks_run_with_the_kit_alone(kit_env, tmp_path):
    """nbgrader's release/ holds no reference; its visible check passes a right solution and
    names the misconception of a wrong one, in a kernel of the kit's venv."""
    from rnn_grader.nbgrader.course import write_course
    from rnn_grader.nbgrader.run import kernel_env, run_nbgrader

    _, python = kit_env
    course = tmp_path / "course"
    write_course(course, ["gradient_clipping"], seed=12345, lang="en")
    run_nbgrader(course, "generate_assignment", "day3", env=kernel_env(tmp_path / "jupyter"))
    released = course / "release" / "day3" / "gradient_clipping.ipynb"
    import nbformat

    sources = "\n".join(cell.source for cell in nbformat.read(released, as_version=4).cells)
    assert "BEGIN SOLUTION" not in sources and "HIDDEN TESTS" not in sources and "12345" not in sources
    assert not any(line.startswith("assert_check(") for line in sources.splitlines())
    leaks = [line for line, source in reference_lines().items() if source == "gradient_clipping.py" and line in sources]
    assert not leaks
    outputs = {}
    for label, source in (("right", reference_source("gradient_clipping")),
                          ("wrong", CLIPPING_WRONG["divide_by_norm"])):
        notebook = tmp_path / f"{label}.ipynb"
        fill_solution(released, notebook, textwrap.dedent(source))
        done = run(python, "-c", EXECUTE, str(notebook), cwd=tmp_path)
        assert done.returncode == 0, done.stderr[-2000:]
        outputs[label] = done.stdout
    assert "passed" in outputs["right"] and "failed" not in outputs["right"]
    assert "norm 1" in outputs["wrong"]


EXECUTE = textwrap.dedent("""
    import sys, nbformat
    from nbclient import NotebookClient
    nb = nbformat.read(sys.argv[1], as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True).execute()
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            print(out.get("text", "") or "".join(out.get("traceback", [])))
""")


def fill_solution(released: Path, target: Path, source: str) -> None:
    import nbformat

    notebook = nbformat.read(released, as_version=4)
    for cell in notebook.cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
            cell.source = source
    nbformat.write(notebook, target)
