"""Limits a learner's code meets, with and without bubblewrap: how many processes a job may
have (each may use ``memory_mb``, so their number bounds the job's memory), and honest answers
that are too large or too deeply nested to read, told apart from forged ones."""
from __future__ import annotations

import pytest

from rnn_grader.sandbox import Limits, Sandbox
from tests.sandbox.hostile_helpers import RIGHT, VICTIM, grade, isolation_modes

FORKS = """\
import os, time
CHILDREN = []
for _ in range(12):            # each child could fill memory_mb: their number is the bound
    try:
        pid = os.fork()
    except OSError:
        break
    if pid == 0:
        time.sleep(1)
        os._exit(0)
    CHILDREN.append(pid)
print("forked", len(CHILDREN))
"""


@pytest.fixture(params=isolation_modes())
def box(request):
    with Sandbox(isolated=request.param) as sandbox:
        yield sandbox


def test_a_job_has_few_processes(box, tmp_path):
    limits = Limits(wall_seconds=3.0, cpu_seconds=3.0)
    result = grade(box, tmp_path / "s", FORKS + RIGHT, limits=limits).exercises[VICTIM]
    forked = int(result.output.split("forked")[1].split()[0])
    assert forked <= Limits().processes - 1 and forked < 12, result.output   # the limit binds
    assert result.status == "passed"          # the functions are graded as usual


def english(result) -> str:
    return " ".join(m.render("en") for m in result.messages)


def test_an_answer_too_large_to_read_is_said_so():
    """A loop past its limit can return megabytes of honest JSON: over the cap, the reply says
    too_large and the learner is told so in both languages, not that the channel was tampered
    with; a frame that does not decode stays unreadable ("tampered")."""
    from rnn_grader.engine import select
    from rnn_grader.engine.grading import judge_reply, prepare
    from rnn_grader.sandbox.pool import MAX_ANSWER_JSON

    def reply_to(answer: bytes):
        framed = len(answer).to_bytes(4, "big") + answer
        return Sandbox.__new__(Sandbox)._replies({}, framed, [""], 1)[0]

    big = b'{"import": "ok", "calls": [' + b"0," * (MAX_ANSWER_JSON // 2) + b"0]}"
    assert reply_to(big).status == "too_large" and reply_to(b"{[").status == "unreadable"
    exercise = select(["conv_output_size"])[0]
    result = judge_reply(exercise, prepare(exercise, 0), reply_to(big), Limits())
    assert result.score == 0 and result.status == "error"
    assert "more than the grader reads" in english(result) and "tampered" not in english(result)
    assert "大きすぎて" in " ".join(m.render("ja") for m in result.messages)


@pytest.mark.parametrize("depth", [31, 32, 40])
def test_a_deeply_nested_answer_is_not_called_forged(box, tmp_path, depth):
    nested = "[" * depth + "]" * depth
    source = f"def conv_output_size(in_size, filter_size, stride=1, pad=0):\n    return {nested}\n"
    result = grade(box, tmp_path / "s", source, names=("conv_output_size",)).exercises["conv_output_size"]
    assert result.score == 0
    assert "tampered" not in english(result), english(result)
