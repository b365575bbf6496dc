"""Progress across runs: each self-check is remembered locally, so a learner sees which
exercises went from failing to passing and which misconceptions they met and overcame.

Rooms: ``history.py`` keeps the runs in a small JSON file (never failing a run when it
cannot); ``changes.py`` compares a run with the ones before and summarizes the history;
``show.py`` turns that into the lines printed after the table and the `grade progress`
view (``cli.py``).
"""
