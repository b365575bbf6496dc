"""The learner's code in a notebook: the solution cell(s), as a module's source.

(Used by `grade cohort` and by `grade --submission`; it lives here, not in ``cohort/``,
because the learner kit, which has no ``cohort`` package, reads notebooks too.)

nbgrader marks the cell a learner fills in with ``metadata.nbgrader.solution = true`` (and
``grade_id``).  For ``<name>.ipynb`` the module ``<name>`` is

* the solution code cells whose ``grade_id`` is ``<name>`` when there are any,
* else every solution code cell, in notebook order,
* else (a notebook without nbgrader metadata) every code cell.

IPython-only lines (``%magic``, ``!shell``) are commented out, keeping line numbers.
Autograder test cells are never part of the module.  ``nbformat`` is imported only when a
notebook is read.
"""
from __future__ import annotations

import warnings

from rnn_grader.notebook_import import import_nbformat

MAX_NOTEBOOK_BYTES = 16 << 20


class NotebookError(ValueError):
    """The notebook cannot be read (not JSON, not a notebook, too large)."""


def solution_source(raw: bytes, name: str) -> str:
    """The module source held by the notebook ``raw`` (its bytes) for exercise ``name``."""
    if len(raw) > MAX_NOTEBOOK_BYTES:
        raise NotebookError(f"larger than {MAX_NOTEBOOK_BYTES >> 20} MB")
    nbformat = import_nbformat()  # here, not at the top: only where notebooks are read

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            notebook = nbformat.reads(raw.decode("utf-8", "replace"), as_version=4)
        cells = [cell for cell in notebook.cells if cell.get("cell_type") == "code"]
        chosen = chosen_cells(cells, name)
        return "\n\n".join(without_magics(str(cell.get("source", ""))) for cell in chosen)
    except NotebookError:
        raise
    except Exception as exc:  # nbformat's many errors, and RecursionError on absurd nesting
        raise NotebookError(type(exc).__name__) from None


def nbgrader_meta(cell) -> dict:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return meta if isinstance(meta, dict) else {}


def chosen_cells(cells: list, name: str) -> list:
    """The code cells that form the module (see the module docstring for the rule)."""
    solutions = [c for c in cells if nbgrader_meta(c).get("solution") is True]
    named = [c for c in solutions if nbgrader_meta(c).get("grade_id") == name]
    return named or solutions or cells


def without_magics(source: str) -> str:
    """``%timeit f()`` -> ``# %timeit f()``: IPython syntax that plain Python cannot import."""
    lines = source.splitlines()
    return "\n".join("# " + line if line.startswith(("%", "!")) else line for line in lines)
