"""The sandbox worker (a "zygote"): imports numpy once, then forks one child per job.

It runs in its own process (inside bubblewrap where available) and sees none of the
grader: only this file and ``plain.py`` sit beside it.  Started as

    python -I -S worker.py SITE_DIR [SITE_DIR ...]

it reads jobs from stdin and answers on stdout, each frame a 4-byte length and bytes:

    parent -> worker   header (JSON: limits, uid), payload (opaque bytes: the job)
    worker -> parent   reply (JSON: status, exit code or signal, outputs), then the answers

A job is a batch: the modules of one submission and the calls of several exercises.
The worker never parses a payload: it reads it into one reusable buffer, forks, and
wipes the buffer, so no submission's code or data survives into the next child.
The child alone decodes the job, applies the limits, imports the learner's modules
from memory and calls the learner's functions, one exercise after the other, writing
one answer frame per exercise to a pipe of its own (the learner's prints go to a capped
pipe that is never parsed).  Each exercise has the wall-clock limit to itself; when one
hangs or the child dies, the answers so far come back and the parent starts the rest
of the batch in a fresh child.
"""
import ctypes
import gc
import json
import os
import resource
import select
import shutil
import signal
import sys
import tempfile
import time

for _site in sys.argv[1:]:
    sys.path.append(_site)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402  (preloaded once: every child starts warm)
import numpy.fft  # noqa: E402,F401  (a job child may not be allowed to read these files:
import numpy.linalg  # noqa: E402,F401  as root it runs as an unprivileged uid, so what a
import numpy.random  # noqa: E402,F401  learner may import is imported here, once)
import importlib.util  # noqa: E402
import abc, bisect, collections, contextlib, copy, dataclasses, datetime, decimal, enum  # noqa: E401,E402,F401
import fractions, functools, heapq, itertools, math, numbers, operator, random, re  # noqa: E401,E402,F401
import statistics, string, textwrap, typing, warnings  # noqa: E401,E402,F401

import plain  # noqa: E402

BUFFER = bytearray(4 << 20)
RESULT_CAP = 64 << 20
OUTPUT_KEEP = 4096
LIBC = ctypes.CDLL(None, use_errno=True)
PR_SET_DUMPABLE, PR_SET_CHILD_SUBREAPER, PR_SET_NO_NEW_PRIVS = 4, 36, 38
BLOCKED_IMPORTS = ("solutions", "grader", "rnn_grader", "quizzes", "exercises", "tests")
LEN, LISTDIR, WRITE, EXIT = len, os.listdir, os.write, os._exit  # beyond the reach of patching


# ----------------------------------------------------------------------------- framing
def read_exact(stream, size, into=None):
    view = memoryview(into)[:size] if into is not None else memoryview(bytearray(size))
    got = 0
    while got < size:
        n = stream.readinto(view[got:])
        if not n:
            raise EOFError
        got += n
    return view


def read_frame(stream):
    size = int.from_bytes(read_exact(stream, 4), "big")
    return bytes(read_exact(stream, size))


def write_frame(stream, data: bytes):
    stream.write(len(data).to_bytes(4, "big") + data)
    stream.flush()


# ----------------------------------------------------------------------------- child side
class SubmissionFinder:
    """Serves the submission's modules from memory; refuses the grader's own packages."""

    def __init__(self, sources, folder):
        self.sources, self.folder = sources, folder

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED_IMPORTS and name not in self.sources:
            raise ImportError(f"module {name!r} is not available to submissions")
        if name in self.sources:
            origin = os.path.join(self.folder, name + ".py")
            return importlib.util.spec_from_loader(name, self, origin=origin)
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.__file__ = module.__spec__.origin
        code = compile(self.sources[module.__name__], module.__file__, "exec")
        exec(code, module.__dict__)


def apply_limits(limits, scratch):
    os.setsid()
    LIBC.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    vm_kb = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmSize"))
    address_space = vm_kb * 1024 + limits["memory_mb"] * (1 << 20)
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    cpu = int(limits["cpu_seconds"]) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits["file_bytes"], limits["file_bytes"]))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    uid = limits.get("uid")
    if uid is not None:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)  # from here on we are not dumpable: no process of this uid can ptrace us
        try:
            os.kill(-1, signal.SIGKILL)  # whatever an earlier job of this uid left behind
        except OSError:
            pass
    nproc = limits["processes"] + (0 if uid is not None else count_own_processes())
    resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
    os.chdir(scratch)


def count_own_processes():
    uid, count = os.getuid(), 0
    for entry in os.listdir("/proc"):
        try:
            if entry.isdigit() and os.stat(f"/proc/{entry}").st_uid == uid:
                count += len(os.listdir(f"/proc/{entry}/task"))
        except OSError:
            pass
    return count


def describe(exc):
    text = f"{type(exc).__name__}: {exc}"
    return text[:500]


def run_calls(sources, exercise, saved):
    """Import one exercise's module and call the learner's functions: plain data out."""
    module_name = exercise["module"]
    if module_name not in sources:
        return {"import": "missing"}
    try:
        module = __import__(module_name)
    except MemoryError as exc:
        return {"import": "memory", "error": describe(exc)}
    except BaseException as exc:  # noqa: B036 - sys.exit and friends included
        return {"import": "error", "error": describe(exc), "line": error_line(exc, module_name)}
    restore_modules(saved)
    return {"import": "ok", "calls": [run_one(module, call, saved) for call in exercise["calls"]]}


def error_line(exc, module_name):
    tb, line = exc.__traceback__, None
    if isinstance(exc, SyntaxError):
        return exc.lineno
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(module_name + ".py"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def run_one(module, call, saved):
    function = getattr(module, call["function"], None)
    if not callable(function):
        return {"missing": True}
    args, kwargs = call["args"], call["kwargs"]
    before = copy.deepcopy([args, kwargs])
    try:
        with np.errstate(**floating_point_errors(call.get("errstate"))):
            value = function(*args, **kwargs)
    except MemoryError as exc:
        return {"error": describe(exc), "memory": True}
    except BaseException as exc:  # noqa: B036
        restore_modules(saved)
        return {"error": describe(exc), "line": error_line(exc, module.__name__)}
    restore_modules(saved)
    try:
        answer = {"value": plain.Raw(plain.to_plain(value))}
        if not unchanged(before, [args, kwargs]):  # only changed arguments travel back
            answer["args_after"] = plain.Raw(plain.to_plain([args, kwargs]))
        return answer
    except BaseException as exc:  # noqa: B036
        return {"error": "could not read the returned value: " + describe(exc)}


def unchanged(before, after) -> bool:
    """Exact equality of plain data (NaN equal to NaN), with the types it had."""
    if type(before) is not type(after):
        return False
    if type(before) is np.ndarray:  # bytes: exact, and NaN equals an untouched NaN
        return before.shape == after.shape and before.dtype == after.dtype and \
            before.tobytes() == after.tobytes()
    if type(before) in (list, tuple):
        return len(before) == len(after) and all(unchanged(b, a) for b, a in zip(before, after))
    if type(before) is dict:
        return before.keys() == after.keys() and all(unchanged(before[k], after[k]) for k in before)
    return True


def floating_point_errors(mode):
    """np.errstate arguments for a call's ``errstate`` mode ("raise", "warn", ...): overflow,
    division by zero and invalid operations; underflow keeps numpy's default (ignored)."""
    return {} if mode is None else {"over": mode, "divide": mode, "invalid": mode}


GUARDED_MODULES = ("builtins", "json", "base64", "plain", "os", "math", "copy")


def snapshot_modules():
    """The preloaded namespaces (ours and numpy's), as they were before any learner code:
    {name: (module, its namespace copied, its keys, its values)}."""
    names = [n for n in sys.modules if n in GUARDED_MODULES or n == "numpy" or n.startswith("numpy.")]
    return {name: (sys.modules[name], dict(vars(sys.modules[name])), tuple(vars(sys.modules[name])),
                   tuple(vars(sys.modules[name]).values()))
            for name in names if sys.modules[name] is not None}


def restore_modules(saved):
    """Undo monkeypatching of those namespaces, so that our encoding (and the next
    exercise) runs on the originals.  Unchanged namespaces are recognized at C speed."""
    for name, (module, namespace, keys, values) in saved.items():
        sys.modules[name] = module
        current = module.__dict__
        try:
            if tuple(current) == keys and tuple(current.values()) == values:
                continue
        except Exception:  # a learner's value whose comparison raises: restore
            pass
        current.clear()
        current.update(namespace)


def child_main(job_bytes, result_fd, output_fd, limits, scratch):
    """Run a batch: the exercises of one submission, one after the other, each answer
    written as a frame as soon as it is known.  Between exercises the learner's modules
    are forgotten and every preloaded namespace is restored, so an exercise starts as in
    a fresh process; a crash or a hang is handled by the worker, which starts the rest
    of the batch again in a new child."""
    os.dup2(output_fd, 1)
    os.dup2(output_fd, 2)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    sys.stdout = open(1, "w", buffering=1, closefd=False)
    sys.stderr = open(2, "w", buffering=1, closefd=False)
    try:
        apply_limits(limits, scratch)
        job = plain.loads(job_bytes, make_rng=np.random.default_rng)
        del job_bytes
        sources = job["modules"]
        sys.meta_path.insert(0, SubmissionFinder(sources, job["folder"]))
        paths = (list(sys.path), list(sys.meta_path))
    except BaseException as exc:  # noqa: B036
        write_answer(result_fd, {"import": "error", "error": "sandbox: " + describe(exc)})
        os._exit(0)
    for exercise in job["exercises"]:
        try:
            answer = run_calls(sources, exercise, CORE)
        except BaseException as exc:  # noqa: B036
            answer = {"import": "error", "error": "sandbox: " + describe(exc)}
        fresh_start(sources, paths, output_fd, null)
        write_answer(result_fd, answer)
        if LEN(LISTDIR("/proc/self/task")) > 1:  # the learner's threads live on: the rest of
            WRITE(result_fd, b"\0\0\0\0")           # the batch in a fresh child (an empty frame)
            EXIT(0)
    os._exit(0)


def fresh_start(sources, paths, output_fd, null):
    """Forget the learner's modules, undo any change to the preloaded ones, and reopen
    the standard streams."""
    for name in list(sys.modules):
        if name.split(".")[0] in sources:
            del sys.modules[name]
    restore_modules(SNAPSHOT)
    sys.path[:], sys.meta_path[:] = paths
    for fd, target in ((0, null), (1, output_fd), (2, output_fd)):
        try:
            os.dup2(target, fd)
        except OSError:  # the learner closed our copy too: that stream stays closed
            pass


def write_answer(result_fd, answer):
    try:
        data = plain.dumps(answer)
    except BaseException as exc:  # noqa: B036
        data = plain.dumps({"import": "error", "error": "sandbox: " + describe(exc)})
    data = LEN(data).to_bytes(4, "big") + data
    view, written = memoryview(data), 0
    while written < LEN(data):
        written += WRITE(result_fd, view[written:])


# ----------------------------------------------------------------------------- worker side
def run_job(header, payload_size, control_fds):
    limits = header["limits"]
    scratch = tempfile.mkdtemp(prefix="job-")
    if limits.get("uid") is not None:
        os.chown(scratch, limits["uid"], limits["uid"])
    result_r, result_w = os.pipe()
    output_r, output_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        for fd in (*control_fds, result_r, output_r, WAKE_R, WAKE_W):
            os.close(fd)
        job_bytes = bytes(memoryview(BUFFER)[:payload_size])
        child_main(job_bytes, result_w, output_w, limits, scratch)
    BUFFER[:payload_size] = bytes(payload_size)  # wipe: the next child must not see it
    os.close(result_w)
    os.close(output_w)
    reply = supervise(pid, result_r, output_r, limits["wall_seconds"])
    kill_group(pid)
    reap()
    LAST_UID[0] = limits.get("uid")
    shutil.rmtree(scratch, ignore_errors=True)
    return reply


def supervise(pid, result_r, output_r, wall_seconds):
    """Collect the child's answers (one frame per exercise) and its capped output; kill it
    when one exercise takes longer than ``wall_seconds`` (each frame restarts the clock).

    The child's exit (SIGCHLD, through the wake-up pipe) ends the collection even when a
    grandchild it left behind still holds the pipes open."""
    deadline = time.monotonic() + wall_seconds
    sink = {"result": bytearray(), "scanned": 0, "frames": 0, "outputs": [bytearray()], "dropped": 0}
    open_fds, timed_out = {result_r, output_r}, False
    while open_fds:
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            break
        ready, _, _ = select.select([*open_fds, WAKE_R], [], [], left)
        if WAKE_R in ready:
            drain_wakeups()
        for fd in ready:
            if fd != WAKE_R and not take(fd, fd == result_r, sink):
                open_fds.discard(fd)
        if count_frames(sink):
            deadline = time.monotonic() + wall_seconds
        if (not open_fds or WAKE_R in ready or result_r not in open_fds) and child_done(pid):
            for fd in open_fds:
                os.set_blocking(fd, False)
                while take(fd, fd == result_r, sink):
                    pass
            count_frames(sink)
            break
    if timed_out:
        kill_group(pid)
    status = wait_status(pid, deadline)
    os.close(result_r)
    os.close(output_r)
    return {
        "timed_out": timed_out,
        **status,
        "frames": sink["frames"],
        "result": sink["result"][: sink["scanned"]],
        "outputs": [out.decode("utf-8", "replace") for out in sink["outputs"]],
        "output_dropped": sink["dropped"],
    }


def count_frames(sink) -> bool:
    """Count the answer frames complete so far; True when a new one completed."""
    result, before = sink["result"], sink["frames"]
    while len(result) - sink["scanned"] >= 4:
        size = int.from_bytes(result[sink["scanned"]:sink["scanned"] + 4], "big")
        if len(result) - sink["scanned"] - 4 < size:
            break
        sink["scanned"] += 4 + size
        sink["frames"] += 1
        sink["outputs"].append(bytearray())
    return sink["frames"] > before


def take(fd, is_result, sink):
    """Read one chunk into the sink (result capped, output mostly dropped); False at EOF."""
    try:
        chunk = os.read(fd, 1 << 16)
    except BlockingIOError:
        return False
    if not chunk:
        return False
    if is_result:
        sink["result"] += chunk[: max(0, RESULT_CAP - len(sink["result"]))]
    else:
        output = sink["outputs"][-1]
        keep = chunk[: max(0, OUTPUT_KEEP - len(output))]
        output += keep
        sink["dropped"] += len(chunk) - len(keep)
    return True


def drain_wakeups():
    try:
        while os.read(WAKE_R, 512):
            pass
    except BlockingIOError:
        pass


def child_done(pid):
    try:
        done, raw = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    if done:
        CHILD_STATUS[pid] = raw
    return bool(done)


CHILD_STATUS = {}


def wait_status(pid, deadline):
    status = CHILD_STATUS.pop(pid, None)
    if status is None:
        while status is None and time.monotonic() < deadline + 1:
            done, raw = os.waitpid(pid, os.WNOHANG)
            if done:
                status = raw
            else:
                time.sleep(0.002)
        if status is None:  # it closed its pipes but lingers: finish it
            kill_group(pid)
            _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        return {"signal": os.WTERMSIG(status), "exit_code": None}
    return {"signal": None, "exit_code": os.WEXITSTATUS(status)}


def kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass


LAST_UID = [None]


def sweep(uid):
    """Kill every process of the jobs' uid (each job does it as it starts; this is the last)."""
    if uid is None:
        return
    killer = os.fork()
    if killer == 0:
        try:
            os.setuid(uid)
            for _ in range(100):
                os.kill(-1, signal.SIGKILL)  # every process this uid may signal: the job's own
        except OSError:
            pass
        os._exit(0)
    os.waitpid(killer, 0)
    time.sleep(0.001)
    reap()


def reap():
    """Collect exited grandchildren re-parented to us (we are PID 1 inside bubblewrap)."""
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass


WAKE_R, WAKE_W = os.pipe()
SNAPSHOT = snapshot_modules()  # taken once, before any learner code: every child inherits it
CORE = {name: SNAPSHOT[name] for name in (*GUARDED_MODULES, "numpy")}  # checked after every call


def main():
    gc.collect()
    gc.freeze()  # children never scan (and so never copy) the worker's preloaded objects
    LIBC.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    LIBC.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)  # orphans of a job come back to us to be reaped
    for fd in (WAKE_R, WAKE_W):
        os.set_blocking(fd, False)
    signal.set_wakeup_fd(WAKE_W)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    control_fds = (0, 1)
    write_frame(stdout, json.dumps({"ready": True, "uid": os.getuid(), "pid": os.getpid()}).encode())
    global BUFFER
    while True:
        try:
            header = json.loads(read_frame(stdin))
            size = int.from_bytes(read_exact(stdin, 4), "big")
            if size > len(BUFFER):
                BUFFER[:] = bytes(len(BUFFER))
                BUFFER = bytearray(size)
            read_exact(stdin, size, into=BUFFER)
        except EOFError:
            sweep(LAST_UID[0])
            return
        reply = run_job(header, size, control_fds)
        result = reply.pop("result")
        write_frame(stdout, json.dumps(reply).encode())
        write_frame(stdout, bytes(result))


if __name__ == "__main__":
    main()
