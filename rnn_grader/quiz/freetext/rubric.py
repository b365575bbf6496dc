"""A free-text item's rubric as data (the ``[[points]]`` of ``quizzes/<id>.toml``).

    [[points]]
    id = "gru_fewer_params"
    label = { ja = "...", en = "..." }     # what the point is about (shown found / missing)
    hint = { ja = "...", en = "..." }      # what is missing, without giving the answer

    [[points.claims]]                      # any one of these states the point
    subject = "gru"                        # the entity it must be said of ("" = any)
    other = "lstm"                         # the entity it is contrasted with: "LSTM has
                                           # more" states it too, "LSTM has fewer" contradicts it
    scale = "less"                         # the comparison word's direction
    about = ["params", "compute"]          # one of these must be named (or implied)
    all = ["gate", "two"]                  # all of these must be named (owner: the last one's)
    any = ["reset_gate", "update_gate"]    # one of these must be named
    from = ["hidden"]  to = ["hidden"]     # named with the role from / to (中間層から中間層へ)
    negated = false                        # true: the statement is a negative one (学習できない)

    [[points.partial]]                     # a half statement: flagged for review
    [[points.against]]                     # a wrong statement: hard = true contradicts the point

A point may instead have ``[[points.parts]]``, each with its own claims / partial / against:
every part must be stated (a point with some of its parts is half stated).
"""
from __future__ import annotations

from dataclasses import dataclass

from rnn_grader.messages import Text
from rnn_grader.quiz.freetext.lexicon import parse_concepts

CLAIM_KEYS = {"subject", "other", "scale", "about", "all", "any", "from", "to", "negated", "hard"}


@dataclass(frozen=True)
class Claim:
    """One way to state (part of) a point; see the module docstring for the fields."""

    subject: str = ""
    other: str = ""
    scale: str = ""
    about: tuple = ()
    all: tuple = ()
    any: tuple = ()
    from_: tuple = ()
    to: tuple = ()
    negated: bool = False
    hard: bool = False

    def concepts(self) -> set:
        return {*self.about, *self.all, *self.any, *self.from_, *self.to} | {self.subject, self.other} - {""}


@dataclass(frozen=True)
class Part:
    claims: tuple
    partial: tuple = ()
    against: tuple = ()


@dataclass(frozen=True)
class Point:
    """A rubric point: ``id`` (the contract's), ``label`` and ``hint`` (Text), its parts."""

    id: str
    label: Text
    hint: Text
    parts: tuple


@dataclass(frozen=True)
class Rubric:
    """``points`` in order, and the item's own concepts (``{name: Concept}``)."""

    item_id: str
    points: tuple
    concepts: dict

    def concept_names(self) -> set:
        """Every concept a claim of this rubric names (what makes an answer on topic)."""
        return {c for p in self.points for part in p.parts
                for claim in (*part.claims, *part.partial) for c in claim.concepts()}


def _text(data, where: str) -> Text:
    try:
        return Text(en=data["en"].replace("{", "{{").replace("}", "}}"),
                    ja=data["ja"].replace("{", "{{").replace("}", "}}"))
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{where}: a text needs 'ja' and 'en'") from exc


def _claim(data: dict, where: str) -> Claim:
    unknown = set(data) - CLAIM_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown claim keys {sorted(unknown)}")
    if data.get("scale", "") not in ("", "less", "more"):
        raise ValueError(f"{where}: scale must be 'less' or 'more'")
    return Claim(data.get("subject", ""), data.get("other", ""), data.get("scale", ""),
                 tuple(data.get("about", ())), tuple(data.get("all", ())), tuple(data.get("any", ())),
                 tuple(data.get("from", ())), tuple(data.get("to", ())), bool(data.get("negated", False)),
                 bool(data.get("hard", False)))


def _part(data: dict, where: str) -> Part:
    claims = tuple(_claim(c, where) for c in data.get("claims", ()))
    if not claims:
        raise ValueError(f"{where}: a point (or part) needs at least one claim")
    return Part(claims, tuple(_claim(c, where) for c in data.get("partial", ())),
                tuple(_claim(c, where) for c in data.get("against", ())))


def parse_rubric(data: dict) -> Rubric:
    """The rubric of one item's TOML table; raises ValueError when malformed (unknown concept
    names included)."""
    item_id = data["id"]
    points = []
    for raw in data.get("points", ()):
        where = f"{item_id}.{raw.get('id')}"
        parts = tuple(_part(p, where) for p in raw["parts"]) if "parts" in raw else (_part(raw, where),)
        points.append(Point(raw["id"], _text(raw["label"], where), _text(raw["hint"], where), parts))
    if not points:
        raise ValueError(f"{item_id}: a free-text item needs [[points]]")
    if len({p.id for p in points}) != len(points):
        raise ValueError(f"{item_id}: point ids must be unique")
    rubric = Rubric(item_id, tuple(points), parse_concepts(data.get("concepts", {})))
    _check_names(rubric)
    return rubric


def _check_names(rubric: Rubric) -> None:
    from rnn_grader.quiz.freetext.lexicon import shared_concepts

    known = set(shared_concepts()) | set(rubric.concepts)
    missing = rubric.concept_names() - known
    for point in rubric.points:
        for part in point.parts:
            for claim in part.against:
                missing |= claim.concepts() - known
    if missing:
        raise ValueError(f"{rubric.item_id}: unknown concepts {sorted(missing)}")
