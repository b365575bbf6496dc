"""Benchmark of the quiz checker: median and worst time of ``check_answer`` over all items.

Run ``python benchmarks/bench_quiz.py [--repeat N]``.  For every item it checks the item's own
right answer and each declared wrong answer (from ``quizzes/*.toml``), ``N`` times each, and
reports the median and worst time of one check (target: median < 50 ms), plus the slowest
items.  It reports; it does not fail.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rnn_grader.quiz import check_answer, list_items  # noqa: E402


def right_sample(item) -> str:
    """The item's right answer written as a learner would type it."""
    if item.kind == "word":
        return item.synonyms[0]
    if item.kind == "size":
        return "{}x{}".format(*item.answer)
    return str(item.answer)


def expanded_sample(item) -> list[str]:
    """For a formula item, its answer expanded and printed by sympy: another notation."""
    if item.kind != "expression":
        return []
    from sympy import expand

    from rnn_grader.quiz.reader import read_expression
    return [str(expand(read_expression(str(item.answer), item.vocabulary)))]


def samples(item) -> list[tuple[str, bool]]:
    right = [right_sample(item), *expanded_sample(item)]
    return [(a, True) for a in right] + [(a, False) for w in item.wrong for a in w.answers]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    times, per_item, mismatches = [], {}, []
    for item in list_items():
        for answer, expected in samples(item):
            for _ in range(args.repeat):
                start = time.perf_counter()
                result = check_answer(item.id, answer)
                elapsed = (time.perf_counter() - start) * 1000
                times.append(elapsed)
                per_item[item.id] = max(per_item.get(item.id, 0.0), elapsed)
            if result.correct != expected:
                mismatches.append((item.id, answer))
    print(f"quiz checks: {len(times)} ({len(per_item)} items, {args.repeat} repeats each)")
    print(f"median: {statistics.median(times):.2f} ms   worst: {max(times):.2f} ms   "
          f"target median < 50 ms: {'met' if statistics.median(times) < 50 else 'NOT met'}")
    print("slowest items (worst check):")
    for item_id, worst in sorted(per_item.items(), key=lambda kv: -kv[1])[:5]:
        print(f"  {item_id:24s} {worst:8.2f} ms")
    if mismatches:
        print(f"unexpected verdicts: {mismatches}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
