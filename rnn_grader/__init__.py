"""rnn-grader: auto-graded exercises and quizzes for Deep Learning Day 3 (recurrent networks).

Where things live:
    rnn_grader/engine/        the generic grading engine (check kinds, comparisons, scoring, the bank)
    rnn_grader/declarations/  one small module per exercise: inputs, checks, misconceptions (instructor)
    rnn_grader/judges/        judging code that needs no answer; ships in the learner kit
    rnn_grader/sandbox/       running untrusted learner code in an isolated child process
    rnn_grader/messages/      the bilingual (ja/en) message catalog
    rnn_grader/quiz/          the sympy-based quiz checker
    rnn_grader/nbgrader/      writing the nbgrader course, `grade verify` (instructor)
    rnn_grader/cohort/        grading a whole class (instructor)
    rnn_grader/report/        the class report (instructor)
    rnn_grader/release/       `grade release`: the learner kit (instructor)
    rnn_grader/experiments/   `grade experiments`: the learner's binary_addition training, compared
    rnn_grader/notebook/      grading from Jupyter / Colab: ``rnn_grader.check("NAME")``
    rnn_grader/progress/      the self-check's runs remembered, progress across runs
    rnn_grader/cli.py         the `grade` command (a thin click layer)
    rnn_grader/launch.py      its console script: a self-check's sandbox worker starts first

``import rnn_grader`` imports nothing else: ``check`` loads the grader when called.
"""


def check(name: str, *, lang: str | None = None, seed: int | None = None) -> None:
    """Grade exercise ``name`` from the functions defined in this notebook, and show the
    result (an HTML table in Jupyter / Colab, text elsewhere).  ``lang``: "ja" or "en"."""
    from rnn_grader.notebook.check import check as run_check

    run_check(name, lang=lang, seed=seed)
