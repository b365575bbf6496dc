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
    from rnn_grader.engine.lines import lines_from_cells
    from rnn_grader.notebook.definitions import cells_module
    from rnn_grader.notebook.kernel import executed_cells, in_kernel

    lang = lang if lang in ("ja", "en") else default_lang()
    cells = executed_cells()
    if not cells:
        show_text(msg("notebook.no_code", name=name).render(lang))
        return
    from rnn_grader.selfcheck import run_selfcheck

    source, origins = cells_module(cells)
    try:
        with lines_from_cells(origins):    # messages name "cell [7], line 2", not the joined module's line
            result = run_selfcheck(CELLS_FOLDER, names=[name], seed=seed, modules={name: source})
    except KeyError:
        from rnn_grader.engine import all_exercises

        show_text(msg("cli.unknown_exercise", names=name, known=", ".join(all_exercises())).render(lang))
        return
    for exercise in result.exercises.values():
        exercise.output = cells_in_output(exercise.output, name, origins, lang)
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


CELLS_FOLDER = Path("notebook-cells")   # the module's path in warnings and tracebacks (no such file)


def cells_in_output(output: str, name: str, origins: dict, lang: str) -> str:
    """The learner's printed output with places in the joined module (``.../NAME.py:37:`` of a
    warning, ``File ".../NAME.py", line 37`` of a traceback) named by cell and line instead."""
    import re

    from rnn_grader.engine.lines import place

    path = re.escape(str(CELLS_FOLDER / f"{name}.py"))

    def named(match, template: str) -> str:
        line = int(match.group(1))
        return template.format(place(line, origins).render(lang)) if line in origins else match.group(0)
    output = re.sub(path + r":(\d+):", lambda match: named(match, "{}:"), output)
    return re.sub(r'File "' + path + r'", line (\d+)', lambda match: named(match, "{}"), output)
