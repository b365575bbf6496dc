"""The `grade` command: a thin click layer over the library.

    grade                       self-check of ./exercises (or of this folder, inside exercises/)
    grade --list-checks         every exercise's checks, points and titles
    grade quiz ID "ANSWER"      check a quiz answer
    grade progress              what the remembered runs say
    grade experiments           your binary_addition train over the study notes' settings
    grade cohort DIR            grade a class                        (instructor)
    grade nbgrader COURSE_DIR   write the nbgrader course            (instructor)
    grade verify COURSE_DIR     regrade nbgrader's submissions in the sandbox (instructor)
    grade release OUT_DIR       write the learner kit                (instructor)

Exit codes: 0 full marks (or a right answer), 1 points lost (or a wrong answer),
2 usage error.  Subcommands are imported only when used, so the self-check starts fast.
The console script is ``rnn_grader.launch.main``: it starts a self-check's sandbox first.
"""
from __future__ import annotations

import importlib
import importlib.util
import json
import os
import shlex
import sys
from pathlib import Path

# The grader's own arrays are tiny: BLAS threads would only compete with the sandbox for the
# cores (set before anything imports numpy; a variable the user set is kept).
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import click  # noqa: E402

from rnn_grader.launch import EARLY, SUBCOMMANDS  # noqa: E402
from rnn_grader.messages import default_lang, msg  # noqa: E402

LANG = click.Choice(["ja", "en"])
DEFAULT_FOLDER = Path("exercises")


def module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ImportError:  # its package is missing
        return False


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx):
        """The subcommands installed here (the learner kit has no instructor tools)."""
        return sorted(name for name, target in SUBCOMMANDS.items() if module_exists(target.split(":")[0]))

    def get_command(self, ctx, name):
        if name not in SUBCOMMANDS:
            return None
        module, attribute = SUBCOMMANDS[name].split(":")
        try:
            return getattr(importlib.import_module(module), attribute)
        except ImportError:
            return None


@click.group(cls=LazyGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--submission", type=click.Path(path_type=Path), default=None,
              help="A folder of modules <name>.py or notebooks <name>.ipynb, or one notebook "
                   "(default: ./exercises).")
@click.option("-e", "--exercise", "names", multiple=True, metavar="NAME",
              help="Grade only this exercise (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object.")
@click.option("--lang", type=LANG, default=None, help="Message language (default: from LANG/LC_ALL).")
@click.option("--seed", type=int, default=None, help="Fix the randomized inputs (default: fresh).")
@click.option("--list-checks", is_flag=True, help="List each exercise's checks with their points, then stop.")
@click.pass_context
def cli(ctx, submission, names, as_json, lang, seed, list_checks):
    """Grade the Deep Learning Day 3 exercises (self-check when no command is given)."""
    if ctx.invoked_subcommand is not None:
        return
    lang = lang or default_lang()
    if list_checks:
        show_checks(names, lang)
        return
    from rnn_grader.selfcheck import run_selfcheck

    folder = submission if submission is not None else default_submission(lang)
    try:
        result = run_selfcheck(folder, names=names, seed=seed, sandbox=EARLY.pop() if EARLY else None)
    except KeyError as exc:
        raise click.UsageError(unknown_exercise(exc.args[0], lang))
    except FileNotFoundError as exc:
        raise click.UsageError(msg("cli.missing_folder", path=exc.args[0]).render(lang))
    from rnn_grader.progress.history import submission_key
    from rnn_grader.progress.show import notes_after_run

    notes = notes_after_run(submission_key(folder), result, lang)
    if notes:
        words = ["grade", "progress"] + (["--submission", str(submission)] if submission is not None else [])
        notes.append(msg("progress.more", command=shlex.join(words)).render(lang))
    if as_json:
        click.echo(json.dumps(result.to_json(lang), ensure_ascii=False))
    else:
        from rnn_grader.render import render_submission

        click.echo(render_submission(result, lang, command=repeat_command(submission, names, result.seed),
                                     color=wants_color(), notes=notes))
    raise Done(0 if result.all_passed else 1)


class Done(SystemExit):
    """The self-check is over and everything is written: ``main`` may end the process at once."""


def default_submission(lang: str) -> Path:
    """``./exercises``; inside ``exercises/`` itself (modules here, no such sub-folder) this
    folder, said on stderr; otherwise a usage error that says where to run `grade`."""
    if DEFAULT_FOLDER.is_dir():
        return DEFAULT_FOLDER
    from rnn_grader.engine import all_exercises

    if any(Path(f"{name}{suffix}").is_file() for name in all_exercises() for suffix in (".py", ".ipynb")):
        click.echo(msg("cli.grading_here").render(lang), err=True)
        return Path(".")
    raise click.UsageError(msg("cli.no_exercises_here").render(lang))


def repeat_command(submission: Path | None, names, seed: int) -> str:
    """The `grade` call that repeats this run: same submission, same exercises, this seed."""
    words = ["grade"]
    if submission is not None:
        words += ["--submission", str(submission)]
    for name in dict.fromkeys(names):
        words += ["-e", name]
    return shlex.join(words + ["--seed", str(seed)])


def wants_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def unknown_exercise(names: str, lang: str) -> str:
    from rnn_grader.engine import all_exercises

    return msg("cli.unknown_exercise", names=names, known=", ".join(all_exercises())).render(lang)


def show_checks(names, lang: str) -> None:
    from rnn_grader.checklist import render_checks
    from rnn_grader.engine import select
    from rnn_grader.render import terminal_width

    try:
        exercises = select(list(names))
    except KeyError as exc:
        raise click.UsageError(unknown_exercise(exc.args[0], lang))
    click.echo(render_checks(exercises, lang, terminal_width()))
