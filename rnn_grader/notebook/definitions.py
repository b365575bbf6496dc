"""Only the definitions of a notebook's code: what a learner's functions need, nothing that runs.

A notebook mixes the exercise's functions with code that tries them out (``print(f(x))``,
plots, ``rnn_grader.check("NAME")``, a training loop).  Graded as a module, that code would
run at import: slow, a hang, or an error that hides the functions' own feedback.  So a cell
keeps only its top-level

* ``def`` / ``class`` statements (with their decorators),
* imports of numpy and of the standard library (``matplotlib``, ``rnn_grader``... are dropped:
  the sandbox offers numpy and the standard library only),
* assignments that call no function the notebook defines (constants, ``f = lambda ...``);

every other statement becomes ``pass`` (and blank lines), so line numbers stay those of
the source.
Source that does not parse is returned unchanged (the sandbox then reports its syntax
error and line), except in ``cells_definitions`` where such a cell is skipped: a kernel
never ran it.
"""
from __future__ import annotations

import ast
import sys
from typing import Iterable

ALLOWED_IMPORTS = frozenset({"numpy", *sys.stdlib_module_names})


def definitions(source: str, extra_modules: Iterable[str] = ()) -> str:
    """``source`` with its non-definition statements blanked (see the module docstring).

    extra_modules: other module names a learner may import (the submission's own)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return source
    lines = source.splitlines()
    allowed = ALLOWED_IMPORTS | set(extra_modules)
    own = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    for node in reversed(tree.body):
        if not is_kept(node, own, allowed):
            blank(lines, node)
    return "\n".join(lines)


def blank(lines: list[str], node: ast.stmt) -> None:
    """Replace the statement by ``pass`` (``x = 1; print(x)`` -> ``x = 1; pass``), keeping the
    line count.  AST columns count UTF-8 bytes."""
    first, last = node.lineno - 1, (node.end_lineno or node.lineno) - 1
    head = lines[first].encode()[:node.col_offset].decode(errors="replace")
    tail = lines[last].encode()[node.end_col_offset or len(lines[last].encode()):].decode(errors="replace")
    lines[first:last + 1] = [head + "pass" + tail] + [""] * (last - first)


def cells_definitions(cells: Iterable[str], extra_modules: Iterable[str] = ()) -> str:
    """The definitions of several executed cells, in order (a later ``def`` wins, as in the
    kernel); a cell that does not parse is left out."""
    return cells_module(enumerate(cells), extra_modules)[0]


def cells_module(cells: Iterable[tuple[object, str]], extra_modules: Iterable[str] = ()) -> tuple[str, dict]:
    """``cells_definitions`` of ``(label, source)`` pairs, and where each line of the module
    comes from: ``{module line: (label, line in that cell)}`` (1-based; the blank lines
    between cells are absent)."""
    parts, origins, first = [], {}, 1    # first: the module line where the next part starts
    for label, cell in cells:
        try:
            ast.parse(cell)
        except (SyntaxError, ValueError):
            continue
        kept = definitions(cell, extra_modules)
        if not kept.strip():
            continue
        origins.update({first + k: (label, k + 1) for k in range(len(kept.splitlines()))})
        parts.append(kept)
        first += kept.count("\n") + 2      # its lines, then the blank line of the "\n\n" joint
    return "\n\n".join(parts), origins


def defined_functions(source: str) -> set[str]:
    """Names of the top-level functions ``source`` defines (empty when it does not parse)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return set()
    return {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}


def is_kept(node: ast.stmt, own: set, allowed: set) -> bool:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return True
    if isinstance(node, ast.Import):
        return all(alias.name.split(".")[0] in allowed for alias in node.names)
    if isinstance(node, ast.ImportFrom):
        return node.level == 0 and (node.module or "").split(".")[0] in allowed
    if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
        return node.value is not None and not calls_own(node.value, own)
    return False


def calls_own(node: ast.AST, own: set) -> bool:
    """Does ``node`` call one of the notebook's own functions or classes (outside a lambda)?"""
    if isinstance(node, ast.Lambda):
        return False
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in own:
        return True
    return any(calls_own(child, own) for child in ast.iter_child_nodes(node))
