"""Terminal output of a self-check: a table, the total, and each failure's explanation.

Widths are display cells as ``rich.cells`` measures them (a Japanese character takes two
columns), so Japanese headers and rows line up; explanations are wrapped by
``rnn_grader.wrap`` (a Japanese sentence may break between characters) to the terminal's
width (80 columns when the output is not a terminal, at most MAX_WIDTH).  Exercises left
untouched (every call returned None) share one line instead of one block each.  Only
``rich.cells`` is imported (rich's console would add tens of milliseconds to every run).

The small helpers at the top (``score_text``, ``status_word``, ``is_untouched``) are also
used by the notebook's HTML rendering.
"""
from __future__ import annotations

import shutil

import click
from rich.cells import cell_len

from rnn_grader.engine import ExerciseResult, SubmissionResult
from rnn_grader.messages import catalog, msg
from rnn_grader.safe import safe_text
from rnn_grader.wrap import cut, wrap

COLORS = {"passed": "green", "failed": "yellow", "missing": "bright_black", "untouched": "bright_black"}
MAX_WIDTH = 100
OUTPUT_LINES = 10


def score_text(value: float) -> str:
    """A score for people: ``3``, ``10.8`` (one decimal at most, never ``10.8333``)."""
    text = f"{round(float(value), 1):.1f}"
    return text[:-2] if text.endswith(".0") else text


def is_untouched(result: ExerciseResult) -> bool:
    """The engine said "every call returned None": the learner has not started it."""
    return (result.status != "passed" and len(result.messages) == 1
            and result.messages[0].en == catalog()["check.all_none"].en)


def status_key(result: ExerciseResult) -> str:
    return "untouched" if is_untouched(result) else result.status


def status_word(result: ExerciseResult, lang: str) -> str:
    """The status in the learner's language (the contract's word when there is no translation)."""
    key = f"word.{status_key(result)}"
    return msg(key).render(lang) if key in catalog() else result.status


def terminal_width() -> int:
    return min(shutil.get_terminal_size((80, 24)).columns, MAX_WIDTH)


def render_submission(result: SubmissionResult, lang: str, *, command: str | None = None,
                      width: int | None = None, color: bool = False, notes: list[str] = ()) -> str:
    """The whole report as text (ANSI colours when ``color``), lines at most ``width`` wide.

    command: the `grade ...` call that repeats this run (default: ``grade --seed SEED``);
    notes: lines to add at the end (what changed since the last run)."""
    width = width or terminal_width()

    def paint(lines: list[str], **style) -> list[str]:
        return [click.style(line, **style) if color and style else line for line in lines]

    def paragraph(text: str, indent: int = 0, **style) -> list[str]:
        # a learner's exception text or folder name may hold terminal escapes: never printed raw
        return paint(wrap(safe_text(text), width, indent), **style)

    out = table(result, lang, width, paint) + [""]
    out += paragraph(msg("table.total", score=score_text(result.score), max=score_text(result.max_score))
                     .render(lang), bold=True)
    out += paragraph(msg("table.repeat", seed=result.seed, command=command or f"grade --seed {result.seed}")
                     .render(lang), dim=True)
    untouched = [name for name, r in result.exercises.items() if is_untouched(r)]
    for name, r in result.exercises.items():
        if r.status == "passed" or name in untouched:
            continue
        out += [""] + paragraph(f"■ {name} ({status_word(r, lang)})", bold=True)
        for message in r.messages:
            out += paragraph(message.render(lang), indent=2)
        out += printed(r, lang, width, paint)
    if untouched:
        out += [""] + paragraph(msg("table.untouched", names=", ".join(untouched)).render(lang))
    if result.all_passed:
        out += [""] + paragraph(msg("table.all_passed").render(lang), fg="green")
    if notes:
        out += [""] + [line for note in notes for line in paragraph(note, fg="cyan")]
    return "\n".join(out)


def pad(text: str, width: int, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` display cells (on the left when ``right``)."""
    space = " " * max(0, width - cell_len(text))
    return space + text if right else text + space


def table(result: SubmissionResult, lang: str, width: int, paint) -> list[str]:
    """One row per exercise: name, score, status word, title; only the title is ever cut
    (to the width, with an ellipsis)."""
    header = [msg(key).render(lang) for key in ("table.exercise", "table.score", "table.status", "table.what")]
    rows = [(name, f"{score_text(r.score)}/{score_text(r.max_score)}", status_word(r, lang), r.title.render(lang),
             COLORS.get(status_key(r), "red")) for name, r in result.exercises.items()]
    widths = [max(cell_len(row[i]) for row in [header, *rows]) for i in range(3)]

    def line(cells) -> str:
        start = f"{pad(cells[0], widths[0])}  {pad(cells[1], widths[1], right=True)}  {pad(cells[2], widths[2])}  "
        return start + cropped(cells[3], width - cell_len(start))

    lines = paint([line(header)], bold=True)
    lines.append("─" * min(width, max(cell_len(line(row)) for row in [header, *rows])))
    for row in rows:
        lines += paint([line(row)], fg=row[4])
    return lines


def printed_lines(output: str) -> tuple[list[str], int]:
    """The first ``OUTPUT_LINES`` lines the learner's code printed, and how many more there are."""
    lines = safe_text(output).strip().splitlines()
    return lines[:OUTPUT_LINES], max(0, len(lines) - OUTPUT_LINES)


def printed(result: ExerciseResult, lang: str, width: int, paint) -> list[str]:
    """What the learner's code printed (first lines, each cut to the width, then how many more)."""
    lines, more = printed_lines(result.output)
    if not lines:
        return []
    tail = [f"    {msg('table.output_more', count=more).render(lang)}"] if more else []
    return (paint(wrap(msg("table.output").render(lang), width, 2))
            + paint([cropped(f"    | {line}", width) for line in lines] + tail, dim=True))


def cropped(line: str, width: int) -> str:
    """``line`` cut to ``width`` display cells, with ``…`` when something was cut."""
    if cell_len(line) <= width:
        return line
    return cut(line, max(1, width - 1)) + "…"
