"""Reading notebooks moved to ``rnn_grader.notebook.cells`` (the learner kit reads notebooks
too, and ships no ``cohort`` package); the names stay importable from here."""
from rnn_grader.notebook.cells import (MAX_NOTEBOOK_BYTES, NotebookError, chosen_cells, nbgrader_meta,
                                       solution_source, without_magics)

__all__ = ["MAX_NOTEBOOK_BYTES", "NotebookError", "chosen_cells", "nbgrader_meta", "solution_source",
           "without_magics"]
