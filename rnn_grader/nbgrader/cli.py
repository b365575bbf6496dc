"""`grade nbgrader COURSE_DIR [--lang ja|en] [--seed N] [-e NAME ...]`: write the nbgrader course.

Exit codes: 0 written, 2 usage error (unknown exercise).
"""
from __future__ import annotations

from pathlib import Path

import click

from rnn_grader.messages import default_lang, msg


@click.command("nbgrader")
@click.argument("course_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None,
              help="Course language of the test cells' explanations (default: from LANG/LC_ALL).")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Seed of the hidden tests (`grade cohort` uses 0 by default too).")
@click.option("-e", "--exercise", "names", multiple=True, metavar="NAME",
              help="Only this exercise (repeatable; default: every exercise).")
def nbgrader(course_dir: Path, lang: str | None, seed: int, names: tuple[str, ...]):
    """Write an nbgrader course: nbgrader_config.py and source/day3/<name>.ipynb per exercise."""
    from rnn_grader.nbgrader.course import ASSIGNMENT, write_course

    lang = lang or default_lang()
    try:
        written, skipped = write_course(course_dir, names, seed=seed, lang=lang)
    except KeyError as exc:
        from rnn_grader.engine import all_exercises

        raise click.UsageError(msg("cli.unknown_exercise", names=exc.args[0],
                                   known=", ".join(all_exercises())).render(lang))
    for name in skipped:
        click.echo(msg("nbgrader.no_solution", name=name).render(lang), err=True)
    path = str(course_dir)
    click.echo(msg("nbgrader.written", path=path, count=len(written), assignment=ASSIGNMENT).render(lang))
    click.echo(msg("nbgrader.next_steps", path=path, assignment=ASSIGNMENT).render(lang))
