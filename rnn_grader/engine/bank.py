"""The learner kit's practice bank: exercises, checks and prepared cases as plain data.

The instructor's grader prepares checks live (inputs drawn, the reference and every
misconception's formula evaluated).  The kit has neither references nor formulas: it holds
what ``judge`` needs and nothing else --

* each check's judging attributes (``Check.PREPARE_ONLY`` dropped; misconceptions without
  their formulas; functions only by reference to ``rnn_grader.engine`` or ``rnn_grader.judges``,
  which ship with the kit: anything else is refused here, so no answer can slip in);
* ``PRACTICE_SETS`` prepared sets per exercise, drawn from the practice generators
  (``grading.practice_rng``), never from a course's seeds.

    files = bank_files(exercises, practice_cases)   # the instructor's side (grade release)
    exercises = load_exercises(files.__getitem__)   # the kit's side: Exercise objects whose
                                                    # ``practice_bank`` reads the prepared sets
The format is JSON: ``sandbox.plain`` for arrays, numbers and containers, plus the tags
``$text``, ``$misconception``, ``$ref`` and ``$check`` below.  ``index.json`` is plain JSON;
each practice set is a gzipped binary frame (``plain.frame``: the JSON, then the arrays'
raw bytes, which it refers to as ``$blob``), read without decoding any base64.
"""
from __future__ import annotations

import dataclasses
import gzip
import importlib
import json
import types
from collections import abc
from typing import Callable

import numpy as np

from rnn_grader.engine.declaration import Call, Check, Exercise, Misconception, Prepared
from rnn_grader.engine.lazy import LazyList
from rnn_grader.messages import Text
from rnn_grader.sandbox import plain

FORMAT = 3
PRACTICE_SETS = 5
SHIPPED_MODULES = ("rnn_grader.engine", "rnn_grader.judges", "rnn_grader.messages", "rnn_grader.sandbox")


class NotShippable(ValueError):
    """A judging attribute refers to code the kit does not ship (it may compute an answer)."""


# ----------------------------------------------------------------------------- encoding
def reference_to(function) -> str:
    """``module:attribute`` of a function the kit ships (found by identity, so decorated and
    wrapped functions work as long as the module holds them under some name)."""
    module_name = getattr(function, "__module__", None) or ""
    if not module_name.startswith(SHIPPED_MODULES):
        raise NotShippable(f"{getattr(function, '__qualname__', function)!r} lives in {module_name!r}: "
                           f"judging code must live in rnn_grader.judges or the engine")
    module = importlib.import_module(module_name)
    for attribute, value in vars(module).items():
        if value is function:
            return f"{module_name}:{attribute}"
    raise NotShippable(f"{function!r} is not a top-level name of {module_name}")


def encode(value):
    """A JSON-ready tree for a judging attribute or a prepared value."""
    if isinstance(value, Text):
        return {"$text": [value.en, value.ja, [[k, encode(v)] for k, v in value.params]]}
    if isinstance(value, Misconception):
        return {"$misconception": [value.name, encode(value.explanation),
                                   None if value.match is None else reference_to(value.match)]}
    if isinstance(value, Check):
        return {"$check": check_spec(value)}
    if isinstance(value, (types.FunctionType, types.BuiltinFunctionType)):
        return {"$ref": reference_to(value)}
    if type(value) is list or isinstance(value, LazyList):   # a lazy list is read whole
        return [encode(v) for v in value]
    if isinstance(value, abc.Mapping) and type(value) is not dict:   # e.g. CentralDifferences, read whole
        value = dict(value)
    if type(value) is tuple:
        return {"$tuple": [encode(v) for v in value]}
    if type(value) is dict:
        if not all(type(k) is str for k in value):
            raise NotShippable("dict keys must be strings")
        return {"$dict": {k: encode(v) for k, v in value.items()}}
    if isinstance(value, np.random.Generator):
        raise NotShippable("a live generator cannot be shipped (use sandbox.plain.Rng)")
    tree = plain.to_plain(value)
    if isinstance(tree, dict) and "$unsupported" in tree:
        raise NotShippable(f"cannot ship a {tree['$unsupported']}")
    return tree


def decode(tree, blobs=None):
    """The value back (functions re-imported from the kit's own modules); ``blobs``: the
    bytes of the set file's arrays (``plain.unframe``)."""
    if type(tree) is list:
        return [decode(v, blobs) for v in tree]
    if type(tree) is not dict or not tree:
        return plain.from_plain(tree)
    tag, body = next(iter(tree.items()))
    if tag == "$text":
        en, ja, params = body
        text = Text(en, ja)
        return text.format(**{k: decode(v, blobs) for k, v in params}) if params else text
    if tag == "$misconception":
        name, explanation, match = body
        return Misconception(name, None, decode(explanation, blobs), None if match is None else resolve(match))
    if tag == "$check":
        return check_from_spec(body)
    if tag == "$ref":
        return resolve(body)
    if tag == "$tuple":
        return tuple(decode(v, blobs) for v in body)
    if tag == "$dict":
        return {k: decode(v, blobs) for k, v in body.items()}
    return plain.from_plain(tree, blobs=blobs)


def resolve(reference: str):
    module_name, attribute = reference.split(":")
    if not module_name.startswith(SHIPPED_MODULES):
        raise ValueError(f"the bank refers to {module_name}, which is not part of the kit")
    return getattr(importlib.import_module(module_name), attribute)


# ----------------------------------------------------------------------------- checks
def check_spec(check: Check) -> dict:
    """The check's kind and judging attributes (everything but ``PREPARE_ONLY``)."""
    attributes = {k: v for k, v in vars(check).items() if k not in type(check).PREPARE_ONLY}
    return {"kind": f"{type(check).__module__}:{type(check).__name__}",
            "attributes": {k: encode(v) for k, v in attributes.items()}}


def check_from_spec(spec: dict) -> Check:
    kind = resolve(spec["kind"])
    if not (isinstance(kind, type) and issubclass(kind, Check)):
        raise ValueError(f"{spec['kind']} is not a check kind")
    check = kind.__new__(kind)
    for name in kind.PREPARE_ONLY:
        setattr(check, name, None)
    for name, value in spec["attributes"].items():
        setattr(check, name, decode(value))
    return check


# ----------------------------------------------------------------------------- prepared cases
def prepared_record(prepared: Prepared) -> dict:
    return {"calls": [encode(call.to_plain()) for call in prepared.calls], "expected": encode(prepared.expected),
            "extra": encode(prepared.extra),
            "wrong": encode([list(prepared.wrong[k]) for k in range(len(prepared.wrong))]),   # every case computed
            "later": [encode(call.to_plain()) for call in prepared.later]}


def prepared_from_record(record: dict, blobs=None) -> Prepared:
    """The prepared check; what only a wrong answer needs (the misconceptions' values, the
    ``later`` calls) is decoded when first read."""
    return Prepared([decode_call(tree, blobs) for tree in record["calls"]], decode(record["expected"], blobs),
                    decode(record["extra"], blobs), decoded_lazily(record["wrong"], lambda tree: decode(tree, blobs)),
                    decoded_lazily(record["later"], lambda tree: decode_call(tree, blobs)))


def decoded_lazily(trees: list, read: Callable) -> LazyList:
    return LazyList(len(trees), lambda k: read(trees[k]))


def decode_call(tree, blobs=None) -> Call:
    plain_call = decode(tree, blobs)
    return Call(plain_call["function"], tuple(plain_call["args"]), dict(plain_call["kwargs"]),
                plain_call.get("errstate"))


# ----------------------------------------------------------------------------- exercises
def exercise_spec(exercise: Exercise) -> dict:
    fields = {f.name: getattr(exercise, f.name) for f in dataclasses.fields(exercise) if f.init}
    return {name: encode(value) for name, value in fields.items()}


INDEX = "index.json"


def set_file(name: str, k: int) -> str:
    return f"{name}-{k}.bin.gz"


def bank_files(exercises, practice_cases) -> dict[str, bytes]:
    """The whole bank as files: ``index.json`` (every exercise's checks) and one gzipped
    file per exercise and practice set (``practice_cases(exercise, k)`` prepares set k), so
    that a self-check reads only the sets it uses."""
    files, index = {}, []
    for exercise in exercises:
        index.append(exercise_spec(exercise))
        for k in range(PRACTICE_SETS):
            records = [prepared_record(p) for p in practice_cases(exercise, k)]
            packer = plain.Packer()   # the arrays as raw bytes after the JSON (no base64 to decode)
            files[set_file(exercise.name, k)] = gzip.compress(plain.frame(packer.blob_tree(records), packer.blobs),
                                                              mtime=0)
    files[INDEX] = dumps({"format": FORMAT, "practice_sets": PRACTICE_SETS, "exercises": index})
    return files


def dumps(tree) -> bytes:
    return json.dumps(tree, separators=(",", ":"), ensure_ascii=False).encode()


def load_exercises(read: Callable[[str], bytes]) -> dict[str, Exercise]:
    """The kit's exercises, in bank order, each with its ``practice_bank``; ``read(file
    name)`` gives a bank file's bytes."""
    data = json.loads(read(INDEX))
    if data.get("format") != FORMAT:
        raise ValueError("this practice bank was written by another version of rnn-grader")
    exercises = {}
    for spec in data["exercises"]:
        exercise = Exercise(**{name: decode(value) for name, value in spec.items()})
        exercise.practice_bank = PracticeBank(exercise.name, int(data["practice_sets"]), read)
        exercises[exercise.name] = exercise
    return exercises


class PracticeBank:
    """An exercise's practice sets, each read and decoded when first used."""

    def __init__(self, name: str, count: int, read: Callable[[str], bytes]):
        self.name, self.count, self.read, self.decoded = name, count, read, {}

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, k: int) -> list[Prepared]:
        if k not in self.decoded:
            records, blobs = plain.unframe(gzip.decompress(self.read(set_file(self.name, k))))
            self.decoded[k] = [prepared_from_record(r, blobs) for r in records]
        return self.decoded[k]
