"""The runs of the self-check, remembered in one small JSON file per user.

    remember(key, result)       after each run (``key``: the submission's resolved path)
    runs_of(key)                [run, ...], oldest first

The file is ``$RNN_GRADER_HISTORY`` when set, else ``history.json`` in the user's
application folder (``click.get_app_dir``: ``~/.config/rnn-grader`` on Linux), never inside
the graded folder.  Its shape::

    {"version": 1, "submissions": {KEY: [RUN, ...]}}
    RUN = {"time": ISO 8601, "seed": int, "exercises": {NAME: {"status": str, "score": float,
           "lost": [check, ...], "misconceptions": {check: misconception}}}}

(``lost``: the checks that lost points; it and ``misconceptions`` are left out when empty,
so that a long history stays small and quick to read.)

Reading or writing it never fails a run: an unreadable file counts as empty, an unwritable
one is skipped.  At most MAX_RUNS runs per submission and MAX_SUBMISSIONS submissions are
kept (the least recently graded go first).
"""
from __future__ import annotations

import contextlib
import json
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path

VERSION = 1
MAX_RUNS = 50
MAX_SUBMISSIONS = 20
ENV = "RNN_GRADER_HISTORY"


def history_path() -> Path:
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    import click

    return Path(click.get_app_dir("rnn-grader")) / "history.json"


def submission_key(path) -> str:
    """The key of a submission: its absolute path (a notebook kernel passes its own key)."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return str(path)


def run_record(result) -> dict:
    """One run of a ``SubmissionResult`` as plain data (see the module docstring)."""
    exercises = {}
    for name, r in result.exercises.items():
        record = {"status": r.status, "score": round(float(r.score), 6),
                  "lost": [c.name for c in r.checks if c.score < c.points],
                  "misconceptions": {c.name: c.misconception for c in r.checks if c.misconception}}
        exercises[name] = {key: value for key, value in record.items() if value or key == "score"}
    return {"time": datetime.now(timezone.utc).isoformat(timespec="seconds"), "seed": result.seed,
            "exercises": exercises}


def load() -> dict:
    """Every remembered run, ``{key: [run, ...]}`` (empty when there is no readable file)."""
    try:
        data = json.loads(history_path().read_text(encoding="utf-8"))
        submissions = data["submissions"] if data.get("version") == VERSION else {}
        return {k: v for k, v in submissions.items() if isinstance(k, str) and isinstance(v, list)}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def runs_of(key: str) -> list[dict]:
    return [run for run in load().get(key, []) if valid_run(run)]


def valid_run(run) -> bool:
    return isinstance(run, dict) and isinstance(run.get("exercises"), dict) and all(
        isinstance(e, dict) and isinstance(e.get("status"), str) for e in run["exercises"].values())


def remember(key: str, result) -> tuple[list[dict], dict]:
    """Add this run to the history; returns the runs remembered before it (oldest first)
    and this run's record."""
    submissions = load()
    before = [run for run in submissions.get(key, []) if valid_run(run)]
    run = run_record(result)
    submissions.pop(key, None)
    submissions[key] = (before + [run])[-MAX_RUNS:]  # re-inserted: the most recent submission last
    save(dict(list(submissions.items())[-MAX_SUBMISSIONS:]))
    return before, run


def save(submissions: dict) -> None:
    """Write the file atomically; silently give up when it cannot be written."""
    path, temporary = history_path(), None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".history-", suffix=".tmp")
        text = json.dumps({"version": VERSION, "submissions": submissions}, ensure_ascii=False,
                          separators=(",", ":"))  # dumps, not dump: the C encoder
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except (OSError, ValueError, TypeError):
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
