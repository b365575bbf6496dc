"""A self-check result rendered for a notebook: an HTML table with colours, then the
explanations (the same content as the terminal's report, ``rnn_grader.render``)."""
from __future__ import annotations

import html
import re

from rnn_grader.messages import msg
from rnn_grader.render import is_untouched, printed_lines, score_text, status_key, status_word

BACKGROUND = {"passed": "#e6f4ea", "failed": "#fff4d6", "missing": "#eeeeee", "untouched": "#eeeeee"}
PROBLEM = "#fde7e9"
CELL = "padding:2px 10px;text-align:left;border-bottom:1px solid #ddd"


def rich_text(text: str) -> str:
    """Escaped HTML, with `code` spans set in a monospace font."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text))


def render_html(result, lang: str, *, command: str, notes=()) -> str:
    """The whole report as one HTML fragment (inline styles only: Jupyter and Colab
    sanitize style sheets differently, inline styles survive both)."""
    total = msg("table.total", score=score_text(result.score), max=score_text(result.max_score)).render(lang)
    repeat = msg("table.repeat", seed=result.seed, command=command).render(lang)
    parts = ['<div class="rnn-grader" style="font-family:sans-serif;line-height:1.4">', table(result, lang),
             f"<p><b>{rich_text(total)}</b><br><small>{rich_text(repeat)}</small></p>"]
    untouched = [name for name, r in result.exercises.items() if is_untouched(r)]
    for name, r in result.exercises.items():
        if r.status != "passed" and name not in untouched:
            parts.append(explanation(name, r, lang))
    if untouched:
        parts.append(f"<p>{rich_text(msg('table.untouched', names=', '.join(untouched)).render(lang))}</p>")
    if result.all_passed:
        parts.append(f'<p style="color:#137333"><b>{rich_text(msg("table.all_passed").render(lang))}</b></p>')
    parts += [f'<p style="color:#1a5fb4">{rich_text(note)}</p>' for note in notes]
    return "\n".join(parts + ["</div>"])


def table(result, lang: str) -> str:
    head = "".join(f'<th style="{CELL}">{html.escape(msg(k).render(lang))}</th>'
                   for k in ("table.exercise", "table.score", "table.status", "table.what"))
    rows = []
    for name, r in result.exercises.items():
        color = BACKGROUND.get(status_key(r), PROBLEM)
        cells = [f"<code>{html.escape(name)}</code>", f"{score_text(r.score)}/{score_text(r.max_score)}",
                 html.escape(status_word(r, lang)), html.escape(r.title.render(lang))]
        row = "".join(f'<td style="{CELL}">{cell}</td>' for cell in cells)
        rows.append(f'<tr style="background:{color};color:#1f1f1f">{row}</tr>')  # readable in dark themes too
    return f'<table style="border-collapse:collapse"><tr>{head}</tr>{"".join(rows)}</table>'


def explanation(name: str, r, lang: str) -> str:
    items = "".join(f"<li>{rich_text(m.render(lang))}</li>" for m in r.messages)
    out = [f"<p><b>■ {html.escape(name)}</b> ({html.escape(status_word(r, lang))})</p><ul>{items}</ul>"]
    printed, more = printed_lines(r.output)
    if more:
        printed.append(msg("table.output_more", count=more).render(lang))
    if printed:
        out.append(f"<p>{html.escape(msg('table.output').render(lang))}</p>"
                   f"<pre style=\"background:#f6f6f6;padding:4px\">{html.escape(chr(10).join(printed))}</pre>")
    return "\n".join(out)
