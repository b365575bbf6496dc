"""`grade cohort DIR`: grade a class, write the CSV gradebook, print a per-exercise summary.

    grade cohort submissions/                    -> ./grades.csv, resume state ./grades.csv.state/
    grade cohort submissions/ --json > all.json  -> the same CSV, and every result on stdout
    grade cohort course/ --jobs 2 -e lstm -e gru --report report.html

Defaults: ``--out grades.csv`` in the current folder; ``--seed``: the course seed, from which
each student's inputs are drawn with the student's folder name (default: an nbgrader course's
own seed, ``COURSE/course_seed.txt``, else 0); ``--jobs`` the core count;
``--state <out>.state``.  Exit codes: 0 every student full marks (and every quiz answer
right), 1 points lost, 2 usage error (missing folder, no students, unknown exercise).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from rnn_grader.messages import default_lang, msg
from rnn_grader.sandbox import Limits, isolation_available

COURSE_SEED = 0


def load_report_writer(lang: str):
    """``rnn_grader.report.write_report``, imported only when --report is given."""
    try:
        from rnn_grader.report import write_report
    except ImportError as exc:
        raise click.ClickException(msg("cohort.report_missing", error=str(exc)).render(lang))
    return write_report


def course_seed(folder: Path) -> int:
    """The seed of the nbgrader course (written by `grade nbgrader`) that ``folder`` is or is
    in, e.g. COURSE or COURSE/submitted: its hidden tests draw each student's inputs from it.
    COURSE_SEED for a folder outside any course."""
    from rnn_grader.nbgrader.hidden import CourseSeedMissing, find_course, read_course_seed

    course = find_course(folder.absolute())
    try:
        return read_course_seed(course) if course is not None else COURSE_SEED
    except CourseSeedMissing:
        return COURSE_SEED


def apply_review(result, path: Path, lang: str) -> None:
    """Apply the instructor's review file (rnn_grader.cohort.review) and say so on stderr."""
    from rnn_grader.cohort.review import review_cohort, review_lines

    for line in review_lines(review_cohort(result, path), path):
        click.echo(line.render(lang), err=True)


def progress_bar(enabled: bool, lang: str):
    """A rich progress bar on stderr: (context manager, callback).  Off -> (None, None)."""
    if not enabled:
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress("{task.description}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   console=Console(stderr=True), transient=True)
    task = bar.add_task(msg("cohort.progress").render(lang), total=None)

    def update(done: int, total: int, student: str | None) -> None:
        bar.update(task, completed=done, total=total)

    return bar, update


@click.command("cohort", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("folder", metavar="DIR", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=Path("grades.csv"),
              show_default=True, help="The CSV gradebook to write (atomically).")
@click.option("--json", "as_json", is_flag=True,
              help="Also print every student's results as one JSON object.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Parallel sandboxes (default: the core count).")
@click.option("--seed", type=int, default=None,
              help="The course seed (keep it secret): each student's inputs are drawn from it and the "
                   "student's folder name. Default: the nbgrader course's course_seed.txt, else 0.")
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None,
              help="Message language (default: from LANG/LC_ALL).")
@click.option("-e", "--exercise", "names", multiple=True, metavar="NAME",
              help="Grade only this exercise (repeatable).")
@click.option("--state", "state_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Where finished students are saved for resuming (default: <out>.state).")
@click.option("--fresh", is_flag=True, help="Ignore saved results and grade everyone again.")
@click.option("--report", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Also write the class report (rnn_grader.report) to this file.")
@click.option("--review", "review_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="The instructor's free-text confirmations (default: DIR/review.json, when present).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=Limits.wall_seconds, show_default=True,
              help="Seconds one exercise of one student may run.")
@click.option("--memory", type=click.IntRange(min=64), default=Limits.memory_mb, show_default=True,
              help="Megabytes one exercise of one student may allocate.")
def cohort(folder, out, as_json, jobs, seed, lang, names, state_dir, fresh, report, review_file, timeout,
           memory):
    """Grade every DIR/<student>/ folder (modules <name>.py or nbgrader notebooks <name>.ipynb)."""
    from rnn_grader.cohort import cohort_json, grade_cohort, render_summary, write_csv
    from rnn_grader.engine import all_exercises, select

    lang = lang or default_lang()
    write_report = load_report_writer(lang) if report is not None else None
    if not folder.is_dir():
        raise click.UsageError(msg("cli.missing_folder", path=str(folder)).render(lang))
    if not isolation_available():
        click.echo(msg("cohort.no_isolation").render(lang), err=True)
    try:
        select(list(names))
    except KeyError as exc:
        raise click.UsageError(msg("cli.unknown_exercise", names=exc.args[0],
                                   known=", ".join(all_exercises())).render(lang))
    seed = seed if seed is not None else course_seed(folder)
    limits = Limits(wall_seconds=timeout, cpu_seconds=timeout, memory_mb=memory)
    bar, update = progress_bar(sys.stderr.isatty() and not as_json, lang)
    try:
        if bar is not None:
            bar.start()
        result = grade_cohort(folder, names=names, seed=seed, jobs=jobs, fresh=fresh, progress=update,
                              state_dir=state_dir or out.with_name(out.name + ".state"), limits=limits)
    finally:
        if bar is not None:
            bar.stop()
    if not result.students:
        raise click.UsageError(msg("cohort.no_students", path=str(folder)).render(lang))
    apply_review(result, review_file or folder / "review.json", lang)
    write_csv(result, out)
    if as_json:
        click.echo(json.dumps(cohort_json(result, lang), ensure_ascii=False))
    else:
        click.echo(render_summary(result, lang))
    click.echo(msg("cohort.written", path=str(out)).render(lang), err=as_json)
    if write_report is not None:
        write_report(result, report, lang)
        click.echo(msg("cohort.report_written", path=str(report)).render(lang), err=as_json)
    sys.exit(0 if result.all_passed else 1)
