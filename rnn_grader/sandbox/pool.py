"""The grader's side of a sandbox worker: start it, send jobs, read replies, restart it.

The worker (``worker.py``) is trusted code in an untrusted neighbourhood: if it dies or
stops answering, the job in hand is reported ``lost`` and a fresh worker is started.

A reply is ``disturbed`` when its job was interrupted from outside rather than by the
learner's code or our limits: the worker was lost, or the child died of a signal that
nothing in the job sent (SIGKILL, SIGTERM, ... while no limit was hit).  Such an
exercise is run once more; if that is disturbed too, the reply keeps ``disturbed``
set and the caller must not keep it as final (a cohort does not save it for resuming).

Time is bounded from outside: a batch of n exercises has n × ``wall_seconds`` (plus
``BATCH_MARGIN``) in all, over all the children it takes, whatever they write.
"""
from __future__ import annotations

import ctypes
import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

from rnn_grader.sandbox.isolation import bwrap_installed, spawn_worker
from rnn_grader.sandbox.limits import Limits, draw_job_uid
START_TIMEOUT = 60.0
REPLY_MARGIN = 10.0
BATCH_MARGIN = 0.5  # seconds a batch may take beyond n × wall_seconds (forks, imports, replies)
MAX_BATCH = 256     # exercises in one batch (the worker keeps output for that many)
MAX_ANSWER_JSON = 4 << 20   # an answer's JSON part (its arrays travel as raw bytes beside it)
PR_SET_DUMPABLE = 4


def hide_memory_from_jobs() -> None:
    """Make this process unreadable by processes of its own uid.

    Unisolated jobs of an ordinary user run as our uid and could otherwise read our memory
    (``/proc/PID/mem``, ptrace): every student's sources and the expected values.  A
    process that is not dumpable can be read by root only.  Side effects: no core dump of
    the grader, and a debugger needs root to attach to it."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


@dataclass
class JobReply:
    """What came back from one exercise: ``status`` is ok | timeout | crashed | exited | lost |
    too_large (answers over ``MAX_ANSWER_JSON``) | unreadable (an answer frame that does not
    decode: forged, or broken by the learner's code).
    ``disturbed``: interrupted from outside twice (see the module docstring): not final."""

    status: str
    answer: object = None
    signal: int | None = None
    exit_code: int | None = None
    output: str = ""
    output_dropped: int = 0
    detail: str = ""
    disturbed: bool = False


class Sandbox:
    """One warm worker process; ``run`` is not thread-safe (use one Sandbox per thread)."""

    def __init__(self, slot: int = 0, isolated: bool | None = None, process: subprocess.Popen | None = None):
        """``isolated``: True/False forces bubblewrap on/off; None uses it where it runs.
        ``process``: a worker already started (``isolation.spawn_worker`` with the same choice)."""
        self.slot, self.wanted, self.job_uid = slot, isolated, draw_job_uid()
        self.isolated = bwrap_installed() if isolated is None else isolated
        self.process: subprocess.Popen | None = process
        self.ready = False

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.close()

    def start(self):
        """Start the worker process (returns at once; ``run`` waits until it is ready)."""
        if self.process is not None:
            return
        self.ready = False
        if not self.isolated and os.geteuid() != 0:
            hide_memory_from_jobs()
        self.process = spawn_worker(self.isolated)

    def wait_ready(self):
        """Wait for the worker's hello; fall back to no isolation where bubblewrap cannot run."""
        self.start()
        if self.ready:
            return
        hello = self._read_frame(START_TIMEOUT)
        if hello is None and self.isolated and self.wanted is None:
            self.close()
            self.isolated = False
            self.start()
            hello = self._read_frame(START_TIMEOUT)
        if hello is None or not json.loads(hello).get("ready"):
            self.close()
            raise RuntimeError("the sandbox worker did not start")
        self.ready = True

    def close(self):
        """Stop the worker at once.  Nothing of a job outlives the job itself (the worker kills
        every process of a job before it replies), so there is nothing to wait for: the
        worker's session is killed (inside bubblewrap, its pid namespace with it)."""
        if self.process is None:
            return
        try:
            self.process.stdin.close()
        except OSError:
            pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except OSError:
            pass
        self.process.kill()
        self.process.wait()
        self.process.stdout.close()
        self.process = None
        self.ready = False

    def run(self, job: dict, limits: Limits) -> JobReply:
        """One exercise: ``job`` is ``{"modules", "folder", "module", "calls"}`` (plain data)."""
        return self.run_batch(job["modules"], job["folder"], [(job["module"], job["calls"])], limits)[0]

    def run_batch(self, modules, folder: str, exercises: list[tuple[str, object]],
                  limits: Limits) -> list[JobReply]:
        """Several exercises of one submission, ``[(module name, calls), ...]``, one reply each.

        They run one after the other in one child (one fork for a whole submission); an
        exercise that hangs, crashes or ends the process is reported on its own, and the
        exercises after it run again in a fresh child.  A disturbed exercise runs once more.
        All of it takes at most ``len(exercises) * limits.wall_seconds + BATCH_MARGIN``
        (plus ``REPLY_MARGIN`` when the worker itself stops answering); exercises left when
        that budget is spent are reported ``timeout`` without running."""
        if len(exercises) > MAX_BATCH:
            return [r for start in range(0, len(exercises), MAX_BATCH)
                    for r in self.run_batch(modules, folder, exercises[start:start + MAX_BATCH], limits)]
        end = time.monotonic() + len(exercises) * limits.wall_seconds + BATCH_MARGIN
        replies: list[JobReply] = []
        retried: set[int] = set()
        while len(replies) < len(exercises):
            left = end - time.monotonic()
            if left <= 0:
                replies.extend(JobReply("timeout", detail="the submission's time was spent",
                                        disturbed=len(replies) in retried) for _ in exercises[len(replies):])
                break
            got = self._run_child(modules, folder, exercises[len(replies):], limits, left)
            last = len(replies) + len(got) - 1
            if got[-1].disturbed and last not in retried:
                retried.add(last)
                replies.extend(got[:-1])
                continue
            replies.extend(got)
        return replies

    def _run_child(self, modules, folder, exercises, limits, budget: float) -> list[JobReply]:
        """The replies of one child: a prefix of ``exercises``, at least one; it has
        ``budget`` seconds in all."""
        from rnn_grader.sandbox import plain

        self.wait_ready()
        worker_limits = {**limits.for_uid(self.job_uid), "cpu_seconds": limits.cpu_seconds * len(exercises)}
        header = json.dumps({"limits": worker_limits, "exercises": len(exercises),
                             "budget_seconds": budget}).encode()
        payload = plain.Packer().dumps({"modules": modules, "folder": folder,   # arrays as raw bytes
                                        "exercises": [{"module": m, "calls": c} for m, c in exercises]})
        try:
            frame = len(header).to_bytes(4, "big") + header + len(payload).to_bytes(4, "big")
            self.process.stdin.write(frame + payload)
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            self.close()
            return [JobReply("lost", detail="the sandbox worker was gone", disturbed=True)]
        raw = self._read_frame(budget + REPLY_MARGIN)
        try:
            reply = json.loads(raw) if raw is not None else None
            body = self._read_body(sizes_of(reply), REPLY_MARGIN) if reply is not None else None
        except ValueError:
            body = None
        if body is None:
            self.close()
            return [JobReply("lost", detail="the sandbox worker stopped answering", disturbed=True)]
        from rnn_grader.sandbox.inputs import judge_inputs

        result, outputs = body
        replies = self._replies(reply, result, outputs, len(exercises))
        for (_, calls), job_reply in zip(exercises, replies):
            judge_inputs(job_reply, calls)
        return replies

    def _replies(self, reply: dict, result: bytes, outputs: list[str], wanted: int) -> list[JobReply]:
        """One JobReply per answer frame, then one for the exercise that did not finish."""
        from rnn_grader.sandbox import plain

        outputs = outputs + [""] * (wanted + 1)
        replies, offset = [], 0
        while offset + 4 <= len(result) and len(replies) < wanted:
            size = int.from_bytes(result[offset:offset + 4], "big")
            if size == 0:  # the child asks for a fresh one for the rest (first: a forged frame)
                return replies or [JobReply("crashed", detail="an empty answer", output=outputs[0])]
            data, offset = result[offset + 4:offset + 4 + size], offset + 4 + size
            try:
                replies.append(JobReply("ok", answer=plain.loads(data, max_header=MAX_ANSWER_JSON),
                                        output=outputs[len(replies)]))
            except plain.TooLarge:   # an honest answer can be this big (a loop that never stops)
                replies.append(JobReply("too_large", output=outputs[len(replies)]))
            except Exception as exc:  # noqa: BLE001 - a forged frame, whatever it breaks, is unreadable
                replies.append(JobReply("unreadable", detail=f"unreadable result: {exc}"[:200],
                                        output=outputs[len(replies)]))
        if len(replies) < wanted:
            common = dict(signal=reply.get("signal"), exit_code=reply.get("exit_code"),
                          output=outputs[len(replies)], output_dropped=reply.get("output_dropped", 0),
                          disturbed=reply.get("disturbed") is True)
            if reply.get("timed_out"):
                replies.append(JobReply("timeout", **common))
            else:
                replies.append(JobReply("crashed" if reply.get("signal") else "exited", **common))
        return replies

    def _read_body(self, sizes: tuple[int, list[int]], timeout: float):
        """The answers and the outputs after a reply frame: (bytes, [str per exercise])."""
        result_size, output_sizes = sizes
        data = self._read_within(timeout, lambda: self._read_exact(result_size + sum(output_sizes)))
        if data is None:
            return None
        outputs, offset = [], result_size
        for size in output_sizes:
            outputs.append(data[offset:offset + size].decode("utf-8", "replace"))
            offset += size
        return data[:result_size], outputs

    def _read_frame(self, timeout: float) -> bytes | None:
        """One reply frame, or None when the worker died or timed out (then it is killed)."""
        return self._read_within(timeout, lambda: self._read_exact(int.from_bytes(self._read_exact(4), "big")))

    def _read_within(self, timeout: float, read_all) -> bytes | None:
        """``read_all()`` from the worker, or None when it died or took longer than
        ``timeout`` (then the worker is killed)."""
        box: list = []

        def read():
            try:
                box.append(read_all())
            except (EOFError, OSError, ValueError):
                pass

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(timeout)
        if reader.is_alive() or not box:
            if self.process is not None:
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except OSError:
                    pass
            reader.join(5)
            return None
        return box[0]

    def _read_exact(self, size: int) -> bytes:
        data = self.process.stdout.read(size)
        if data is None or len(data) != size:
            raise EOFError
        return data


def sizes_of(reply: dict) -> tuple[int, list[int]]:
    """The body's layout announced in a reply frame: answer bytes, output bytes per exercise."""
    result_size, outputs = reply.get("result_size"), reply.get("outputs")
    if type(result_size) is not int or type(outputs) is not list or not all(type(n) is int for n in outputs):
        raise ValueError("malformed reply frame")
    return result_size, outputs
