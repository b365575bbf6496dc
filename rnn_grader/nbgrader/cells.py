"""The cells of one exercise's nbgrader notebook.

    markdown   title, then the task and the maths in the course language and in the other one
    solution   ``grade_id = <name>``: the exercise's module, each function to implement with
               the stub's docstring and the reference body between ``### BEGIN SOLUTION`` and
               ``### END SOLUTION`` (nbgrader replaces that region by the code stub on release)
    tests      one graded cell per check (``grade_id = <name>_<check>``, ``points`` = the
               check's points): a visible sample on practice inputs, then the graded call
               inside ``### BEGIN HIDDEN TESTS`` on the student's own inputs (``hidden.py``;
               partial credit: the number it returns)

The solution cell is built from ``solutions/<name>.py`` (bodies) and ``exercises/<name>.py``
(imports, docstrings, helpers given to the learner) with ``ast``, so every declared exercise
gets a notebook without per-exercise code here.
"""
from __future__ import annotations

import ast
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell

from rnn_grader.engine import Exercise, msg

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
SCHEMA_VERSION = 3
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")


# ----------------------------------------------------------------------------- metadata
def nbgrader_meta(grade_id: str, *, grade=False, solution=False, locked=False, points=None) -> dict:
    """nbgrader's cell metadata (schema 3): a solution, graded test or read-only cell."""
    meta = {"grade": grade, "solution": solution, "locked": locked, "grade_id": grade_id,
            "schema_version": SCHEMA_VERSION}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def readonly_markdown(source: str, grade_id: str):
    return new_markdown_cell(source, metadata=nbgrader_meta(grade_id, locked=True))


# ----------------------------------------------------------------------------- solution cell
@dataclass
class Module:
    """A parsed module: its source lines and top-level statements."""

    lines: list[str]
    tree: ast.Module

    @classmethod
    def read(cls, path: Path) -> "Module | None":
        if not path.is_file():
            return None
        source = path.read_text(encoding="utf-8")
        return cls(source.splitlines(), ast.parse(source))

    def segment(self, node: ast.AST) -> list[str]:
        """The lines of ``node`` (decorators included)."""
        start = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
        return self.lines[start - 1:node.end_lineno]

    def functions(self) -> dict[str, ast.FunctionDef]:
        return {n.name: n for n in self.tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}

    def docstring(self) -> str:
        return ast.get_docstring(self.tree) or ""


def has_docstring(node: ast.FunctionDef) -> bool:
    first = node.body[0]
    return isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
        and isinstance(first.value.value, str)


def header_lines(module: Module, node: ast.FunctionDef) -> list[str]:
    """The decorators, ``def ...:`` and the docstring: the lines before the body's code."""
    start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
    end = node.body[0].end_lineno if has_docstring(node) else node.body[0].lineno - 1
    return module.lines[start - 1:end]


def body_lines(module: Module, node: ast.FunctionDef) -> list[str]:
    """The body after the docstring (comments between statements kept), dedented."""
    statements = node.body[1:] if has_docstring(node) else node.body
    if not statements:
        return ["pass"]
    start = node.body[0].end_lineno + 1 if has_docstring(node) else statements[0].lineno
    lines = module.lines[start - 1:node.end_lineno]
    while lines and not lines[0].strip():
        lines.pop(0)
    return textwrap.dedent("\n".join(lines)).splitlines()


def body_indent(module: Module, node: ast.FunctionDef) -> str:
    line = module.lines[node.body[0].lineno - 1]
    return line[: len(line) - len(line.lstrip())]


def wrapped(lines: list[str], indent: str) -> list[str]:
    """``lines`` between the solution markers, at ``indent``."""
    inner = [indent + line if line.strip() else "" for line in lines]
    return [indent + BEGIN, *inner, indent + END]


def is_task(name: str, stub: Module | None, graded: set[str]) -> bool:
    """A stub function the learner writes: a graded one, or one with a TODO banner."""
    if name in graded:
        return True
    node = stub.functions().get(name) if stub else None
    return node is not None and any("TODO" in line for line in stub.segment(node))


def import_lines(*modules: Module | None) -> list[str]:
    """The imports of the stub then the reference (each once, in order)."""
    seen: dict[str, None] = {}
    for module in modules:
        if module is None:
            continue
        for node in module.tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                seen.setdefault("\n".join(module.segment(node)), None)
    return list(seen)


def solution_source(reference: Module, stub: Module | None, graded: set[str]) -> str:
    """The solution cell: imports, then the reference module's statements in order, where

    * a function the learner writes keeps the stub's ``def`` and docstring and gets the
      reference body between the markers,
    * a helper the stub gives (no TODO) is the stub's own, visible,
    * anything else only the reference has (helpers, constants) sits between the markers;
    then the stub's remaining functions, visible."""
    stub_functions = stub.functions() if stub else {}
    blocks = ["\n".join(import_lines(stub, reference))]
    for node in reference.tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)) or _is_docstring(node):
            continue
        name = getattr(node, "name", None)
        given = stub_functions.get(name) if name else None
        if given is not None and not is_task(name, stub, graded):
            blocks.append("\n".join(stub.segment(given)))
        elif given is not None:
            indent = body_indent(stub, given)
            blocks.append("\n".join(header_lines(stub, given) + wrapped(body_lines(reference, node), indent)))
        else:
            blocks.append("\n".join(wrapped(reference.segment(node), "")))
    done = {getattr(n, "name", None) for n in reference.tree.body}
    for name, node in stub_functions.items():
        if name not in done:
            blocks.append("\n".join(stub.segment(node)))
    return "\n\n\n".join(b for b in blocks if b.strip()) + "\n"


def _is_docstring(node) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)


def without_markers(source: str) -> str:
    """The reference as a learner could have written it: the marker lines dropped."""
    return "\n".join(line for line in source.split("\n") if BEGIN not in line and END not in line)


def solution_cell(name: str, source: str):
    return new_code_cell(source, metadata=nbgrader_meta(name, solution=True))


# ----------------------------------------------------------------------------- markdown cells
def docstring_parts(doc: str) -> tuple[list[str], list[str], list[str]]:
    """The stub's module docstring split into English paragraphs, Japanese paragraphs and
    maths (indented paragraphs, or flush-left lines of formulas).  The first line (the
    title) is dropped."""
    paragraphs = re.split(r"\n\s*\n", "\n".join(doc.splitlines()[1:]).strip("\n"))
    english, japanese, maths = [], [], []
    for paragraph in paragraphs:
        lines = [line for line in paragraph.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith("    ") for line in lines):
            maths.append(textwrap.dedent("\n".join(lines)))
        elif _cjk_share(paragraph) > 0.2:
            japanese.append("\n".join(line.strip() for line in lines))
        elif _is_formula(paragraph):
            maths.append("\n".join(lines))
        else:
            english.append("\n".join(line.strip() for line in lines))
    return english, japanese, maths


def _cjk_share(text: str) -> float:
    letters = [c for c in text if not c.isspace()]
    return sum(bool(CJK.match(c)) for c in letters) / max(1, len(letters))


def _is_formula(paragraph: str) -> bool:
    """A line of formulas written flush left (``σ(x) = ...,  σ'(x) = ...``)."""
    words = re.findall(r"[A-Za-z]{3,}", paragraph)
    return paragraph.count("=") >= 1 and len(words) <= 4


def signatures(stub: Module | None, reference: Module, functions: list[str]) -> list[str]:
    """``name(arg, ...)`` of every function to implement."""
    module = stub or reference
    nodes = module.functions()
    found = []
    for name in functions:
        node = nodes.get(name)
        if node is not None:
            found.append(f"`{name}({', '.join(a.arg for a in node.args.args)})`")
    return found


def task_markdown(exercise: Exercise, lang: str, paragraphs: list[str], maths: list[str],
                  functions: list[str], stub_text: str) -> str:
    """The task in one language: description, maths, what to implement, the graded checks."""
    out = [f"## {msg('nbgrader.task_heading').render(lang)}", *paragraphs]
    if maths:
        out += [f"### {msg('nbgrader.maths_heading').render(lang)}",
                "```text\n" + "\n\n".join(maths).rstrip() + "\n```"]
    listing = ", ".join(functions) or "-"
    out.append(msg("nbgrader.task", functions=listing, stub=stub_text).render(lang))
    out.append(msg("nbgrader.tests_intro").render(lang))
    items = [f"- {msg('nbgrader.check_item', title=c.title, points=f'{c.points:g}').render(lang)}"
             for c in exercise.checks]
    out += [f"### {msg('nbgrader.checks_heading').render(lang)}", "\n".join(items)]
    return "\n\n".join(out)


def markdown_cells(exercise: Exercise, stub: Module | None, reference: Module, functions: list[str],
                   lang: str, stub_text: str) -> list:
    """The title, then the task in the course language, then in the other one."""
    english, japanese, maths = docstring_parts(stub.docstring() if stub else reference.docstring())
    listing = signatures(stub, reference, functions)
    title = exercise.title
    first, second = ("ja", "en") if lang == "ja" else ("en", "ja")
    own = {"en": english, "ja": japanese}
    cells = [readonly_markdown(f"# {title.render(first)} / {title.render(second)}", f"{exercise.name}_title")]
    for language in (first, second):
        text = task_markdown(exercise, language, own[language], maths, listing, stub_text)
        cells.append(readonly_markdown(text, f"{exercise.name}_task_{language}"))
    return cells


# ----------------------------------------------------------------------------- test cells
def hidden_test_lines(call: str, lang: str) -> list[str]:
    """The graded call, on the student's own inputs: the seed is drawn at autograde time from
    the course seed and the student id (``rnn_grader.nbgrader.hidden``), never written here."""
    return ["from rnn_grader.engine.local import assert_check",
            "from rnn_grader.nbgrader.hidden import hidden_seed",
            f'assert_check({call}, seed=hidden_seed(), lang="{lang}")']


def test_cell_source(exercise: Exercise, check, *, practice_seed: int, lang: str) -> str:
    """One graded cell: a comment, the visible sample on practice inputs, the hidden test."""
    call = f'"{exercise.name}", "{check.name}", globals()'
    return "\n".join([
        f"# {msg('nbgrader.test_cell', title=check.title, points=f'{check.points:g}').render(lang)}",
        f"# {msg('nbgrader.hidden_note').render(lang)}",
        "from rnn_grader.engine.local import assert_check, sample_check",
        f'sample_check({call}, seed={practice_seed}, lang="{lang}")',
        BEGIN_HIDDEN,
        *hidden_test_lines(call, lang),
        END_HIDDEN,
    ])


def test_cells(exercise: Exercise, *, practice_seed: int, lang: str) -> list:
    """One graded cell per check (``points`` = the check's points; partial credit is the
    number the cell returns, see ``rnn_grader.engine.local.assert_check``)."""
    return [new_code_cell(test_cell_source(exercise, check, practice_seed=practice_seed, lang=lang),
                          metadata=nbgrader_meta(f"{exercise.name}_{check.name}", grade=True, locked=True,
                                                 points=check.points))
            for check in exercise.checks]


def code_stub(lang: str) -> list[str]:
    """The lines nbgrader puts in place of a solution region (see nbgrader_config.py)."""
    return [f"# {msg('nbgrader.code_stub').render(lang)}", "pass"]


def new_notebook(cells: list):
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.metadata["language_info"] = {"name": "python"}
    return notebook


__all__ = ["BEGIN", "END", "Module", "code_stub", "markdown_cells", "new_notebook", "solution_cell",
           "solution_source", "test_cells", "without_markers"]
