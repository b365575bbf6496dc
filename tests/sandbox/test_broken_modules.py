"""Every exercise survives the broken modules a learner really hands in.

For each exercise: a syntax error, a missing function, a wrong return type, ``sys.exit`` at
import, a hang, a crash and a monkeypatched numpy each score 0 for that exercise, with its
own status and a message, while another exercise of the same submission is graded as usual.
"""
import shutil

import pytest

from rnn_grader.engine import all_exercises, grade_submission, select
from rnn_grader.sandbox import Limits
from tests.conftest import ROOT

LIMITS = Limits(wall_seconds=1.0, cpu_seconds=1.0)


def functions_returning(exercise, value: str) -> str:
    return "".join(f"def {name}(*args, **kwargs):\n    return {value}\n\n" for name in exercise.functions)


BROKEN = {
    "syntax_error": (lambda e: "def broken(:\n    pass\n", {"error"}),
    "no_functions": (lambda e: "import numpy as np\nx = 1\n", {"missing"}),
    "wrong_return_type": (lambda e: functions_returning(e, "'a string'"), {"failed", "error"}),
    "sys_exit_at_import": (lambda e: "import sys\nsys.exit(1)\n", {"error"}),
    "hang_at_import": (lambda e: "while True:\n    pass\n", {"timeout"}),
    "segfault": (lambda e: "import ctypes\nctypes.string_at(0)\n", {"crashed"}),
    "patched_numpy": (lambda e: "import numpy as np\nnp.allclose = np.array_equal = lambda *a, **k: True\n"
                      + functions_returning(e, "None"), {"failed", "error"}),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
@pytest.mark.parametrize("name", sorted(all_exercises()))
def test_broken_module_costs_only_its_exercise(name, kind, sandbox, tmp_path):
    exercise = all_exercises()[name]
    make_source, statuses = BROKEN[kind]
    other = "gradient_clipping" if name != "gradient_clipping" else "conv_output_size"
    (tmp_path / f"{name}.py").write_text(make_source(exercise))
    shutil.copy(ROOT / "solutions" / f"{other}.py", tmp_path / f"{other}.py")

    result = grade_submission(tmp_path, select([name, other]), seed=0, sandbox=sandbox, limits=LIMITS)

    broken = result.exercises[name]
    assert broken.status in statuses and broken.score == 0 and broken.messages
    assert all(m.render("ja") and m.render("en") for m in broken.messages)
    assert result.exercises[other].status == "passed"
