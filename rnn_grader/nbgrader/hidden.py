"""The seed of the hidden tests in an nbgrader course: per student, from a secret course seed.

    COURSE/course_seed.txt                  the course seed (written by `grade nbgrader`)
    COURSE/autograded/<student>/day3/       where `nbgrader autograde` runs a notebook

A hidden test cell calls ``hidden_seed()``: the kernel's working folder tells the student id
(nbgrader runs each notebook in ``autograded/<student>/<assignment>/``), the course folder
holds the seed, and ``engine.seeds.student_seed`` makes the two one seed, the one `grade
cohort` and `grade verify` use for that student.

The course seed is the instructor's: ``course_seed.txt`` sits in the course folder, which
nbgrader never releases (only ``source/<assignment>/`` is copied to ``release/``), and the
hidden cells that read it are removed from the released notebooks.  It is secret from the
learners, not from code running at autograde time: a submission shares the kernel (and the
instructor's files) with the hidden tests there, which is why `grade verify` grades every
submission again in the sandbox, where the references and the judge are out of reach.
Outside ``autograded/``
(``nbgrader validate`` on the source notebooks) the inputs are those of the id "".
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path

from rnn_grader.engine.seeds import student_seed
from rnn_grader.messages import default_lang, msg

SEED_FILE = "course_seed.txt"
CONFIG_FILE = "nbgrader_config.py"
AUTOGRADED = "autograded"


class CourseSeedMissing(RuntimeError):
    """No course folder with a course seed above the working folder."""


def read_course_seed(course: Path) -> int:
    """The course seed stored in ``course`` (CourseSeedMissing when there is none)."""
    try:
        return int((Path(course) / SEED_FILE).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        raise CourseSeedMissing(msg("nbgrader.no_course_seed", path=str(course), file=SEED_FILE)
                                .render(default_lang())) from None


def write_course_seed(course: Path, seed: int | None = None) -> int:
    """Store ``seed`` in ``course`` (readable by the instructor only); ``None`` keeps the
    seed already stored, or draws a new secret one.  Returns the seed."""
    path = Path(course) / SEED_FILE
    if seed is None:
        try:
            return read_course_seed(course)
        except CourseSeedMissing:
            seed = secrets.randbits(32)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(fd, "w", encoding="ascii") as handle:
        handle.write(f"{int(seed)}\n")
    return int(seed)


def find_course(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding nbgrader_config.py and the seed."""
    for folder in [start, *start.parents]:
        if (folder / CONFIG_FILE).is_file() and (folder / SEED_FILE).is_file():
            return folder
    return None


def student_of(folder: Path, course: Path) -> str:
    """The student id when ``folder`` is ``course/autograded/<student>/...``, else ""."""
    parts = folder.relative_to(course).parts
    return parts[1] if len(parts) >= 2 and parts[0] == AUTOGRADED else ""


def hidden_seed(folder: str | Path | None = None) -> int:
    """The seed of the hidden tests for the notebook running in ``folder`` (default: the
    working folder): ``student_seed(course seed, student id)``."""
    folder = Path(folder if folder is not None else os.getcwd()).absolute()
    course = find_course(folder)
    if course is None:
        raise CourseSeedMissing(msg("nbgrader.no_course_seed", path=str(folder), file=SEED_FILE)
                                .render(default_lang()))
    return student_seed(read_course_seed(course), student_of(folder, course))
