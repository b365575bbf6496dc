"""A sequence whose items are computed when first read (and kept).

    values = LazyList(len(cases), lambda k: expensive(cases[k]))

Used where most items are never needed: the misconceptions' values of the cases a learner
got right (``matching.py``), the kit bank's records only a wrong answer reads (``bank.py``).
"""
from __future__ import annotations

import bisect
import itertools
from collections import abc
from typing import Callable, Sequence


class LazyList(abc.Sequence):
    """``count`` items, item ``k`` being ``compute(k)``, computed on first read.  (Threads may
    both compute an item: the same value either way.)"""

    def __init__(self, count: int, compute: Callable[[int], object]):
        self.count, self.compute, self.items = count, compute, {}

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, k: int):
        k = range(self.count)[k]   # negative indexes, and IndexError past the end
        if k not in self.items:
            self.items[k] = self.compute(k)
        return self.items[k]

    @classmethod
    def joined(cls, parts: Sequence[Sequence]) -> "LazyList":
        """The items of ``parts`` one after the other, each read from its part when first read."""
        parts = list(parts)
        ends = list(itertools.accumulate(len(part) for part in parts))

        def item(k: int):
            which = bisect.bisect_right(ends, k)
            return parts[which][k - (ends[which - 1] if which else 0)]
        return cls(ends[-1] if ends else 0, item)
