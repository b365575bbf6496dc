"""The limits of one sandboxed job (one exercise of one submission)."""
from __future__ import annotations

import os
import secrets
from dataclasses import asdict, dataclass

# When the grader runs as root, the jobs of each worker run as an unprivileged uid of their
# own, drawn from this range, so that concurrent graders never share (or sweep) a uid.
JOB_UID_BASE, JOB_UID_SPAN = 200_000, 1 << 20


def draw_job_uid() -> int | None:
    """A fresh uid for one worker's jobs when we are root, else None (jobs keep our uid)."""
    return JOB_UID_BASE + secrets.randbelow(JOB_UID_SPAN) if os.geteuid() == 0 else None


@dataclass(frozen=True)
class Limits:
    """wall_seconds: killed after this long; cpu_seconds: RLIMIT_CPU;
    memory_mb: address space on top of the warm worker's, per process; processes:
    RLIMIT_NPROC (per-slot uid as root, on top of the user's processes otherwise).  A job's
    memory is therefore bounded by ``processes`` × (the worker's + ``memory_mb``): a learner
    needs one process, so few are allowed (32 let one job fill ~32 GB with forked children).
    file_bytes: RLIMIT_FSIZE for any file the job writes."""

    wall_seconds: float = 5.0
    cpu_seconds: float = 5.0
    memory_mb: int = 1024
    processes: int = 4
    file_bytes: int = 16 << 20

    def for_uid(self, uid: int | None) -> dict:
        """The limits as the worker reads them, with the jobs' uid (None: keep ours)."""
        return {**asdict(self), "uid": uid}
