"""From tagged sentences to ``Unit`` s: who is said to do or be what, compared with whom.

A unit is one predication (roughly a clause): its noun phrases with their roles, its
comparison words (``scales``), how many negations it holds, and the entity it speaks
about.  Roles::

    topic    GRU は / GRU も / GRU: / GRU では          subject  GRU が / "GRU has" / "by GRU"
    than     LSTM より / LSTM と比べて / than LSTM / compared with LSTM / unlike LSTM
    from     中間層から / from the hidden layer        to       中間層へ / 中間層に / to the hidden layer
    object, other                                       denied   "LSTM ではなく" / "not LSTM"

Japanese: particles close noun phrases; a predicate (verb, adjective, comparison word)
followed by a new noun phrase, a conjunctive particle (ので, て, が...) or a comma ends a
unit; ない/ず/ぬ after a predicate negate it; ``AのはB`` (cleft) and ``少ないGRU``
(attributive) name the subject after the predicate.  English: prepositions give roles,
the first bare entity followed by a verb is the subject, whereas/while/but/so/because or
"and <entity>" end a unit; not/no/never/n't negate.  ``carry_subjects`` lets a unit without
a named subject speak about the previous unit's (in the sentence), or the previous
sentence's when its own sentence names no entity.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rnn_grader.quiz.freetext.analyzer import Token
from rnn_grader.quiz.freetext.lexicon import Lexicon, Span

NEG_AUX = {"ない", "ず", "ぬ", "まい", "無い"}
NEG_PRED = {"ない", "なく", "無い", "無く", "なかっ", "無かっ", "なけれ", "無けれ"}
COMPARE_VERBS = {"比べる", "比較", "較べる", "違う", "異なる", "対する", "対比", "比", "くらべる"}
TOPIC = {"は", "も", "こそ", "って", "さえ", "なら"}
MEANS = {"使う", "使え", "使っ", "用い", "導入", "利用", "加え", "入れ"}  # Attentionを使うと
MEANS_END = {"と", "ば", "て", "たら", "ことで"}
REGARDLESS = {"関係", "関わり", "区別", "関わら", "かかわら", "問わ", "依ら", "よら"}  # 関係なく
COMPARE_STEMS = ("比べ", "比較", "違い", "異な", "対し")
SKIPPED_AFTER_PRED = {"わけ", "訳", "こと", "事", "もの", "物", "ほう", "方"}
EN_THAN = {"than", "unlike", "vs", "versus", "over"}
EN_COMPARE = {"compared", "compare", "relative", "contrast", "comparison"}
EN_BREAK = {"whereas", "while", "but", "so", "because", "since", "although", "though", "which",
            "therefore", "thus", "hence", "however", "meanwhile", ";"}
DENYING = (["of", "instead"], ["than", "rather"])  # "instead of a fixed-length vector"
EN_NEG = {"not", "no", "never", "neither", "nor", "none", "nothing", "cannot"}
EN_DET = {"the", "a", "an", "its", "their", "each", "every", "this", "that", "these", "those", "only", "one"}
EN_FUNCTION = EN_DET | EN_THAN | EN_BREAK | EN_NEG | {"and", "or", "of", "to", "from", "by", "in", "on",
                                                       "with", "for", "as", "at", "into", "'s", ",", "-"}
EN_VERBS = {"be", "have", "use", "need", "require", "can", "do", "will", "would", "could", "should",
            "may", "might", "must", "contain", "learn", "generate", "produce", "make", "keep", "take",
            "add", "introduce", "compress", "squeeze", "encode", "map", "convert", "turn", "represent",
            "connect", "link", "pass", "carry", "go", "run", "compute", "train", "work", "handle",
            "reply", "answer", "respond", "focus", "attend", "look", "remain", "stay", "get", "become",
            "consider", "capture", "give", "treat", "merge", "combine", "replace", "store", "hold",
            "know", "decide", "weigh", "calculate", "consume", "memorize", "remember", "uses", ":"}


@dataclass
class Phrase:
    """A noun phrase: its concept names (in order) and its role in the unit."""

    concepts: list
    role: str = "other"
    denied: bool = False


@dataclass
class Unit:
    """One predication; ``subject`` is filled (possibly carried) by ``carry_subjects``."""

    sentence: int
    phrases: list = field(default_factory=list)
    scales: list = field(default_factory=list)
    negations: int = 0
    implied: list = field(default_factory=list)
    subject: str | None = None
    explicit: bool = False
    has_verb: bool = False

    @property
    def negated(self) -> bool:
        return self.negations % 2 == 1

    @property
    def concepts(self) -> Counter:
        """Every concept named in the unit (denied phrases excluded), with implied ones."""
        names = Counter(self.implied)
        for phrase in self.phrases:
            if not phrase.denied:
                names.update(phrase.concepts)
        return names

    def with_role(self, role: str) -> set:
        return {c for p in self.phrases if p.role == role and not p.denied for c in p.concepts}

    def empty(self) -> bool:
        return not self.phrases and not self.scales and not self.negations


class _Units:
    """Collects the units of one answer, sentence after sentence."""

    def __init__(self, lexicon: Lexicon):
        self.entities = lexicon.entities
        self.units: list[Unit] = []
        self.sentence = -1

    def start_sentence(self) -> None:
        self.sentence += 1
        self.unit = Unit(self.sentence)
        self.phrase: list = []
        self.after_pred = False
        self.pred_just_now = False
        self.from_open = False
        self.cleft = False
        self.attr_unit: Unit | None = None
        self.pred_form = ""
        self.only = False
        self.copula = False

    # -- phrases
    def noun(self, name: str | None) -> None:
        if self.after_pred and not self.cleft:
            if self.pred_just_now and self.pred_form.startswith("連体形"):
                self.attr_unit = self.unit  # 少ないGRU: the noun is the predicate's subject
            else:
                self.end_unit()
        self.after_pred = self.pred_just_now = False
        self.phrase.append(name)  # None: a word that names no concept

    def close(self, role: str, denied: bool = False) -> None:
        names = [n for n in self.phrase if n]
        had_words = bool(self.phrase)
        self.phrase = []
        if not had_words:
            return
        if self.from_open and role in ("other", "object", "end") and not denied:
            role, self.from_open = "to", False
        if role == "from":
            self.from_open = True
        if self.cleft and role in ("other", "end", "topic", "subject"):
            role = "cleft"
        if self.attr_unit is not None:
            entity = self.entity_of(names)
            if entity and self.attr_unit.subject is None:
                self.attr_unit.subject, self.attr_unit.explicit = entity, True
            self.attr_unit = None
        if role == "topic" and self._second_topic(names):
            self.end_unit()  # AはX、BはY: a new statement about B
        if names:
            self.unit.phrases.append(Phrase(names, role, denied))

    def _second_topic(self, names) -> bool:
        entity = self.entity_of(names)
        topics = [self.entity_of(p.concepts) for p in self.unit.phrases if p.role == "topic"]
        return bool(entity) and any(t and t != entity for t in topics)

    def entity_of(self, names) -> str | None:
        found = [n for n in names if n in self.entities]
        return found[0] if len(set(found)) == 1 else None

    # -- predicates
    def predicate(self, concept=None, form: str = "") -> None:
        self.close("other")
        self.pred_form = form
        if concept is not None:
            if concept.scale:
                self.unit.scales.append(concept.scale)
            if concept.negates:
                self.unit.negations += 1
            self.unit.implied.extend(concept.implies)
        self.after_pred = self.pred_just_now = True
        self.unit.has_verb = True

    def negate(self) -> None:
        if self.only:  # しか…ない: "only", not a negation
            self.only = False
            return
        self.unit.negations += 1

    def end_unit(self) -> None:
        self.close("end")
        self.cleft = False
        self.from_open = False
        if not self.unit.empty():
            self.units.append(self.unit)
        self.unit = Unit(self.sentence)
        self.after_pred = self.pred_just_now = False


def _is(item, kind: str | None = None, surfaces=None, keys=None) -> bool:
    if not isinstance(item, Token):
        return False
    if kind and item.kind != kind:
        return False
    if surfaces and item.surface not in surfaces:
        return False
    return not keys or item.key in keys


def japanese(b: _Units, items: list) -> None:
    """Add the units of one Japanese sentence (``items`` from ``lexicon.tag``)."""
    i, n = 0, len(items)
    while i < n:
        item = items[i]
        if isinstance(item, Span):
            if item.concept.scale or item.concept.negates:
                b.predicate(item.concept, item.tokens[-1].form)
            else:
                b.noun(item.name)
        elif item.kind in ("noun", "num", "suffix", "prefix"):
            if not (b.after_pred and item.surface in SKIPPED_AFTER_PRED):
                b.noun(None)
        elif item.kind == "pred":
            b.predicate(form=item.form)
            if item.surface in NEG_PRED and not _regardless(items, i):
                b.negate()
        elif item.kind == "aux":
            if item.key in NEG_AUX or item.surface in ("ない", "なく", "ず", "ぬ", "ん"):
                if not _regardless(items, i):
                    b.negate()
            elif item.key in ("だ", "です", "である") and not b.after_pred:
                b.close("other")
                b.after_pred, b.pred_just_now, b.pred_form = True, True, item.form
            if b.after_pred and item.form not in ("", "*"):
                b.pred_form = item.form  # 多様な応答: the auxiliary's form decides
        elif item.kind == "particle":
            i += _particle(b, items, i)
        elif item.kind == "punct":
            _punct(b, item)
        elif item.kind == "conj":
            b.end_unit()
        b.copula = isinstance(item, Token) and item.surface == "で"  # 一律で、: the clause ends at 、
        if not (_is(item, "pred") or _is(item, "aux") or (isinstance(item, Span) and item.concept.scale)):
            b.pred_just_now = False
        i += 1
    b.end_unit()




def _regardless(items: list, i: int) -> bool:
    """``関係なく`` / ``に関わらず`` / ``を問わず``: "regardless of", not a negation."""
    before = items[i - 1] if i > 0 else None
    return isinstance(before, Token) and before.surface in REGARDLESS


def _particle(b: _Units, items: list, i: int) -> int:
    """Handle the particle at ``items[i]``; returns how many following items it consumed."""
    tok, rest = items[i], items[i + 1:]
    s = tok.surface
    nxt = rest[0] if rest else None
    after = rest[1] if len(rest) > 1 else None
    if s == "しか":
        b.only = True
    if (tok.pos1 == "接続助詞" and not (s == "が" and not b.after_pred)) or (s == "が" and b.after_pred):
        b.end_unit()
        return 0
    if s == "の" and _is(nxt, "aux", {"で"}):  # なので: "because", a clause ends
        b.end_unit()
        return 1
    if tok.pos1 == "準体助詞" or (s == "の" and b.after_pred):
        if _is(nxt, "particle", TOPIC | {"が"}):
            b.cleft, b.after_pred = True, False
            return 1
        return 0
    if s in ("と", "に") and _is(nxt, "pred") and (nxt.key in COMPARE_VERBS or nxt.surface[:2] in COMPARE_STEMS):
        b.close("than")
        skip = 1
        while skip < len(rest) and isinstance(rest[skip], Token) and rest[skip].kind in ("particle", "aux"):
            skip += 1
        return skip
    if s in ("と", "に") and isinstance(nxt, Token) and nxt.key in ("比較", "比"):
        b.close("than")
        return 1
    if s == "で" and _is(nxt, "particle", {"は"}) and isinstance(after, Token) and after.surface in ("なく", "ない"):
        follow = rest[2] if len(rest) > 2 else None
        if isinstance(follow, Span) or _is(follow, "noun") or _is(follow, "punct", {"、", ","}):
            b.close("other", denied=True)
        else:
            b.close("cleft" if b.cleft else "topic")
            b.negate()
        return 2
    if s in ("で", "に") and _is(nxt, "particle", {"は", "も"}):
        b.close("topic")
        return 1
    if s == "だけ" and _is(nxt, "aux", {"だ"}) and _is(after, "particle", {"と"}):
        b.close("topic")  # CECだけだと: "the CEC alone"
        return 2
    if s == "を" and _is(nxt, "pred") and nxt.surface[:2] in MEANS and _is(after, "particle", MEANS_END):
        b.close("topic")  # Attentionを使うと: what the statement is about
        return 1
    if s == "より":
        b.close("than")
        return 1 if _is(nxt, "particle", {"も"}) else 0
    role = ("topic" if s in TOPIC else "subject" if s == "が" else "from" if s == "から"
            else "to" if s in ("へ", "に", "まで") else "object" if s == "を" else None)
    if s == "と" and (isinstance(nxt, Span) or _is(nxt, "noun")):
        return 0  # coordination: 入力ゲートと忘却ゲート
    if s == "の":
        if b.after_pred:
            return 0
        b.phrase.append(None)
        return 0
    if role == "topic" and b.cleft:
        role = "cleft"
    b.close(role or "other")
    return 0


def _punct(b: _Units, tok: Token) -> None:
    s = tok.surface
    if s in ("、", ","):
        if b.after_pred or b.copula:
            b.end_unit()
        else:
            b.close("list")
    elif s in (":", "：", "…", "‥"):
        b.close("topic")
    elif s.strip() == "→":
        b.close("from")


def english(b: _Units, items: list) -> None:
    """Add the units of one English sentence (``items`` from ``lexicon.tag``)."""
    subject_candidate = None
    for i, item in enumerate(items):
        prev = _previous_words(items, i)
        nxt = items[i + 1] if i + 1 < len(items) else None
        if isinstance(item, Span):
            if item.concept.scale or item.concept.negates:
                had_verb = b.unit.has_verb
                b.predicate(item.concept)
                b.after_pred = b.pred_just_now = False
                b.unit.has_verb = had_verb or item.concept.negates  # "lacks" is a verb
                continue
            role = _english_role(prev, b)
            denied = (bool(prev) and prev[0] == "not" and item.concept.entity) or prev[:2] in DENYING
            phrase = Phrase([item.name], role or "other", denied=denied)
            if role is None and item.name in b.entities and subject_candidate is None and not phrase.denied:
                subject_candidate = phrase
            b.unit.phrases.append(phrase)
            if _is(nxt, keys={"to"}) and role is None and item.name not in b.entities:
                phrase.role = "from"
            if isinstance(nxt, Token) and nxt.kind == "word" and nxt.key not in EN_FUNCTION and item.name in b.entities:
                b.unit.has_verb = True
            continue
        key = item.key
        if key in EN_BREAK or (key == "and" and isinstance(nxt, Span) and nxt.concept.entity):
            _english_subject(b, subject_candidate)
            subject_candidate = None
            b.end_unit()
        elif key in EN_NEG and not (isinstance(nxt, Span) and nxt.concept.entity and key == "not"):
            if not _is(nxt, keys={"only"}):
                b.negate()
        elif key in EN_VERBS or key.endswith("ed"):
            if key == ":" and subject_candidate is not None:
                subject_candidate.role = "topic"
            b.unit.has_verb = True
    _english_subject(b, subject_candidate)
    b.end_unit()


def _previous_words(items: list, i: int) -> list:
    """Up to three words before ``items[i]``, nearest first, skipping determiners."""
    words = []
    for item in reversed(items[max(0, i - 5):i]):
        if isinstance(item, Span):
            break
        if item.key in EN_DET:
            continue
        words.append(item.key)
        if len(words) == 3:
            break
    return words


def _english_role(prev: list, b: _Units) -> str | None:
    if not prev:
        return None
    first = prev[0]
    if first in EN_THAN or (first in ("to", "with") and len(prev) > 1 and prev[1] in EN_COMPARE):
        return "than"
    if first == "from":
        return "from"
    if first in ("to", "into", "onto"):
        return "to"
    if first == "by":
        return "subject"
    if first == "of":
        return "of"
    if first == "not" and len(prev) > 1 and prev[1] in EN_THAN:
        return "than"
    return None


def _english_subject(b: _Units, candidate: Phrase | None) -> None:
    """The candidate is the subject when a verb follows it, or when it opens the unit
    ("seq2seq struggles with…": the verb may be a concept word)."""
    opens = bool(b.unit.phrases) and b.unit.phrases[0] is candidate and len(b.unit.phrases) > 1
    if candidate is not None and (b.unit.has_verb or opens) and candidate.role == "other":
        candidate.role = "subject"


def carry_subjects(units: list[Unit], entities: set) -> None:
    """Fill each unit's ``subject``: named in the unit, else the previous unit's in the same
    sentence, else the previous sentence's topic when this sentence names no entity."""
    last_by_sentence: dict[int, str | None] = {}
    sentence_has_entity = Counter()
    for unit in units:
        if any(c in entities for p in unit.phrases for c in p.concepts):
            sentence_has_entity[unit.sentence] += 1
    previous_topic = None
    current_sentence = None
    carried = None
    for unit in units:
        if unit.sentence != current_sentence:
            if current_sentence is not None:
                previous_topic = last_by_sentence.get(current_sentence) or previous_topic
            current_sentence, carried = unit.sentence, None
        if unit.subject is None:
            unit.subject = _named_subject(unit, entities)
            unit.explicit = unit.subject is not None
        if unit.subject is None:
            unit.subject = carried or (previous_topic if not sentence_has_entity[unit.sentence] else None)
        carried = unit.subject or carried
        last_by_sentence[unit.sentence] = carried


def _named_subject(unit: Unit, entities: set) -> str | None:
    for role in ("topic", "subject", "cleft", "of"):
        for phrase in unit.phrases:
            if phrase.role != role or phrase.denied:
                continue
            found = {c for c in phrase.concepts if c in entities}
            if len(found) == 1:
                return found.pop()
    return None


def than_of(unit: Unit, entities: set) -> str | None:
    found = {c for c in unit.with_role("than") if c in entities}
    return found.pop() if len(found) == 1 else None
