"""`grade --list-checks`: every exercise's checks, with their points and titles."""
from __future__ import annotations

from rnn_grader.messages import msg
from rnn_grader.render import score_text
from rnn_grader.wrap import wrap


def render_checks(exercises, lang: str, width: int) -> str:
    """One heading per exercise (name, title, points), then one line per check, wrapped to
    ``width`` display columns (Japanese counts two per character)."""
    lines: list[str] = []
    for exercise in exercises:
        if lines:
            lines.append("")
        lines += wrap(msg("list.exercise", name=exercise.name, title=exercise.title,
                          points=score_text(exercise.max_score)).render(lang), width)
        for check in exercise.checks:
            lines += wrap(msg("list.check", points=score_text(check.points).rjust(2),
                              title=check.title).render(lang), width, indent=2)
    return "\n".join(lines)
