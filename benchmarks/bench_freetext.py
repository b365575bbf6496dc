"""Benchmark of the free-text checker (記述式): analyzer load time and time per answer.

Run ``python benchmarks/bench_freetext.py [--repeat N]`` (a fresh process, so the load is cold).
It reports:

* load: importing SudachiPy and opening ``sudachidict_core`` (the dictionary), creating a
  tokenizer, and compiling the six items' lexicons;
* per answer, once loaded: ``grade`` (reading + judging) over the hand-written answers of
  ``tests/quiz/freetext_answers.py``, ``N`` times each: median, 95th percentile, worst
  (goal: ≤ 50 ms);
* per answer through ``check_answer`` (the bounded, forked judging `grade quiz` uses).

It reports; it does not fail.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "quiz"))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    started = time.perf_counter()
    from sudachipy import Dictionary, SplitMode

    Dictionary(dict="core").tokenizer(mode=SplitMode.C).tokenize("確認")
    analyzer = time.perf_counter() - started
    started = time.perf_counter()
    from rnn_grader.quiz.freetext.analyzer import load_tokenizer

    load_tokenizer()
    package = time.perf_counter() - started
    from freetext_answers import CASES

    from rnn_grader.quiz import check_answer
    from rnn_grader.quiz.check import get_item
    from rnn_grader.quiz.freetext.grade import grade, lexicon_for

    started = time.perf_counter()
    rubrics = {item_id: get_item(item_id).rubric for item_id in CASES}
    for rubric in rubrics.values():
        lexicon_for(rubric)
    lexicons = time.perf_counter() - started

    times = []
    for _ in range(args.repeat):
        for item_id, cases in CASES.items():
            for _, answer, *_ in cases:
                begin = time.perf_counter()
                grade(rubrics[item_id], answer)
                times.append(time.perf_counter() - begin)
    long_answer = "GRUのほうがパラメータが少なく、計算が速い。" * 40
    begin = time.perf_counter()
    grade(rubrics["lstm_vs_gru"], long_answer)
    longest = time.perf_counter() - begin

    bounded = []
    for item_id, cases in CASES.items():
        for _, answer, *_ in cases[:3]:
            begin = time.perf_counter()
            check_answer(item_id, answer)
            bounded.append(time.perf_counter() - begin)

    times.sort()
    print(f"analyzer load (import sudachipy, open sudachidict_core, tokenizer): {ms(analyzer)}")
    print(f"rnn_grader.quiz imported (sympy included) and its own tokenizer made: {ms(package)}")
    print(f"lexicons of {len(rubrics)} items compiled: {ms(lexicons)}")
    print(f"grade(), {len(times)} answers: median {ms(statistics.median(times))}, "
          f"p95 {ms(times[int(0.95 * (len(times) - 1))])}, worst {ms(times[-1])} (goal <= 50 ms)")
    print(f"grade() of a {len(long_answer)}-character answer (cut at the limit): {ms(longest)}")
    print(f"check_answer() (forked, bounded), {len(bounded)} answers: median {ms(statistics.median(bounded))}, "
          f"worst {ms(max(bounded))}")


if __name__ == "__main__":
    main()
