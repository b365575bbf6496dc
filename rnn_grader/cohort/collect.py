"""Finding the students of a class folder and reading their sources.

    DIR/<student>/<name>.py            modules, as for `grade --submission`
    DIR/<student>/<name>.ipynb         nbgrader notebooks (the solution cell is the module)
    DIR/<student>/day3/<name>.ipynb    nbgrader's own layout (DIR = COURSE/submitted)
    COURSE/                            a course folder with nbgrader_config.py and submitted/
    DIR/<student>/quiz.json            optional quiz answers {"<quiz id>": "<answer>", ...}

A student is any visible sub-folder (hidden names, ``__pycache__``, symlinks and files are
skipped).  The folder name is untrusted text: it is used as a dict key and a CSV cell,
never in a shell command or as part of a path the grader writes.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from rnn_grader.cohort.notebooks import MAX_NOTEBOOK_BYTES, NotebookError, solution_source
from rnn_grader.engine.grading import MAX_MODULES, MAX_SOURCE_BYTES
from rnn_grader.messages import Text, msg

ASSIGNMENT = "day3"
QUIZ_FILE = "quiz.json"
MAX_QUIZ_BYTES = 64 << 10
SKIPPED = {"__pycache__"}


@dataclass
class Submission:
    """One student's submission as read from disk.

    student: the folder name; folder: where the sources were found;
    sources: {module name: source}; problems: {module name: why its notebook was unreadable};
    quiz: the bytes of quiz.json (None when there is none; capped at MAX_QUIZ_BYTES + 1)."""

    student: str
    folder: Path
    sources: dict[str, str] = field(default_factory=dict)
    problems: dict[str, Text] = field(default_factory=dict)
    quiz: bytes | None = None

    def fingerprint(self) -> str:
        """A hash of everything graded: a changed submission gets a new fingerprint."""
        content = {"sources": self.sources, "problems": sorted(self.problems),
                   "quiz": None if self.quiz is None else hashlib.sha256(self.quiz).hexdigest()}
        return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def students_root(root: Path) -> Path:
    """``COURSE/submitted`` for an nbgrader course folder, else ``root`` itself."""
    if (root / "nbgrader_config.py").is_file() and (root / "submitted").is_dir():
        return root / "submitted"
    return root


def visible_dirs(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir()
                  if p.name not in SKIPPED and not p.name.startswith(".")
                  and p.is_dir() and not p.is_symlink())


def find_students(root: Path) -> list[Submission]:
    """Every student of ``root`` (a class folder or an nbgrader course), sorted by name."""
    submissions, seen = [], set()
    for folder in visible_dirs(students_root(Path(root))):
        submission = read_submission(folder)
        submission.student = unique_name(display_name(folder.name), seen)
        seen.add(submission.student)
        submissions.append(submission)
    return submissions


def display_name(name: str) -> str:
    """The folder name as valid Unicode (bytes that are not UTF-8 become U+FFFD)."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def unique_name(name: str, seen: set) -> str:
    """``name``, or ``name (2)``, ``name (3)``... when two folders show the same name."""
    candidate, n = name, 1
    while candidate in seen:
        n += 1
        candidate = f"{name} ({n})"
    return candidate


def source_folder(student_dir: Path) -> Path:
    """Where the modules are: the student's folder, or its assignment folder (``day3/``, or
    its only sub-folder) when the student's folder itself holds no module or notebook."""
    if any(regular_files(student_dir, "*.py")) or any(regular_files(student_dir, "*.ipynb")):
        return student_dir
    if (student_dir / ASSIGNMENT).is_dir() and not (student_dir / ASSIGNMENT).is_symlink():
        return student_dir / ASSIGNMENT
    subdirs = visible_dirs(student_dir)
    return subdirs[0] if len(subdirs) == 1 else student_dir


def regular_files(folder: Path, pattern: str) -> list[Path]:
    """Files matching ``pattern`` with an importable name (no symlinks, FIFOs or devices)."""
    return [p for p in sorted(folder.glob(pattern))
            if p.stem.isidentifier() and p.is_file() and not p.is_symlink()]


def read_capped(path: Path, cap: int) -> bytes:
    """At most ``cap + 1`` bytes (one more than allowed, so that "too large" shows)."""
    with open(path, "rb") as handle:
        return handle.read(cap + 1)


def read_submission(student_dir: Path) -> Submission:
    folder = source_folder(student_dir)
    submission = Submission(student_dir.name, folder)
    for path in regular_files(folder, "*.py")[:MAX_MODULES]:
        submission.sources[path.stem] = read_capped(path, MAX_SOURCE_BYTES - 1).decode("utf-8", "replace")
    for path in regular_files(folder, "*.ipynb")[:MAX_MODULES]:
        if path.stem not in submission.sources:  # a .py module wins over a notebook of that name
            read_notebook(submission, path)
    for place in dict.fromkeys((student_dir, folder)):
        quiz = place / QUIZ_FILE
        if quiz.is_file() and not quiz.is_symlink():
            submission.quiz = read_capped(quiz, MAX_QUIZ_BYTES)
            break
    return submission


def read_notebook(submission: Submission, path: Path) -> None:
    try:
        submission.sources[path.stem] = solution_source(read_capped(path, MAX_NOTEBOOK_BYTES), path.stem)
    except (NotebookError, OSError) as exc:
        submission.problems[path.stem] = msg("cohort.bad_notebook", file=path.name, error=str(exc))
