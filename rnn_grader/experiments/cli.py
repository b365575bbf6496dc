"""`grade experiments`: train the learner's network under the study notes' settings and show
what each does: a table of held-out accuracy and largest gradient norm (``--json``: one object).

    grade experiments                                  # ./exercises/binary_addition.py
    grade experiments -e binary_addition --submission my_work/ --lang ja --json

Exit codes: 0 every run finished, 1 some run failed (error, timeout), 2 usage error.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from rnn_grader.experiments.grid import BATCH, EXERCISE, ITERS, SETTINGS, changes
from rnn_grader.messages import default_lang, msg


def progress_bar(lang: str, total: int):
    """A rich progress bar on stderr: (context manager, callback)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    bar = Progress("{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=Console(stderr=True), transient=True)
    task = bar.add_task(msg("experiments.progress").render(lang), total=total)

    def update(done, total, setting):
        bar.update(task, completed=done, description=msg("experiments.progress_at", setting=setting.key).render(lang))

    return bar, update


def table(rows, lang: str, seed: int, iters: int):
    """The rows as a rich Table."""
    from rich.table import Table

    def text(key, **params):
        return msg(key, **params).render(lang)

    grid = Table(title=text("experiments.title", iters=iters, batch=BATCH, seed=seed))
    for key in ("setting", "changes", "accuracy", "norm"):
        grid.add_column(text(f"experiments.column.{key}"), justify="right" if key in ("accuracy", "norm") else "left")
    for row in rows:
        measures = ([f"{row.accuracy:.1%}", f"{row.largest_norm:.3g}"] if row.status == "ok"
                    else [text(f"word.{row.status}"), "-"])
        grid.add_row(text(f"experiments.{row.setting.key}"), changes(row.setting) or "-", *measures)
    return grid


@click.command("experiments", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-e", "--exercise", "name", default=EXERCISE, show_default=True, metavar="NAME",
              help="The exercise whose train is run (only binary_addition has experiments).")
@click.option("--submission", type=click.Path(path_type=Path), default=Path("exercises"), show_default=True,
              help="Folder (or notebook) holding the module to run.")
@click.option("--seed", type=int, default=0, show_default=True, help="The generator seed of every run.")
@click.option("--iters", type=click.IntRange(min=1), default=ITERS, show_default=True,
              help="Iterations per run (batch 8).")
@click.option("--json", "as_json", is_flag=True, help="Print the runs as one JSON object.")
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None,
              help="Message language (default: from LANG/LC_ALL).")
def experiments(name, submission, seed, iters, as_json, lang):
    """Train your network under the study notes' settings; print accuracy and largest gradient norm."""
    from rnn_grader.experiments.run import NoModule, run_experiments

    lang = lang or default_lang()
    if name != EXERCISE:
        raise click.UsageError(msg("experiments.unknown", name=name, known=EXERCISE).render(lang))
    bar, update = progress_bar(lang, len(SETTINGS))
    try:
        with bar:
            rows = run_experiments(submission, seed=seed, iters=iters, progress=update)
    except FileNotFoundError as exc:
        raise click.UsageError(msg("cli.missing_folder", path=exc.args[0]).render(lang))
    except NoModule:
        raise click.UsageError(msg("experiments.no_module", name=EXERCISE, path=str(submission)).render(lang))
    if as_json:
        click.echo(json.dumps({"exercise": EXERCISE, "seed": seed, "iters": iters, "batch": BATCH,
                               "runs": [row.to_json(lang) for row in rows]}, ensure_ascii=False))
    else:
        from rich.console import Console

        console = Console()
        console.print(table(rows, lang, seed, iters))
        for row in rows:
            if row.problem is not None:
                console.print(f"{row.setting.key}: {row.problem.render(lang)}", markup=False)
        console.print(msg("experiments.legend").render(lang), markup=False)
    sys.exit(0 if all(row.status == "ok" for row in rows) else 1)
