"""Between students (issue 12, classes 1 and 3): no job sees an earlier one, and no
process of a job outlives it.  Each test runs with and without bubblewrap; the same
file runs as an ordinary user through ``test_as_ordinary_user.py``."""
from __future__ import annotations

import hashlib
import os
import secrets
import signal
import threading
import time

import pytest

from rnn_grader.sandbox import Sandbox
from tests.sandbox.hostile_helpers import LIMITS, RIGHT, VICTIM, grade, isolation_modes, job_processes

# ----------------------------------------------------------------------------- class 1
EARLIER = """\
# {source}
RESULT = ''.join(reversed({result_reversed!r}))
print(''.join(reversed({printed_reversed!r})))
def gradient_clipping(grad, threshold):
    return RESULT
"""

SCANNER = """\
import ctypes, hashlib
TARGETS = {targets!r}
CONTROL = {control_prefix!r} + ''.join(reversed({control_tail_reversed!r}))
TARGETS['control'] = ({control_prefix!r}.encode(), len(CONTROL), hashlib.sha256(CONTROL.encode()).hexdigest())

def regions():
    for line in open('/proc/self/maps'):
        parts = line.split()
        name = parts[5] if len(parts) > 5 else ''
        if parts[1].startswith('r') and name in ('', '[heap]', '[stack]'):
            start, end = (int(x, 16) for x in parts[0].split('-'))
            yield start, end

def scan():
    found, chunk = set(), 8 << 20
    for start, end in list(regions()):
        for offset in range(start, end, chunk):
            data = ctypes.string_at(offset, min(chunk + 4096, end - offset))
            for label, (prefix, length, digest) in TARGETS.items():
                at = data.find(prefix)
                while at >= 0:
                    if hashlib.sha256(data[at:at + length]).hexdigest() == digest:
                        found.add(label)
                    at = data.find(prefix, at + 1)
    return found

FOUND = scan()
assert 'control' in FOUND, 'the memory scan is broken: it missed its own control string'
FOUND.discard('control')

def gradient_clipping(grad, threshold):
    if FOUND:
        raise RuntimeError('found in memory: ' + ', '.join(sorted(FOUND)))
    import numpy as np
    n = np.linalg.norm(grad)
    return grad * (threshold / n) if n > threshold else grad
"""


def marker(label: str) -> str:
    return f"MARK{label.upper()}-{secrets.token_hex(24)}"


@pytest.mark.parametrize("isolated", isolation_modes())
def test_a_later_job_finds_nothing_of_an_earlier_one_in_its_memory(isolated, tmp_path):
    """The source, the printed output and the returned value of one job are nowhere in the
    memory of the next job's child (a scan of every readable anonymous mapping)."""
    marks = {label: marker(label) for label in ("source", "result", "printed")}
    earlier = EARLIER.format(source=marks["source"], result_reversed=marks["result"][::-1],
                             printed_reversed=marks["printed"][::-1])
    control = marker("control")
    targets = {label: (mark[:12].encode(), len(mark), hashlib.sha256(mark.encode()).hexdigest())
               for label, mark in marks.items()}
    scanner = SCANNER.format(targets=targets, control_prefix=control[:12],
                             control_tail_reversed=control[12:][::-1])
    with Sandbox(isolated=isolated) as box:
        first = grade(box, tmp_path / "earlier", earlier).exercises[VICTIM]
        assert marks["printed"] in first.output  # the earlier job did run and print
        later = grade(box, tmp_path / "later", scanner).exercises[VICTIM]
    assert later.status == "passed", [m.render("en") for m in later.messages]


# ----------------------------------------------------------------------------- class 3
LINGERER = """\
import os, time
WORKER, JOB = os.getppid(), os.getpid()
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:  # the grandchild: kill every later child of the worker, for a minute
        me, end = os.getpid(), time.time() + 60
        while time.time() < end:
            for entry in os.listdir('/proc'):
                try:
                    stat = open('/proc/' + entry + '/stat').read()
                    if entry.isdigit() and int(entry) not in (me, JOB) and int(stat.rsplit(')', 1)[1].split()[1]) == WORKER:
                        os.kill(int(entry), 9)
                except (OSError, ValueError):
                    pass
            time.sleep(0.002)
        os._exit(0)
    os._exit(0)
os.wait()
""" + RIGHT


@pytest.mark.parametrize("isolated", isolation_modes())
def test_no_process_of_a_job_outlives_it(isolated, tmp_path):
    """A setsid grandchild that kills the worker's later children is gone when its job's
    result comes back, and every later submission is graded as usual."""
    with Sandbox(isolated=isolated) as box:
        first = grade(box, tmp_path / "lingerer", LINGERER).exercises[VICTIM]
        assert first.status == "passed", [m.render("en") for m in first.messages]
        assert job_processes(box) == []
        for attempt in range(3):
            later = grade(box, tmp_path / f"later-{attempt}", RIGHT).exercises[VICTIM]
            assert later.status == "passed", [m.render("en") for m in later.messages]
            assert job_processes(box) == []


SLOW_RIGHT = "import time\ntime.sleep(0.8)\n" + RIGHT


@pytest.mark.parametrize("isolated", isolation_modes())
def test_a_job_killed_from_outside_is_run_again(isolated, tmp_path):
    """A child killed by a signal nobody in the job sent (here: by the test) is disturbed:
    the sandbox runs the exercise again, and the right answer gets its marks."""
    with Sandbox(isolated=isolated) as box:
        grade(box, tmp_path / "warm", RIGHT)
        killed = []

        def kill_the_child():
            end = time.monotonic() + 5
            while time.monotonic() < end and not killed:
                for pid in job_processes(box):
                    os.kill(pid, signal.SIGKILL)
                    killed.append(pid)
                time.sleep(0.01)

        killer = threading.Thread(target=kill_the_child)
        killer.start()
        result = grade(box, tmp_path / "slow", SLOW_RIGHT).exercises[VICTIM]
        killer.join()
    assert killed, "the test never saw the job's child"
    assert result.status == "passed", [m.render("en") for m in result.messages]


@pytest.mark.parametrize("isolated", isolation_modes())
def test_a_job_that_keeps_being_killed_is_marked_disturbed(isolated, tmp_path):
    """A child that dies of SIGKILL every time is tried twice, then reported with
    ``disturbed`` set (so that a cohort does not keep the result as final)."""
    with Sandbox(isolated=isolated) as box:
        (tmp_path / f"{VICTIM}.py").write_text("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n")
        sources = {VICTIM: (tmp_path / f"{VICTIM}.py").read_text(), "conv_output_size": "X = 1\n"}
        replies = box.run_batch(sources, str(tmp_path), [(VICTIM, []), ("conv_output_size", [])], LIMITS)
    assert [r.status for r in replies] == ["crashed", "ok"]
    assert replies[0].disturbed and replies[0].signal == signal.SIGKILL
    assert not replies[1].disturbed


def test_a_disturbed_result_is_not_kept_for_resuming(tmp_path):
    """``grade cohort`` reports a disturbed student but does not save it: a resumed run
    grades that student again, and keeps the others."""
    from rnn_grader.cohort.run import grade_cohort

    root, state = tmp_path / "class", tmp_path / "state"
    for student, source in (("honest", RIGHT), ("killed", "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n")):
        (root / student).mkdir(parents=True)
        (root / student / f"{VICTIM}.py").write_text(source)
    cohort = grade_cohort(root, names=[VICTIM], jobs=1, state_dir=state, limits=LIMITS)
    assert cohort.students["killed"].exercises[VICTIM].status == "crashed"
    assert cohort.students["honest"].exercises[VICTIM].status == "passed"
    assert len(list(state.glob("*.json"))) == 1
    again = grade_cohort(root, names=[VICTIM], jobs=1, state_dir=state, limits=LIMITS)
    assert again.resumed == ["honest"]


GRADER_SCANNER = """\
import hashlib
PREFIX, LENGTH, DIGEST = {target!r}

def parent(pid):
    return int(open('/proc/%d/stat' % pid).read().rsplit(')', 1)[1].split()[1])

def scan_grader():
    grader = parent(parent(__import__('os').getpid()))  # child -> worker -> grader
    try:
        maps, mem = open('/proc/%d/maps' % grader).read(), open('/proc/%d/mem' % grader, 'rb', 0)
    except OSError:
        return False
    for line in maps.splitlines():
        parts = line.split()
        if not parts[1].startswith('r') or (len(parts) > 5 and parts[5] not in ('[heap]', '[stack]')):
            continue
        start, end = (int(x, 16) for x in parts[0].split('-'))
        try:
            mem.seek(start)
            data = mem.read(end - start)
        except (OSError, ValueError, OverflowError):
            continue
        at = data.find(PREFIX)
        while at >= 0:
            if hashlib.sha256(data[at:at + LENGTH]).hexdigest() == DIGEST:
                return True
            at = data.find(PREFIX, at + 1)
    return False

FOUND = scan_grader()

def gradient_clipping(grad, threshold):
    if FOUND:
        raise RuntimeError("read the grader's memory")
    import numpy as np
    n = np.linalg.norm(grad)
    return grad * (threshold / n) if n > threshold else grad
"""


@pytest.mark.parametrize("isolated", isolation_modes())
def test_a_job_cannot_read_the_graders_memory(isolated, tmp_path):
    """The grader holds every student's sources and the expected values: a job cannot read
    its memory (as root it runs as another uid; as an ordinary user the grader is not
    dumpable while it runs unisolated jobs, and bubblewrap hides it)."""
    secret = marker("grader") + secrets.token_hex(8)  # e.g. an expected value, another student's code
    target = (secret[:12].encode(), len(secret), hashlib.sha256(secret.encode()).hexdigest())
    with Sandbox(isolated=isolated) as box:
        result = grade(box, tmp_path, GRADER_SCANNER.format(target=target)).exercises[VICTIM]
    assert secret.startswith("MARK")
    assert result.status == "passed", [m.render("en") for m in result.messages]
