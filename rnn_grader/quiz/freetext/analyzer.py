"""Turning one sentence into tokens: SudachiPy for Japanese, a small reader for English.

A ``Token`` carries a matching ``key`` (the analyzer's normalized form, lower-cased,
hiragana folded to katakana, English plurals and verb forms reduced by ``english_key``)
and a ``kind`` used by ``units.py``:

    noun, num, suffix, prefix, pred (verb, adjective, adjectival noun), aux (助動詞),
    particle (``pos1`` says which: 格助詞, 係助詞, 接続助詞, 準体助詞, ...), punct, adv, word (English)

SudachiPy (``sudachidict_core``, split mode C) normalizes spelling variants: パラメータ and
パラメーター, full- and half-width forms, okurigana.  The dictionary is loaded once per
process (``load_tokenizer``, about 0.1 s); a tokenizer is not shared between threads.
Runs of ASCII letters inside a Japanese sentence (``GRU``, ``seq2seq``, ``t-1``) are read by
the English reader, so model names stay whole.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from rnn_grader.quiz.freetext.clean import has_japanese

ENGLISH_TOKEN = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?|[^\sA-Za-z0-9]")
IRREGULAR = {
    "is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "being": "be", "am": "be",
    "has": "have", "had": "have", "does": "do", "did": "do", "done": "do",
    "can't": "can not", "cannot": "can not", "won't": "will not", "isn't": "be not",
    "aren't": "be not", "doesn't": "do not", "don't": "do not", "didn't": "do not",
    "hasn't": "have not", "haven't": "have not", "wasn't": "be not", "weren't": "be not",
    "couldn't": "could not", "shouldn't": "should not", "wouldn't": "would not",
    "it's": "it be",
    "learnt": "learn", "learned": "learn", "learns": "learn", "uses": "use", "used": "use",
    "needs": "need", "needed": "need", "requires": "require", "required": "require",
    "replies": "reply", "utterances": "utterance", "sentences": "sentence",
}
KEEP_S = ("ss", "us", "is", "ous", "as")


@dataclass(frozen=True)
class Token:
    """One token: ``key`` for matching, ``surface`` as written, ``kind`` (see module doc),
    ``pos1`` the analyzer's second part-of-speech level, ``oov`` not in the dictionary."""

    key: str
    surface: str
    kind: str
    pos1: str = ""
    oov: bool = False
    form: str = ""  # the conjugation form (活用形), e.g. 連体形-一般


def fold_kana(text: str) -> str:
    """Hiragana -> katakana (so ぱらめーた and パラメータ meet), everything lower-cased."""
    return "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in text).lower()


def english_key(word: str) -> str:
    """A word's matching key: lower case, irregular forms mapped, a plural -s removed."""
    word = word.lower().replace("’", "'")
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word.endswith("'s") and len(word) > 2:  # VHRED's replies: the name, then a possessive
        return english_key(word[:-2]) + " 's"
    if word.endswith("es") and word[:-2].endswith(("ss", "us", "x", "ch", "sh", "z")):
        return word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and len(word) > 3 and not word.endswith(KEEP_S) and word[-2].isalpha():
        return word[:-1]
    return word


def english_tokens(text: str) -> list[Token]:
    """Words, numbers and single symbols of an English text (a hyphen between words is a space)."""
    text = re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", " ", text)
    tokens = []
    for raw in ENGLISH_TOKEN.findall(text):
        for part in english_key(raw).split():
            kind = "num" if part.isdigit() else "word" if part[0].isalnum() or part == "'s" else "punct"
            tokens.append(Token(part, raw, kind))
    return tokens


@lru_cache(maxsize=1)
def _dictionary():
    from sudachipy import Dictionary

    return Dictionary(dict="core")


_local = threading.local()


def load_tokenizer():
    """This thread's SudachiPy tokenizer (mode C), created on first use."""
    tokenizer = getattr(_local, "tokenizer", None)
    if tokenizer is None:
        from sudachipy import SplitMode

        dictionary = _dictionary()
        make = getattr(dictionary, "tokenizer", None) or dictionary.create  # 0.6 has only create
        tokenizer = make(mode=SplitMode.C)
        _local.tokenizer = tokenizer
    return tokenizer


POS_KINDS = {"名詞": "noun", "代名詞": "noun", "動詞": "pred", "形容詞": "pred", "形状詞": "pred",
             "助動詞": "aux", "助詞": "particle", "補助記号": "punct", "接尾辞": "suffix",
             "接頭辞": "prefix", "副詞": "adv", "連体詞": "adv", "接続詞": "conj", "感動詞": "adv",
             "記号": "punct"}
CONTENT = ("noun", "num", "pred", "adv", "suffix", "prefix")


def _is_ascii_word(surface: str) -> bool:
    return bool(surface) and surface.isascii() and (surface.isalnum() or surface in "-+' ")


def japanese_tokens(text: str) -> list[Token]:
    """Tokens of a Japanese sentence.  SudachiPy reads the whole sentence (so particles keep
    their context); runs of ASCII words (``seq2seq``, ``t-1``, ``fewer parameters``), which it
    splits, are joined again and read by the English reader."""
    tokens: list[Token] = []
    run_start = run_end = None
    for m in list(load_tokenizer().tokenize(text)) + [None]:
        if m is not None and _is_ascii_word(m.surface()) and (run_end is None or m.begin() == run_end):
            run_start = m.begin() if run_start is None else run_start
            run_end = m.end()
            continue
        if run_start is not None:
            tokens += _ascii_tokens(text[run_start:run_end])
            run_start = run_end = None
        if m is None:
            break
        if m is not None and _is_ascii_word(m.surface()):
            run_start, run_end = m.begin(), m.end()
            continue
        pos = m.part_of_speech()
        if pos[0] == "空白":
            continue
        kind = "num" if pos[1] == "数詞" else POS_KINDS.get(pos[0], "noun")
        key = fold_kana(m.normalized_form()) if kind in CONTENT else m.normalized_form()
        tokens.append(Token(key, m.surface(), kind, pos[1], m.is_oov(), pos[5]))
    return tokens


def _ascii_tokens(run: str) -> list[Token]:
    """An ASCII run inside Japanese text: English words read as nouns (names, terms)."""
    return [Token(t.key, t.surface, "noun" if t.kind == "word" else t.kind)
            for t in english_tokens(run.strip())]


def tokenize(sentence: str) -> tuple[str, list[Token]]:
    """(``"ja"`` or ``"en"``, tokens) of one sentence."""
    if has_japanese(sentence):
        return "ja", japanese_tokens(sentence)
    return "en", english_tokens(sentence)
