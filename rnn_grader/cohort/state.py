"""Resume state: one JSON file per finished student, so a rerun skips them.

    <state dir>/<sha256 of the student's name>.json
        {"version": 1, "student": name, "key": key, "result": SubmissionResult record,
         "quiz": {id: QuizAnswer record} | null}

``key`` hashes everything the result depends on: the student's sources and quiz.json,
the seed, the exercise set with its declaration and reference files, and the limits.
A changed submission (or grader) has another key and is graded again.  The file name
is a hash, never the (untrusted) student name.  Files are written atomically; an
unreadable file just means "grade again".
"""
from __future__ import annotations

import hashlib
import importlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Sequence

from rnn_grader.cohort.gradebook import write_atomically
from rnn_grader.cohort.quizzes import QuizAnswer
from rnn_grader.engine import Exercise, SubmissionResult
from rnn_grader.sandbox import Limits

VERSION = 1


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def grader_files(exercise: Exercise) -> str:
    """A hash of the exercise's declaration and reference modules (a fix there regrades)."""
    digest = hashlib.sha256()
    for package in ("rnn_grader.declarations", "solutions"):
        try:
            module = importlib.import_module(f"{package}.{exercise.name}")
            digest.update(Path(module.__file__).read_bytes())
        except (ImportError, OSError, TypeError):
            digest.update(b"-")
    return digest.hexdigest()


def run_key(seed: int, exercises: Sequence[Exercise], limits: Limits) -> str:
    """What every student's key shares: seed, exercises (with their files) and limits."""
    content = {"version": VERSION, "seed": seed, "limits": asdict(limits),
               "exercises": [[e.name, grader_files(e)] for e in exercises]}
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
