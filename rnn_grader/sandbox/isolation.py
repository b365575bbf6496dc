"""How the sandbox worker is started: inside bubblewrap where it works, else plainly.

With bubblewrap the worker sees, read-only, only the system libraries, the Python
installation and numpy's site directory; the grader's own packages (engine,
declarations, references) are hidden under empty tmpfs mounts, ``/tmp`` is private,
and there is no network.  ``isolation_available()`` probes once whether bubblewrap
runs here (it may be missing, or user namespaces may be blocked, as in many Docker
containers).
"""
from __future__ import annotations

import functools
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORKER_ENV = {
    "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1", "VECLIB_MAXIMUM_THREADS": "1", "LANG": "C.UTF-8",
    "PATH": "/usr/local/bin:/usr/bin:/bin",
}
PASSED_ENV = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
PRIVATE_TMP_BYTES = 64 << 20   # /tmp and /dev/shm in bubblewrap: files count against no rlimit
MOUNT = "/run/rnn-grader"
SYSTEM_DIRS = ("/usr", "/lib", "/lib32", "/lib64", "/bin", "/sbin", "/etc/alternatives",
               "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime")


def python_executable() -> str:
    return os.path.realpath(sys.executable)


def site_dirs() -> list[str]:
    """Where numpy (and what it needs) is installed."""
    origin = importlib.util.find_spec("numpy").origin
    return [str(Path(origin).resolve().parent.parent)]


def hidden_dirs() -> list[str]:
    """The grader's own packages, wherever they are installed (the learner kit has no solutions)."""
    specs = [importlib.util.find_spec(name) for name in ("rnn_grader", "solutions")]
    dirs = [Path(spec.origin).resolve().parent for spec in specs if spec is not None and spec.origin]
    for extra in ("quizzes", "exercises"):
        candidate = dirs[0].parent / extra
        if candidate.is_dir():
            dirs.append(candidate)
    return [str(d) for d in dirs]


def worker_argv(isolated: bool) -> list[str]:
    """The command that starts one sandbox worker."""
    if not isolated:
        return [python_executable(), "-I", "-S", str(HERE / "worker.py"), *site_dirs()]
    return bwrap_prefix() + [python_executable(), "-I", "-S", f"{MOUNT}/worker.py", *site_dirs()]


def bwrap_prefix() -> list[str]:
    argv = [shutil.which("bwrap") or "bwrap", "--die-with-parent", "--new-session", "--unshare-ipc", "--unshare-pid",
            "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
            "--proc", "/proc", "--dev", "/dev", "--size", str(PRIVATE_TMP_BYTES), "--tmpfs", "/tmp",
            "--size", str(PRIVATE_TMP_BYTES), "--tmpfs", "/dev/shm", "--tmpfs", "/run",
            "--setenv", "RNN_GRADER_PRIVATE_TMP", "1"]
    if os.geteuid() != 0:
        argv += ["--unshare-user"]
    else:  # the worker drops to a per-slot uid for each job: it needs these two
        argv += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--cap-add", "CAP_CHOWN",
                 "--cap-add", "CAP_KILL"]
    bound = [python_executable(), sys.base_prefix, *site_dirs()]
    for path in (*SYSTEM_DIRS, *bound):
        argv += ["--ro-bind-try", path, path]
    for path in hidden_dirs():
        if any(path.startswith(b.rstrip("/") + "/") for b in bound):
            argv += ["--tmpfs", path]
    argv += ["--ro-bind", str(HERE / "worker.py"), f"{MOUNT}/worker.py",
             "--ro-bind", str(HERE / "plain.py"), f"{MOUNT}/plain.py",
             "--chdir", "/tmp"]
    return argv


def spawn_worker(isolated: bool) -> subprocess.Popen:
    """Start one worker process (it says hello on stdout when ready; ``pool.Sandbox`` talks
    to it).  Cheap to import: `grade` calls it before anything else is loaded."""
    env = {**WORKER_ENV, **{k: os.environ[k] for k in PASSED_ENV if k in os.environ}}
    return subprocess.Popen(worker_argv(isolated), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=env, start_new_session=True, cwd="/")


def bwrap_installed() -> bool:
    return sys.platform == "linux" and shutil.which("bwrap") is not None and not os.environ.get(
        "RNN_GRADER_NO_BWRAP")


@functools.lru_cache(maxsize=1)
def isolation_available() -> bool:
    """True when bubblewrap is installed and can start a sandbox on this machine."""
    if not bwrap_installed():
        return False
    try:
        probe = subprocess.run(bwrap_prefix() + [python_executable(), "-I", "-S", "-c", "pass"],
                               capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0
