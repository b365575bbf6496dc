"""`grade experiments`: the study notes' 演習, run on the learner's own ``train``.

    rows = run_experiments(Path("exercises"), seed=0)          # one Row per Setting of grid.py

``grid.py`` holds the hyperparameter settings the study notes try (hidden size, learning rate,
activation, clipping, initial weight scale); ``run.py`` trains the learner's network once per
setting in the sandbox (a generous time limit) and measures the held-out accuracy with the
judge of ``binary_addition``; ``cli.py`` prints the table with a progress bar.
"""
from rnn_grader.experiments.grid import SETTINGS, Setting
from rnn_grader.experiments.run import Row, run_experiments

__all__ = ["Row", "SETTINGS", "Setting", "run_experiments"]
