"""``rnn_grader.check("NAME")``: grade an exercise's functions defined in a notebook.

    import rnn_grader
    rnn_grader.check("gradient_clipping")            # after the cells that define it
    rnn_grader.check("gradient_clipping", lang="ja")

The definitions of every cell the kernel ran (``kernel.py``, ``definitions.py``: a later
``def`` wins, as in the kernel) become the module ``NAME``, graded exactly like a
submission module (``selfcheck.run_selfcheck``: the sandbox's time and memory limits, so
a hang stops after the time limit and never freezes the kernel).  The result is shown as
an HTML table in Jupyter / Colab and as the terminal's text elsewhere; the run is also
remembered for the progress view.
"""
from __future__ import annotations

from pathlib import Path

from rnn_grader.messages import default_lang, msg


def check(name: str, *, lang: str | None = None, seed: int | None = None) -> None:
    """Grade exercise ``name`` from the code the learner ran, and show the result."""
    from rnn_grader.notebook.definitions import cells_definitions
    from rnn_grader.notebook.kernel import executed_sources, in_kernel

    lang = lang if lang in ("ja", "en") else default_lang()
    sources = executed_sources()
    if not sources:
        show_text(msg("notebook.no_code", name=name).render(lang))
        return
    from rnn_grader.selfcheck import run_selfcheck

    try:
        result = run_selfcheck(Path.cwd(), names=[name], seed=seed, modules={name: cells_definitions(sources)})
    except KeyError:
        from rnn_grader.engine import all_exercises

        show_text(msg("cli.unknown_exercise", names=name, known=", ".join(all_exercises())).render(lang))
        return
    from rnn_grader.progress.show import notes_after_run

    notes = notes_after_run(f"notebook:{Path.cwd()}", result, lang)
    command = f'rnn_grader.check("{name}", seed={result.seed})'
    from rnn_grader.render import render_submission

    text = render_submission(result, lang, command=command, notes=notes)
    if in_kernel():   # the table, and the same text for frontends and exports that show no HTML
        from IPython.display import display

        from rnn_grader.notebook.html import render_html

        display({"text/html": render_html(result, lang, command=command, notes=notes), "text/plain": text}, raw=True)
    else:
        show_text(text)


def show_text(text: str) -> None:
    print(text)
