"""Each student's hidden inputs: the checks prepared for the student's own seed.

    inputs = ClassInputs(exercises, course_seed=0)
    mine = inputs.of("alice")          # .seed, .checks[name] (Prepared list), .calls[name] (plain data)

The seed is ``engine.seeds.student_seed(course_seed, student_id)`` -- the same derivation as
the nbgrader hidden test cells -- and each check draws from ``exercise_rng(seed, name, index)``
as everywhere else, so a student's inputs, and score, are the same in `grade`, `grade cohort`
and nbgrader.  Preparing is the grader's work per student (inputs drawn, expected values and
misconception outputs computed); it runs in the grading processes, next to the sandboxes.

Cached: a check whose ``prepare`` draws nothing from its generator (its state unchanged: fixed
cases such as a zero gradient) is the same for every student, so it is prepared once, with
its calls made plain once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from rnn_grader.engine import Exercise, Prepared
from rnn_grader.engine.grading import exercise_rng
from rnn_grader.engine.seeds import student_seed


@dataclass(frozen=True)
class StudentInputs:
    """One student's seed, prepared checks ``{exercise: [Prepared, ...]}`` and the calls of
    each exercise as plain data for the sandbox ``{exercise: [call, ...]}``."""

    seed: int
    checks: dict[str, list[Prepared]]
    calls: dict[str, list]


@dataclass
class ClassInputs:
    """Prepares every student's checks (each grading process has its own copy)."""

    exercises: Sequence[Exercise]
    course_seed: int
    fixed: dict = field(default_factory=dict)   # (exercise, check index) -> (Prepared, plain calls)

    def of(self, student_id: str, exercises: Sequence[Exercise] | None = None) -> StudentInputs:
        """``student_id``'s inputs for ``exercises`` (default: every exercise of the class)."""
        seed = student_seed(self.course_seed, student_id)
        checks, calls = {}, {}
        for exercise in self.exercises if exercises is None else exercises:
            ready = [self.prepare(exercise, index, seed) for index in range(len(exercise.checks))]
            checks[exercise.name] = [prepared for prepared, _ in ready]
            calls[exercise.name] = [call for _, encoded in ready for call in encoded]
        return StudentInputs(seed, checks, calls)

    def prepare(self, exercise: Exercise, index: int, seed: int) -> tuple[Prepared, list]:
        """Check ``index`` of ``exercise`` for ``seed``: (Prepared, its calls as plain data)."""
        key = (exercise.name, index)
        cached = self.fixed.get(key)
        if cached is not None:
            return cached
        rng = exercise_rng(seed, exercise.name, index)
        before = rng.bit_generator.state
        prepared = exercise.checks[index].prepare(rng)
        ready = (prepared, [call.to_plain() for call in prepared.calls])
        if rng.bit_generator.state == before:  # drew nothing: the same for every student
            self.fixed[key] = ready
        return ready
