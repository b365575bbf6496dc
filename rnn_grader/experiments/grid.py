"""The hyperparameter settings of the study notes' experiment, each changed from the baseline
(hidden 16, learning rate 0.1, initial weight scale 1.0, sigmoid, no clipping) in one way."""
from __future__ import annotations

from dataclasses import dataclass

EXERCISE = "binary_addition"     # the exercise whose train the experiments run
ITERS = 2000                     # iterations per run (the behaviour checks' longest run)
BATCH = 8


@dataclass(frozen=True)
class Setting:
    """One run: ``key`` names its description in the message catalog (``experiments.<key>``)."""

    key: str
    hidden: int = 16
    lr: float = 0.1
    init_std: float = 1.0
    activation: str = "sigmoid"
    clip: float | None = None


def changes(setting: Setting) -> str:
    """What differs from the baseline, as train's keyword arguments (``activation='relu', clip=1.0``)."""
    baseline = Setting(setting.key)
    return ", ".join(f"{name}={getattr(setting, name)!r}" for name in ("hidden", "lr", "init_std", "activation", "clip")
                     if getattr(setting, name) != getattr(baseline, name))


SETTINGS = [
    Setting("baseline"),
    Setting("hidden_64", hidden=64),
    Setting("hidden_4", hidden=4),
    Setting("large_lr", lr=1.0),
    Setting("large_init", init_std=3.0),
    Setting("tanh", activation="tanh"),
    Setting("relu", activation="relu"),
    Setting("relu_clip", activation="relu", clip=1.0),
]
