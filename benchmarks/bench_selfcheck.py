"""Wall time of `grade` (the self-check) on every reference solution, cold start included.

    python benchmarks/bench_selfcheck.py [--runs 7]

Each run is a fresh `grade --submission <copy of solutions> --json` process: Python start,
imports, the sandbox worker's start (numpy preloaded), every exercise graded.  Reports the
median and the fastest run; the target is under 1 s for all sixteen exercises on 2 cores.
"""
import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def copy_references(folder: Path) -> int:
    count = 0
    for path in (ROOT / "rnn_grader" / "declarations").glob("*.py"):
        if path.stem != "__init__":
            shutil.copy(ROOT / "solutions" / path.name, folder / path.name)
            count += 1
    return count


def time_one(folder: Path) -> float:
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "rnn_grader", "--submission", str(folder), "--json", "--seed", "1"],
                         capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"the references did not all pass:\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        count = copy_references(Path(tmp))
        time_one(Path(tmp))  # warm the file-system cache once
        times = [time_one(Path(tmp)) for _ in range(args.runs)]
    print(f"grade self-check, {count} exercises, {args.runs} cold runs: "
          f"median {statistics.median(times):.3f} s, fastest {min(times):.3f} s, slowest {max(times):.3f} s")


if __name__ == "__main__":
    main()
