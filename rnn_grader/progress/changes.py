"""What the history says: this run against the ones before, and the whole story per exercise.

A run is the plain record of ``history.run_record``.  A misconception of an exercise is
*met* when a run names it, and *overcome* when, in a later run of that exercise, no check
names it any more and every check that once named it gives full points.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Changes:
    """This run against the previous run of each exercise it graded.

    now_passing: failing last time, passing now; now_failing: the reverse;
    overcome: [(exercise, misconception)] overcome in this run."""

    now_passing: list[str] = field(default_factory=list)
    now_failing: list[str] = field(default_factory=list)
    overcome: list[tuple[str, str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.now_passing or self.now_failing or self.overcome)


@dataclass
class ExerciseStory:
    """One exercise over all runs: ``runs`` graded, ``status`` now, ``passed_at`` the first
    run (1-based, counting this exercise's runs) after which it stayed passed (None: not
    passing now), ``met``: {misconception: overcome?} in the order first met."""

    name: str
    runs: int
    status: str
    passed_at: int | None
    met: dict[str, bool]


def records_of(runs: list[dict], name: str) -> list[dict]:
    """The exercise's record in each run that graded it, oldest first."""
    return [run["exercises"][name] for run in runs if name in run["exercises"]]


def met_misconceptions(records: list[dict]) -> dict[str, set[str]]:
    """{misconception: the checks that named it} over ``records``, in the order first met."""
    met: dict[str, set[str]] = {}
    for record in records:
        for check, name in dict(record.get("misconceptions") or {}).items():
            met.setdefault(str(name), set()).add(str(check))
    return met


JUDGED = ("passed", "failed")  # the other statuses (error, timeout, missing...) ran no check to the end


def is_overcome(name: str, checks: set[str], record: dict) -> bool:
    """In ``record``, the checks were judged, none names ``name`` and every check that once
    did gives full points."""
    named = set(dict(record.get("misconceptions") or {}).values())
    return record["status"] in JUDGED and name not in named and not checks & set(record.get("lost") or [])


def changes(before: list[dict], run: dict) -> Changes:
    """``run`` against the runs ``before`` it (oldest first)."""
    found = Changes()
    for name, now in run["exercises"].items():
        earlier = records_of(before, name)
        if not earlier:
            continue
        last = earlier[-1]
        if now["status"] == "passed" and last["status"] != "passed":
            found.now_passing.append(name)
        if last["status"] == "passed" and now["status"] != "passed":
            found.now_failing.append(name)
        for wrong, checks in met_misconceptions(earlier).items():
            if is_overcome(wrong, checks, now) and not is_overcome(wrong, checks, last):
                found.overcome.append((name, wrong))
    return found


def stories(runs: list[dict]) -> list[ExerciseStory]:
    """Every exercise ever graded in ``runs``, in the order first graded."""
    names = list(dict.fromkeys(name for run in runs for name in run["exercises"]))
    told = []
    for name in names:
        records = records_of(runs, name)
        met = met_misconceptions(records)
        told.append(ExerciseStory(name, len(records), records[-1]["status"], passed_since(records),
                                  {w: is_overcome(w, checks, records[-1]) for w, checks in met.items()}))
    return told


def passed_since(records: list[dict]) -> int | None:
    """The 1-based index of the first record of the final passing streak (None: failing now)."""
    if not records or records[-1]["status"] != "passed":
        return None
    index = len(records)
    while index > 1 and records[index - 2]["status"] == "passed":
        index -= 1
    return index
