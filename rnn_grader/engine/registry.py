"""Finding the exercises.

In the instructor's grader: every module in ``rnn_grader/declarations`` with an ``EXERCISE``
(adding an exercise adds a module there; nothing here changes).  In the learner kit, which
has no declarations: the practice bank in ``rnn_grader/bank/`` (``bank.py``).
"""
from __future__ import annotations

import functools
import importlib
import importlib.resources
import pkgutil

from rnn_grader.engine.declaration import Exercise

BANK_FOLDER = "bank"


@functools.lru_cache(maxsize=1)
def all_exercises() -> dict[str, Exercise]:
    """Every exercise by name, in curriculum order (``ORDER`` in each declaration)."""
    try:
        from rnn_grader import declarations
    except ImportError:  # the learner kit
        return kit_exercises()
    found = []
    for info in pkgutil.iter_modules(declarations.__path__):
        module = importlib.import_module(f"{declarations.__name__}.{info.name}")
        exercise = getattr(module, "EXERCISE", None)
        if isinstance(exercise, Exercise):
            assert exercise.name == info.name, f"{info.name}: EXERCISE.name must match the module"
            found.append((getattr(module, "ORDER", 100), exercise.name, exercise))
    return {name: exercise for _, name, exercise in sorted(found, key=lambda t: (t[0], t[1]))}


def kit_exercises() -> dict[str, Exercise]:
    from rnn_grader.engine.bank import load_exercises

    folder = importlib.resources.files("rnn_grader").joinpath(BANK_FOLDER)
    return load_exercises(lambda name: folder.joinpath(name).read_bytes())


def select(names: list[str] | None) -> list[Exercise]:
    """The named exercises (all when ``names`` is empty); KeyError names an unknown one."""
    exercises = all_exercises()
    if not names:
        return list(exercises.values())
    unknown = [n for n in names if n not in exercises]
    if unknown:
        raise KeyError(", ".join(unknown))
    return [exercises[n] for n in dict.fromkeys(names)]
