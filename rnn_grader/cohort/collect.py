"""Finding the students of a class folder and reading their sources.

    DIR/<student>/<name>.py            modules, as for `grade --submission`
    DIR/<student>/<name>.ipynb         nbgrader notebooks (the solution cell is the module)
    DIR/<student>/day3/<name>.ipynb    nbgrader's own layout (DIR = COURSE/submitted)
    COURSE/                            a course folder with nbgrader_config.py and submitted/
    DIR/<student>/quiz.json            optional quiz answers {"<quiz id>": "<answer>", ...}

A student is any visible sub-folder (hidden names, ``__pycache__``, symlinks and files are
skipped).  The folder name is untrusted text: it is shown made safe (``safe.py``: no control
character, no lone surrogate), never used in a shell command or as part of a path the grader
writes.  Finding the students reads nothing; each student's files are read, and notebooks
parsed, when that student is graded (``Submission.read``).
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from rnn_grader.cohort.notebooks import MAX_NOTEBOOK_BYTES, NotebookError, solution_source
from rnn_grader.safe import safe_name
from rnn_grader.engine.grading import MAX_MODULES, MAX_SOURCE_BYTES
from rnn_grader.messages import Text, msg

ASSIGNMENT = "day3"
QUIZ_FILE = "quiz.json"
MAX_QUIZ_BYTES = 64 << 10
SKIPPED = {"__pycache__"}


@dataclass
class Submission:
    """One student's submission, found on disk and read on first use (in a grading process:
    notebooks are parsed there, one student at a time, not all before grading starts).

    student: the name shown (the folder name made safe, unique); student_id: the folder name
    as on disk (the id of the student's inputs, ``engine.seeds.student_seed``); folder: where
    the sources are; files: {module name: its .py or .ipynb file}; quiz_file: quiz.json or None;
    unreadable: why the folder itself could not be listed (then every exercise is an error).
    Read on first use: sources {module name: source}, problems {module name: why it was
    unreadable}, quiz (the bytes of quiz.json, capped at MAX_QUIZ_BYTES + 1, or None)."""

    student: str
    folder: Path
    student_id: str = ""
    files: dict[str, Path] = field(default_factory=dict)
    quiz_file: Path | None = None
    unreadable: Text | None = None
    _read: tuple | None = field(default=None, repr=False, compare=False)
    _fingerprint: str | None = field(default=None, repr=False, compare=False)

    @property
    def sources(self) -> dict[str, str]:
        return self.read()[0]

    @property
    def problems(self) -> dict[str, Text]:
        return self.read()[1]

    @property
    def quiz(self) -> bytes | None:
        return self.read()[2]

    def read(self) -> tuple[dict[str, str], dict[str, Text], bytes | None]:
        """(sources, problems, quiz), read once; an unreadable file is a problem of that
        module (or a refused quiz.json), never an exception."""
        if self._read is None:
            sources, problems = {}, {}
            for name, path in self.files.items():
                try:
                    sources[name] = read_source(path)
                except (NotebookError, OSError, MemoryError) as exc:
                    key = "cohort.bad_notebook" if path.suffix == ".ipynb" else "cohort.bad_file"
                    problems[name] = msg(key, file=safe_name(path.name),
                                         error=safe_name(str(exc) or type(exc).__name__)[:200])
            self._read = (sources, problems, read_quiz(self.quiz_file))
        return self._read

    def forget(self) -> None:
        """Drop what was read (graded: the sources need not stay in memory for the run)."""
        self._read = None

    def fingerprint(self) -> str:
        """A hash of everything graded (the bytes of each file, not their parse), taken once:
        a changed submission gets a new fingerprint."""
        if self._fingerprint is None:
            content = {"files": {name: file_digest(path) for name, path in self.files.items()},
                       "quiz": None if self.quiz_file is None else file_digest(self.quiz_file, MAX_QUIZ_BYTES)}
            self._fingerprint = hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()
        return self._fingerprint


def file_digest(path: Path, cap: int = MAX_NOTEBOOK_BYTES) -> str:
    """SHA-256 of the first ``cap + 1`` bytes of ``path`` ("-" when unreadable)."""
    digest = hashlib.sha256(path.suffix.encode() + b"\0")
    try:
        with open_regular(path) as handle:
            left = cap + 1
            while left > 0 and (chunk := handle.read(min(left, 1 << 20))):
                digest.update(chunk)
                left -= len(chunk)
    except OSError:
        return "-"
    return digest.hexdigest()


def read_source(path: Path) -> str:
    """The module held by ``path``: a .py file's text, or a notebook's solution cells; at most
    MAX_SOURCE_BYTES either way (a larger notebook-derived source is refused)."""
    if path.suffix == ".py":
        return read_capped(path, MAX_SOURCE_BYTES - 1).decode("utf-8", "replace")
    source = solution_source(read_capped(path, MAX_NOTEBOOK_BYTES), path.stem)
    if len(source.encode("utf-8", "surrogatepass")) >= MAX_SOURCE_BYTES:
        raise NotebookError(f"its code is larger than {MAX_SOURCE_BYTES >> 20} MB")
    return source


def read_quiz(path: Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        return read_capped(path, MAX_QUIZ_BYTES)
    except OSError:
        return b""  # refused as not JSON, like any unreadable answer file


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
        try:
            submission = find_submission(folder)
        except OSError as exc:  # an unreadable folder: that student's row says so, the others go on
            submission = Submission(folder.name, folder, student_id=folder.name,
                                    unreadable=msg("cohort.bad_folder", error=safe_name(str(exc))[:200]))
        submission.student = unique_name(safe_name(display_name(folder.name)), seen)
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


def open_regular(path: Path):
    """``path`` opened for reading as bytes, if it is a regular file: a symlink, FIFO or device
    put there since it was listed is refused (OSError) rather than followed or waited on."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    handle = open(fd, "rb")
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        handle.close()
        raise OSError(f"{path.name} is not a regular file")
    return handle


def read_capped(path: Path, cap: int) -> bytes:
    """At most ``cap + 1`` bytes (one more than allowed, so that "too large" shows) of the
    regular file ``path`` (see ``open_regular``)."""
    with open_regular(path) as handle:
        return handle.read(cap + 1)


def find_submission(student_dir: Path) -> Submission:
    """The files of one student (nothing is read yet)."""
    folder = source_folder(student_dir)
    submission = Submission(student_dir.name, folder, student_id=student_dir.name)
    for path in regular_files(folder, "*.py")[:MAX_MODULES]:
        submission.files[path.stem] = path
    for path in regular_files(folder, "*.ipynb")[:MAX_MODULES]:
        submission.files.setdefault(path.stem, path)  # a .py module wins over a notebook of that name
    for place in dict.fromkeys((student_dir, folder)):
        quiz = place / QUIZ_FILE
        if quiz.is_file() and not quiz.is_symlink():
            submission.quiz_file = quiz
            break
    return submission
