"""The message catalog: every sentence a learner sees, in Japanese and English.

Two ways to hold a message:

* ``Text(en=..., ja=...)`` -- a bilingual message written where it is used (exercise
  declarations, quiz items).  Both languages are required by the constructor.
* a catalog key, ``msg("timeout", seconds=5)`` -- for the engine's, sandbox's and CLI's
  shared messages, kept in the per-domain catalogs of this package (``engine.py``,
  ``quiz.py``, ...); every module here that defines ``MESSAGES`` is merged into one catalog.

``Text.render(lang)`` fills ``{placeholders}`` from the keyword arguments given to
``format``.  ``tests/test_messages.py`` fails on a missing translation or placeholder mismatch.
"""
from __future__ import annotations

import importlib
import os
import pkgutil
import string
from dataclasses import dataclass, field

LANGS = ("en", "ja")


@dataclass(frozen=True)
class Text:
    """One message in both languages, with optional ``{name}`` placeholders."""

    en: str
    ja: str
    params: tuple = field(default=(), compare=False)

    def __post_init__(self):
        if not self.en or not self.ja:
            raise ValueError(f"a message needs both languages: {self.en!r} / {self.ja!r}")

    def format(self, **params) -> "Text":
        """The same message with its placeholders bound to ``params``."""
        return Text(self.en, self.ja, tuple(sorted({**dict(self.params), **params}.items())))

    def render(self, lang: str) -> str:
        template = self.ja if lang == "ja" else self.en
        values = {k: v.render(lang) if isinstance(v, Text) else v for k, v in self.params}
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return template

    def placeholders(self, lang: str) -> set[str]:
        template = self.ja if lang == "ja" else self.en
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def default_lang(env: dict | None = None) -> str:
    """``ja`` when LC_ALL / LC_MESSAGES / LANG (first one set) starts with ``ja``, else ``en``."""
    env = os.environ if env is None else env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def _load_catalog() -> dict[str, Text]:
    catalog: dict[str, Text] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, entry in getattr(module, "MESSAGES", {}).items():
            if key in catalog:
                raise ValueError(f"message key {key!r} is defined twice")
            catalog[key] = entry if isinstance(entry, Text) else Text(**entry)
    return catalog


_CATALOG: dict[str, Text] | None = None


def catalog() -> dict[str, Text]:
    """Every catalog message, by key (loaded once)."""
    global _CATALOG
    if _CATALOG is None:
        _CATALOG = _load_catalog()
    return _CATALOG


def msg(key: str, /, **params) -> Text:
    """The catalog message ``key`` with its placeholders bound (``key`` is positional-only,
    so a message may have a ``{key}`` placeholder of its own)."""
    return catalog()[key].format(**params)
