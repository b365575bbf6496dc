"""More attacks the sandbox withstands (an attacker's second round, beyond issue 12's corpus).

Each test runs with and without bubblewrap.  The attacks: a job signals the processes above
it (its worker, the grader); a job scans its own memory for the expected values of the very
exercise it is graded on; a job looks for the references on disk from inside bubblewrap.
"""
from __future__ import annotations

import hashlib
import os
import re

import numpy as np
import pytest

from rnn_grader.engine import select
from rnn_grader.engine.grading import prepare
from rnn_grader.sandbox import Limits, Sandbox, isolation_available
from tests.conftest import ROOT
from tests.sandbox.hostile_helpers import RIGHT, VICTIM, grade, isolation_modes
from tests.sandbox.test_between_jobs import SCANNER

SIGNALS_ABOVE = """\
import os, signal
def parent_of(pid):
    return int(open('/proc/%d/stat' % pid).read().rsplit(')', 1)[1].split()[1])
worker = parent_of(os.getpid())
HIT = []
for target in (parent_of(worker), worker):  # the grader (or bubblewrap's init), then the worker
    try:
        os.kill(target, {signal})
        HIT.append(target)
    except (OSError, ValueError):
        pass
def gradient_clipping(grad, threshold):
    return None
"""


@pytest.fixture(params=isolation_modes())
def box(request):
    with Sandbox(isolated=request.param) as sandbox:
        yield sandbox


def english(result) -> str:
    return " ".join(m.render("en") for m in result.messages)


@pytest.mark.skipif(os.geteuid() != 0, reason="an ordinary user's unisolated job may signal its own worker")
def test_a_job_cannot_signal_its_worker_or_the_grader(box, tmp_path):
    """SIGSTOP to the worker and to the process above it (the grader itself, without
    bubblewrap): the job is refused (another uid) or sees only its sandbox; this test (the
    grader) is not stopped, the attacker gets no marks and the next student is graded."""
    import signal

    attacker = grade(box, tmp_path / "a", SIGNALS_ABOVE.format(signal=int(signal.SIGSTOP))).exercises[VICTIM]
    honest = grade(box, tmp_path / "b", RIGHT).exercises[VICTIM]
    assert attacker.score == 0 and attacker.status != "passed"
    assert honest.status == "passed", english(honest)


def test_killing_its_own_worker_costs_only_that_job(box, tmp_path):
    """SIGKILL to the worker (where the job may send it): the job gets no marks, and the
    sandbox starts afresh for the next student, who gets full marks."""
    import signal

    attacker = grade(box, tmp_path / "a", SIGNALS_ABOVE.format(signal=int(signal.SIGKILL))
                     .replace("(parent_of(worker), worker)", "(worker,)")).exercises[VICTIM]
    honest = grade(box, tmp_path / "b", RIGHT).exercises[VICTIM]
    assert attacker.score == 0 and attacker.status != "passed"
    assert honest.status == "passed", english(honest)


def array_target(array: np.ndarray) -> tuple[bytes, int, str]:
    """What SCANNER looks for: the first bytes, the length and the sha256 of an array's bytes."""
    data = np.ascontiguousarray(array, dtype=np.float64).tobytes()
    return data[:24], len(data), hashlib.sha256(data).hexdigest()


def test_a_job_finds_no_expected_value_in_its_own_memory(box, tmp_path):
    """The job scans every anonymous mapping, heap and stack of its process for the bytes of
    the expected results of its own calls: it finds its inputs (the scan works) and none of
    the expected values (they are computed in the grader and never sent)."""
    prepared = prepare(select([VICTIM])[0], 0)
    calls = [(call, expected) for ready in prepared for call, expected in zip(ready.calls, ready.expected)]
    inputs = [np.asarray(call.args[0]) for call, _ in calls]
    targets = {"input": array_target(inputs[0])}
    for index, (call, expected) in enumerate(calls):
        expected = np.asarray(expected)
        if expected.dtype.kind == "f" and expected.size >= 3 and not any(
                a.shape == expected.shape and np.array_equal(a, expected) for a in inputs):
            targets[f"expected{index}"] = array_target(expected)
    assert len(targets) > 2, "the exercise no longer has expected values that differ from its inputs"
    source = SCANNER.format(targets=targets, control_prefix="CTRL-", control_tail_reversed="lortnoc-eht")
    result = grade(box, tmp_path / "scan", source).exercises[VICTIM]
    text = english(result)
    assert "found in memory: " in text, text
    found = set(text.split("found in memory: ", 1)[1].split(" (line", 1)[0].split(", "))
    assert "input" in found, text
    assert not {label for label in found if label.startswith("expected")}, text


READS_REFERENCES = """\
import os
FOUND = []
for top in {tops!r}:
    for root, dirs, files in os.walk(top):
        FOUND += [os.path.join(root, f) for f in files if f == 'gradient_clipping.py']
        if len(FOUND) > 3:
            break
def gradient_clipping(grad, threshold):
    raise RuntimeError('references: %r' % FOUND)
"""


def test_with_bubblewrap_no_copy_of_the_reference_is_anywhere_in_view(tmp_path):
    """Inside bubblewrap the job walks every directory it may read outside the system's own
    (the Python installation and numpy's site directory included): it finds no file named
    like the exercise's reference (the exercises, solutions and grader trees are out of view)."""
    from rnn_grader.sandbox import isolation_available

    if not isolation_available():
        pytest.skip("bubblewrap cannot run here")
    system = ("proc", "sys", "dev", "usr", "lib", "lib32", "lib64", "bin", "sbin", "etc")
    tops = ["/" + name for name in os.listdir("/") if name not in system]
    slow = Limits(wall_seconds=20.0, cpu_seconds=20.0, memory_mb=512)
    with Sandbox(isolated=True) as box:
        result = grade(box, tmp_path / "walk", READS_REFERENCES.format(tops=tops), limits=slow).exercises[VICTIM]
    text = english(result)
    assert "references: []" in text, text
    assert str(ROOT) not in text


LEAVES_FILES = """\
import os
for folder in ('/tmp', '/dev/shm'):
    try:
        with open(os.path.join(folder, 'drop-{tag}'), 'w') as handle:
            handle.write('answers for the next one')
    except OSError:
        pass
def gradient_clipping(grad, threshold):
    return None
"""
READS_FILES = """\
import os
FOUND = []
for folder in ('/tmp', '/dev/shm'):
    FOUND += [name for name in os.listdir(folder) if name.startswith('drop-')] if os.path.isdir(folder) else []
import numpy as np
def gradient_clipping(grad, threshold):
    if FOUND:
        return grad * 0.0 + 12345.0   # a signal: something of the earlier job was there
    norm = np.linalg.norm(grad)
    return grad * (threshold / norm) if norm > threshold else grad
"""


@pytest.mark.skipif(not isolation_available(), reason="bubblewrap cannot run here")
def test_in_bubblewrap_no_file_of_a_job_is_there_for_the_next(tmp_path):
    """A job leaves files in /tmp and /dev/shm; the next job of the same worker (another
    student) finds none of them: bubblewrap's /tmp and /dev/shm are emptied after each job."""
    with Sandbox(isolated=True) as box:
        grade(box, tmp_path / "a", LEAVES_FILES.format(tag="a"))
        honest = grade(box, tmp_path / "b", READS_FILES).exercises[VICTIM]
    assert honest.status == "passed", english(honest)


@pytest.mark.skipif(not isolation_available(), reason="bubblewrap cannot run here")
def test_in_bubblewrap_tmp_files_are_capped(tmp_path):
    """/tmp and /dev/shm in bubblewrap are small tmpfs mounts: a job cannot fill memory
    through files (RLIMIT_AS does not count them)."""
    filler = """\
import os
WRITTEN = 0
for folder in ('/tmp', '/dev/shm'):
    for k in range(40):
        try:
            with open(os.path.join(folder, 'fill%d' % k), 'wb') as handle:
                handle.write(b'x' * (8 << 20))
            WRITTEN += 8
        except OSError:
            break
def gradient_clipping(grad, threshold):
    return grad * 0.0 + WRITTEN
"""
    with Sandbox(isolated=True) as box:
        result = grade(box, tmp_path / "a", filler, limits=Limits(wall_seconds=10, cpu_seconds=10))
    found = re.findall(r"got ([0-9.]+)", english(result.exercises[VICTIM]))
    assert found, english(result.exercises[VICTIM])
    assert float(found[0]) <= 2 * 64   # MB written in /tmp and /dev/shm together (640 uncapped)
