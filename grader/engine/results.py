"""Results of grading, and their JSON form (the contract's schema)."""
from __future__ import annotations

from dataclasses import dataclass, field

from grader.messages import Text

STATUSES = ("passed", "failed", "error", "timeout", "memory", "crashed", "missing")


@dataclass
class CheckResult:
    name: str
    title: Text
    points: float
    score: float
    messages: list[Text] = field(default_factory=list)
    misconception: str | None = None


@dataclass
class ExerciseResult:
    """One exercise of one submission.  ``status`` is one of STATUSES."""

    name: str
    title: Text
    score: float
    max_score: float
    status: str
    messages: list[Text] = field(default_factory=list)
    checks: list[CheckResult] = field(default_factory=list)
    output: str = ""

    @property
    def misconceptions(self) -> list[str]:
        return [c.misconception for c in self.checks if c.misconception]

    def to_json(self, lang: str) -> dict:
        return {
            "score": round(self.score, 6),
            "max_score": self.max_score,
            "status": self.status,
            "messages": [m.render(lang) for m in self.messages],
        }


@dataclass
class SubmissionResult:
    seed: int
    exercises: dict[str, ExerciseResult]

    @property
    def score(self) -> float:
        return sum(r.score for r in self.exercises.values())

    @property
    def max_score(self) -> float:
        return sum(r.max_score for r in self.exercises.values())

    @property
    def all_passed(self) -> bool:
        return all(r.status == "passed" for r in self.exercises.values())

    def to_json(self, lang: str) -> dict:
        return {
            "seed": self.seed,
            "score": round(self.score, 6),
            "max_score": self.max_score,
            "exercises": {name: r.to_json(lang) for name, r in self.exercises.items()},
        }
