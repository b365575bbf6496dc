"""The grader's side of a sandbox worker: start it, send jobs, read replies, restart it.

The worker (``worker.py``) is trusted code in an untrusted neighbourhood: if it dies or
stops answering, the job in hand is reported ``lost`` and a fresh worker is started.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
from dataclasses import dataclass

from rnn_grader.sandbox.isolation import bwrap_installed, worker_argv
from rnn_grader.sandbox.limits import Limits, draw_job_uid

WORKER_ENV = {
    "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1", "VECLIB_MAXIMUM_THREADS": "1", "LANG": "C.UTF-8",
    "PATH": "/usr/local/bin:/usr/bin:/bin",
}
PASSED_ENV = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
START_TIMEOUT = 60.0
REPLY_MARGIN = 10.0


@dataclass
class JobReply:
    """What came back from one job: ``status`` is ok | timeout | crashed | lost."""

    status: str
    answer: object = None
    signal: int | None = None
    exit_code: int | None = None
    output: str = ""
    output_dropped: int = 0
    detail: str = ""


class Sandbox:
    """One warm worker process; ``run`` is not thread-safe (use one Sandbox per thread)."""

    def __init__(self, slot: int = 0, isolated: bool | None = None):
        """``isolated``: True/False forces bubblewrap on/off; None uses it where it runs."""
        self.slot, self.wanted, self.job_uid = slot, isolated, draw_job_uid()
        self.isolated = bwrap_installed() if isolated is None else isolated
        self.process: subprocess.Popen | None = None
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
        env = {**WORKER_ENV, **{k: os.environ[k] for k in PASSED_ENV if k in os.environ}}
        self.ready = False
        self.process = subprocess.Popen(
            worker_argv(self.isolated), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, env=env, start_new_session=True, cwd="/",
        )

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
        """Stop the worker: it sweeps up what the last job left behind, then exits."""
        if self.process is None:
            return
        try:
            self.process.stdin.close()
            self.process.wait(timeout=2)
        except (OSError, subprocess.TimeoutExpired):
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
        exercises after it run again in a fresh child."""
        replies: list[JobReply] = []
        while len(replies) < len(exercises):
            replies.extend(self._run_child(modules, folder, exercises[len(replies):], limits))
        return replies

    def _run_child(self, modules, folder, exercises, limits) -> list[JobReply]:
        """The replies of one child: a prefix of ``exercises``, at least one."""
        from rnn_grader.sandbox import plain

        self.wait_ready()
        worker_limits = {**limits.for_uid(self.job_uid), "cpu_seconds": limits.cpu_seconds * len(exercises)}
        header = json.dumps({"limits": worker_limits}).encode()
        payload = plain.dumps({"modules": modules, "folder": folder,
                               "exercises": [{"module": m, "calls": c} for m, c in exercises]})
        try:
            frame = len(header).to_bytes(4, "big") + header + len(payload).to_bytes(4, "big")
            self.process.stdin.write(frame + payload)
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            self.close()
            return [JobReply("lost", detail="the sandbox worker was gone")]
        raw = self._read_frame(limits.wall_seconds * len(exercises) + REPLY_MARGIN)
        result = self._read_frame(REPLY_MARGIN) if raw is not None else None
        if raw is None or result is None:
            self.close()
            return [JobReply("lost", detail="the sandbox worker stopped answering")]
        return self._replies(json.loads(raw), result, len(exercises))

    def _replies(self, reply: dict, result: bytes, wanted: int) -> list[JobReply]:
        """One JobReply per answer frame, then one for the exercise that did not finish."""
        from rnn_grader.sandbox import plain

        outputs = [str(o) for o in reply.get("outputs", [])] + [""] * (wanted + 1)
        replies, offset = [], 0
        while offset + 4 <= len(result) and len(replies) < wanted:
            size = int.from_bytes(result[offset:offset + 4], "big")
            if size == 0 and replies:  # the child asks for a fresh one for the rest
                return replies
            data, offset = result[offset + 4:offset + 4 + size], offset + 4 + size
            try:
                replies.append(JobReply("ok", answer=plain.loads(data), output=outputs[len(replies)]))
            except (plain.DecodeError, ValueError, TypeError, KeyError) as exc:
                replies.append(JobReply("crashed", detail=f"unreadable result: {exc}"[:200],
                                        output=outputs[len(replies)]))
        if len(replies) < wanted:
            common = dict(signal=reply.get("signal"), exit_code=reply.get("exit_code"),
                          output=outputs[len(replies)], output_dropped=reply.get("output_dropped", 0))
            if reply.get("timed_out"):
                replies.append(JobReply("timeout", **common))
            else:
                replies.append(JobReply("crashed" if reply.get("signal") else "exited", **common))
        return replies

    def _read_frame(self, timeout: float) -> bytes | None:
        """One reply frame, or None when the worker died or timed out (then it is killed)."""
        box: list = []

        def read():
            try:
                size = int.from_bytes(self._read_exact(4), "big")
                box.append(self._read_exact(size))
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
