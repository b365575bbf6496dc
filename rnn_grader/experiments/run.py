"""Training the learner's network once per setting, in the sandbox, and measuring the result.

Each run is one call ``train(Rng(seed), iters, hidden, lr, init_std, batch, activation, clip)``
of the learner's module in a sandbox child of its own (``LIMITS``: minutes, since a slow
implementation of a large network may need them); the returned record is read and judged in
this process by ``rnn_grader.judges.binary_addition``: the share of all sums the trained
network adds right, the largest gradient norm, the mean loss of the last 100 iterations.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from rnn_grader.engine.declaration import Call, call_problem
from rnn_grader.engine.grading import read_outcomes, read_sources
from rnn_grader.experiments.grid import BATCH, EXERCISE, ITERS, SETTINGS, Setting
from rnn_grader.judges.binary_addition import Problem, held_out_accuracy, read_record
from rnn_grader.messages import Text, msg
from rnn_grader.sandbox import JobReply, Limits, Sandbox
from rnn_grader.sandbox.plain import Rng

LIMITS = Limits(wall_seconds=300.0, cpu_seconds=300.0)
FUNCTIONS = ("make_batch", "train", "accuracy")


class NoModule(LookupError):
    """The submission has no module (or notebook) of the exercise."""


@dataclass
class Row:
    """One run: ``status`` is ok | error | timeout | missing; the measures are None unless ok."""

    setting: Setting
    status: str
    accuracy: float | None = None
    largest_norm: float | None = None
    final_loss: float | None = None
    seconds: float = 0.0
    problem: Text | None = None

    def to_json(self, lang: str) -> dict:
        def number(x):  # JSON has no inf/NaN: an overflowed measure is null (the table shows inf)
            return None if x is None or not np.isfinite(x) else round(float(x), 6)

        s = self.setting
        return {"setting": s.key, "hidden": s.hidden, "lr": s.lr, "init_std": s.init_std,
                "activation": s.activation, "clip": s.clip, "status": self.status,
                "accuracy": number(self.accuracy), "largest_grad_norm": number(self.largest_norm),
                "final_loss": number(self.final_loss), "seconds": round(self.seconds, 3),
                "message": None if self.problem is None else self.problem.render(lang)}


def read_modules(submission: Path) -> tuple[Path, dict[str, str]]:
    """The submission's folder and modules (notebooks read as ``grade`` reads them)."""
    from rnn_grader.notebook.sources import read_submission

    found = read_submission(Path(submission), {EXERCISE: FUNCTIONS})
    modules = found.modules if found.modules is not None else read_sources(found.folder)
    if EXERCISE not in modules:
        raise NoModule(EXERCISE)
    return found.folder, modules


def train_call(setting: Setting, seed: int, iters: int, batch: int) -> dict:
    return Call("train", (Rng(seed), iters, setting.hidden, setting.lr, setting.init_std, batch,
                          setting.activation, setting.clip)).to_plain()


def row_of(setting: Setting, reply: JobReply, iters: int, seconds: float) -> Row:
    """What one run's reply shows (never raises on whatever the learner's code returned)."""
    if reply.status == "timeout":
        return Row(setting, "timeout", seconds=seconds, problem=msg("status.timeout", seconds=LIMITS.wall_seconds))
    answer = reply.answer if reply.status == "ok" and isinstance(reply.answer, dict) else {}
    if answer.get("import") != "ok":
        error = str(answer.get("error", reply.status))[:300]
        return Row(setting, "error", seconds=seconds, problem=msg("experiments.failed", error=error))
    outcomes = read_outcomes(answer.get("calls"), 1)
    if outcomes is None:
        return Row(setting, "error", seconds=seconds, problem=msg("status.forged"))
    outcome = outcomes[0]
    problem = call_problem(outcome, "train")
    if problem is not None:
        return Row(setting, "missing" if outcome.missing else "error", seconds=seconds, problem=problem)
    try:
        params, losses, norms = read_record(outcome.value, iters, setting.hidden)
    except Problem as unreadable:
        return Row(setting, "error", seconds=seconds, problem=unreadable.args[0])
    with np.errstate(all="ignore"):
        largest = float(np.max(np.where(np.isnan(norms), np.inf, norms)))
        loss = float(np.mean(losses[-100:]))
    return Row(setting, "ok", held_out_accuracy(params, setting.activation), largest, loss, seconds)


def run_experiments(submission: Path, *, seed: int = 0, iters: int = ITERS, batch: int = BATCH,
                    settings: Sequence[Setting] = SETTINGS,
                    progress: Callable[[int, int, Setting], None] | None = None) -> list[Row]:
    """Train the learner's network once per setting; one Row each, in order.

    Raises FileNotFoundError for a missing submission and NoModule when it has no module of
    the exercise.  ``progress(done, total, setting)`` is called after each run."""
    folder, modules = read_modules(submission)
    rows = []
    with Sandbox() as box:
        for done, setting in enumerate(settings, 1):
            start = time.monotonic()
            reply = box.run_batch(modules, str(folder), [(EXERCISE, [train_call(setting, seed, iters, batch)])],
                                  LIMITS)[0]
            rows.append(row_of(setting, reply, iters, time.monotonic() - start))
            if progress is not None:
                progress(done, len(settings), setting)
    return rows
