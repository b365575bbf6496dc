"""Where bubblewrap is missing or cannot run, grading still works, with the process limits only."""
import os
import stat

import pytest

from rnn_grader.engine import grade_submission, select
from rnn_grader.sandbox import Sandbox, isolation_available
from rnn_grader.sandbox.isolation import bwrap_installed
from tests.conftest import ROOT, reference_source


def grade_reference(sandbox, folder):
    (folder / "gradient_clipping.py").write_text(reference_source("gradient_clipping"))
    result = grade_submission(folder, select(["gradient_clipping"]), seed=0, sandbox=sandbox)
    return result.exercises["gradient_clipping"]


def test_a_bubblewrap_that_cannot_run_falls_back_to_plain_children(tmp_path, monkeypatch):
    fake = tmp_path / "bin" / "bwrap"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\nexit 1\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{fake.parent}:{os.environ['PATH']}")
    assert bwrap_installed()
    with Sandbox() as box:
        assert grade_reference(box, tmp_path).status == "passed"
        assert box.isolated is False


def test_without_bubblewrap_the_self_check_still_grades(tmp_path, monkeypatch):
    monkeypatch.setenv("RNN_GRADER_NO_BWRAP", "1")
    assert not bwrap_installed()
    with Sandbox() as box:
        assert grade_reference(box, tmp_path).status == "passed"
        assert box.isolated is False


@pytest.mark.skipif(not isolation_available(), reason="bubblewrap cannot run on this machine")
def test_with_bubblewrap_the_grader_and_the_network_are_out_of_view(tmp_path):
    probe = (f"import os\nSEEN = [os.path.exists({str(ROOT / 'solutions')!r} + '/gradient_clipping.py'),\n"
             f"        os.path.exists({str(ROOT / 'grader' / 'declarations')!r})]\n"
             "try:\n    import socket\n    socket.create_connection(('127.0.0.1', 9), timeout=1)\n    SEEN.append(True)\n"
             "except (ImportError, OSError):\n    SEEN.append(False)\n"
             "def gradient_clipping(grad, threshold):\n    assert SEEN == [False, False, False], SEEN\n"
             "    n = (grad ** 2).sum() ** 0.5\n    return grad * (threshold / n) if n > threshold else grad\n")
    (tmp_path / "gradient_clipping.py").write_text(probe)
    with Sandbox() as box:
        result = grade_submission(tmp_path, select(["gradient_clipping"]), seed=0, sandbox=box)
        assert box.isolated is True
    assert result.exercises["gradient_clipping"].status == "passed", \
        [m.render("en") for m in result.exercises["gradient_clipping"].messages]


def test_the_standard_library_a_learner_uses_can_be_imported(sandbox, tmp_path):
    """As root, jobs run as an unprivileged uid that may not read the Python installation:
    the modules a learner plausibly imports are preloaded by the worker."""
    (tmp_path / "gradient_clipping.py").write_text(
        "import math, random, statistics, time, re, sys, copy, functools, itertools, dataclasses\n"
        "import warnings, collections, fractions, operator, numpy as np\nfrom numpy import linalg\n"
        + reference_source("gradient_clipping"))
    result = grade_submission(tmp_path, select(["gradient_clipping"]), seed=0, sandbox=sandbox)
    assert result.exercises["gradient_clipping"].status == "passed"
