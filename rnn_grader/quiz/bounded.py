"""Running quiz judging in a forked child, bounded in time and memory.

``run_bounded(function, jobs)`` returns ``[function(job) for job in jobs]``, computed in a
forked child process:

* the child's address space is capped (``RLIMIT_AS``: what the grader uses at the fork plus
  ``MEMORY_BYTES``), so a formula that makes sympy build a huge expression raises
  ``MemoryError`` in the child, never swells the grader;
* every job has a wall-clock deadline of ``SECONDS``: a child that overruns it is killed
  (and its CPU time is capped too, should the grader itself die);
* one child serves a whole batch (a student's quiz.json); a job over a bound is reported as
  ``OVERRUN``, and a fresh child takes the jobs after it, so one hostile answer costs only
  itself.

Each result travels back pickled through a pipe (the child runs only the grader's own code;
nothing the learner wrote is ever unpickled as code).  A job that raised comes back as a
``Failed`` (its exception's type and text).  Where ``fork`` does not exist (Windows), the jobs
run in this process: the input bounds of the reader and the symbolic time limit still hold.
"""
from __future__ import annotations

import math
import os
import pickle
import select
import signal
import struct
import time
from dataclasses import dataclass

try:
    import resource
except ImportError:  # Windows: no fork either, see can_fork
    resource = None

SECONDS = 3.0
MEMORY_BYTES = 512 * 2 ** 20
HEADER = struct.Struct("!Q")


class _Overrun:
    def __repr__(self):
        return "OVERRUN"

    def __reduce__(self):  # unpickles as the one OVERRUN
        return "OVERRUN"


OVERRUN = _Overrun()


@dataclass(frozen=True)
class Failed:
    """A job that raised: the exception's type name and text."""

    error: str
    text: str


def can_fork() -> bool:
    return hasattr(os, "fork") and hasattr(os, "waitpid")


def run_bounded(function, jobs: list, seconds: float | None = None, memory: int | None = None,
                needs_child=None) -> list:
    """``function(job)`` for every job (a result, ``OVERRUN`` or ``Failed``), in order; each
    job within ``seconds`` (default ``SECONDS``), the child within ``memory`` more bytes
    (default ``MEMORY_BYTES``) than the grader.  Jobs for which ``needs_child(job)`` is false
    (bounded by construction: no sympy, linear in the answer's capped length) run here."""
    jobs = list(jobs)
    seconds = SECONDS if seconds is None else seconds
    memory = MEMORY_BYTES if memory is None else memory
    forked = [k for k, job in enumerate(jobs) if can_fork() and (needs_child is None or needs_child(job))]
    results = [None if k in forked else _call(function, job) for k, job in enumerate(jobs)]
    done: list = []
    while len(done) < len(forked):
        done.extend(_one_child(function, [jobs[k] for k in forked[len(done):]], seconds, memory))
    for k, result in zip(forked, done):
        results[k] = result
    return results


def _call(function, job):
    try:
        return function(job)
    except MemoryError:
        return OVERRUN
    except Exception as exc:  # a grader bug: reported, the batch goes on
        return Failed(type(exc).__name__, str(exc)[:300])


def _address_space() -> int:
    """Bytes of address space this process holds now (0 when unknown)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _limit_child(memory: int, cpu_seconds: float) -> None:
    """Cap the child's memory, CPU time and core dumps (each where the system allows it)."""
    used = _address_space()
    caps = [(resource.RLIMIT_CORE, 0), (resource.RLIMIT_CPU, math.ceil(cpu_seconds) + 1)]
    if used:
        caps.append((resource.RLIMIT_AS, used + memory))
    for which, value in caps:
        try:
            hard = resource.getrlimit(which)[1]
            value = value if hard == resource.RLIM_INFINITY else min(value, hard)
            resource.setrlimit(which, (value, hard))
        except (ValueError, OSError):
            pass


def _child(function, jobs: list, write_fd: int, seconds: float, memory: int) -> None:
    """The forked child: judge the jobs one by one, each result sent as soon as it is ready."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    _limit_child(memory, seconds * len(jobs))
    for job in jobs:
        result = _call(function, job)
        try:
            payload = pickle.dumps(result)
        except Exception as exc:
            payload = pickle.dumps(Failed(type(exc).__name__, "unpicklable result"))
        _write_all(write_fd, HEADER.pack(len(payload)) + payload)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _read_exactly(fd: int, size: int, deadline: float) -> bytes | None:
    """``size`` bytes from ``fd`` before ``deadline`` (monotonic), or None (late, or EOF)."""
    chunks, missing = [], size
    while missing:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
            return None
        chunk = os.read(fd, min(missing, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        missing -= len(chunk)
    return b"".join(chunks)


def _receive(fd: int, seconds: float):
    deadline = time.monotonic() + seconds
    header = _read_exactly(fd, HEADER.size, deadline)
    if header is None:
        return OVERRUN
    payload = _read_exactly(fd, HEADER.unpack(header)[0], deadline)
    return OVERRUN if payload is None else pickle.loads(payload)


def _one_child(function, jobs: list, seconds: float, memory: int) -> list:
    """Results for a prefix of ``jobs`` (at least one): a job that overruns ends the child."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the caller's code
        try:
            os.close(read_fd)
            _child(function, jobs, write_fd, seconds, memory)
        finally:
            os._exit(0)
    os.close(write_fd)
    results: list = []
    try:
        for _ in jobs:
            results.append(_receive(read_fd, seconds))
            if results[-1] is OVERRUN:
                break
    finally:
        os.close(read_fd)
        _end(pid)
    return results


def _end(pid: int) -> None:
    """Kill the child (if still there) and reap it."""
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
