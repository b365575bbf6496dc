"""Resume state: one JSON file per finished student, so a rerun skips them.

    <state dir>/<sha256 of the student's name>.json
        {"version": 2, "student": name, "key": key, "result": SubmissionResult record,
         "quiz": {id: QuizAnswer record} | null}

``key`` hashes everything a score depends on: the student's files and quiz.json, and the
run (``run_key``): the course seed, the selected exercises, the limits, whether submissions
ran isolated, the package version, the numpy and Python versions, and the bytes of every
file of the grader -- the ``rnn_grader`` package (engine, declarations, sandbox, quiz
checker...), the references (``solutions``) and the quiz items (``quizzes``).  Any change
there (a fix in a comparison, a new option) gives every student another key, and a resumed
run grades everyone again: it never keeps a stale grade.  The file name is a hash, never the
(untrusted) student name.  Files are written atomically; an unreadable file just means
"grade again".  Only final results are saved (see ``run.py``: a result the grader or the
sandbox reports as disturbed is shown but not saved).
"""
from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import platform
from dataclasses import asdict
from importlib import metadata
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from rnn_grader.cohort.gradebook import write_atomically
from rnn_grader.cohort.quizzes import QuizAnswer
from rnn_grader.engine import Exercise, SubmissionResult
from rnn_grader.sandbox import Limits

VERSION = 2
GRADER_PACKAGES = ("rnn_grader", "solutions", "quizzes")
SKIPPED_PARTS = {"__pycache__"}


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def package_folder(name: str) -> Path | None:
    """The folder of the importable package ``name`` (None when it is not installed)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def tree_digest(folders: Iterable[Path | None]) -> str:
    """A hash of every file (path and bytes) under ``folders``, compiled caches left out."""
    digest = hashlib.sha256()
    for folder in folders:
        digest.update(b"\0folder\0" + (folder.name.encode() if folder else b"-"))
        if folder is None:
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not SKIPPED_PARTS & set(path.parts) and path.suffix != ".pyc":
                digest.update(b"\0" + str(path.relative_to(folder)).encode("utf-8", "surrogateescape") + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def grader_digest() -> str:
    """``tree_digest`` of the grader's packages, once per process."""
    return tree_digest(package_folder(name) for name in GRADER_PACKAGES)


def grader_version() -> str:
    try:
        return metadata.version("rnn-grader")
    except metadata.PackageNotFoundError:
        return "unknown"


def run_key(seed: int, exercises: Sequence[Exercise], limits: Limits, *, isolated: bool | None = None,
            grader: str | None = None) -> str:
    """What every student's key shares (see the module docstring).  ``grader``: the digest of
    the grader's files (default: ``grader_digest()``)."""
    content = {"version": VERSION, "seed": seed, "limits": asdict(limits), "isolated": isolated,
               "exercises": [e.name for e in exercises], "package": grader_version(),
               "numpy": np.__version__, "python": platform.python_version(),
               "grader": grader if grader is not None else grader_digest()}
    return sha256(json.dumps(content, sort_keys=True))


class StateStore:
    """Saved results in ``folder`` (created on first save)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def path(self, student: str) -> Path:
        return self.folder / f"{sha256(student)}.json"

    def load(self, student: str, key: str) -> tuple[SubmissionResult, dict | None] | None:
        """The saved (result, quiz answers) of ``student`` when saved under ``key``, else None."""
        try:
            record = json.loads(self.path(student).read_bytes())
            if record["version"] != VERSION or record["student"] != student or record["key"] != key:
                return None
            quiz = record["quiz"]
            return (SubmissionResult.from_record(record["result"]),
                    None if quiz is None else {i: QuizAnswer.from_record(q) for i, q in quiz.items()})
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def save(self, student: str, key: str, result: SubmissionResult, quiz: dict | None) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        record = {"version": VERSION, "student": student, "key": key, "result": result.to_record(),
                  "quiz": None if quiz is None else {i: q.to_record() for i, q in quiz.items()}}
        data = json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass")
        write_atomically(self.path(student), data)
