"""How a message names a line of the learner's code.

A line of a submission module is named as it is: "(line 12)".  ``rnn_grader.check`` grades a
module built from the notebook cells the learner ran (``notebook.definitions.cells_module``);
while it grades, ``lines_from_cells`` maps the module's lines back to those cells, so that a
message names the place the learner can find: "(cell [7], line 2)".  The notebook's printed
output is rewritten with the same ``place``.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from rnn_grader.messages import Text, msg

ORIGINS: ContextVar[dict | None] = ContextVar("rnn_grader_line_origins", default=None)


def place(line: int, origins: dict | None = None) -> Text:
    """"line 12", or "cell [7], line 2" when ``origins`` maps ``line`` to (cell label, line in cell)."""
    cell, line_in_cell = (origins or {}).get(line, (None, line))
    return msg("place.line", line=line_in_cell) if cell is None else msg("place.cell_line", cell=cell, line=line_in_cell)


def where(line) -> Text | str:
    """The part of a message that names ``line`` of the learner's module ("" when unknown)."""
    if type(line) is not int or line <= 0:
        return ""
    return msg("call.where", place=place(line, ORIGINS.get()))


@contextmanager
def lines_from_cells(origins: dict):
    """Within this block, ``where`` names ``origins[line] = (cell label, line in cell)``."""
    token = ORIGINS.set(origins)
    try:
        yield
    finally:
        ORIGINS.reset(token)
