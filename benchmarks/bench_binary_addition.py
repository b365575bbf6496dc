"""Time of the binary_addition self-check and of `grade experiments`, on the reference.

    python benchmarks/bench_binary_addition.py [--runs 3]      # the timings
    python benchmarks/bench_binary_addition.py --vet            # re-check the declared behaviour seeds (minutes)
    python benchmarks/bench_binary_addition.py --vet 0-40       # vet seeds 0..39 for every behaviour

Each timing is a fresh process (`grade -e binary_addition --submission <copy of the reference>
--json`, then `grade experiments ... --json`): Python start, imports, the sandbox worker, the
checks' preparation, the learner's training.  Wall time depends on the machine's load (the
sandbox's CPU time cannot be read from outside: its processes are reaped inside bubblewrap), so
the CPU time of the same trainings, run here in-process, is reported too.  Target: self-check
< 15 s wall.

``--vet`` reruns the procedure that chose ``BEHAVIOUR`` in the declaration: for each seed, the
reference's run and the same run with the initial weights scaled by 1 ± 1e-12 ... 1e-6 (the
rounding of another right implementation); a seed is kept when every run reaches the goal
with a margin (sigmoid: 100% of the sums within 70% of the iterations; relu: largest norm
≥ 5 × EXPLODED; relu with clip=1.0: ≥ 85% of the sums, where the check asks for 50%).
"""
import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PERTURBATIONS = (0.0, 1e-12, 1e-9, -1e-9, 1e-6)


def timed(argv: list[str]) -> tuple[float, str]:
    """(wall seconds, stdout) of one `grade` command."""
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "rnn_grader", *argv], capture_output=True, text=True)
    wall = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"`grade {' '.join(argv)}` exited {run.returncode}:\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}")
    return wall, run.stdout


def training_cpu(calls) -> float:
    """CPU seconds of the reference's train on these argument tuples, in this process."""
    from rnn_grader.declarations.binary_addition import generator
    from solutions.binary_addition import train

    start = time.process_time()
    with np.errstate(all="ignore"):
        for args in calls:
            train(generator(args[0]), *args[1:])
    return time.process_time() - start


def behaviour_calls():
    from rnn_grader.declarations.binary_addition import BEHAVIOUR, behaviour_inputs

    rng = np.random.default_rng(0)
    return [args for name in BEHAVIOUR for args in behaviour_inputs(name)(rng)]


def experiment_calls():
    from rnn_grader.experiments.grid import BATCH, ITERS, SETTINGS
    from rnn_grader.sandbox.plain import Rng

    return [(Rng(0), ITERS, s.hidden, s.lr, s.init_std, BATCH, s.activation, s.clip) for s in SETTINGS]


def timings(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(ROOT / "solutions" / "binary_addition.py", Path(tmp) / "binary_addition.py")
        walls = [timed(["-e", "binary_addition", "--submission", tmp, "--json", "--seed", str(k)])[0]
                 for k in range(runs)]
        print(f"grade -e binary_addition (self-check), {runs} cold runs: wall median {statistics.median(walls):.2f} s, "
              f"fastest {min(walls):.2f} s; its 3 behaviour trainings take {training_cpu(behaviour_calls()):.2f} s CPU")
        wall, out = timed(["experiments", "--submission", tmp, "--json"])
        rows = json.loads(out)["runs"]
        print(f"grade experiments ({len(rows)} trainings): wall {wall:.2f} s; the trainings take "
              f"{training_cpu(experiment_calls()):.2f} s CPU")
        for run in rows:
            print(f"  {run['setting']:<11} accuracy {run['accuracy']:.3f}  max |grad| {run['largest_grad_norm']:.4g}  "
                  f"{run['seconds']:.2f} s")


# ----------------------------------------------------------------------------- vetting the seeds
def vet_run(seed, perturbation, run):
    """One reference run of a BEHAVIOUR entry, initial weights scaled by 1 + perturbation:
    (share of the sums right, largest norm, first checkpoint with every sum right or None)."""
    from rnn_grader.declarations.binary_addition import BEHAVIOUR_BATCH
    from rnn_grader.judges.binary_addition import held_out_accuracy
    from solutions import binary_addition as ref

    rng = np.random.default_rng(seed)
    params = {k: v * (1 + perturbation) for k, v in ref.initial_params(rng, 16, 1.0).items()}
    largest, first = 0.0, None
    for i in range(run["iters"]):
        xs, ds = ref.make_batch(rng, BEHAVIOUR_BATCH)
        _, grads = ref.loss_and_gradients(xs, ds, params, run["activation"])
        norm = ref.global_norm(grads)
        largest = max(largest, norm)
        scale = run["clip"] / norm if run["clip"] is not None and norm > run["clip"] else 1.0
        params = {k: params[k] - 0.1 * scale * grads[k] for k in params}
        if first is None and run["clip"] is None and (i + 1) % 50 == 0 and held_out_accuracy(params, run["activation"]) == 1.0:
            first = i + 1
    return held_out_accuracy(params, run["activation"]), largest, first


def vet(which: str) -> None:
    """Vet the declared seeds of each behaviour (``which == "declared"``) or seeds ``A-B``."""
    from rnn_grader.declarations.binary_addition import BEHAVIOUR
    from rnn_grader.judges.binary_addition import EXPLODED

    goals = {"learns": lambda acc, norm, first, iters: first is not None and first <= 0.7 * iters,
             "relu_explodes": lambda acc, norm, first, iters: norm >= 5 * EXPLODED,
             "relu_clipped_learns": lambda acc, norm, first, iters: acc >= 0.85}
    with np.errstate(all="ignore"):
        for name, run in BEHAVIOUR.items():
            kept, seeds = [], run["seeds"] if which == "declared" else range(*map(int, which.split("-")))
            for seed in seeds:
                results = [vet_run(seed, p, run) for p in PERTURBATIONS]
                if all(goals[name](*r, run["iters"]) for r in results):
                    kept.append(seed)
                print(f"{name} seed {seed}: " + "; ".join(f"acc {a:.3f} norm {n:.0f} first {f}" for a, n, f in results),
                      flush=True)
            print(f"{name}: kept {kept} (declared {run['seeds']})", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="self-check runs (seeds 0, 1, ...)")
    parser.add_argument("--vet", nargs="?", const="declared", default=None, metavar="A-B",
                        help="vet the behaviour seeds instead (default: the declared ones; A-B: seeds A..B-1); slow")
    args = parser.parse_args()
    if args.vet is not None:
        vet(args.vet)
    else:
        timings(args.runs)


if __name__ == "__main__":
    main()
