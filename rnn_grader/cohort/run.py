"""Grading a whole class in parallel, resumable after a crash.

    cohort = grade_cohort(Path("submissions"), seed=0, jobs=2, state_dir=Path("grades.csv.state"))

Inputs per student: each student's checks are prepared for the student's own seed, drawn
from the course seed and the folder name (``inputs.py``, ``engine.seeds``), so outputs copied
from another student answer other inputs.

How it is fast: ``jobs`` grading processes (forked from this one, so every core prepares
and judges) each own one warm ``Sandbox`` (a forked-worker process, slot i = its own uid
when root) and are handed one student at a time; a grading process reads the student's
files (parses the notebooks) and prepares the student's checks, then the sandbox forks one
child for all the student's exercises.  Checks that draw no input are prepared once.

How it is robust: every exercise of every student is graded on its own (a crash, hang or
hostile module only costs that exercise); a grader-side exception becomes an ``error``
result for that one exercise.  Each finished student is saved at once (``state.py``), so
an interrupted run resumes where it stopped.
"""
from __future__ import annotations

import collections
import contextlib
import multiprocessing
import os
import signal
import time
from multiprocessing import connection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from rnn_grader.cohort.collect import Submission, find_students
from rnn_grader.cohort.state import StateStore, run_key, sha256
from rnn_grader.cohort.inputs import ClassInputs, StudentInputs
from rnn_grader.engine import Exercise, ExerciseResult, SubmissionResult, select
from rnn_grader.engine import grading
from rnn_grader.engine.grading import failed_result
from rnn_grader.engine.seeds import student_seed
from rnn_grader.messages import msg
from rnn_grader.sandbox import Limits, Sandbox, isolation_available, plain

Progress = Callable[[int, int, "str | None"], None]


@dataclass
class Cohort:
    """A graded class.  ``students``: {name: SubmissionResult}, sorted by name;
    ``quiz``: {name: {quiz id: QuizAnswer}} for students who handed in quiz.json;
    ``resumed``: students taken from saved state; ``elapsed``: seconds for the whole run."""

    root: Path
    seed: int
    isolated: bool
    exercises: list[Exercise]
    students: dict[str, SubmissionResult]
    quiz: dict[str, dict] = field(default_factory=dict)
    elapsed: float = 0.0
    resumed: list[str] = field(default_factory=list)

    @property
    def max_score(self) -> float:
        return sum(e.max_score for e in self.exercises)

    @property
    def all_passed(self) -> bool:
        """Every student full marks on every exercise, and every quiz answer right."""
        return (all(r.all_passed for r in self.students.values())
                and all(a.correct for answers in self.quiz.values() for a in answers.values()))


@dataclass(frozen=True)
class Plan:
    """What every worker shares: the exercises, the course seed, the limits, and ``inputs``
    which prepares each student's checks (see ``inputs.py``)."""

    exercises: list[Exercise]
    inputs: ClassInputs
    seed: int
    limits: Limits


@dataclass
class Graded:
    """One student's outcome, sent from a grading process to the main process.  ``clean`` is
    False when the grader itself failed somewhere (then the result is not saved)."""

    submission: Submission
    result: SubmissionResult
    quiz: dict | None
    clean: bool


def grade_cohort(root: Path, *, names: Sequence[str] | None = None, seed: int = 0,
                 jobs: int | None = None, state_dir: Path | None = None, fresh: bool = False,
                 progress: Progress | None = None, limits: Limits = Limits()) -> Cohort:
    """Grade every student folder of ``root`` (see ``collect.py`` for the layouts).

    names: exercises to grade (all when None); seed: the course seed (each student's inputs
    are drawn from it and the student's folder name);
    jobs: grading processes, each with its own sandbox (default: the core count); state_dir: where finished students
    are saved and looked up (None: no resume); fresh: ignore saved results;
    progress(done, total, student): called in this thread after each student (student None
    for the first call, made before grading starts).  Raises FileNotFoundError for a missing
    ``root``, KeyError for an unknown exercise name.
    """
    started = time.perf_counter()
    exercises = select(list(names or []))
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(str(root))
    submissions = find_students(root)
    shared_key = run_key(seed, exercises, limits, isolated=isolation_available())
    keys = {s.student: sha256(shared_key + s.fingerprint()) for s in submissions}
    store = StateStore(state_dir) if state_dir is not None else None
    cohort = Cohort(root, seed, isolation_available(), exercises, {})
    todo = []
    for submission in submissions:
        use_saved = store is not None and not fresh
        saved = store.load(submission.student, keys[submission.student]) if use_saved else None
        if saved is None:
            todo.append(submission)
        else:
            record(cohort, submission.student, *saved)
            cohort.resumed.append(submission.student)
    if progress is not None:
        progress(len(cohort.resumed), len(submissions), None)
    with contextlib.closing(run_parallel(todo, exercises, seed, jobs, limits, cohort.isolated)) as stream:
        for graded in stream:
            save_and_report(cohort, graded, store, keys, progress, len(submissions))
    cohort.students = dict(sorted(cohort.students.items()))
    cohort.quiz = dict(sorted(cohort.quiz.items()))
    cohort.elapsed = time.perf_counter() - started
    return cohort


def save_and_report(cohort: Cohort, graded: Graded, store: StateStore | None, keys: dict,
                    progress: Progress | None, total: int) -> None:
    """A finished student: saved first (so that a crash right after keeps it), then counted."""
    if store is not None and graded.clean:
        store.save(graded.submission.student, keys[graded.submission.student], graded.result, graded.quiz)
    record(cohort, graded.submission.student, graded.result, graded.quiz)
    if progress is not None:
        progress(len(cohort.students), total, graded.submission.student)


def record(cohort: Cohort, student: str, result: SubmissionResult, quiz: dict | None) -> None:
    cohort.students[student] = result
    if quiz is not None:
        cohort.quiz[student] = quiz


# ----------------------------------------------------------------------------- the workers
def run_parallel(todo: list[Submission], exercises: list[Exercise], seed: int, jobs: int | None,
                 limits: Limits, isolated: bool):
    """Yield each student's ``Graded`` as soon as a worker finishes it (in this process).

    The workers are processes forked from this one (so that preparing and judging, plain
    Python, run on every core), each owning one warm ``Sandbox``; this process hands them
    one student at a time and collects the results.  A worker that dies (a grader bug, the
    kernel's OOM killer) costs only the student in hand, who gets an error row (never
    saved) and is regraded next time; a fresh worker takes its place.  When the consumer
    stops early (an exception, ``close()``), the workers are stopped and their sandboxes
    killed; the students in hand are dropped."""
    if not todo:
        return
    plan = Plan(exercises, ClassInputs(exercises, seed), seed, limits)
    if any(s.quiz_file is not None for s in todo):
        import rnn_grader.cohort.quizzes  # noqa: F401  (imported once, here, before the fork)
    waiting = collections.deque(todo)
    count = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    workers = [Worker.start(plan, slot, isolated) for slot in range(count)]
    try:
        for worker in workers:
            worker.hand(waiting)
        while any(worker.student is not None for worker in workers):
            busy = [worker for worker in workers if worker.student is not None]
            ready = connection.wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
            for worker in busy:
                if worker.conn not in ready and worker.process.sentinel not in ready:
                    continue
                submission, graded = worker.student, worker.collect(plan)
                if worker.process.sentinel in ready and not worker.alive():  # replaced by a fresh one
                    workers[workers.index(worker)] = worker = Worker.start(plan, worker.slot, isolated)
                yield graded
                worker.hand(waiting)
    finally:
        for worker in workers:
            worker.stop()


@dataclass
class Worker:
    """A grading process: its slot (the sandbox's uid when root), the pipe to it, and the
    student it is grading (None when idle)."""

    slot: int
    process: multiprocessing.process.BaseProcess
    conn: connection.Connection
    student: Submission | None = None

    @classmethod
    def start(cls, plan: Plan, slot: int, isolated: bool) -> "Worker":
        mine, theirs = multiprocessing.Pipe()
        process = multiprocessing.get_context("fork").Process(
            target=serve, args=(theirs, plan, slot, isolated), name=f"cohort-{slot}", daemon=True)
        process.start()
        theirs.close()
        return cls(slot, process, mine)

    def hand(self, waiting: collections.deque) -> None:
        """Give the worker the next student, if any."""
        self.student = waiting.popleft() if waiting else None
        if self.student is not None:
            self.conn.send(self.student)

    def collect(self, plan: Plan) -> Graded:
        """The worker's result for its student: an error row if it died instead."""
        submission, self.student = self.student, None
        try:
            result, quiz, clean = self.conn.recv()
            return Graded(submission, result, quiz, clean)
        except (EOFError, OSError, ValueError) as exc:
            self.process.join(timeout=5)
            return failed_student(plan, submission, exc if str(exc) else WorkerDied(self.process.exitcode))

    def alive(self) -> bool:
        return self.process.is_alive()

    def stop(self) -> None:
        """End the worker: asked politely when idle, terminated (its sandbox killed) otherwise."""
        try:
            if self.student is None and self.process.is_alive():
                self.conn.send(None)
                self.process.join(timeout=5)
        except OSError:
            pass
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class WorkerDied(Exception):
    def __init__(self, exitcode):
        super().__init__(f"the grading process ended (exit code {exitcode})")


def serve(conn: connection.Connection, plan: Plan, slot: int, isolated: bool) -> None:
    """A worker process: grade each student received until told to stop (None).  SIGTERM
    (the run being stopped) kills the sandbox and ends the process at once."""
    box = Sandbox(slot=slot, isolated=isolated)
    signal.signal(signal.SIGTERM, lambda *_: (kill(box), os._exit(1)))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    try:
        while True:
            submission = conn.recv()
            if submission is None:
                return
            try:
                graded = grade_student(plan, submission, box)
            except Exception as exc:  # a grader bug outside any exercise: still a row, never saved
                graded = failed_student(plan, submission, exc)
            conn.send((graded.result, graded.quiz, graded.clean))
    except (EOFError, OSError):
        return
    finally:
        box.close()


def kill(box: Sandbox) -> None:
    """Kill a sandbox's worker (and every process of its session)."""
    process = box.process
    if process is not None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except OSError:
            pass


def grade_student(plan: Plan, submission: Submission, box: Sandbox) -> Graded:
    """Every exercise of one student on the student's own inputs (one sandbox child for all,
    each judged on its own), then the quiz.  The student's files are read here."""
    results, clean, runnable = {}, True, []
    for exercise in plan.exercises:
        problem = submission.problems.get(exercise.name) or submission.unreadable
        if problem is not None:
            results[exercise.name] = failed_result(exercise, "error", problem)
        elif exercise.name not in submission.sources:
            results[exercise.name] = failed_result(exercise, "missing", msg("status.no_module", name=exercise.name))
        else:
            runnable.append(exercise)
    # only the exercises that will run are prepared (a student's inputs cost real work)
    inputs = plan.inputs.of(submission.student_id or submission.student, runnable)
    try:
        graded, disturbed = run_exercises(plan, inputs, submission, runnable, box)
        results.update(graded)
        clean = not disturbed  # interrupted from outside (JobReply.disturbed): not saved, regraded
    except Exception as exc:  # the grader's own failure: these exercises only, never saved
        error = msg("cohort.internal", error=f"{type(exc).__name__}: {exc}"[:300])
        results.update({e.name: failed_result(e, "error", error) for e in runnable})
        clean = False
    quiz = None
    if submission.quiz is not None:
        from rnn_grader.cohort.quizzes import grade_quiz

        quiz = grade_quiz(submission.quiz)
    ordered = {e.name: results[e.name] for e in plan.exercises}
    submission.forget()
    return Graded(submission, SubmissionResult(inputs.seed, ordered), quiz, clean)


def failed_student(plan: Plan, submission: Submission, exc: Exception) -> Graded:
    """The row of a student whose grading failed outside any exercise (a grader bug)."""
    error = msg("cohort.internal", error=f"{type(exc).__name__}: {exc}"[:300])
    results = {e.name: failed_result(e, "error", error) for e in plan.exercises}
    seed = student_seed(plan.seed, submission.student_id or submission.student)
    return Graded(submission, SubmissionResult(seed, results), None, clean=False)


def run_exercises(plan: Plan, inputs: StudentInputs, submission: Submission, exercises: list[Exercise],
                  box: Sandbox) -> tuple[dict[str, ExerciseResult], bool]:
    """Run and judge the given exercises of one student on the student's ``inputs``
    (``grading.run_exercises``, as the self-check does); and whether a reply was disturbed."""
    sources = plain.Raw(plain.to_plain(submission.sources))
    return grading.run_exercises(box, sources, str(submission.folder), exercises, inputs.checks, plan.limits,
                                 calls=inputs.calls)