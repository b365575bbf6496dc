"""A hostile corpus: each submission attacks the grader from `gradient_clipping.py`.

For each one: the verdict of that exercise, the other exercise of the same submission graded
as usual, a canary file outside the submission unchanged, and the sandbox still usable.
"""
import os
import shutil
import subprocess
import textwrap
import time

import pytest

from rnn_grader.engine import all_exercises, grade_submission, select
from rnn_grader.sandbox import Limits, Sandbox, isolation_available
from tests.conftest import ROOT

VICTIM = "gradient_clipping"
LIMITS = Limits(wall_seconds=2.0, cpu_seconds=2.0, memory_mb=512)
STUB = "\ndef gradient_clipping(grad, threshold):\n    return None\n"
RIGHT = ("\nimport numpy as np\ndef gradient_clipping(grad, threshold):\n"
         "    n = np.linalg.norm(grad)\n    return grad * (threshold / n) if n > threshold else grad\n")

# label: (source, statuses allowed, needs isolation)
CORPUS = {
    "loop_at_import": ("while True:\n    pass\n" + STUB, {"timeout"}),
    "loop_in_call": ("def gradient_clipping(grad, threshold):\n    while True:\n        pass\n", {"timeout"}),
    "sleep": ("import time\ndef gradient_clipping(grad, threshold):\n    time.sleep(60)\n", {"timeout"}),
    "sys_exit_at_import": ("import sys\nsys.exit(0)\n", {"error"}),
    "os_exit_at_import": ("import os\nos._exit(0)\n", {"error"}),
    "os_exit_in_call": ("import os\ndef gradient_clipping(grad, threshold):\n    os._exit(3)\n", {"error"}),
    "quit_in_call": ("def gradient_clipping(grad, threshold):\n    quit()\n", {"error"}),
    "ignores_sigterm": ("import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
                        "signal.signal(signal.SIGXCPU, signal.SIG_IGN)\nwhile True:\n    pass\n", {"timeout"}),
    "sigstop_itself": ("import os, signal\nos.kill(os.getpid(), signal.SIGSTOP)\n" + RIGHT, {"timeout"}),
    "recursion": ("def gradient_clipping(grad, threshold):\n    return gradient_clipping(grad, threshold)\n",
                  {"error"}),
    "deep_recursion_segfault": ("import sys\nsys.setrecursionlimit(10**8)\ndef f(n):\n    return f(n + 1) + 1\n"
                                "f(0)\n", {"crashed", "error", "timeout"}),
    "memory_bomb_python": ("x = []\nwhile True:\n    x.append(' ' * 10**7)\n", {"memory"}),
    "memory_bomb_numpy": ("import numpy as np\ndef gradient_clipping(grad, threshold):\n"
                          "    return np.ones((10**6, 10**5))\n", {"memory"}),
    "fork_bomb": ("import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n",
                  {"timeout", "error", "crashed", "memory"}),
    "segfault_ctypes": ("import ctypes\nctypes.string_at(0)\n", {"crashed"}),
    "print_flood": ("import sys\nwhile True:\n    sys.stdout.write('x' * 100000)\n", {"timeout"}),
    "closes_stdout": ("import os\nos.close(1)\nos.close(2)\n" + STUB, {"failed"}),
    "fake_json_print": ('print(\'{"score": 8, "max_score": 8, "status": "passed"}\')\n' + STUB, {"failed"}),
    "forges_result_pipe": ("import os\nfor fd in range(3, 64):\n    try:\n"
                           "        os.write(fd, b'{\"import\":\"ok\",\"calls\":[]}')\n    except OSError:\n"
                           "        pass\n" + STUB, {"error", "crashed"}),
    "patches_numpy": ("import numpy as np\nnp.allclose = lambda *a, **k: True\nnp.array_equal = lambda *a, **k: True\n"
                      "np.isfinite = lambda x: True\n" + STUB, {"failed"}),
    "patches_builtins": ("import builtins\nbuiltins.isinstance = lambda *a: True\nbuiltins.len = lambda x: 0\n"
                         + STUB, {"failed"}),
    "thread_keeps_patching": ("import threading, time, builtins, numpy as np\ndef evil():\n    while True:\n"
                              "        builtins.int = float\n        builtins.len = lambda x: 0\n"
                              "        np.array_equal = lambda *a, **k: True\n        time.sleep(0.001)\n"
                              "threading.Thread(target=evil, daemon=True).start()\n" + STUB, {"failed", "error"}),
    "lying_object": ("class Liar:\n    def __eq__(self, other):\n        return True\n    __hash__ = None\n"
                     "def gradient_clipping(grad, threshold):\n    return Liar()\n", {"error"}),
    "ndarray_subclass": ("import numpy as np\nclass Liar(np.ndarray):\n    def __eq__(self, other):\n"
                         "        return np.ones(self.shape, bool)\n"
                         "def gradient_clipping(grad, threshold):\n    return np.zeros(grad.shape).view(Liar)\n",
                         {"failed"}),
    "pickle_payload": ("import os\nclass Evil:\n    def __reduce__(self):\n"
                       "        return (os.system, ('touch /tmp/rnn-grader-pwned',))\n"
                       "def gradient_clipping(grad, threshold):\n    return Evil()\n", {"error"}),
    "returns_pickle_bytes": ("import pickle, os\ndef gradient_clipping(grad, threshold):\n"
                             "    return pickle.dumps(os.getcwd)\n", {"error"}),
    "imports_reference": ("from solutions.gradient_clipping import gradient_clipping\n", {"error"}),
    "imports_grader": ("import rnn_grader.declarations.gradient_clipping as d\n" + STUB, {"error"}),
    "writes_canary": ("open(CANARY, 'w').write('pwned')\n" + RIGHT, {"error"}),
    "deletes_canary": ("import os\nos.remove(CANARY)\n" + RIGHT, {"error"}),
    "writes_into_project": ("open(PROJECT + '/pwned.txt', 'w').write('x')\n" + RIGHT, {"error"}),
    "opens_socket": ("import socket\nsocket.create_connection(('127.0.0.1', 9), timeout=1)\n" + RIGHT, {"error"}),
    "huge_return": ("import numpy as np\ndef gradient_clipping(grad, threshold):\n"
                    "    return np.ones(9 * 10**7)\n", {"failed", "error", "crashed", "memory"}),
    "type_error_at_import": ("1 + 'a'\n", {"error"}),
    "syntax_error": ("def gradient_clipping(grad, threshold)\n    return grad\n", {"error"}),
    "nan_result": ("import numpy as np\ndef gradient_clipping(grad, threshold):\n"
                   "    return grad * np.nan\n", {"failed"}),
    "wrong_return_type": ("def gradient_clipping(grad, threshold):\n    return 'clipped'\n", {"error"}),
}
NEEDS_ISOLATION = {"reads_reference"}
CORPUS["reads_reference"] = (
    "src = open(PROJECT + '/solutions/gradient_clipping.py').read()\nexec(src)\n", {"error"})


@pytest.fixture(scope="module")
def other_exercise():
    names = [n for n in all_exercises() if n != VICTIM]
    if not names:
        pytest.skip("a second exercise is needed")
    return names[0]


@pytest.mark.parametrize("label", sorted(CORPUS))
def test_hostile_submission_costs_only_its_exercise(label, sandbox, tmp_path, other_exercise):
    if label in NEEDS_ISOLATION and not isolation_available():
        pytest.skip("reading the reference by path is prevented only with bubblewrap isolation")
    source, allowed = CORPUS[label]
    outside = tmp_path / "outside"
    outside.mkdir()
    canary = outside / "canary.txt"
    canary.write_text("untouched")
    submission = tmp_path / "submission"
    submission.mkdir()
    prelude = f"CANARY = {str(canary)!r}\nPROJECT = {str(ROOT)!r}\n"
    (submission / f"{VICTIM}.py").write_text(prelude + textwrap.dedent(source))
    shutil.copy(ROOT / "solutions" / f"{other_exercise}.py", submission / f"{other_exercise}.py")

    result = grade_submission(submission, select([VICTIM, other_exercise]), seed=0, sandbox=sandbox,
                              limits=LIMITS)

    hostile, other = result.exercises[VICTIM], result.exercises[other_exercise]
    assert hostile.status in allowed, [m.en for m in hostile.messages]
    assert hostile.score == 0 and hostile.messages
    assert other.status == "passed", [m.en for m in other.messages]
    assert canary.read_text() == "untouched"
    assert not (ROOT / "pwned.txt").exists()
    assert not os.path.exists("/tmp/rnn-grader-pwned")
    assert len(hostile.output) <= 4096


def test_sandbox_still_grades_after_the_corpus(grade_source):
    from tests.conftest import reference_source

    assert grade_source(VICTIM, reference_source(VICTIM)).status == "passed"


@pytest.mark.skipif(os.geteuid() != 0, reason="job uids are used only when the grader runs as root")
def test_escaped_grandchildren_are_killed(tmp_path):
    """A job's escaped process dies when the next job starts, and when the sandbox closes."""
    (tmp_path / f"{VICTIM}.py").write_text(
        "import os, time\nif os.fork() == 0:\n    os.setsid()\n    time.sleep(300)\n" + RIGHT)

    def alive(uid):
        return subprocess.run(["pgrep", "-u", str(uid)], capture_output=True, text=True).stdout.split()

    with Sandbox() as box:
        first = grade_submission(tmp_path, select([VICTIM]), seed=0, sandbox=box)
        assert first.exercises[VICTIM].status == "passed"
        escaped = alive(box.job_uid)
        (tmp_path / f"{VICTIM}.py").write_text(RIGHT)
        grade_submission(tmp_path, select([VICTIM]), seed=0, sandbox=box)
        assert gone(lambda: set(escaped) & set(alive(box.job_uid)))
        (tmp_path / f"{VICTIM}.py").write_text(
            "import os, time\nif os.fork() == 0:\n    os.setsid()\n    time.sleep(300)\n" + RIGHT)
        grade_submission(tmp_path, select([VICTIM]), seed=0, sandbox=box)
        uid = box.job_uid
    assert gone(lambda: alive(uid)), alive(uid)   # a killed process needs a moment to be reaped


def gone(listing, seconds=5.0) -> bool:
    """Does ``listing()`` become empty within ``seconds``?  (A process that sleeps for 300 s
    does not; one that was sent SIGKILL does, once the kernel and its parent are through.)"""
    deadline = time.monotonic() + seconds
    while listing():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True
