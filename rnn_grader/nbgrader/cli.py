"""`grade nbgrader COURSE_DIR [--lang ja|en] [--seed N] [-e NAME ...]`: write the nbgrader course
(and its secret course seed, COURSE_DIR/course_seed.txt).

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
@click.option("--seed", type=int, default=None,
              help="The course seed, kept in COURSE_DIR/course_seed.txt (secret: each student's hidden "
                   "inputs are drawn from it and the student id). Default: keep the course's, or draw one.")
@click.option("-e", "--exercise", "names", multiple=True, metavar="NAME",
              help="Only this exercise (repeatable; default: every exercise).")
def nbgrader(course_dir: Path, lang: str | None, seed: int | None, names: tuple[str, ...]):
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


@click.command("verify")
@click.argument("course_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--write", is_flag=True,
              help="Put the sandbox's scores into nbgrader's gradebook (as manual scores), so that "
                   "`nbgrader export` and `nbgrader generate_feedback` use them.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Parallel sandboxes (default: the core count).")
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None,
              help="Message language (default: from LANG/LC_ALL).")
def verify(course_dir: Path, write: bool, as_json: bool, jobs: int | None, lang: str | None):
    """After `nbgrader autograde`: grade every submission again in the sandbox, list each
    notebook whose nbgrader score differs (exit 1 if any), and with --write correct the gradebook."""
    import json
    import sys

    from rnn_grader.nbgrader.hidden import CourseSeedMissing
    from rnn_grader.nbgrader.verify import NotACourse, verify_course

    lang = lang or default_lang()
    try:
        result = verify_course(course_dir, write=write, jobs=jobs)
    except NotACourse:
        raise click.UsageError(msg("nbgrader.verify.not_a_course", path=str(course_dir)).render(lang))
    except CourseSeedMissing as exc:
        raise click.UsageError(str(exc))
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        for d in result.differ:
            click.echo(msg("nbgrader.verify.differs", student=d.to_json()["student"], notebook=d.notebook,
                           nbgrader=f"{d.nbgrader:g}", sandbox=f"{d.sandbox:g}").render(lang))
        click.echo(msg("nbgrader.verify.summary", notebooks=result.notebooks,
                       differ=len(result.differ)).render(lang))
    if result.written:
        click.echo(msg("nbgrader.verify.written", count=len(result.differ)).render(lang), err=as_json)
    sys.exit(1 if result.differ else 0)
