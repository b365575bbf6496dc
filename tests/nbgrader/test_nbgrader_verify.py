"""`grade verify` against real nbgrader (class 9 of issue 12): cheats that nbgrader's in-kernel
hidden tests give full marks are caught by grading again in the sandbox, and the gradebook is
corrected through nbgrader's own API, so `nbgrader export` and `generate_feedback` follow.

Submissions (one notebook, gradient_clipping; nbgrader's layout):
  alice     the reference                                          honest, full marks
  bob       rescales every gradient                                honest, partial
  importer  imports the instructor's reference                     cheat
  replacer  replaces the hidden tests' check function              cheat
  patcher   patches numpy so that every comparison passes          cheat
  scanner   reads the expected values from the kernel's memory     cheat
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rnn_grader.cli import cli
from rnn_grader.engine import all_exercises
from rnn_grader.nbgrader.course import write_course
from rnn_grader.nbgrader.run import (export_totals, kernel_env, notebook_scores, reference_code, run_nbgrader,
                                     submit)

CLIP = "gradient_clipping"
FULL = all_exercises()[CLIP].max_score
CHEATS = {
    "importer": "from solutions.gradient_clipping import gradient_clipping\n",
    "replacer": ("import rnn_grader.engine.local\n"
                 "rnn_grader.engine.local.assert_check = lambda *args, **kwargs: None\n\n"
                 "def gradient_clipping(grad, threshold):\n    return None\n"),
    "patcher": ("import numpy as np\nnp.all = lambda *args, **kwargs: True\n\n"
                "def gradient_clipping(grad, threshold):\n    return np.zeros_like(grad)\n"),
    "scanner": '''import gc
import numpy as np


def gradient_clipping(grad, threshold):
    """The expected value of this very call, found among the grader's objects in the kernel."""
    for obj in gc.get_objects():
        if type(obj).__name__ == "Prepared":
            for call, expected in zip(obj.calls, obj.expected):
                given = call.args[0]
                if np.shape(given) == np.shape(grad) and np.array_equal(given, grad) and call.args[1] == threshold:
                    return np.array(expected, copy=True)
    return None
''',
}


def verify(course: Path, *args: str):
    """`grade verify COURSE ARGS --json`: (exit code, parsed JSON)."""
    result = CliRunner().invoke(cli, ["verify", str(course), "--json", "--lang", "en", *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout.splitlines()[0])


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """Course, release, submissions, autograde; then verify, verify --write, verify again,
    export and the cheaters' feedback, in the order an instructor runs them."""
    root = tmp_path_factory.mktemp("verify")
    course, env = root / "course", kernel_env(root / "jupyter")
    write_course(course, [CLIP], seed=20261127, lang="en")
    run_nbgrader(course, "generate_assignment", "day3", env=env)
    reference = reference_code(course, CLIP)
    answers = {"alice": reference, "bob": reference.replace("if norm > threshold:", "if norm >= 0:"), **CHEATS}
    assert answers["bob"] != reference
    for student, code in answers.items():
        submit(course, student, {CLIP: code})
    run_nbgrader(course, "autograde", "day3", env=env)
    out = {"course": course, "autograded": notebook_scores(course)}
    out["first"] = verify(course)
    out["written"] = verify(course, "--write")
    out["after"] = notebook_scores(course)
    out["again"] = verify(course)
    out["export"] = export_totals(course, env=env)
    run_nbgrader(course, "generate_feedback", "day3", "--student", "patcher", env=env)
    out["feedback"] = (course / "feedback" / "patcher" / "day3" / f"{CLIP}.html").read_text()
    return out


def test_every_cheat_fooled_nbgrader(run):
    """Otherwise the rest proves nothing: in nbgrader's kernel each cheat gets full marks."""
    scores = run["autograded"]
    assert all(scores[student][CLIP] == pytest.approx(FULL) for student in CHEATS)
    assert scores["alice"][CLIP] == pytest.approx(FULL) and 0 < scores["bob"][CLIP] < FULL


def test_verify_lists_every_cheat_and_no_honest_student(run):
    code, report = run["first"]
    assert code == 1 and report["notebooks"] == 2 + len(CHEATS)
    assert sorted(d["student"] for d in report["differ"]) == sorted(CHEATS)
    for difference in report["differ"]:
        assert set(difference) == {"student", "notebook", "nbgrader", "sandbox"}
        assert difference["notebook"] == CLIP and difference["nbgrader"] == pytest.approx(FULL)
        assert difference["sandbox"] == 0.0


def test_write_corrects_the_gradebook(run):
    assert run["written"][0] == 1  # they differed: still reported
    assert run["after"]["alice"][CLIP] == pytest.approx(FULL)
    assert run["after"]["bob"][CLIP] == pytest.approx(run["autograded"]["bob"][CLIP])
    assert all(run["after"][student][CLIP] == 0.0 for student in CHEATS)
    assert run["again"] == (0, {"notebooks": 2 + len(CHEATS), "differ": []})


def test_export_and_feedback_use_the_sandbox_scores(run):
    assert run["export"]["alice"] == pytest.approx(FULL)
    assert all(run["export"][student] == 0.0 for student in CHEATS)
    assert f"Score: 0.0 / {FULL:.1f}" in run["feedback"]


def test_the_course_seed_is_never_released(run):
    """The hidden inputs' secret stays in the course folder: not in release/, not in a cell."""
    released = [p for p in (run["course"] / "release").rglob("*") if p.is_file()]
    assert released and all("20261127" not in p.read_text(errors="replace") for p in released)
    assert all("hidden_seed" not in p.read_text(errors="replace") for p in released)
    assert (run["course"] / "course_seed.txt").read_text().strip() == "20261127"


def test_a_folder_that_was_not_autograded_is_a_usage_error(tmp_path):
    write_course(tmp_path, [CLIP], seed=1)
    result = CliRunner().invoke(cli, ["verify", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 2 and "gradebook.db" in result.output
