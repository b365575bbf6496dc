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


class ProcessLog:
    """A list that the cohort's grading processes (forked from the test's process) can
    append to: one line per entry, in a file.  Compares equal to the list of its lines."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.write_text("")

    def append(self, line: str) -> None:
        with open(self.path, "a", encoding="utf-8") as handle:   # one short write: atomic
            handle.write(f"{line}\n")

    def lines(self) -> list[str]:
        return self.path.read_text(encoding="utf-8").splitlines()

    def clear(self) -> None:
        self.path.write_text("")

    def __iter__(self):
        return iter(self.lines())

    def __len__(self) -> int:
        return len(self.lines())

    def __eq__(self, other) -> bool:
        return self.lines() == list(other)


class CountLog(ProcessLog):
    """``{key: total}`` of the ``add(key, n)`` calls made by any process."""

    def add(self, key: str, count: int) -> None:
        self.append(f"{key}\t{count}")

    def counts(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for line in self.lines():
            key, count = line.rsplit("\t", 1)
            totals[key] = totals.get(key, 0) + int(count)
        return totals

    def values(self):
        return self.counts().values()

    def __iter__(self):
        return iter(self.counts())

    def __eq__(self, other) -> bool:
        return self.counts() == dict(other)
