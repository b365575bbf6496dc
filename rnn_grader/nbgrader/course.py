"""Writing the nbgrader course: ``COURSE_DIR/nbgrader_config.py`` and one notebook per exercise,
``COURSE_DIR/source/day3/<name>.ipynb`` (the contract's layout).

    paths = write_course(Path("course"), seed=0, lang="ja")   # + COURSE/course_seed.txt

Every declared exercise (``rnn_grader.engine.all_exercises()``) with a reference module gets a
notebook; the hidden test cells call ``rnn_grader.engine.local`` on each student's own inputs,
drawn from the course seed (stored in ``COURSE/course_seed.txt``, never in a notebook) and the
student id, as `grade cohort` and `grade verify` draw them, so the graders give the same scores.
The visible samples use a fixed practice seed that says nothing about the course seed.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import nbformat

import exercises as stub_package
import solutions as reference_package
from rnn_grader.engine import Exercise, select
from rnn_grader.nbgrader.hidden import write_course_seed
from rnn_grader.nbgrader.cells import (Module, code_stub, is_task, markdown_cells, new_notebook,
                                   solution_cell, solution_source, test_cells)

ASSIGNMENT = "day3"
COURSE_ID = "dl-day3"
CELL_TIMEOUT = 30
PRACTICE_SEED = 1  # the visible samples' inputs: the same in every course, unrelated to the course seed
SOLUTIONS = Path(reference_package.__file__).resolve().parent
STUBS = Path(stub_package.__file__).resolve().parent

CONFIG = '''"""nbgrader configuration of the Deep Learning Day 3 course (written by `grade nbgrader`).

Run from this folder: `nbgrader generate_assignment {assignment}`, `nbgrader autograde {assignment}`,
`nbgrader export`.  The test cells import `rnn_grader.engine.local`: the kernel that runs the
notebooks (the students' and nbgrader's) needs the rnn-grader package installed.
"""
c = get_config()  # noqa: F821 - provided by nbgrader when it reads this file

c.CourseDirectory.course_id = {course_id!r}

# A released notebook shows this in place of each "### BEGIN SOLUTION" region; an untouched
# function returns None, which every check rejects (score 0, nothing hangs).
c.ClearSolutions.code_stub = {{"python": {code_stub!r}}}

# Every cell runs in the student's kernel: interrupt an endless loop after {timeout} s.
c.Execute.timeout = {timeout}
c.ExecutePreprocessor.timeout = {timeout}
'''


def exercise_sources(name: str) -> tuple[Module | None, Module | None]:
    """The parsed reference ``solutions/<name>.py`` and stub ``exercises/<name>.py`` (None if absent)."""
    return Module.read(SOLUTIONS / f"{name}.py"), Module.read(STUBS / f"{name}.py")


def tasks(exercise: Exercise, reference: Module, stub: Module | None) -> list[str]:
    """The functions the learner writes, in the stub's order."""
    module = stub or reference
    graded = set(exercise.functions)
    return [name for name in module.functions() if is_task(name, stub, graded)] or list(exercise.functions)


def build_notebook(exercise: Exercise, *, lang: str = "en"):
    """The source notebook of ``exercise`` (None when it has no reference module)."""
    reference, stub = exercise_sources(exercise.name)
    if reference is None:
        return None
    stub_text = code_stub(lang)[0].lstrip("# ")
    source = solution_source(reference, stub, set(exercise.functions))
    cells = [
        *markdown_cells(exercise, stub, reference, tasks(exercise, reference, stub), lang, stub_text),
        solution_cell(exercise.name, source),
        *test_cells(exercise, practice_seed=PRACTICE_SEED, lang=lang),
    ]
    notebook = new_notebook(cells)
    nbformat.validate(notebook)
    return notebook


def config_text(lang: str) -> str:
    return CONFIG.format(assignment=ASSIGNMENT, course_id=COURSE_ID, timeout=CELL_TIMEOUT,
                         code_stub="\n".join(code_stub(lang)))


def write_course(course_dir: Path, names: Sequence[str] | None = None, *, seed: int | None = None,
                 lang: str = "en") -> tuple[list[Path], list[str]]:
    """Write the config, the course seed and the notebooks of ``names`` (all declared
    exercises when empty).  ``seed``: the course seed; None keeps the one the course already
    has, or draws a secret one.

    Returns the notebooks written and the names skipped (no reference module).  An unknown
    name raises KeyError (from ``select``)."""
    exercises = select(list(names) if names else None)
    folder = Path(course_dir) / "source" / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    (Path(course_dir) / "nbgrader_config.py").write_text(config_text(lang), encoding="utf-8")
    write_course_seed(Path(course_dir), seed)
    written, skipped = [], []
    for exercise in exercises:
        notebook = build_notebook(exercise, lang=lang)
        if notebook is None:
            skipped.append(exercise.name)
            continue
        path = folder / f"{exercise.name}.ipynb"
        nbformat.write(notebook, str(path))
        written.append(path)
    return written, skipped
