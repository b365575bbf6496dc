"""The attack tests of issue 12 once more as an ordinary user, when the suite runs as root.

As root every job runs as a uid of its own; the usual laptop grades as an ordinary user,
where nothing of that holds.  So the attack files (each with and without bubblewrap) run
again as ``nobody``.  Where the Python installation sits in a directory only root may
enter (``/root/.pyenv``), that directory is opened up in a private mount namespace of
the run only: its needed subdirectories are bound onto an empty world-readable tmpfs.
"""
from __future__ import annotations

import os
import pwd
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

ATTACK_FILES = ["tests/sandbox/test_between_jobs.py", "tests/sandbox/test_time_bounds.py",
                "tests/sandbox/test_judge_out_of_reach.py", "tests/sandbox/test_attacks_extra.py"]


def closed_ancestor(path: Path) -> tuple[Path, str] | None:
    """The first directory above ``path`` that others may not enter, and the name under it."""
    parts = path.resolve().parts
    for depth in range(1, len(parts) - 1):
        folder = Path(*parts[:depth + 1])
        if not folder.stat().st_mode & stat.S_IXOTH:
            return folder, parts[depth + 1]
    return None


def opening_script(paths, stash: Path) -> list[str]:
    """Shell lines that make ``paths`` reachable for others in this mount namespace."""
    needed: dict[Path, set[str]] = {}
    for path in paths:
        found = closed_ancestor(Path(path))
        if found:
            needed.setdefault(found[0], set()).add(found[1])
    lines = []
    for index, (folder, names) in enumerate(sorted(needed.items())):
        keep = stash / str(index)
        keep.mkdir(parents=True)
        lines += [f"mount --bind {shlex.quote(str(folder))} {keep}",
                  f"mount -t tmpfs -o mode=755 tmpfs {shlex.quote(str(folder))}"]
        for name in sorted(names):
            inside = shlex.quote(str(folder / name))
            lines += [f"mkdir {inside}", f"mount --bind {shlex.quote(str(keep / name))} {inside}"]
    return lines


@pytest.mark.skipif(os.geteuid() != 0, reason="already an ordinary user: the attack files run as they are")
def test_the_attack_tests_pass_as_an_ordinary_user(tmp_path):
    if not (shutil.which("unshare") and shutil.which("setpriv")):
        pytest.skip("unshare and setpriv (util-linux) are needed to switch users")
    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("no user 'nobody'")
    import numpy

    paths = [sys.executable, os.path.realpath(sys.executable), sys.prefix, sys.base_prefix, str(ROOT),
             os.path.dirname(numpy.__file__)]
    lines = ["set -e", *opening_script(paths, tmp_path / "stash"),
             f"exec setpriv --reuid={nobody.pw_uid} --regid={nobody.pw_gid} --clear-groups "
             f"env HOME=/tmp PYTHONDONTWRITEBYTECODE=1 {shlex.quote(sys.executable)} -m pytest -q "
             f"-p no:cacheprovider -rs {' '.join(ATTACK_FILES)}"]
    script = tmp_path / "as-nobody.sh"
    script.write_text("\n".join(lines) + "\n")
    run = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", str(script)], cwd=ROOT,
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert " passed" in run.stdout and " failed" not in run.stdout
