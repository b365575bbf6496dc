"""Quiz items sealed for the learner kit: judged without any answer in the clear.

    data = seal_all(list_items())               # instructor side: {id: sealed item}, plain JSON
    result = check_sealed(data["chain_rule"], "2(x+y)", "ja")   # kit side: QuizResult
    SealedQuiz(data).entries() / .check(id, answer)             # for the kit's `grade quiz`

A sealed item keeps what the learner sees anyway (id, kind, order, question, hints, the
symbols and choices named in the question) and, instead of the answer:

* expression: ``POINTS`` sample points drawn under the symbols' assumptions (the checker's
  own scheme) with the right expression's values there; each declared wrong formula as the
  salted hash of its values rounded at points where rounding is stable; choices that stand
  for formulas keep their text (a line of the question) and values;
* word: salted hashes of every accepted normalized word, and of each wrong group's words;
* choice: a salted hash of the right label; each choice's value and hashed words; the wrong
  labels hashed;
* size, matrix: salted hashes of the right (and wrong) normalized forms.

A wrong answer's hint often gives the right one away, so each is sealed with the wrong form
it is about (``seal_hint``): it opens only when the learner gives that form.

The learner's answer is read by the same reader as in the clear (notation, choice numbers,
``3番``, negated words, malformed matrices), then compared by value at the stored points or by
hash, so every equivalent form is still accepted and "read as" still shows the reading.
Judging runs bounded in time and memory (``bounded.py``).  Free-text items are not sealed.
This module reads no quiz data file: the kit has only the sealed JSON.
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import secrets

from rnn_grader.messages import Text, msg
from rnn_grader.quiz import bounded, judge
from rnn_grader.quiz.check import PLAIN_KINDS, over_bound, refused_outcome
from rnn_grader.quiz.errors import Refused, UnknownQuiz
from rnn_grader.quiz.kinds import expression as clear_expression
from rnn_grader.quiz.kinds.choice import NO_SYMBOLS, read_choice
from rnn_grader.quiz.kinds.labels import read_label
from rnn_grader.quiz.kinds.matrix import read_matrix, show
from rnn_grader.quiz.kinds.size import read_size
from rnn_grader.quiz.kinds.word import RIGHT, verdict
from rnn_grader.quiz.kinds.words import WordSet
from rnn_grader.quiz.normalize import normalize_words
from rnn_grader.quiz.numeric import Unsupported, evaluate, evaluate_constant
from rnn_grader.quiz.outcome import Outcome, QuizResult
from rnn_grader.quiz.reader import read_expression
from rnn_grader.quiz.vocabulary import Vocabulary, make_symbol

FORMAT = 1
POINTS = 30
MIN_POINTS = 16
HINT_POINTS = 12
MIN_HINT_POINTS = 6
SEED = 20240601
SEALED_KINDS = ("expression", "word", "choice", "size", "matrix")


# ------------------------------------------------------------------------------ hashing
def digest(salt: str, text: str) -> str:
    """The salted hash of one normalized form (hex, 128 bits)."""
    return hashlib.sha256(f"{salt}\0{text}".encode("utf-8")).hexdigest()[:32]


class HashedWords(WordSet):
    """Accepted words known only by their salted hashes (and lengths)."""

    def __init__(self, sealed: dict, salt: str):
        self.hashes = frozenset(sealed["hashes"])
        self.lengths = frozenset(sealed["lengths"])
        self.salt = salt

    def contains(self, normalized: str) -> bool:
        return digest(self.salt, normalized) in self.hashes


def hashed_words(words, salt: str) -> dict:
    """``{"hashes", "lengths"}`` of the normalized forms of ``words``."""
    forms = {w for w in map(normalize_words, words) if w}
    return {"hashes": sorted(digest(salt, w) for w in forms), "lengths": sorted({len(w) for w in forms})}


def _text(text: Text | None) -> dict | None:
    return None if text is None else {"en": text.en, "ja": text.ja}


def _from_text(data: dict | None) -> Text | None:
    return None if data is None else Text(en=data["en"], ja=data["ja"])


def _label_form(label) -> str:
    return f"label:{int(label)}"


def _size_form(size) -> str:
    return "size:{}x{}".format(*size)


def _matrix_form(rows) -> str:
    return "matrix:" + json.dumps([[float(v) for v in row] for row in rows])


def seal_hint(salt: str, form: str, hint: Text) -> str:
    """``hint`` readable only with the wrong answer's normalized ``form``: its JSON XOR a
    SHAKE-256 keystream of (salt, form), base64.  A hint often names the right answer
    ("h_{t−1} is weighted by (1 − z)"), so it is opened only for the answer it is about."""
    data = json.dumps(_text(hint), ensure_ascii=False).encode("utf-8")
    return base64.b64encode(bytes(a ^ b for a, b in zip(data, _keystream(salt, form, len(data))))).decode()


def open_hint(salt: str, form: str, sealed: str) -> Text | None:
    """The hint ``seal_hint`` sealed for ``form``, or None (another form, damaged data)."""
    data = base64.b64decode(sealed)
    try:
        return _from_text(json.loads(bytes(a ^ b for a, b in zip(data, _keystream(salt, form, len(data))))))
    except (ValueError, KeyError, TypeError):
        return None


def _keystream(salt: str, form: str, size: int) -> bytes:
    return hashlib.shake_256(f"{salt}\0hint\0{form}".encode("utf-8")).digest(size)


def _hints(salt: str, forms, hint: Text) -> dict:
    """``{hash of form: hint sealed with form}`` for every form of one wrong group."""
    return {digest(salt, form): seal_hint(salt, form, hint) for form in sorted(set(forms))}


def _rounded(value: float) -> str:
    """``value`` to 6 significant digits, as text (``"123457e-5"``)."""
    exponent = math.floor(math.log10(abs(value))) - 5
    return f"{round(value / 10 ** exponent)}e{exponent}"


def _stably_rounded(value) -> bool:
    """Whether any value within 1e-9 (relative) of ``value`` rounds as it does."""
    if value is None or value == 0 or not math.isfinite(value):
        return False
    scaled = abs(value) / 10 ** (math.floor(math.log10(abs(value))) - 5)
    return 100_001 <= scaled <= 999_998 and abs(scaled % 1 - 0.5) > 1e-3


def _values_form(values: list, at: list) -> str | None:
    """The rounded values at the points ``at`` as one form, or None if one is missing."""
    picked = [values[k] for k in at]
    if any(v is None or v == 0 for v in picked):
        return None
    return "values:" + ",".join(_rounded(v) for v in picked)


# ------------------------------------------------------------------------------ sealing
def seal_all(items, salt: str | None = None) -> dict:
    """Every sealable item (free-text items are skipped) as JSON-ready data, in the given
    order: ``{id: sealed item}``.  ``items``: Items, or a dict of them (``load_items()``)."""
    items = items.values() if isinstance(items, dict) else items
    return {item.id: seal_item(item, salt) for item in items if item.kind in SEALED_KINDS}


def seal_item(item, salt: str | None = None) -> dict:
    """One item as plain JSON data holding no answer in the clear (see the module docstring);
    ``salt`` defaults to a fresh random one."""
    if item.kind not in SEALED_KINDS:
        raise ValueError(f"{item.id}: items of kind {item.kind!r} are not sealed")
    salt = salt or secrets.token_hex(16)
    common = {"format": FORMAT, "id": item.id, "kind": item.kind, "order": item.order, "salt": salt,
              "question": _text(item.question), "hint": _text(item.hint)}
    return {**common, **SEALERS[item.kind](item, salt)}


def _values(expr, points: list[dict]) -> list:
    """``expr`` at each point; None where it is not a finite float."""
    values = []
    for point in points:
        try:
            value = evaluate(expr, point)
        except (Unsupported, KeyError):
            value = math.nan
        values.append(value if math.isfinite(value) else None)
    return values


def _seal_expression(item, salt: str) -> dict:
    specs = item.vocabulary.by_symbol()
    expected = clear_expression._expected(item)
    points = [p for p in judge.sample_points(specs, count=3 * POINTS, seed=SEED)
              if _values(expected, [p])[0] is not None][:POINTS]
    if len(points) < MIN_POINTS:
        raise ValueError(f"{item.id}: the answer is undefined at too many sample points")
    names = [spec.name for spec in item.vocabulary.symbols]
    by_name = {spec.name: spec.symbol for spec in item.vocabulary.symbols}
    choices = [{"label": c.label, "text": c.text.en,
                "values": _values(read_expression(c.expr, item.vocabulary), points)}
               for c in item.choices if c.expr]
    return {
        "symbols": [[spec.name, spec.spec] for spec in item.vocabulary.symbols],
        "lhs": list(item.lhs),
        "points": [[point[by_name[name]] for name in names] for point in points],
        "values": _values(expected, points),
        "choices": choices,
        "wrong": [_seal_wrong_values(_values(form, points), hint, salt)
                  for form, hint in clear_expression._wrong_forms(item)],
    }


def _seal_wrong_values(values: list, hint: Text, salt: str) -> dict:
    """A declared wrong formula, known by the hash of its rounded values at up to
    ``HINT_POINTS`` points where rounding is stable; its hint sealed with those values."""
    at = [k for k, value in enumerate(values) if _stably_rounded(value)][:HINT_POINTS]
    if len(at) < MIN_HINT_POINTS:
        raise ValueError("a wrong answer is undefined at too many sample points")
    form = _values_form(values, at)
    return {"at": at, "hash": digest(salt, form), "hint": seal_hint(salt, form, hint)}


def _seal_word(item, salt: str) -> dict:
    return {"right": hashed_words(item.synonyms, salt),
            "wrong": [{**hashed_words(w.answers, salt),
                       "hints": _hints(salt, filter(None, map(normalize_words, w.answers)), w.hint)}
                      for w in item.wrong]}


def _seal_choice(item, salt: str) -> dict:
    def value(choice):
        return None if not choice.value else evaluate_constant(read_expression(choice.value, NO_SYMBOLS))

    return {"right": digest(salt, _label_form(item.answer)),
            "choices": [{"label": c.label, "value": value(c),
                         "words": hashed_words((*c.accept, c.text.en, c.text.ja), salt)}
                        for c in item.choices],
            "wrong": [{"hints": _hints(salt, [_label_form(a) for a in w.answers], w.hint)}
                      for w in item.wrong]}


def _seal_size(item, salt: str) -> dict:
    return {"right": digest(salt, _size_form(item.answer)),
            "wrong": [{"hints": _hints(salt, [_size_form(read_size(a)) for a in w.answers], w.hint)}
                      for w in item.wrong]}


def _seal_matrix(item, salt: str) -> dict:
    rows = [list(row) for row in item.answer]
    return {"right": digest(salt, _matrix_form(rows)),
            "transpose": digest(salt, _matrix_form(list(zip(*rows)))) if item.accept_transpose else None,
            "wrong": [{"hints": _hints(salt, [_matrix_form(read_matrix(a)) for a in w.answers], w.hint)}
                      for w in item.wrong]}


SEALERS = {"expression": _seal_expression, "word": _seal_word, "choice": _seal_choice,
           "size": _seal_size, "matrix": _seal_matrix}


# ------------------------------------------------------------------------------ judging
def _agree(given: list, expected: list) -> bool | None:
    """True if equal wherever both are finite (at ≥ MIN_POINTS points), False if not, None if
    too few points can be compared."""
    valid = 0
    for x, y in zip(given, expected):
        if x is None or y is None:
            continue
        if not judge.close(x, y):
            return False
        valid += 1
    return True if valid >= MIN_POINTS else None


def _judge_expression(sealed: dict, answer: str) -> Outcome:
    vocabulary = Vocabulary([make_symbol(name, spec) for name, spec in sealed["symbols"]])
    by_name = {spec.name: spec.symbol for spec in vocabulary.symbols}
    names = [name for name, _ in sealed["symbols"]]
    points = [{by_name[n]: v for n, v in zip(names, row)} for row in sealed["points"]]
    label = read_label(answer) if sealed["choices"] else None
    picked = next((c for c in sealed["choices"] if c["label"] == label), None)
    if picked is not None:
        given_values = picked["values"]
        shown = str(read_expression(picked["text"], vocabulary))
    else:
        given = read_expression(answer, vocabulary, tuple(sealed["lhs"]))
        given_values, shown = _values(given, points), str(given)
    agree = _agree(given_values, sealed["values"])
    if agree:
        return Outcome(True, shown)
    if agree is None:
        raise Refused("quiz.refused_undecided")
    return Outcome(False, shown, (_wrong_formula_hint(sealed, given_values) or _from_text(sealed["hint"])
                                  or msg("quiz.generic_hint"),))


def _wrong_formula_hint(sealed: dict, given_values: list) -> Text | None:
    """The hint of the declared wrong formula the answer equals (by its rounded values)."""
    for wrong in sealed["wrong"]:
        form = _values_form(given_values, wrong["at"])
        if form is not None and digest(sealed["salt"], form) == wrong["hash"]:
            return open_hint(sealed["salt"], form, wrong["hint"])
    return None


def _judge_word(sealed: dict, answer: str) -> Outcome:
    salt = sealed["salt"]
    groups = [(RIGHT, HashedWords(sealed["right"], salt))]
    groups += [(i, HashedWords(w, salt)) for i, w in enumerate(sealed["wrong"])]

    def hint_of(index: int, form: str) -> Text:
        sealed_hint = sealed["wrong"][index]["hints"].get(digest(salt, form))
        return (sealed_hint and open_hint(salt, form, sealed_hint)) or msg("quiz.word_hint")

    return verdict(groups, hint_of, _from_text(sealed["hint"]), answer)


def _judge_choice(sealed: dict, answer: str) -> Outcome:
    salt, choices = sealed["salt"], sealed["choices"]
    values = {c["label"]: c["value"] for c in choices if c["value"] is not None}
    groups = [(c["label"], HashedWords(c["words"], salt)) for c in choices]
    label = read_choice({c["label"] for c in choices}, values, groups, answer)
    return _by_hash(sealed, _label_form(label), f"({label})", "quiz.choice_hint")


def _judge_size(sealed: dict, answer: str) -> Outcome:
    size = read_size(answer)
    return _by_hash(sealed, _size_form(size), f"{size[0]}×{size[1]}", "quiz.size_hint")


def _judge_matrix(sealed: dict, answer: str) -> Outcome:
    rows = read_matrix(answer)
    hashed = digest(sealed["salt"], _matrix_form(rows))
    if sealed["transpose"] and hashed == sealed["transpose"] and hashed != sealed["right"]:
        return Outcome(True, show(rows), (msg("quiz.transpose_note"),))
    return _by_hash(sealed, _matrix_form(rows), show(rows), "quiz.matrix_hint")


def _by_hash(sealed: dict, form: str, shown: str, generic: str) -> Outcome:
    """Right when ``form`` hashes to the right form's hash; else the hint of the wrong group
    holding its hash (opened with ``form``), the item's hint or ``generic``."""
    salt = sealed["salt"]
    hashed = digest(salt, form)
    if hashed == sealed["right"]:
        return Outcome(True, shown)
    for wrong in sealed["wrong"]:
        if hashed in wrong["hints"]:
            return Outcome(False, shown, (open_hint(salt, form, wrong["hints"][hashed]) or msg(generic),))
    return Outcome(False, shown, (_from_text(sealed["hint"]) or msg(generic),))


JUDGES = {"expression": _judge_expression, "word": _judge_word, "choice": _judge_choice,
          "size": _judge_size, "matrix": _judge_matrix}


def _judge(job: tuple) -> Outcome:
    sealed, answer = job
    try:
        return JUDGES[sealed["kind"]](sealed, answer)
    except Refused as refusal:
        return refused_outcome(answer, refusal.reason)


def check_sealed(sealed_item: dict, answer: str, lang: str = "en") -> QuizResult:
    """Judge ``answer`` against one sealed item (``seal_item``'s data); the same
    ``QuizResult`` as ``check_answer`` (its message holds both languages; ``lang`` is
    accepted for the caller's convenience).  Bounded in time and memory."""
    needs_child = sealed_item["kind"] not in PLAIN_KINDS
    outcome = bounded.run_bounded(_judge, [(sealed_item, answer)], needs_child=lambda job: needs_child)[0]
    if outcome is bounded.OVERRUN:
        outcome = over_bound(answer)
    if isinstance(outcome, bounded.Failed):
        raise RuntimeError(f"the quiz checker failed: {outcome.error}: {outcome.text}")
    return QuizResult.from_outcome(sealed_item["id"], outcome)


class SealedQuiz:
    """The sealed items of a kit, for its ``grade quiz`` (``source.py``): ``entries()`` in
    course order, ``get(id)``, ``question(id)`` and ``check(id, answer)`` (``UnknownQuiz``
    for an unknown id)."""

    def __init__(self, data: dict):
        """``data``: ``seal_all``'s result (``{id: sealed item}``)."""
        if any(sealed.get("format") != FORMAT for sealed in data.values()):
            raise ValueError("unknown sealed quiz format")
        self.items = dict(sorted(data.items(), key=lambda kv: kv[1]["order"]))

    def entries(self) -> list[tuple[str, str, Text]]:
        """``(id, kind, question)`` of every item, in course order."""
        return [(i, s["kind"], _from_text(s["question"])) for i, s in self.items.items()]

    def get(self, item_id: str) -> dict:
        if item_id not in self.items:
            raise UnknownQuiz(item_id)
        return self.items[item_id]

    def question(self, item_id: str) -> tuple[str, Text]:
        sealed = self.get(item_id)
        return sealed["kind"], _from_text(sealed["question"])

    def check(self, item_id: str, answer: str) -> QuizResult:
        return check_sealed(self.get(item_id), answer)
