"""Building class folders for the cohort tests: students as folders of modules or notebooks."""
from __future__ import annotations

from pathlib import Path

import nbformat

from rnn_grader.engine import all_exercises
from tests.conftest import ROOT, reference_source, stub_source

PREFERRED = ("gradient_clipping", "lstm_cell_update", "gru_update")


def present(name: str) -> bool:
    return (name in all_exercises() and (ROOT / "solutions" / f"{name}.py").is_file()
            and (ROOT / "exercises" / f"{name}.py").is_file())


# A small subset of the declared exercises keeps the tests fast; gradient_clipping is always there.
NAMES = [n for n in PREFERRED if present(n)][:2]
WRONG_CLIPPING = """
import numpy as np

def gradient_clipping(grad, threshold):
    return grad / np.linalg.norm(grad)
"""


def write_modules(folder: Path, sources: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, source in sources.items():
        (folder / f"{name}.py").write_text(source, encoding="utf-8")
    return folder


def references(names=NAMES, **override) -> dict[str, str]:
    """The reference of every exercise in ``names``, some replaced by ``override``."""
    return {**{n: reference_source(n) for n in names}, **override}


def stubs(names=NAMES) -> dict[str, str]:
    return {n: stub_source(n) for n in names}


def notebook(name: str, source: str, *, magic: bool = False) -> nbformat.NotebookNode:
    """An nbgrader notebook: a markdown cell, the solution cell (grade_id ``name``), a test cell."""
    code = ("%matplotlib inline\n" if magic else "") + source
    return nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell(f"# {name}"),
        nbformat.v4.new_code_cell(code, metadata={"nbgrader": {
            "solution": True, "grade": False, "locked": False, "grade_id": name, "schema_version": 3}}),
        nbformat.v4.new_code_cell("assert False, 'hidden tests never run at import'", metadata={
            "nbgrader": {"solution": False, "grade": True, "locked": True, "points": 1,
                         "grade_id": f"test_{name}", "schema_version": 3}}),
    ])


def write_notebooks(folder: Path, sources: dict[str, str], *, magic: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, source in sources.items():
        nbformat.write(notebook(name, source, magic=magic), str(folder / f"{name}.ipynb"))
    return folder
