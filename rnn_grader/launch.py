"""The `grade` console script (``python -m rnn_grader`` too): a self-check starts its sandbox
worker first thing, before click and the grader are imported.

The worker -- Python and numpy inside bubblewrap -- takes longer to start than the grader
takes to import and prepare, so starting it early is what makes `grade` fast.  After a
self-check the process ends with ``os._exit`` once its output is flushed: the interpreter's
teardown (numpy and every module) has nothing left to do.  Other commands end as usual.
This module imports nothing heavy: the subcommands' table lives here for that reason.
"""
from __future__ import annotations

import os
import sys

SUBCOMMANDS = {
    "quiz": "rnn_grader.quiz.cli:quiz",
    "progress": "rnn_grader.progress.cli:progress",
    "cohort": "rnn_grader.cohort.cli:cohort",
    "experiments": "rnn_grader.experiments.cli:experiments",
    "nbgrader": "rnn_grader.nbgrader.cli:nbgrader",
    "verify": "rnn_grader.nbgrader.cli:verify",
    "release": "rnn_grader.release.cli:release",
}
EARLY: list = []   # the sandbox started for a self-check; ``cli`` takes it


def looks_like_selfcheck(argv: list[str]) -> bool:
    """Is this `grade` call a self-check?  (No subcommand, no --help / --list-checks; a
    folder that happens to be named like a subcommand only costs the early start.)"""
    return not any(word in SUBCOMMANDS or word in ("-h", "--help", "--list-checks") for word in argv)


def main() -> None:
    if looks_like_selfcheck(sys.argv[1:]):
        start_worker()
    from rnn_grader.cli import Done, cli

    try:
        cli()
    except Done as done:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):  # a reader that went away, a closed stream
                pass
        os._exit(done.code)
    finally:
        for sandbox in EARLY:   # not taken (a usage error, say): stopped
            sandbox.close()


def start_worker() -> None:
    """Start the self-check's sandbox worker now (where no other set-up must come first:
    with bubblewrap, or as root); ``EARLY`` then holds the ``Sandbox`` that will talk to it."""
    from rnn_grader.sandbox import isolation

    isolated = isolation.bwrap_installed()
    if not isolated and os.geteuid() != 0:
        return   # the grader hides its memory from same-uid jobs first: ``Sandbox.start`` does
    process = isolation.spawn_worker(isolated)
    from rnn_grader.sandbox.pool import Sandbox

    EARLY.append(Sandbox(process=process))
