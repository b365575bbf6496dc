"""The learner kit: ``grade release OUT_DIR`` writes a package that learners install.

    write_kit(Path("kit"), lang="ja")        # then: pip install kit/

The kit is the ``rnn_grader`` package without anything that knows an answer (no
declarations, references, quiz answers or course tools), plus the practice bank
(``engine/bank.py``), the sealed quiz items and the exercise stubs.  See ``kit.py``.
"""
from rnn_grader.release.kit import KitExists, write_kit

__all__ = ["KitExists", "write_kit"]
