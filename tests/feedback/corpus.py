"""The learner corpus: per exercise, ``corpus_<name>.py`` holds ``WRONG`` ({key: source}),
``NAMES`` ({key: the misconception the feedback should name, or None}) and ``RIGHT``
({key: source}).  ``diagnosis`` reduces a graded result to what the corpus test asserts."""
from __future__ import annotations

import importlib
import textwrap
from pathlib import Path
from types import ModuleType

SEEDS = (0, 1, 2)
EXERCISES = sorted(path.stem.removeprefix("corpus_")
                   for path in Path(__file__).parent.glob("corpus_*.py"))


def corpus(name: str) -> ModuleType:
    """The corpus module of exercise ``name``; its WRONG and NAMES have the same keys."""
    module = importlib.import_module(f"tests.feedback.corpus_{name}")
    assert set(module.WRONG) == set(module.NAMES), name
    return module


def source(text: str) -> str:
    """A corpus entry as the file a learner would hand in."""
    return textwrap.dedent(text).lstrip("\n")


def diagnosis(result) -> tuple[bool, frozenset]:
    """(lost points?, the misconception names the feedback gives)."""
    return result.score < result.max_score, frozenset(result.misconceptions)


def expected_names(expected) -> frozenset:
    """The names the feedback should give for a corpus entry's expectation: None (no name),
    one name, or a tuple of names (a mistake that each of several checks sees differently)."""
    if expected is None:
        return frozenset()
    return frozenset([expected] if isinstance(expected, str) else expected)


def variant(text: str, *pairs: tuple[str, str]) -> str:
    """``text`` with each ``(old, new)`` replaced; every ``old`` must occur (a variant never
    silently equals the right original)."""
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    return text
