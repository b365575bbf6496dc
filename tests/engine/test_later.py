"""The second round: calls that only explain a mistake (``Prepared.later``, e.g. the learner's
forward at every ± h of a ``ConsistentGradientCheck``) run only when a judge asks for them,
and change the messages, never the score."""
from __future__ import annotations

import textwrap
import types

import pytest

from rnn_grader.engine import grade_submission, grading, select
from rnn_grader.engine.local import run_check
from rnn_grader.sandbox import JobReply
from tests.conftest import reference_source
from tests.exercises import test_lstm

NAME, SEED = "lstm", 7
FORWARD_RIGHT = "your forward `lstm_step` is right on this case"
BACKWARD_WRONG = test_lstm.WRONG["missing_tanh_derivative"]   # the forward is right, dc_prev etc. wrong


@pytest.fixture
def rounds(monkeypatch):
    """The calls sent to the sandbox, one list per ``run_grouped`` (a batch of exercises)."""
    sent, real = [], grading.run_grouped

    def spy(sandbox, sources, folder, jobs, limits):
        sent.append(sum(len(calls) for _, calls in jobs))
        return real(sandbox, sources, folder, jobs, limits)

    monkeypatch.setattr(grading, "run_grouped", spy)
    return sent


def grade(source: str, sandbox, tmp_path):
    (tmp_path / f"{NAME}.py").write_text(textwrap.dedent(source))
    return grade_submission(tmp_path, select([NAME]), seed=SEED, sandbox=sandbox).exercises[NAME]


def english(result) -> str:
    return " ".join(m.render("en") for m in result.messages)


def first_round_calls() -> int:
    return sum(len(p.calls) for p in grading.prepare(select([NAME])[0], SEED))


def test_a_right_submission_never_runs_the_later_calls(rounds, sandbox, tmp_path):
    result = grade(reference_source(NAME), sandbox, tmp_path)
    assert result.status == "passed"
    assert rounds == [first_round_calls()]


def test_a_wrong_backward_gets_its_diagnosis_from_the_later_round(rounds, sandbox, tmp_path):
    result = grade(BACKWARD_WRONG, sandbox, tmp_path)
    later = sum(len(p.later) for p in grading.prepare(select([NAME])[0], SEED))
    assert later > 0 and rounds == [first_round_calls(), later]
    assert FORWARD_RIGHT in english(result) and 0 < result.score < result.max_score


def test_the_first_judgement_stands_when_the_later_round_fails(monkeypatch, sandbox, tmp_path):
    """A later round that times out (or crashes, or is forged) changes nothing: same scores,
    only the diagnosis it would have given is missing."""
    full = grade(BACKWARD_WRONG, sandbox, tmp_path)
    real, calls = grading.run_grouped, []

    def second_round_times_out(sandbox, sources, folder, jobs, limits):
        calls.append(len(jobs))
        if len(calls) == 1:
            return real(sandbox, sources, folder, jobs, limits)
        return [JobReply("timeout") for _ in jobs]

    monkeypatch.setattr(grading, "run_grouped", second_round_times_out)
    first = grade(BACKWARD_WRONG, sandbox, tmp_path)
    assert len(calls) == 2
    assert [c.score for c in first.checks] == [c.score for c in full.checks]
    assert FORWARD_RIGHT not in english(first) and first.status == full.status


def test_the_notebook_runner_has_the_same_second_round(sandbox, tmp_path):
    """``engine.local`` (nbgrader's cells) runs the later calls too: the same messages."""
    module = types.ModuleType(NAME)
    exec(compile(textwrap.dedent(BACKWARD_WRONG), f"<{NAME}>", "exec"), module.__dict__)  # a trusted test submission
    in_sandbox = grade(BACKWARD_WRONG, sandbox, tmp_path)
    for check, result in zip(select([NAME])[0].checks, in_sandbox.checks):
        in_kernel = run_check(NAME, check.name, vars(module), seed=SEED)
        assert in_kernel.score == pytest.approx(result.score)
        assert [m.render("en") for m in in_kernel.messages] == [m.render("en") for m in result.messages]
