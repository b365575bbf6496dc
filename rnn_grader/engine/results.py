"""Results of grading, and their JSON form (the contract's schema).

``to_json(lang)`` is the contract's output; ``to_record()`` / ``from_record(...)`` is a
lossless-enough round trip for saving results (a cohort's resume state): statuses, scores,
misconception names, and every message rendered in both languages.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rnn_grader.messages import Text

STATUSES = ("passed", "failed", "error", "timeout", "memory", "crashed", "missing")


def text_record(text: Text) -> dict:
    """A message as ``{"en": ..., "ja": ...}``, placeholders already filled in."""
    return {"en": text.render("en"), "ja": text.render("ja")}


def text_from_record(record: dict) -> Text:
    """The message back; braces are escaped so that rendering gives the saved text again."""
    def escaped(value) -> str:
        return (str(value) or "-").replace("{", "{{").replace("}", "}}")

    return Text(en=escaped(record["en"]), ja=escaped(record["ja"]))


@dataclass
class CheckResult:
    name: str
    title: Text
    points: float
    score: float
    messages: list[Text] = field(default_factory=list)
    misconception: str | None = None
    wants_later: bool = field(default=False, repr=False)   # not saved: the engine's second round

    def to_record(self) -> dict:
        return {"name": self.name, "title": text_record(self.title), "points": self.points,
                "score": self.score, "messages": [text_record(m) for m in self.messages],
                "misconception": self.misconception}

    @classmethod
    def from_record(cls, record: dict) -> "CheckResult":
        return cls(record["name"], text_from_record(record["title"]), float(record["points"]),
                   float(record["score"]), [text_from_record(m) for m in record["messages"]],
                   record.get("misconception"))


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

    def to_record(self) -> dict:
        return {"name": self.name, "title": text_record(self.title), "score": self.score,
                "max_score": self.max_score, "status": self.status,
                "messages": [text_record(m) for m in self.messages],
                "checks": [c.to_record() for c in self.checks], "output": self.output}

    @classmethod
    def from_record(cls, record: dict) -> "ExerciseResult":
        return cls(record["name"], text_from_record(record["title"]), float(record["score"]),
                   float(record["max_score"]), record["status"],
                   [text_from_record(m) for m in record["messages"]],
                   [CheckResult.from_record(c) for c in record["checks"]], record.get("output", ""))


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

    def to_record(self) -> dict:
        return {"seed": self.seed, "exercises": {n: r.to_record() for n, r in self.exercises.items()}}

    @classmethod
    def from_record(cls, record: dict) -> "SubmissionResult":
        return cls(int(record["seed"]),
                   {n: ExerciseResult.from_record(r) for n, r in record["exercises"].items()})
