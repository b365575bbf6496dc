"""Importing nbformat without a two-second detour.

nbformat validates with jsonschema, whose optional IRI format checker imports
``rfc3987_syntax``; that package builds a full grammar parser at import time (about 2 s on
this course's machines).  Notebooks never use IRI formats, so the optional checker is
marked absent before nbformat is imported (jsonschema then simply skips it).
"""
import sys


def import_nbformat():
    """``nbformat``, imported quickly (see the module docstring)."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # None in sys.modules: ImportError on import
    import nbformat

    return nbformat
