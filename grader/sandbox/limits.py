"""The limits of one sandboxed job (one exercise of one submission)."""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass

FIRST_SLOT_UID = 61000  # when the grader runs as root, job children run as FIRST_SLOT_UID + slot


@dataclass(frozen=True)
class Limits:
    """wall_seconds: killed after this long; cpu_seconds: RLIMIT_CPU;
    memory_mb: address space on top of the warm worker's; processes: RLIMIT_NPROC
    (per-slot uid as root, on top of the user's processes otherwise);
    file_bytes: RLIMIT_FSIZE for any file the job writes."""

    wall_seconds: float = 5.0
    cpu_seconds: float = 5.0
    memory_mb: int = 1024
    processes: int = 32
    file_bytes: int = 16 << 20

    def for_slot(self, slot: int) -> dict:
        """The limits as the worker reads them, with the slot's uid when we are root."""
        uid = FIRST_SLOT_UID + slot if os.geteuid() == 0 else None
        return {**asdict(self), "uid": uid}
