"""What `grade --submission PATH` grades: modules, notebooks, or one notebook.

    PATH/<name>.py        a module (as before)
    PATH/<name>.ipynb     a notebook: its code cells, chosen as `grade cohort` chooses them
                          (``cells.py``), keep only their definitions
                          (``definitions.py``); a .py module wins over a notebook of that name
    PATH = <name>.ipynb   one notebook: module ``<name>``; when ``<name>`` is not an exercise
                          (``Untitled.ipynb``, ``day3.ipynb``), its code serves as the module
                          of every exercise, and the exercises whose functions it defines are
                          the ones graded when none is named

``nbformat`` is imported only when there is a notebook to read.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rnn_grader.messages import Text, msg

MAX_NOTEBOOKS = 64


@dataclass
class Submission:
    """folder: where the modules live (shown in tracebacks); modules: {module name: source},
    or None to let the engine read ``folder/*.py`` itself; problems: {module name: why its
    notebook is unreadable}; about: the exercises a lone notebook is about (None: not known)."""

    folder: Path
    modules: dict[str, str] | None = None
    problems: dict[str, Text] = field(default_factory=dict)
    about: list[str] | None = None


def read_submission(path: Path, functions: dict[str, tuple]) -> Submission:
    """The submission at ``path`` (a folder or one ``.ipynb``); FileNotFoundError when neither.

    functions: {exercise name: its function names}, for every exercise (to recognize what a
    lone notebook is about)."""
    path = Path(path)
    if path.is_file() and path.suffix == ".ipynb":
        return read_lone_notebook(path, functions)
    if not path.is_dir():
        raise FileNotFoundError(str(path))
    notebooks = notebook_files(path)
    if not notebooks:
        return Submission(path)
    from rnn_grader.engine.grading import read_sources

    submission = Submission(path, read_sources(path))
    neighbours = set(submission.modules) | {notebook.stem for notebook in notebooks}
    for notebook in notebooks:
        if notebook.stem not in submission.modules:
            read_notebook(submission, notebook, neighbours=neighbours)
    return submission


def notebook_files(folder: Path) -> list[Path]:
    return [p for p in sorted(folder.glob("*.ipynb"))[:MAX_NOTEBOOKS]
            if p.stem.isidentifier() and p.is_file() and not p.is_symlink()]


def read_notebook(submission: Submission, path: Path, module: str | None = None,
                  neighbours: set[str] = frozenset()) -> str | None:
    """Add ``path``'s definitions as module ``module`` (default: its stem); the source, or
    None when the notebook is unreadable (then a problem is recorded).  ``neighbours``: the
    submission's other modules, which the notebook may import."""
    from rnn_grader.notebook.cells import MAX_NOTEBOOK_BYTES, NotebookError, solution_source
    from rnn_grader.notebook.definitions import definitions

    module = module or path.stem
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_NOTEBOOK_BYTES + 1)
        source = definitions(solution_source(raw, module), neighbours)
    except (NotebookError, OSError) as exc:
        submission.problems[module] = msg("cohort.bad_notebook", file=path.name, error=str(exc))
        return None
    submission.modules[module] = source
    return source


def read_lone_notebook(path: Path, functions: dict[str, tuple]) -> Submission:
    """One notebook: module ``path.stem``, or every exercise's module (see the docstring)."""
    from rnn_grader.notebook.definitions import defined_functions

    submission = Submission(path.parent, {})
    if path.stem in functions:
        read_notebook(submission, path)
        submission.about = [path.stem]
        return submission
    source = read_notebook(submission, path, module=path.stem)
    if source is None:
        submission.problems = {name: submission.problems[path.stem] for name in functions}
        return submission
    submission.modules.update({name: source for name in functions})
    defined = defined_functions(source)
    submission.about = [name for name, needed in functions.items() if defined & set(needed)] or None
    return submission
