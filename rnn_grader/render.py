"""Terminal output of a self-check: a table, the total, and each failure's explanation."""
from __future__ import annotations

import click

from rnn_grader.engine import SubmissionResult
from rnn_grader.messages import msg

COLORS = {"passed": "green", "failed": "yellow", "missing": "bright_black"}


def render_submission(result: SubmissionResult, lang: str) -> str:
    rows = [(name, f"{r.score:g}/{r.max_score:g}", r.status, r.title.render(lang))
            for name, r in result.exercises.items()]
    width = max([len(msg("table.exercise").render(lang))] + [len(r[0]) for r in rows])
    header = f"{msg('table.exercise').render(lang):<{width}}  {msg('table.score').render(lang):>9}  " \
             f"{msg('table.status').render(lang):<8}"
    lines = [click.style(header, bold=True)]
    for name, score, status, title in rows:
        line = f"{name:<{width}}  {score:>9}  {status:<8}  {title}"
        lines.append(click.style(line, fg=COLORS.get(status, "red")))
    lines.append("")
    lines.append(msg("table.total", score=f"{result.score:g}", max=f"{result.max_score:g}",
                     seed=result.seed).render(lang))
    for name, r in result.exercises.items():
        if r.status == "passed":
            continue
        lines.append("")
        lines.append(click.style(f"■ {name} ({r.status})", bold=True))
        lines.extend(f"  {m.render(lang)}" for m in r.messages)
        if r.output.strip():
            lines.append("  " + msg("table.output").render(lang))
            lines.extend(f"    | {line}" for line in r.output.strip().splitlines()[:10])
    if result.all_passed:
        lines.append("")
        lines.append(click.style(msg("table.all_passed").render(lang), fg="green"))
    return "\n".join(lines)
