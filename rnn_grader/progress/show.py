"""Progress for people: the lines after the self-check's table, and `grade progress`.

Misconceptions are shown by their headline (their explanation's first sentence, in the
chosen language), found through the exercise's declaration.
"""
from __future__ import annotations

from rnn_grader.messages import Text, catalog, msg
from rnn_grader.progress.changes import Changes, ExerciseStory


def headline(exercise_name: str, misconception: str) -> Text:
    """The misconception's short title; its name when the exercise no longer declares it."""
    try:
        from rnn_grader.engine import all_exercises
        from rnn_grader.misconceptions import misconception_headline

        exercise = all_exercises().get(exercise_name)
        found = misconception_headline(exercise, misconception) if exercise is not None else None
    except Exception:  # progress must never break a run
        found = None
    return found or Text(en=misconception, ja=misconception)


def notes_after_run(key: str, result, lang: str) -> list[str]:
    """Remember this run of submission ``key``; the lines saying what changed since the last
    one.  Never raises: progress is a courtesy, the grade is what matters."""
    try:
        from rnn_grader.progress.changes import changes
        from rnn_grader.progress.history import remember

        before, run = remember(key, result)
        return change_lines(changes(before, run), lang)
    except Exception:
        return []


def change_lines(found: Changes, lang: str) -> list[str]:
    """What changed since the last run (nothing on a first run or when nothing changed)."""
    lines = []
    if found.now_passing:
        lines.append(msg("progress.now_passing", names=", ".join(found.now_passing)).render(lang))
    if found.now_failing:
        lines.append(msg("progress.now_failing", names=", ".join(found.now_failing)).render(lang))
    for exercise, wrong in found.overcome:
        lines.append(msg("progress.overcome", exercise=exercise,
                         headline=headline(exercise, wrong)).render(lang))
    return lines


def story_lines(key: str, runs: list[dict], stories: list[ExerciseStory], lang: str) -> list[str]:
    """`grade progress`: one line per exercise, then the misconceptions met."""
    if not runs:
        return [msg("progress.none", path=key).render(lang)]
    lines = [msg("progress.header", path=key, runs=len(runs), first=when(runs[0]), last=when(runs[-1])).render(lang),
             ""]
    for story in stories:
        word = msg(f"word.{story.status}").render(lang) if f"word.{story.status}" in catalog() else story.status
        since = (msg("progress.passed_since", run=story.passed_at).render(lang)
                 if story.passed_at else msg("progress.not_yet").render(lang))
        lines.append(msg("progress.row", name=story.name, runs=story.runs, status=word, since=since).render(lang))
    met = [(s.name, wrong, done) for s in stories for wrong, done in s.met.items()]
    if met:
        lines += ["", msg("progress.met").render(lang)]
        for exercise, wrong, done in met:
            lines.append(f"  {'✓' if done else '✗'} {exercise}: {headline(exercise, wrong).render(lang)}")
    return lines


def when(run: dict) -> str:
    """A run's time as ``2026-11-27 17:14`` (UTC)."""
    return str(run.get("time", "?"))[:16].replace("T", " ")
