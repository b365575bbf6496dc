"""The learner kit: install size and time, and `grade` cold in a venv that has only the kit.

    python benchmarks/bench_kit.py [--runs 7] [--exercises all|core]

Writes the kit (`grade release`), makes a fresh venv, `pip install KIT` (timed; pip's cache
as it is on this machine), counts the installed distributions and the venv's size, then
times fresh `grade --submission <copy of the references> --json` processes in that venv
(Python start, imports, the practice bank, the sandbox worker, every exercise graded).
Goal (issue 11): `grade` on all exercises cold <= 0.5 s.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from rnn_grader.engine import all_exercises
    from rnn_grader.release import write_kit

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        started = time.perf_counter()
        kit = write_kit(tmp / "kit")
        written = time.perf_counter() - started
        print(f"grade release: {written:.1f} s, kit {folder_mb(kit):.2f} MB on disk")
        subprocess.run([sys.executable, "-m", "venv", str(tmp / "venv")], check=True)
        python = tmp / "venv" / "bin" / "python"
        started = time.perf_counter()
        subprocess.run([str(python), "-m", "pip", "install", "-q", str(kit)], check=True, capture_output=True)
        installed = time.perf_counter() - started
        listed = subprocess.run([str(python), "-m", "pip", "list", "--format=freeze"], capture_output=True,
                                text=True, check=True).stdout.split()
        print(f"pip install KIT: {installed:.1f} s, {len(listed)} distributions "
              f"({', '.join(sorted(line.split('==')[0] for line in listed))}), venv {folder_mb(tmp / 'venv'):.0f} MB")
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env["RNN_GRADER_HISTORY"] = str(tmp / "history.json")
        # all exercises; then without binary_addition, which trains a network (seconds by itself)
        for label, names in (("all", list(all_exercises())),
                             ("without binary_addition", [n for n in all_exercises() if n != "binary_addition"])):
            references = tmp / f"references-{len(names)}"
            references.mkdir()
            for name in names:
                shutil.copy(ROOT / "solutions" / f"{name}.py", references)
            command = [str(python), "-m", "rnn_grader", "--submission", str(references), "--json", "--seed", "1"]
            for name in names:
                command += ["-e", name]
            times = []
            for _ in range(args.runs + 1):
                started = time.perf_counter()
                run = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp)
                times.append(time.perf_counter() - started)
                if run.returncode != 0:
                    raise SystemExit(f"the references did not all pass in the kit:\n{run.stdout[-1500:]}{run.stderr[-1500:]}")
            times = times[1:]  # the first run warms the file-system cache
            print(f"kit grade, {label} ({len(names)} exercises), {args.runs} cold runs: median "
                  f"{statistics.median(times):.3f} s, fastest {min(times):.3f} s, slowest {max(times):.3f} s")

if __name__ == "__main__":
    main()
