"""The `grade` command: a thin click layer over the library.

    grade                       self-check of ./exercises
    grade quiz ID "ANSWER"      check a quiz answer
    grade cohort DIR            grade a class
    grade nbgrader COURSE_DIR   write the nbgrader course

Exit codes: 0 full marks (or a right answer), 1 points lost (or a wrong answer),
2 usage error.  Subcommands are imported only when used, so the self-check starts fast.
"""
from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import click

from rnn_grader.messages import default_lang, msg

SUBCOMMANDS = {
    "quiz": "rnn_grader.quiz.cli:quiz",
    "cohort": "rnn_grader.cohort.cli:cohort",
    "nbgrader": "rnn_grader.nbgrader.cli:nbgrader",
}
LANG = click.Choice(["ja", "en"])


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx):
        return sorted(SUBCOMMANDS)

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
@click.option("--submission", type=click.Path(path_type=Path), default=Path("exercises"),
              show_default=True, help="Folder holding the modules <name>.py to grade.")
@click.option("-e", "--exercise", "names", multiple=True, metavar="NAME",
              help="Grade only this exercise (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object.")
@click.option("--lang", type=LANG, default=None, help="Message language (default: from LANG/LC_ALL).")
@click.option("--seed", type=int, default=None, help="Fix the randomized inputs (default: fresh).")
@click.pass_context
def cli(ctx, submission, names, as_json, lang, seed):
    """Grade the Deep Learning Day 3 exercises (self-check when no command is given)."""
    if ctx.invoked_subcommand is not None:
        return
    from rnn_grader.selfcheck import run_selfcheck

    lang = lang or default_lang()
    try:
        result = run_selfcheck(submission, names=names, seed=seed)
    except KeyError as exc:
        from rnn_grader.engine import all_exercises

        raise click.UsageError(msg("cli.unknown_exercise", names=exc.args[0],
                                   known=", ".join(all_exercises())).render(lang))
    except FileNotFoundError as exc:
        raise click.UsageError(msg("cli.missing_folder", path=exc.args[0]).render(lang))
    if as_json:
        click.echo(json.dumps(result.to_json(lang), ensure_ascii=False))
    else:
        from rnn_grader.render import render_submission

        click.echo(render_submission(result, lang))
    sys.exit(0 if result.all_passed else 1)


def main():
    cli()
