"""`grade progress`: what the remembered runs of one submission say."""
from __future__ import annotations

from pathlib import Path

import click

from rnn_grader.messages import default_lang


@click.command(name="progress")
@click.option("--submission", type=click.Path(path_type=Path), default=Path("exercises"), show_default=True,
              help="The submission whose runs to show (as given to `grade --submission`).")
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None,
              help="Message language (default: from LANG/LC_ALL).")
def progress(submission, lang):
    """Show which exercises went from failing to passing, and the misconceptions met."""
    from rnn_grader.progress import history
    from rnn_grader.progress.changes import stories
    from rnn_grader.progress.show import story_lines

    lang = lang or default_lang()
    key = history.submission_key(submission)
    runs = history.runs_of(key)
    click.echo("\n".join(story_lines(key, runs, stories(runs), lang)))
