"""``grade release OUT_DIR``: write the learner kit."""
from __future__ import annotations

from pathlib import Path

import click

from rnn_grader.messages import default_lang, msg


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None,
              help="Language of the kit's README (default: from LANG/LC_ALL).")
@click.option("--force", is_flag=True, help="Replace OUT_DIR even if it is not empty.")
def release(out_dir, lang, force):
    """Write the learner kit to OUT_DIR: `pip install OUT_DIR` gives learners the `grade`
    self-check and quizzes without any reference solution, quiz answer or hidden-test input."""
    from rnn_grader.release.kit import KitExists, write_kit

    lang = lang or default_lang()
    try:
        write_kit(out_dir, lang=lang, overwrite=force)
    except KitExists:
        raise click.UsageError(msg("release.not_empty", path=str(out_dir)).render(lang))
    click.echo(msg("release.written", path=str(out_dir)).render(lang))
