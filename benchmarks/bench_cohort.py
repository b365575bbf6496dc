"""Benchmark of `grade cohort`: a synthetic class graded cold (worker start included).

    python benchmarks/bench_cohort.py [--students 40] [--jobs N] [--notebooks] [-e NAME ...] [--same-inputs]

Every student has inputs of their own (drawn from the course seed and the folder name), so
the grader prepares each student's checks (inputs, expected values, misconception outputs);
the line "preparing inputs" measures that part alone, in one thread.  ``--same-inputs``
prepares once for the whole class (the behaviour before per-student inputs), for comparison.

``build_cohort(root, n_students)`` writes the class and is importable for other benchmarks
(for instance a comparison with ``nbgrader autograde``):

    import sys; sys.path.insert(0, "benchmarks")
    from bench_cohort import build_cohort
    build_cohort(Path("/tmp/class"), 40, notebooks=True)

Students cycle through four kinds, for every declared exercise: reference, reference,
learner stub, and wrong (the reference with every float array it returns scaled by 1.01).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rnn_grader.engine import all_exercises  # noqa: E402

KINDS = ("reference", "reference", "stub", "wrong")
WRONG_SUFFIX = '''

# --- benchmark: make every public function of this module slightly wrong ---
import numpy as _np


def _slightly_wrong(function):
    def wrapper(*args, **kwargs):
        value = function(*args, **kwargs)
        if isinstance(value, _np.ndarray) and value.dtype.kind == "f":
            return value * 1.01
        return value
    return wrapper


for _name, _value in list(globals().items()):
    if callable(_value) and not _name.startswith("_") and getattr(_value, "__module__", None) == __name__:
        globals()[_name] = _slightly_wrong(_value)
'''


def source_of(name: str, kind: str) -> str:
    """The module ``name`` as a student of ``kind`` (reference | stub | wrong) hands it in."""
    folder = "exercises" if kind == "stub" else "solutions"
    source = (ROOT / folder / f"{name}.py").read_text(encoding="utf-8")
    return source + WRONG_SUFFIX if kind == "wrong" else source


def write_notebook(path: Path, name: str, source: str) -> None:
    import nbformat

    cell = nbformat.v4.new_code_cell(source, metadata={"nbgrader": {
        "solution": True, "grade": False, "locked": False, "grade_id": name, "schema_version": 3}})
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), str(path))


def build_cohort(root: Path, n_students: int, *, names=None, notebooks: bool = False) -> list[str]:
    """Write ``n_students`` student folders under ``root`` for the exercises ``names`` (all
    declared ones by default): ``root/student_XX/<name>.py``, or with ``notebooks`` nbgrader's
    layout ``root/submitted/student_XX/day3/<name>.ipynb`` (plus ``root/nbgrader_config.py``).
    Returns the student names."""
    root = Path(root)
    names = list(names or all_exercises())
    base = root / "submitted" if notebooks else root
    if notebooks:
        base.mkdir(parents=True, exist_ok=True)
        (root / "nbgrader_config.py").write_text("c = get_config()\n")
    students = []
    for i in range(n_students):
        student, kind = f"student_{i:02d}", KINDS[i % len(KINDS)]
        folder = base / student / "day3" if notebooks else base / student
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            if notebooks:
                write_notebook(folder / f"{name}.ipynb", name, source_of(name, kind))
            else:
                (folder / f"{name}.py").write_text(source_of(name, kind), encoding="utf-8")
        students.append(student)
    return students


def preparation_cost(n: int, names: list[str]) -> float:
    """Seconds to prepare one student's checks of the exercises ``names`` (mean over ``n`` ids)."""
    from rnn_grader.cohort.inputs import ClassInputs

    inputs = ClassInputs([all_exercises()[name] for name in names], course_seed=0)
    inputs.of("warm-up")  # imports and the checks that draw nothing
    started = time.perf_counter()
    for i in range(n):
        inputs.of(f"student_{i:02d}")
    return (time.perf_counter() - started) / n


def prepare_once_for_everyone() -> None:
    """Every student gets the inputs of one id, prepared once (for comparison only)."""
    from rnn_grader.cohort.inputs import ClassInputs

    real, memo = ClassInputs.of, {}

    def once(self, student_id, exercises=None):
        key = (id(self), None if exercises is None else tuple(e.name for e in exercises))
        if key not in memo:
            memo[key] = real(self, "everyone", exercises)
        return memo[key]

    ClassInputs.of = once


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--notebooks", action="store_true", help="nbgrader notebooks instead of modules")
    parser.add_argument("-e", "--exercise", dest="names", action="append", default=None,
                        help="only this exercise (repeatable; default: all)")
    parser.add_argument("--same-inputs", action="store_true",
                        help="prepare once for the whole class (no per-student inputs), to compare")
    args = parser.parse_args()
    from rnn_grader.cohort import grade_cohort

    names = args.names or list(all_exercises())
    if args.same_inputs:
        prepare_once_for_everyone()
    per_student_prep = preparation_cost(min(args.students, 10), names)
    with tempfile.TemporaryDirectory() as tmp:
        build_cohort(Path(tmp), args.students, names=names, notebooks=args.notebooks)
        load = os.getloadavg()[0]
        started = time.perf_counter()
        cohort = grade_cohort(Path(tmp), names=names, seed=0, jobs=args.jobs)
        total = time.perf_counter() - started
    full = sum(r.all_passed for r in cohort.students.values())
    print(f"exercises: {len(names)} ({', '.join(names)})")
    print(f"students: {len(cohort.students)} ({full} with full marks), jobs: {args.jobs or os.cpu_count()}, "
          f"isolated: {cohort.isolated}, notebooks: {args.notebooks}, same inputs: {args.same_inputs}")
    print(f"total: {total:.2f} s cold (worker start and preparation included)")
    print(f"per student: {total / len(cohort.students):.3f} s   "
          f"per student and exercise: {1000 * total / len(cohort.students) / len(names):.1f} ms")
    print(f"preparing inputs (part of the above, one thread): {1000 * per_student_prep:.1f} ms per student")
    print(f"load average before/after: {load:.1f} / {os.getloadavg()[0]:.1f} "
          f"(other work on the machine slows the wall time)")


if __name__ == "__main__":
    main()
