"""How precise is the feedback on the learner corpus (tests/feedback/corpus_<name>.py)?

    python benchmarks/feedback_report.py [--exercise NAME ...] [--seeds 0 1 2] [--verbose]

Grades every wrong and right implementation of the corpus on each seed and prints, per
exercise and overall: the wrong ones caught (they lose points on every seed), the share of
caught ones whose feedback names a misconception (the same on every seed: the mistake is
named specifically; the goal is at least 90 %), the right ones accepted (full marks on every
seed), and the mistakes that get only a generic message (no name, or a name that changes
with the seed).  ``--verbose`` also prints the first messages of each generic one.
"""
import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rnn_grader.engine import grade_submission, select  # noqa: E402
from rnn_grader.sandbox import Sandbox  # noqa: E402
from tests.feedback.corpus import EXERCISES, SEEDS, corpus, diagnosis, expected_names, source  # noqa: E402


def grade_all(box, name, text, seeds):
    """The ExerciseResult of ``text`` as ``<name>.py`` on each seed."""
    with tempfile.TemporaryDirectory() as folder:
        return [grade_submission(Path(folder), select([name]), seed=seed, sandbox=box,
                                 sources={name: source(text)}).exercises[name] for seed in seeds]


def report_exercise(box, name, seeds, verbose):
    """Counts for one exercise, and the lines describing its generic or unexpected cases."""
    module = corpus(name)
    counts = {"wrong": 0, "caught": 0, "named": 0, "as_expected": 0, "right": 0, "accepted": 0}
    lines = []
    for key, text in sorted(module.WRONG.items()):
        results = grade_all(box, name, text, seeds)
        found = [diagnosis(r) for r in results]
        counts["wrong"] += 1
        caught = all(lost for lost, _ in found)
        counts["caught"] += caught
        names = {named for _, named in found}
        steady = len(names) == 1 and next(iter(names))
        counts["named"] += bool(caught and steady)
        counts["as_expected"] += names == {expected_names(module.NAMES[key])}
        if not caught:
            lines.append(f"  NOT CAUGHT  {name}/{key}")
        elif not steady:
            seen = " | ".join(",".join(sorted(n)) or "-" for _, n in found)
            lines.append(f"  generic     {name}/{key}  (named per seed: {seen})")
            if verbose:
                lines += [f"      {m.render('en')[:300]}" for m in results[0].messages[:4]]
        if names != {expected_names(module.NAMES[key])}:
            lines.append(f"  unexpected  {name}/{key}: expected {module.NAMES[key]}, "
                         f"got {[sorted(n) for _, n in found]}")
    for key, text in sorted(module.RIGHT.items()):
        results = grade_all(box, name, text, seeds)
        counts["right"] += 1
        ok = all(r.status == "passed" and r.score == r.max_score for r in results)
        counts["accepted"] += ok
        if not ok:
            lines.append(f"  REJECTED    {name}/{key}: {[r.render('en')[:200] for r in results[0].messages[:2]]}")
    return counts, lines


def share(part, whole):
    return f"{100 * part / whole:5.1f} %" if whole else "    - "


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exercise", nargs="*", default=EXERCISES)
    parser.add_argument("--seeds", nargs="*", type=int, default=list(SEEDS))
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    total = dict.fromkeys(["wrong", "caught", "named", "as_expected", "right", "accepted"], 0)
    details = []
    print(f"{'exercise':<20}{'caught':>10}{'named':>10}{'accepted':>12}")
    with Sandbox() as box:
        for name in args.exercise:
            counts, lines = report_exercise(box, name, args.seeds, args.verbose)
            details += lines
            for key in total:
                total[key] += counts[key]
            print(f"{name:<20}{counts['caught']:>4}/{counts['wrong']:<5}{share(counts['named'], counts['caught'])}"
                  f"{counts['accepted']:>5}/{counts['right']:<3}")
    print(f"{'overall':<20}{total['caught']:>4}/{total['wrong']:<5}{share(total['named'], total['caught'])}"
          f"{total['accepted']:>5}/{total['right']:<3}")
    print(f"caught mistakes named specifically: {share(total['named'], total['caught'])} (goal ≥ 90 %); "
          f"right accepted: {share(total['accepted'], total['right'])}; "
          f"diagnosis as the corpus expects: {total['as_expected']}/{total['wrong']}; seeds {args.seeds}")
    if details:
        print("mistakes with a generic message, not caught, named unexpectedly, or right ones rejected:")
        print("\n".join(details))


if __name__ == "__main__":
    main()
