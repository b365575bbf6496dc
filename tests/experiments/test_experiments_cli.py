"""`grade experiments`: the learner's train under the study notes' settings, end to end."""
import json
import os
import shutil
import subprocess
import sys

import pytest

from rnn_grader.experiments.grid import SETTINGS, changes
from tests.conftest import ROOT, stub_source


def grade(*args, cwd=ROOT):
    env = {**os.environ, "LANG": "C.UTF-8"}
    return subprocess.run([sys.executable, "-m", "rnn_grader", "experiments", *args], capture_output=True,
                          text=True, timeout=600, env=env, cwd=cwd)


@pytest.fixture(scope="module")
def reference_runs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reference")
    shutil.copy(ROOT / "solutions" / "binary_addition.py", folder)
    run = grade("--submission", str(folder), "--json", "--iters", "400")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_json_has_one_run_per_setting_with_its_measures(reference_runs):
    assert [r["setting"] for r in reference_runs["runs"]] == [s.key for s in SETTINGS]
    assert all(r["status"] == "ok" and 0 <= r["accuracy"] <= 1 for r in reference_runs["runs"])
    by_key = {r["setting"]: r for r in reference_runs["runs"]}
    assert by_key["relu"]["largest_grad_norm"] > 5 * by_key["baseline"]["largest_grad_norm"]


def test_the_table_in_both_languages(tmp_path):
    shutil.copy(ROOT / "solutions" / "binary_addition.py", tmp_path)
    en = grade("--submission", str(tmp_path), "--iters", "20", "--lang", "en")
    ja = grade("--submission", str(tmp_path), "--iters", "20", "--lang", "ja")
    assert en.returncode == ja.returncode == 0
    assert "accuracy" in en.stdout and "activation='relu', clip=1.0" in en.stdout
    assert "正解率" in ja.stdout and "基準" in ja.stdout


def test_a_stub_fails_every_run_and_exits_1(tmp_path):
    (tmp_path / "binary_addition.py").write_text(stub_source("binary_addition"))
    run = grade("--submission", str(tmp_path), "--iters", "5", "--json")
    assert run.returncode == 1
    runs = json.loads(run.stdout)["runs"]
    assert all(r["status"] == "error" and "None" in r["message"] for r in runs)


@pytest.mark.parametrize("args", [["-e", "bptt"], ["--submission", "no/such/folder"], ["--submission", "."]])
def test_usage_errors_exit_2(args, tmp_path):
    run = grade(*args, cwd=tmp_path)
    assert run.returncode == 2, run.stderr


def test_changes_name_only_what_differs_from_the_baseline():
    assert changes(SETTINGS[0]) == ""
    assert changes(next(s for s in SETTINGS if s.key == "relu_clip")) == "activation='relu', clip=1.0"
