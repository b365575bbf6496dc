"""The `grade` self-check as a learner runs it: a subprocess, its output, JSON and exit codes."""
import json
import shutil
import subprocess
import sys

import pytest

from rnn_grader.engine import all_exercises
from tests.conftest import ROOT

STATUSES = {"passed", "failed", "error", "timeout", "memory", "crashed", "missing"}


def grade(*args, cwd=ROOT, env=None):
    return subprocess.run([sys.executable, "-m", "rnn_grader", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120, env=env)


@pytest.fixture(scope="module")
def references(tmp_path_factory):
    folder = tmp_path_factory.mktemp("references")
    for name in all_exercises():
        shutil.copy(ROOT / "solutions" / f"{name}.py", folder / f"{name}.py")
    return folder


def test_stubs_score_zero_and_exit_1_with_the_contract_json():
    run = grade("--json", "--seed", "7")
    assert run.returncode == 1, run.stderr
    result = json.loads(run.stdout)
    assert set(result) == {"seed", "score", "max_score", "exercises"}
    assert result["seed"] == 7 and result["score"] == 0
    assert set(result["exercises"]) == set(all_exercises())
    for name, exercise in result["exercises"].items():
        assert set(exercise) == {"score", "max_score", "status", "messages"}
        assert exercise["max_score"] > 0 and exercise["score"] == 0
        assert exercise["status"] in STATUSES - {"passed"}
        assert exercise["messages"] and all(isinstance(m, str) for m in exercise["messages"])


def test_references_get_full_marks_and_exit_0(references):
    run = grade("--submission", str(references), "--json")
    assert run.returncode == 0, run.stdout
    result = json.loads(run.stdout)
    assert result["score"] == result["max_score"] > 0
    assert all(e["status"] == "passed" for e in result["exercises"].values())


def test_human_output_has_a_table_in_both_languages(references):
    english = grade("--submission", str(references), "--lang", "en")
    japanese = grade("--submission", str(references), "--lang", "ja")
    assert "Total:" in english.stdout and "合計:" in japanese.stdout
    for name in all_exercises():
        assert name in english.stdout


def test_language_follows_lang_by_default(references):
    env = {"PATH": "/usr/bin:/bin", "LANG": "ja_JP.UTF-8"}
    run = grade("-e", "gradient_clipping", env=env)
    assert "合計:" in run.stdout


def test_only_named_exercises_and_unknown_name_is_a_usage_error():
    run = grade("-e", "gradient_clipping", "--json")
    assert list(json.loads(run.stdout)["exercises"]) == ["gradient_clipping"]
    unknown = grade("-e", "no_such_exercise")
    assert unknown.returncode == 2 and "no_such_exercise" in unknown.stderr


def test_missing_folder_is_a_usage_error(tmp_path):
    run = grade("--submission", str(tmp_path / "nowhere"))
    assert run.returncode == 2


def test_missing_module_is_status_missing(tmp_path):
    run = grade("--submission", str(tmp_path), "-e", "gradient_clipping", "--json")
    exercise = json.loads(run.stdout)["exercises"]["gradient_clipping"]
    assert (exercise["status"], exercise["score"], run.returncode) == ("missing", 0, 1)


def test_same_seed_same_messages():
    first = json.loads(grade("--json", "--seed", "11", "-e", "gradient_clipping").stdout)
    second = json.loads(grade("--json", "--seed", "11", "-e", "gradient_clipping").stdout)
    assert first == second


def test_learner_prints_never_reach_json_stdout(tmp_path):
    (tmp_path / "gradient_clipping.py").write_text(
        "print('{\"score\": 100}')\ndef gradient_clipping(grad, threshold):\n    print('hi')\n    return grad\n")
    run = grade("--submission", str(tmp_path), "-e", "gradient_clipping", "--json")
    result = json.loads(run.stdout)
    assert result["score"] < result["max_score"]


@pytest.mark.parametrize("command", [[], ["quiz"], ["cohort"], ["nbgrader"]])
def test_help_everywhere(command):
    run = grade(*command, "--help")
    assert run.returncode == 0 and "Usage" in run.stdout
