"""Quiz items as data: loading ``quizzes/*.toml`` into ``Item`` objects.

One TOML file per item.  Common keys::

    id = "chain_rule"
    kind = "expression"            # expression | choice | word | size | matrix
    question = { ja = "...", en = "..." }
    hint = { ja = "...", en = "..." }          # optional: shown for any other wrong answer
    order = 40                     # optional: place in the course (lists follow it)

    [[wrong]]                      # known wrong answers (the exam's distractors)
    answers = ["2x+y"]             # read like a learner's answer of this kind
    hint = { ja = "...", en = "..." }

Kind-specific keys:

* expression: ``answer`` (a formula), ``lhs`` (accepted left sides, e.g. ``["dz/dx"]``),
  ``[symbols.NAME]`` tables (``positive``, ``integer``, ``range``, ``display``, ``aliases``)
  and optionally ``[[choices]]`` with an ``expr`` each (a choice number picks that formula);
* choice: ``answer`` (the right label) and ``[[choices]]`` with ``label``, ``text`` (a string
  or ``{ja, en}``), optional ``value`` (a number that also picks it) and ``accept`` (words);
* word: ``synonyms`` (accepted terms in any language);
* size: ``answer = [rows, cols]``;   matrix: ``answer = [[...], ...]``, ``accept_transpose``.
* freetext: ``[[points]]`` (the rubric) and ``[concepts.NAME]`` (see ``freetext/rubric.py``).

The checker code never names an item: adding a file adds an item.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rnn_grader.messages import Text
from rnn_grader.quiz.vocabulary import Vocabulary, make_symbol

KINDS = ("expression", "choice", "word", "size", "matrix", "freetext")


@dataclass(frozen=True)
class Wrong:
    """A known wrong answer group and its targeted hint."""

    answers: tuple
    hint: Text


@dataclass(frozen=True)
class Choice:
    label: int
    text: Text
    value: str | None = None
    expr: str | None = None
    accept: tuple = ()


@dataclass(frozen=True)
class Item:
    """One quiz item (see the module docstring for the data format)."""

    id: str
    kind: str
    question: Text
    answer: object
    vocabulary: Vocabulary = field(default_factory=Vocabulary, compare=False)
    lhs: tuple = ()
    choices: tuple = ()
    wrong: tuple = ()
    hint: Text | None = None
    synonyms: tuple = ()
    accept_transpose: bool = False
    rubric: object = field(default=None, compare=False)  # freetext: rnn_grader.quiz.freetext.rubric
    order: int = 10_000  # place in the course (``order`` in the data); lists follow it


def _text(data, where: str) -> Text:
    if isinstance(data, str):
        return Text(en=_escape(data), ja=_escape(data))
    try:
        return Text(en=_escape(data["en"]), ja=_escape(data["ja"]))
    except (KeyError, TypeError) as exc:
        raise ValueError(f"{where}: a text needs 'ja' and 'en'") from exc


def _escape(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _question(data: dict, choices: tuple) -> Text:
    question = _text(data["question"], f"{data['id']}.question")
    if not choices:
        return question
    lines = {lang: [getattr(question, lang)] for lang in ("en", "ja")}
    for choice in choices:
        for lang in lines:
            lines[lang].append(f"({choice.label}) {getattr(choice.text, lang)}")
    return Text(en="\n".join(lines["en"]), ja="\n".join(lines["ja"]))


def _choice(data: dict, where: str) -> Choice:
    return Choice(int(data["label"]), _text(data["text"], where), data.get("value"),
                  data.get("expr"), tuple(data.get("accept", ())))


def _rubric(data: dict):
    from rnn_grader.quiz.freetext.rubric import parse_rubric

    return parse_rubric(data)


def parse_item(data: dict) -> Item:
    """An ``Item`` from one file's TOML table; raises ValueError on a malformed item."""
    item_id = data["id"]
    if data.get("kind") not in KINDS:
        raise ValueError(f"{item_id}: kind must be one of {KINDS}")
    choices = tuple(_choice(c, item_id) for c in data.get("choices", ()))
    symbols = [make_symbol(name, spec) for name, spec in data.get("symbols", {}).items()]
    return Item(
        id=item_id, kind=data["kind"], question=_question(data, choices),
        answer=data.get("answer"), vocabulary=Vocabulary(symbols),
        lhs=tuple(data.get("lhs", ())), choices=choices,
        wrong=tuple(Wrong(tuple(str(a) for a in w["answers"]), _text(w["hint"], item_id))
                    for w in data.get("wrong", ())),
        hint=_text(data["hint"], item_id) if "hint" in data else None,
        synonyms=tuple(data.get("synonyms", ())),
        accept_transpose=bool(data.get("accept_transpose", False)),
        rubric=_rubric(data) if data["kind"] == "freetext" else None,
        order=int(data.get("order", 10_000)),
    )


def _data_files():
    """The ``*.toml`` files of the ``quizzes`` package (installed) or the source folder."""
    try:
        folder = resources.files("quizzes")
        files = [f for f in folder.iterdir() if f.name.endswith(".toml")]
        if files:
            return files
    except (ModuleNotFoundError, TypeError):
        pass
    folder = Path(__file__).resolve().parents[2] / "quizzes"
    return sorted(folder.glob("*.toml"))


@lru_cache(maxsize=1)
def load_items() -> dict[str, Item]:
    """Every item, by id, in course order (``order``, then file name; loaded once)."""
    items: dict[str, Item] = {}
    for path in sorted(_data_files(), key=lambda f: f.name):
        item = parse_item(tomllib.loads(path.read_text(encoding="utf-8")))
        if item.id in items:
            raise ValueError(f"quiz id {item.id!r} is defined twice")
        items[item.id] = item
    return dict(sorted(items.items(), key=lambda kv: kv[1].order))
