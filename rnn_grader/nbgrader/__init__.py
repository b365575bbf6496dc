"""The nbgrader course: one notebook per exercise, graded in the kernel by the same checks.

    write_course(Path("course"), lang="ja")     # source/day3/<name>.ipynb + nbgrader_config.py
"""
from rnn_grader.nbgrader.course import ASSIGNMENT, write_course

__all__ = ["ASSIGNMENT", "write_course"]
