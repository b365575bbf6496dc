"""The generic grading engine.  Declarations import what they need from here."""
from grader.engine.checks import GradientCheck, PropertyCheck, ValueCheck
from grader.engine.compare import (GRADIENT_REL_TOL, close, compare_array, compare_scalar,
                                   compare_value, numeric_gradient, rel_error)
from grader.engine.declaration import Call, Check, Exercise, Misconception, Outcome, Prepared, Verdict
from grader.engine.grading import grade_submission, prepare
from grader.engine.registry import all_exercises, select
from grader.engine.results import CheckResult, ExerciseResult, SubmissionResult
from grader.messages import Text, msg

__all__ = [
    "Call", "Check", "CheckResult", "Exercise", "ExerciseResult", "GRADIENT_REL_TOL", "GradientCheck",
    "Misconception", "Outcome", "Prepared", "PropertyCheck", "SubmissionResult", "Text", "ValueCheck",
    "Verdict", "all_exercises", "close", "compare_array", "compare_scalar", "compare_value",
    "grade_submission", "msg", "numeric_gradient", "prepare", "rel_error", "select",
]
