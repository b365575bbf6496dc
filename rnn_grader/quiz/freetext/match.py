"""Does an answer's reading state each rubric point?  Claims against units.

``judge_claim(claim, unit, entities)`` says how one unit relates to one claim:

    "support"     the unit states the claim (as the rubric means it)
    "contradict"  it states it the other way round, negated, or of the contrasted entity
                  ("LSTM のほうが少ない", "少ないわけではない", "not fewer")
    "partial"     it states it without saying of what (no subject), or only denies the opposite
    None          the unit is about something else

``judge_point`` combines every unit and claim into a ``PointVerdict``.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rnn_grader.quiz.freetext.rubric import Claim, Point
from rnn_grader.quiz.freetext.units import Unit, than_of

OPPOSITE = {"less": "more", "more": "less"}
AS_SUBJECT = {"stated": "support", "reversed": "contradict", "negated": "contradict", "weak": "partial"}
AS_OTHER_SCALED = {"stated": "contradict", "reversed": "support", "negated": "partial", "weak": "partial"}
AS_OTHER_PLAIN = {"stated": "contradict"}


@dataclass(frozen=True)
class PointVerdict:
    """``found``; ``status``: found | missing | contradicted | half; ``review``: unsure."""

    id: str
    found: bool
    status: str
    review: bool


def _named(claim: Claim, unit: Unit) -> bool:
    """Whether the unit names what the claim needs (concepts, roles)."""
    concepts = unit.concepts
    if claim.all and Counter(claim.all) - concepts:
        return False
    if claim.any and not any(c in concepts for c in claim.any):
        return False
    if claim.about and not any(c in concepts for c in claim.about):
        return False
    if claim.from_ and not set(claim.from_) <= unit.with_role("from"):
        return False
    return not claim.to or set(claim.to) <= unit.with_role("to")


def _state(claim: Claim, unit: Unit) -> str | None:
    """stated / reversed / negated / weak, relative to the claim's direction and polarity."""
    if claim.scale:
        if claim.scale in unit.scales:
            same = True
        elif OPPOSITE[claim.scale] in unit.scales:
            same = False
        else:
            return None
    else:
        same = True
    polarity = unit.negated == claim.negated
    if same:
        return "stated" if polarity else "negated"
    return "reversed" if polarity else "weak"


def _owner(claim: Claim, unit: Unit, entities: set) -> str | None:
    """Of whom the unit says it: the entity of the phrase holding the claim's last named
    concept ("LSTM の3つのゲート"), else the unit's subject; a missing subject is inferred
    from the contrasted one ("LSTM より少ない" speaks of the other model)."""
    key = (claim.all or claim.any or (None,))[-1]
    for phrase in unit.phrases:
        if key in phrase.concepts and phrase.role != "than" and not phrase.denied:
            found = {c for c in phrase.concepts if c in entities and c != key}
            if len(found) == 1:
                return found.pop()
    if unit.subject is not None:
        return unit.subject
    than = than_of(unit, entities)
    if than and claim.other and than == claim.other:
        return claim.subject
    if than and claim.subject and than == claim.subject:
        return claim.other or None
    return None


def judge_claim(claim: Claim, unit: Unit, entities: set) -> str | None:
    """How ``unit`` relates to ``claim`` (see the module docstring)."""
    if not _named(claim, unit):
        return None
    state = _state(claim, unit)
    if state is None:
        return None
    if not claim.subject:
        return AS_SUBJECT[state]
    owner = _owner(claim, unit, entities)
    if owner == claim.subject:
        return AS_SUBJECT[state]
    if claim.other and owner == claim.other:
        return (AS_OTHER_SCALED if claim.scale else AS_OTHER_PLAIN).get(state)
    if owner is None and state == "stated":
        return "partial"
    return None


def _part_states(part, units: list, entities: set) -> set:
    states = set()
    for unit in units:
        for claim in part.claims:
            state = judge_claim(claim, unit, entities)
            if state:
                states.add(state)
        for claim in part.partial:
            if judge_claim(claim, unit, entities) == "support":
                states.add("partial")
        for claim in part.against:
            if judge_claim(claim, unit, entities) == "support":
                states.add("contradict" if claim.hard else "wrong")
    return states


def judge_point(point: Point, units: list, entities: set) -> PointVerdict:
    """Found when every part is supported and none contradicted; a part both supported and
    contradicted, a half-stated part, or a point with only some parts stated is flagged."""
    found_parts, review, contradicted = 0, False, False
    for part in point.parts:
        states = _part_states(part, units, entities)
        supported, against = "support" in states, "contradict" in states
        found_parts += supported and not against
        contradicted |= against
        review |= (supported and against) or (not supported and "partial" in states)
    found = found_parts == len(point.parts)
    half = 0 < found_parts < len(point.parts)
    status = "found" if found else "contradicted" if contradicted else "half" if (half or review) else "missing"
    return PointVerdict(point.id, found, status, review or half)
