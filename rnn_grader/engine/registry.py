"""Finding the exercise declarations: every module in ``rnn_grader/declarations`` with an
``EXERCISE``.  Adding an exercise adds a module there; nothing here changes."""
from __future__ import annotations

import functools
import importlib
import pkgutil

from rnn_grader import declarations
from rnn_grader.engine.declaration import Exercise


@functools.lru_cache(maxsize=1)
def all_exercises() -> dict[str, Exercise]:
    """Every declared exercise by name, in curriculum order (``ORDER`` in each module)."""
    found = []
    for info in pkgutil.iter_modules(declarations.__path__):
        module = importlib.import_module(f"{declarations.__name__}.{info.name}")
        exercise = getattr(module, "EXERCISE", None)
        if isinstance(exercise, Exercise):
            assert exercise.name == info.name, f"{info.name}: EXERCISE.name must match the module"
            found.append((getattr(module, "ORDER", 100), exercise.name, exercise))
    return {name: exercise for _, name, exercise in sorted(found, key=lambda t: (t[0], t[1]))}


def select(names: list[str] | None) -> list[Exercise]:
    """The named exercises (all when ``names`` is empty); KeyError names an unknown one."""
    exercises = all_exercises()
    if not names:
        return list(exercises.values())
    unknown = [n for n in names if n not in exercises]
    if unknown:
        raise KeyError(", ".join(unknown))
    return [exercises[n] for n in dict.fromkeys(names)]
