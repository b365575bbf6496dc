"""The `grade` console script (``rnn_grader.launch``): a self-check starts its sandbox worker
before click and numpy are imported; other commands start none."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from rnn_grader.launch import looks_like_selfcheck
from tests.conftest import ROOT

SPY = """
import sys
import rnn_grader.sandbox.isolation as isolation
real = isolation.spawn_worker
def spawn(isolated):
    print(json.dumps({"numpy": "numpy" in sys.modules, "click": "click" in sys.modules}), file=sys.stderr)
    return real(isolated)
isolation.spawn_worker = spawn
import json
sys.argv = ["grade"] + sys.argv[1:]
from rnn_grader.launch import main
main()
"""


@pytest.mark.parametrize("argv,expected", [
    ([], True), (["--submission", "work", "--json"], True), (["-e", "lstm", "--seed", "3"], True),
    (["quiz", "--list"], False), (["cohort", "class"], False), (["--help"], False), (["--list-checks"], False),
])
def test_which_calls_are_self_checks(argv, expected):
    assert looks_like_selfcheck(argv) is expected


def test_a_self_check_starts_its_worker_before_the_grader_is_imported(tmp_path, monkeypatch):
    monkeypatch.setenv("RNN_GRADER_HISTORY", str(tmp_path / "history.json"))
    (tmp_path / "gradient_clipping.py").write_text((ROOT / "solutions" / "gradient_clipping.py").read_text())
    run = subprocess.run([sys.executable, "-c", SPY, "--submission", str(tmp_path), "-e", "gradient_clipping",
                          "--json"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["exercises"]["gradient_clipping"]["status"] == "passed"
    import rnn_grader.sandbox.isolation as isolation

    if isolation.bwrap_installed() or __import__("os").geteuid() == 0:
        assert json.loads(run.stderr.splitlines()[0]) == {"numpy": False, "click": False}


def test_other_commands_start_no_worker():
    run = subprocess.run([sys.executable, "-c", SPY, "quiz", "--list"], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0 and "numpy" not in run.stderr
