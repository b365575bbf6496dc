"""Time bounds are absolute (issue 12, class 4): whatever the learner's code writes to the
result pipe, one exercise costs at most its wall-clock limit and a submission at most
exercises × limit plus a small margin.  (Frames the learner forges may stand for the
answers of the submission's later exercises: that costs only this learner.)"""
from __future__ import annotations

import time

import pytest

from rnn_grader.sandbox import Limits, Sandbox
from tests.conftest import reference_source
from tests.sandbox.hostile_helpers import VICTIM, grade, isolation_modes

WALL = 1.0
LIMITS = Limits(wall_seconds=WALL, cpu_seconds=WALL, memory_mb=512)
MARGIN = 1.5
OTHER = "conv_output_size"

FRAME_FLOOD = """\
import os, time
def gradient_clipping(grad, threshold):
    while True:  # every descriptor that might be the result pipe gets {frame!r}
        for fd in range(3, 32):
            try:
                os.write(fd, {frame!r})
            except OSError:
                pass
        time.sleep(0.02)
"""


@pytest.mark.parametrize("isolated", isolation_modes())
@pytest.mark.parametrize("frame", [b"\0\0\0\0", b"\0\0\0\x02{}", b"\0\0\0\x0f{\"import\":\"ok\"}"],
                         ids=["empty", "garbage", "forged"])
def test_frames_written_by_the_learner_do_not_extend_the_time_limit(isolated, frame, tmp_path):
    with Sandbox(isolated=isolated) as box:
        grade(box, tmp_path / "warm", reference_source(VICTIM))
        started = time.monotonic()
        result = grade(box, tmp_path / "flood", FRAME_FLOOD.format(frame=frame), names=(VICTIM, OTHER),
                       limits=LIMITS, extra={OTHER: reference_source(OTHER)})
        elapsed = time.monotonic() - started
    assert elapsed < 2 * WALL + MARGIN, f"{elapsed:.1f} s for two exercises of {WALL} s"
    assert result.exercises[VICTIM].score == 0
    if frame == b"\0\0\0\0":  # asks for a fresh child: the other exercise runs there
        assert result.exercises[OTHER].status == "passed"
