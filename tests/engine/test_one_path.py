"""One grading path: the self-check, `grade cohort` and the nbgrader test cells give the same
score and name the same misconception, check by check, on the same submission and inputs.

The inputs are one student's: ``student_seed(course seed, id)``.  The self-check is given
that seed; the cohort derives it from the folder name; the nbgrader cells' in-kernel runner
(``engine.local.run_check``, what ``assert_check`` calls) is given it as the hidden test is.
"""
from __future__ import annotations

import textwrap
import types

import pytest

from rnn_grader.cohort.run import grade_cohort
from rnn_grader.engine import grade_submission, select
from rnn_grader.engine.local import run_check
from rnn_grader.engine.seeds import student_seed
from tests.conftest import reference_source
from tests.exercises import test_bptt, test_gradient_clipping, test_lstm

COURSE_SEED = 20261127
STUDENT = "alice"
CASES = [("gradient_clipping", "reference", reference_source("gradient_clipping")),
         ("gradient_clipping", "always_rescale", test_gradient_clipping.WRONG["always_rescale"]),
         ("bptt", "reference", reference_source("bptt")),
         ("bptt", "W_grad_uses_z_t", test_bptt.WRONG["W_grad_uses_z_t"]),
         ("bptt", "batch_mean", test_bptt.WRONG["batch_mean"]),
         ("lstm", "reference", reference_source("lstm"))]
CASES += [("lstm", key, source) for key, source in sorted(test_lstm.WRONG.items())[:2]]


def per_check(checks) -> dict:
    return {c.name: (pytest.approx(c.score), c.misconception) for c in checks}


@pytest.mark.parametrize("name,label,source", CASES, ids=[f"{n}-{lab}" for n, lab, _ in CASES])
def test_three_runners_one_verdict(name, label, source, sandbox, tmp_path):
    code = textwrap.dedent(source)
    folder = tmp_path / "class" / STUDENT
    folder.mkdir(parents=True)
    (folder / f"{name}.py").write_text(code)
    seed = student_seed(COURSE_SEED, STUDENT)

    selfcheck = grade_submission(folder, select([name]), seed=seed, sandbox=sandbox).exercises[name]
    cohort = grade_cohort(tmp_path / "class", names=[name], seed=COURSE_SEED, jobs=1)
    in_class = cohort.students[STUDENT].exercises[name]
    namespace = vars(load_module(code, name))
    in_kernel = [run_check(name, check.name, namespace, seed=seed) for check in select([name])[0].checks]

    assert per_check(in_class.checks) == per_check(selfcheck.checks), label
    assert per_check(in_kernel) == per_check(selfcheck.checks), label
    assert in_class.score == pytest.approx(selfcheck.score)


def load_module(code: str, name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    exec(compile(code, f"<{name}>", "exec"), module.__dict__)  # a trusted test submission
    return module
