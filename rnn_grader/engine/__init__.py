"""The generic grading engine.  Declarations import what they need from here."""
from rnn_grader.engine.checks import (ConsistentGradientCheck, GradientCheck, PropertyCheck, SeedDependenceCheck,
                                      ValueCheck)
from rnn_grader.engine.compare import (GRADIENT_REL_TOL, close, compare_array, compare_dict, compare_scalar,
                                       compare_value, numeric_gradient, rel_error)
from rnn_grader.engine.declaration import Call, Check, Exercise, Misconception, Outcome, Prepared, Verdict
from rnn_grader.engine.grading import grade_submission, prepare
from rnn_grader.engine.registry import all_exercises, select
from rnn_grader.engine.results import CheckResult, ExerciseResult, SubmissionResult
from rnn_grader.messages import Text, msg

__all__ = [
    "Call", "Check", "CheckResult", "ConsistentGradientCheck", "Exercise", "ExerciseResult", "GRADIENT_REL_TOL",
    "GradientCheck", "Misconception", "Outcome", "Prepared", "PropertyCheck", "SeedDependenceCheck",
    "SubmissionResult", "Text", "ValueCheck", "Verdict", "all_exercises", "close", "compare_array",
    "compare_dict", "compare_scalar", "compare_value", "grade_submission", "msg", "numeric_gradient",
    "prepare", "rel_error", "select",
]
