"""The nbgrader course: one notebook per exercise, graded in the kernel by the same checks.

    write_course(Path("course"), lang="ja")     # source/day3/<name>.ipynb + nbgrader_config.py

Rooms: ``course.py`` writes the course (``cells.py`` builds the notebooks' cells),
``hidden.py`` gives the hidden test cells each student's seed, ``verify.py`` grades the
submissions again in the sandbox after `nbgrader autograde` (`grade verify`), ``run.py``
drives real nbgrader (tests, benchmarks), ``cli.py`` the commands.  Nothing is imported
here until it is used: a hidden test cell imports ``hidden.py`` alone.
"""
__all__ = ["ASSIGNMENT", "write_course"]


def __getattr__(name: str):
    if name in __all__:
        from rnn_grader.nbgrader import course

        return getattr(course, name)
    raise AttributeError(f"module 'rnn_grader.nbgrader' has no attribute {name!r}")
