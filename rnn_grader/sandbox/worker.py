"""The sandbox worker (a "zygote"): imports numpy once, then forks one child per job.

It runs in its own process (inside bubblewrap where available) and sees none of the
grader: only this file and ``plain.py`` sit beside it.  Started as

    python -I -S worker.py SITE_DIR [SITE_DIR ...]

it reads jobs from stdin and answers on stdout (a frame is a 4-byte length and bytes):

    parent -> worker   header frame (JSON: limits, uid, exercises, budget_seconds),
                       then the payload's 4-byte size and the payload (the job's bytes)
    worker -> parent   reply frame (JSON: exit code or signal, sizes), then raw bytes:
                       the answer frames, then each exercise's captured output

A job is a batch: the modules of one submission and the calls of several exercises.

Nothing of one job reaches a later one.  The worker never holds a job's data in its own
memory, which every later child inherits: it reads only the header, forks, and the
child reads its payload from the pipe itself.  The child's answers and output are read
into private anonymous mappings that are discarded (``madvise(MADV_DONTNEED)``: zero
pages afterwards) once the reply is sent, before the next fork; no Python object ever
holds them.  No process of a job outlives it: the worker is the subreaper of every
orphan, and before it replies it kills every process left below it (and, as root,
every process of the jobs' uid).

The child alone decodes the job, applies the limits, imports the learner's modules
from memory and calls the learner's functions, one exercise after the other, writing
one answer frame per exercise to a pipe of its own (the learner's prints go to a capped
pipe that is never parsed).  The digest of every argument after each call comes back
(``plain.value_digest``), so that the grader, not the child, decides whether an input was
changed: it compares them with the digests of what it sent.  Time is bounded from
outside: each exercise has ``wall_seconds`` from the previous answer, at most
``exercises`` answers are counted, and the whole child ``budget_seconds``, whatever
the child writes.  When one exercise hangs or the child dies, the answers so far
come back and the parent starts the rest of the batch in a fresh child.
"""
import ctypes
import fcntl
import gc
import json
import mmap
import os
import resource
import select
import shutil
import signal
import struct
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

RESULT_CAP = 64 << 20
OUTPUT_KEEP = 4096
MAX_SLOTS = 257  # output kept for at most 256 exercises and what comes after them
EXTERNAL_SIGNALS = frozenset({signal.SIGKILL, signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT,
                              signal.SIGUSR1, signal.SIGUSR2})  # sent from outside, not a crash
LIBC = ctypes.CDLL(None, use_errno=True)
PR_SET_DUMPABLE, PR_SET_CHILD_SUBREAPER, PR_SET_NO_NEW_PRIVS = 4, 36, 38
BLOCKED_IMPORTS = ("solutions", "grader", "rnn_grader", "quizzes", "exercises", "tests")
LEN, LISTDIR, WRITE, EXIT = len, os.listdir, os.write, os._exit  # beyond the reach of patching


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
            os.kill(-1, signal.SIGKILL)  # the worker swept after the last job: this is belt and braces
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


def run_calls(sources, exercise, saved, saved_per_call):
    """Import one exercise's module and call the learner's functions: plain data out.  The
    ``saved`` namespaces are restored after the import, ``saved_per_call`` after each call
    (those our encoding of the answer runs on: restoring numpy's every call would cost a
    third of a child's time; every namespace is restored between exercises anyway)."""
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
    packer = plain.Packer()   # the returned arrays travel as raw bytes (write_answer)
    return {"import": "ok", "calls": [run_one(module, call, saved_per_call, packer) for call in exercise["calls"]],
            "packer": packer}


def error_line(exc, module_name):
    tb, line = exc.__traceback__, None
    if isinstance(exc, SyntaxError):
        return exc.lineno
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(module_name + ".py"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def run_one(module, call, saved, packer):
    function = getattr(module, call["function"], None)
    if not callable(function):
        return {"missing": True}
    args, kwargs = call["args"], call["kwargs"]
    try:
        with np.errstate(**floating_point_errors(call.get("errstate"))):
            value = function(*args, **kwargs)
    except MemoryError as exc:
        return {"error": describe(exc), "memory": True}
    except BaseException as exc:  # noqa: B036
        restore_modules(saved)
        return {"error": describe(exc), "line": error_line(exc, module.__name__)}
    restore_modules(saved)
    try:  # each argument's digest travels back: the grader decides whether it changed
        digests = [input_digest(arg) for arg in args] + [plain.value_digest(kwargs)]
        return {"value": plain.Raw(packer.to_plain(value)), "args_digest": digests}
    except BaseException as exc:  # noqa: B036
        return {"error": "could not read the returned value: " + describe(exc)}


def input_digest(arg):
    """An argument's digest after the call; an input array still read-only (it was decoded
    read-only for good, so it cannot have changed) is reported as such, not hashed again."""
    if type(arg) is np.ndarray and not arg.flags.writeable:
        return plain.READ_ONLY
    return plain.value_digest(arg)


def floating_point_errors(mode):
    """np.errstate arguments for a call's ``errstate`` mode ("raise", "warn", ...): overflow,
    division by zero and invalid operations; underflow keeps numpy's default (ignored)."""
    return {} if mode is None else {"over": mode, "divide": mode, "invalid": mode}


GUARDED_MODULES = ("builtins", "json", "base64", "plain", "os", "math", "copy", "struct", "__main__")
ENCODING_MODULES = ("builtins", "json", "base64", "plain", "struct")   # what writing an answer runs on


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
        job = plain.loads(job_bytes, make_rng=np.random.default_rng, readonly=True)  # inputs: read-only
        del job_bytes
        sources = job["modules"]
        sys.meta_path.insert(0, SubmissionFinder(sources, job["folder"]))
        paths = (list(sys.path), list(sys.meta_path))
    except BaseException as exc:  # noqa: B036
        write_answer(result_fd, {"import": "error", "error": "sandbox: " + describe(exc)})
        os._exit(0)
    for exercise in job["exercises"]:
        try:
            answer = run_calls(sources, exercise, CORE, ENCODING)
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
    packer = answer.pop("packer", None) or plain.Packer()
    try:
        data = packer.dumps(answer)
    except BaseException as exc:  # noqa: B036
        data = plain.dumps({"import": "error", "error": "sandbox: " + describe(exc)})
    data = LEN(data).to_bytes(4, "big") + data
    view, written = memoryview(data), 0
    while written < LEN(data):
        written += WRITE(result_fd, view[written:])


# ----------------------------------------------------------------------------- worker side
def private_buffer(size):
    """Anonymous memory of this process only (a child gets a copy-on-write snapshot)."""
    return mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE)


RESULTS = private_buffer(RESULT_CAP)                # the child's answer frames, as read
OUTPUTS = private_buffer(OUTPUT_KEEP * MAX_SLOTS)   # the learner's output, per exercise
DISCARD = private_buffer(1 << 16)                   # what is read past the caps, dropped


def scrub():
    """Forget everything a job left in the buffers: their pages become zero pages."""
    for buffer in (RESULTS, OUTPUTS, DISCARD):
        buffer.madvise(mmap.MADV_DONTNEED)


class Collected:
    """What one child sent so far: ``size`` bytes of answers in RESULTS, of which
    ``scanned`` form ``frames`` whole frames; ``outputs[i]`` bytes of output of exercise i
    in OUTPUTS; ``ended`` once the child asked for a fresh child (an empty frame) or
    sent one answer per exercise."""

    def __init__(self, wanted):
        self.wanted, self.size, self.scanned, self.frames = wanted, 0, 0, 0
        self.outputs, self.dropped, self.ended = [0], 0, False

    def count_frames(self) -> bool:
        """Count the frames completed so far (at most ``wanted``); True when one completed."""
        before = self.frames
        while not self.ended and self.size - self.scanned >= 4:
            (length,) = struct.unpack_from(">I", RESULTS, self.scanned)
            if self.size - self.scanned - 4 < length:
                break
            self.scanned += 4 + length
            self.frames += 1
            self.ended = length == 0 or self.frames >= self.wanted
            if len(self.outputs) < MAX_SLOTS:
                self.outputs.append(0)
        return self.frames > before

    def take(self, fd, is_result) -> bool:
        """Read one chunk from ``fd`` straight into the buffers; False at EOF."""
        if is_result:
            room, start, buffer = RESULT_CAP - self.size, self.size, RESULTS
        else:
            slot = len(self.outputs) - 1
            room, start, buffer = OUTPUT_KEEP - self.outputs[slot], slot * OUTPUT_KEEP + self.outputs[slot], OUTPUTS
        if room <= 0:
            room, start, buffer = len(DISCARD), 0, DISCARD
        with memoryview(buffer) as whole, whole[start:start + min(room, 1 << 16)] as view:
            try:
                got = os.readv(fd, [view])
            except BlockingIOError:
                return False
        if buffer is RESULTS:
            self.size += got
        elif buffer is OUTPUTS:
            self.outputs[-1] += got
        else:
            self.dropped += got
        return got > 0


def run_job(header, payload_size, control_fds):
    """Fork the job's child, which reads its payload from our stdin, and collect what it
    sends.  Returns the reply (a dict) and the Collected, or None when the child did not
    take its payload (then the stream is out of step and the worker must stop)."""
    limits = header["limits"]
    scratch = tempfile.mkdtemp(prefix="job-")
    if limits.get("uid") is not None:
        os.chown(scratch, limits["uid"], limits["uid"])
    result_r, result_w = os.pipe()
    output_r, output_w = os.pipe()
    widen_pipe(result_w)
    taken_r, taken_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        for fd in (*control_fds[1:], result_r, output_r, taken_r, WAKE_R, WAKE_W):
            os.close(fd)
        for buffer in (RESULTS, OUTPUTS, DISCARD):
            buffer.close()
        job_bytes = read_payload(control_fds[0], payload_size)
        os.write(taken_w, b"!")
        os.close(taken_w)
        os.close(control_fds[0])
        child_main(job_bytes, result_w, output_w, limits, scratch)
    for fd in (result_w, output_w, taken_w):
        os.close(fd)
    taken = payload_taken(taken_r)
    collected = Collected(int(header["exercises"]))
    if taken:
        reply = supervise(pid, result_r, output_r, collected, limits["wall_seconds"], header["budget_seconds"])
    else:
        kill_group(pid)
    os.close(result_r)
    os.close(output_r)
    kill_descendants()
    if limits.get("uid") is not None:
        sweep(limits["uid"])
    shutil.rmtree(scratch, ignore_errors=True)
    if os.environ.get("RNN_GRADER_PRIVATE_TMP") == "1":
        wipe_private_dirs()
    return (reply, collected) if taken else None


def widen_pipe(fd, size=1 << 20):
    """A larger pipe buffer (Linux; at most /proc/sys/fs/pipe-max-size): a megabyte of
    answers then crosses in a few writes instead of sixteen round trips of 64 KiB."""
    try:
        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), size)
    except OSError:
        pass


def wipe_private_dirs():
    """In bubblewrap, /tmp and /dev/shm are this worker's own: empty them after every job, so
    that no file of one submission is there for the next (nor its space used up)."""
    for folder in ("/tmp", "/dev/shm"):
        try:
            names = LISTDIR(folder)
        except OSError:
            continue
        for name in names:
            path = os.path.join(folder, name)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                try:
                    os.unlink(path)
                except OSError:
                    pass


def read_payload(fd, size):
    """The job's bytes, read by the child itself (the worker never holds them)."""
    data, got = bytearray(size), 0
    with memoryview(data) as view:
        while got < size:
            n = os.readv(fd, [view[got:]])
            if not n:
                os._exit(1)
            got += n
    return data


def payload_taken(taken_r, timeout=30.0):
    ready, _, _ = select.select([taken_r], [], [], timeout)
    done = bool(ready) and os.read(taken_r, 1) == b"!"
    os.close(taken_r)
    return done


def supervise(pid, result_r, output_r, collected, wall_seconds, budget_seconds):
    """Collect the child's answers and its capped output.  Deadlines are absolute: an
    exercise has ``wall_seconds`` from the previous answer (at most ``collected.wanted``
    answers count) and the child ``budget_seconds`` in all; then it is killed.

    The child's exit (SIGCHLD, through the wake-up pipe) ends the collection even when a
    grandchild it left behind still holds the pipes open."""
    end = time.monotonic() + max(0.0, budget_seconds)
    deadline = min(time.monotonic() + wall_seconds, end)
    open_fds, timed_out, killed = {result_r, output_r}, False, False
    while open_fds:
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = killed = True
            break
        ready, _, _ = select.select([*open_fds, WAKE_R], [], [], left)
        if WAKE_R in ready:
            drain_wakeups()
        for fd in ready:
            if fd != WAKE_R and not collected.take(fd, fd == result_r):
                open_fds.discard(fd)
        if collected.count_frames():
            deadline = min(time.monotonic() + wall_seconds, end)
        if collected.ended:  # nothing it sends now counts: done
            killed = True
            break
        if (not open_fds or WAKE_R in ready or result_r not in open_fds) and child_done(pid):
            break
    if killed:
        kill_group(pid)
    for fd in (result_r, output_r):  # what is already in the pipes
        os.set_blocking(fd, False)
        while collected.take(fd, fd == result_r):
            pass
    collected.count_frames()
    status, finished_off = wait_status(pid, grace=min(1.0, max(0.05, end - time.monotonic())))
    disturbed = status["signal"] in EXTERNAL_SIGNALS and not (killed or finished_off)
    return {"timed_out": timed_out, **status, "disturbed": disturbed, "frames": collected.frames,
            "result_size": collected.scanned, "outputs": collected.outputs, "output_dropped": collected.dropped}


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


def wait_status(pid, grace=1.0):
    """The child's exit status, and whether we had to kill it: it closed its pipes (or was
    killed) but did not exit within ``grace`` seconds."""
    status, finished_off = CHILD_STATUS.pop(pid, None), False
    if status is None:
        end = time.monotonic() + grace
        while status is None and time.monotonic() < end:
            done, raw = os.waitpid(pid, os.WNOHANG)
            if done:
                status = raw
            else:
                time.sleep(0.002)
        if status is None:  # it closed its pipes but lingers: finish it
            kill_group(pid)
            _, status = os.waitpid(pid, 0)
            finished_off = True
    if os.WIFSIGNALED(status):
        return {"signal": os.WTERMSIG(status), "exit_code": None}, finished_off
    return {"signal": None, "exit_code": os.WEXITSTATUS(status)}, finished_off


def kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass


def kill_descendants(rounds=10_000):
    """Kill every process below the worker.  We are the subreaper of our descendants: an
    orphan comes back to us, so while any descendant lives we have a child.  Each round
    kills our children and reaps them (their own children then come back to us)."""
    for _ in range(rounds):
        reap()
        try:
            if os.waitpid(-1, os.WNOHANG) != (0, 0):
                continue  # reaped one more
        except ChildProcessError:
            return  # no child, so no descendant at all
        children = own_children()
        for pid in children:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        for pid in children:
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass


def own_children():
    """Our live children, from /proc (their parent field)."""
    me, found = os.getpid(), []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    if int(handle.read().rsplit(b")", 1)[1].split()[1]) == me:
                        found.append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    return found


LAST_UID = [None]


def sweep(uid):
    """Kill every process of the jobs' uid, wherever it is (as root, after every job)."""
    LAST_UID[0] = uid
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
    kill_descendants()


def reap():
    """Collect exited grandchildren re-parented to us (we are PID 1 inside bubblewrap)."""
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass


# ----------------------------------------------------------------------------- framing
def read_exactly(fd, size):
    """``size`` bytes of the parent's stream (headers only: a payload is read by its child)."""
    data = b""
    while len(data) < size:
        chunk = os.read(fd, size - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def write_all(fd, data):
    with memoryview(data) as view:
        written = 0
        while written < len(view):
            written += os.write(fd, view[written:])


def send_reply(fd, reply, collected):
    """The reply frame, then the answers and the outputs, written from the buffers."""
    header = json.dumps(reply).encode()
    write_all(fd, len(header).to_bytes(4, "big") + header)
    with memoryview(RESULTS) as results:
        write_all(fd, results[:collected.scanned])
    with memoryview(OUTPUTS) as outputs:
        for slot, size in enumerate(collected.outputs):
            write_all(fd, outputs[slot * OUTPUT_KEEP:slot * OUTPUT_KEEP + size])


WAKE_R, WAKE_W = os.pipe()


def main():
    gc.collect()
    gc.freeze()  # children never scan (and so never copy) the worker's preloaded objects
    LIBC.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    LIBC.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)  # orphans of a job come back to us to be killed
    for fd in (WAKE_R, WAKE_W):
        os.set_blocking(fd, False)
    signal.set_wakeup_fd(WAKE_W)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    stdin, stdout = sys.stdin.fileno(), sys.stdout.fileno()
    widen_pipe(stdout)
    hello = json.dumps({"ready": True, "uid": os.getuid(), "pid": os.getpid()}).encode()
    write_all(stdout, len(hello).to_bytes(4, "big") + hello)
    while True:
        try:
            header = json.loads(read_exactly(stdin, int.from_bytes(read_exactly(stdin, 4), "big")))
            payload_size = int.from_bytes(read_exactly(stdin, 4), "big")
        except EOFError:
            sweep(LAST_UID[0])
            return
        job = run_job(header, payload_size, (stdin, stdout))
        if job is None:
            return  # the payload was not taken: the stream is out of step, start afresh
        send_reply(stdout, *job)
        scrub()


SNAPSHOT, CORE, ENCODING = {}, {}, {}  # filled last, so that the snapshot of __main__ holds every name above
SNAPSHOT.update(snapshot_modules())  # before any learner code: every child inherits it
CORE.update({name: SNAPSHOT[name] for name in (*GUARDED_MODULES, "numpy")})  # checked after every import
ENCODING.update({name: SNAPSHOT[name] for name in ENCODING_MODULES})   # checked after every call

if __name__ == "__main__":
    main()
