"""Seconds per student: `nbgrader autograde` against `grade cohort`, on the same submissions.

    python benchmarks/bench_nbgrader_vs_cohort.py [--students 4] [-e NAME ...] [--jobs N]

Builds the nbgrader course of every exercise (or the ``-e`` ones) in a temporary folder,
releases it, and hands in ``--students`` submissions in nbgrader's layout
(``submitted/<student>/day3/<name>.ipynb``), cycling through: the reference, the untouched
release, half reference half untouched, and the reference with gradient_clipping wrong.  Then

* ``nbgrader autograde day3`` (one process, every notebook in a fresh kernel), and
* ``grade cohort submitted/ --fresh`` (cold start included), twice: all students, and one
  student alone, which gives its fixed start-up cost and the cost of each further student;

and prints seconds per student for both, their ratio (target >= 100), and whether both gave
every notebook the same score.  It reports; it does not fail.
"""
from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rnn_grader.nbgrader.course import write_course  # noqa: E402
from rnn_grader.nbgrader.run import kernel_env, notebook_scores, reference_code, run_nbgrader, submit  # noqa: E402

PATTERNS = ("reference", "untouched", "half", "one_wrong")


def answers_for(pattern: str, reference: dict[str, str]) -> dict[str, str | None]:
    """The solution cells of one student (None: the released notebook untouched)."""
    if pattern == "reference":
        return dict(reference)
    if pattern == "untouched":
        return {name: None for name in reference}
    if pattern == "half":
        return {name: code if i % 2 == 0 else None for i, (name, code) in enumerate(reference.items())}
    wrong = dict(reference)
    if "gradient_clipping" in wrong:
        wrong["gradient_clipping"] = wrong["gradient_clipping"].replace("if norm > threshold:", "if norm >= 0:")
    return wrong


def time_cohort(submitted: Path, work: Path, names: list[str], jobs: int | None) -> tuple[float, dict]:
    """Wall time of `grade cohort` (a fresh process, no saved state) and its scores."""
    out = work / "cohort.csv"
    command = [sys.executable, "-m", "rnn_grader", "cohort", str(submitted), "--out", str(out),
               "--state", str(work / "cohort.state"), "--fresh"]
    command += [arg for name in names for arg in ("-e", name)]
    command += ["--jobs", str(jobs)] if jobs else []
    started = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if run.returncode not in (0, 1):
        raise SystemExit(f"grade cohort failed ({run.returncode}):\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}")
    with open(out, newline="") as handle:
        scores = {row["student"]: {n: float(row[n]) for n in names if row.get(n) not in (None, "")}
                  for row in csv.DictReader(handle)}
    return elapsed, scores


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=4)
    parser.add_argument("-e", "--exercise", dest="names", action="append", default=None)
    parser.add_argument("--jobs", type=int, default=None, help="grade cohort --jobs (default: its own)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-nbgrader-") as tmp:
        root = Path(tmp)
        course = root / "course"
        written, _ = write_course(course, args.names, seed=0, lang="en")
        names = [path.stem for path in written]
        env = kernel_env(root / "jupyter")
        run_nbgrader(course, "generate_assignment", "day3", env=env)
        reference = {name: reference_code(course, name) for name in names}
        students = [f"s{i:02d}_{PATTERNS[i % len(PATTERNS)]}" for i in range(args.students)]
        for i, student in enumerate(students):
            submit(course, student, answers_for(PATTERNS[i % len(PATTERNS)], reference))
        print(f"{len(students)} students x {len(names)} notebooks ({', '.join(names)})")

        started = time.perf_counter()
        run_nbgrader(course, "autograde", "day3", env=env)
        nbgrader_seconds = time.perf_counter() - started
        nbgrader_scores = notebook_scores(course)

        cohort_seconds, cohort_scores = time_cohort(course / "submitted", root, names, args.jobs)
        single = root / "single"
        shutil.copytree(course / "submitted" / students[0], single / students[0])
        single_seconds, _ = time_cohort(single, root, names, args.jobs)

    n = len(students)
    per_nbgrader, per_cohort = nbgrader_seconds / n, cohort_seconds / n
    print(f"nbgrader autograde: {nbgrader_seconds:.1f} s, {per_nbgrader:.2f} s per student "
          f"({nbgrader_seconds / (n * len(names)):.2f} s per notebook)")
    print(f"grade cohort:       {cohort_seconds:.2f} s, {per_cohort:.3f} s per student "
          f"(one student alone: {single_seconds:.2f} s)")
    print(f"ratio (per student, cold starts included): {per_nbgrader / per_cohort:.1f}  (target >= 100)")
    if n > 1:
        marginal = max(1e-9, (cohort_seconds - single_seconds) / (n - 1))
        print(f"grade cohort per further student: {marginal:.3f} s; ratio without its start-up: "
              f"{per_nbgrader / marginal:.0f}")
    mismatches = [(s, name, nbgrader_scores[s][name], cohort_scores.get(s, {}).get(name))
                  for s in students for name in names
                  if abs(nbgrader_scores[s][name] - cohort_scores.get(s, {}).get(name, -1)) > 1e-6]
    print("same scores from both: " + ("yes" if not mismatches else f"NO, {mismatches}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
