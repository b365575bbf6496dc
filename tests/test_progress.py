"""Progress across runs: the history file, what changed since the last run, the story."""
import json

import pytest

from rnn_grader.engine import CheckResult, ExerciseResult, SubmissionResult, Text
from rnn_grader.progress import history
from rnn_grader.progress.changes import changes, stories
from rnn_grader.progress.show import change_lines, notes_after_run, story_lines

TITLE = Text(en="t", ja="t")


def result(seed=1, **exercises):
    """exercises: name=(status, {check: (score, points, misconception)})."""
    built = {}
    for name, (status, checks) in exercises.items():
        results = [CheckResult(c, TITLE, points, score, [], wrong) for c, (score, points, wrong) in checks.items()]
        built[name] = ExerciseResult(name, TITLE, sum(c.score for c in results), sum(c.points for c in results),
                                     status, [], results)
    return SubmissionResult(seed, built)


WRONG_CLIP = result(gradient_clipping=("failed", {"large": (0, 4, "divide_by_norm"), "small": (2, 2, None)}),
                    vae=("passed", {"kl": (4, 4, None)}))
RIGHT_CLIP = result(gradient_clipping=("passed", {"large": (4, 4, None), "small": (2, 2, None)}),
                    vae=("failed", {"kl": (1, 4, None)}))


@pytest.fixture(autouse=True)
def private_history(tmp_path, monkeypatch):
    monkeypatch.setenv(history.ENV, str(tmp_path / "sub" / "history.json"))


def test_a_run_is_remembered_and_compared_with_the_last():
    first_before, _ = history.remember("key", WRONG_CLIP)
    before, run = history.remember("key", RIGHT_CLIP)
    assert first_before == [] and len(before) == 1
    found = changes(before, run)
    assert found.now_passing == ["gradient_clipping"]
    assert found.now_failing == ["vae"]
    assert found.overcome == [("gradient_clipping", "divide_by_norm")]
    assert len(history.runs_of("key")) == 2 and history.runs_of("other") == []


def test_a_misconception_still_there_is_not_overcome():
    still = result(gradient_clipping=("failed", {"large": (1, 4, None), "small": (2, 2, None)}))
    history.remember("key", WRONG_CLIP)
    before, run = history.remember("key", still)
    assert changes(before, run).overcome == []  # its check still loses points
    story = stories(history.runs_of("key"))[0]
    assert story.met == {"divide_by_norm": False} and story.passed_at is None


def test_a_module_that_no_longer_imports_overcomes_nothing():
    broken = SubmissionResult(1, {"gradient_clipping": ExerciseResult("gradient_clipping", TITLE, 0, 6, "error", [])})
    history.remember("key", WRONG_CLIP)
    before, run = history.remember("key", broken)
    assert changes(before, run).overcome == []
    assert stories(history.runs_of("key"))[0].met == {"divide_by_norm": False}


def test_the_story_of_each_exercise():
    for run in (WRONG_CLIP, WRONG_CLIP, RIGHT_CLIP, RIGHT_CLIP):
        history.remember("key", run)
    told = {s.name: s for s in stories(history.runs_of("key"))}
    assert told["gradient_clipping"].passed_at == 3 and told["gradient_clipping"].met == {"divide_by_norm": True}
    assert told["vae"].status == "failed" and told["vae"].passed_at is None and told["vae"].runs == 4


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_lines_for_people_in_both_languages(lang):
    history.remember("key", WRONG_CLIP)
    lines = notes_after_run("key", RIGHT_CLIP, lang)
    assert len(lines) == 3 and "gradient_clipping" in lines[0] and "vae" in lines[1]
    assert "grad / norm" in lines[2]  # the misconception's headline, not its name
    story = "\n".join(story_lines("key", history.runs_of("key"), stories(history.runs_of("key")), lang))
    assert "✓ gradient_clipping" in story and "grad / norm" in story
    assert change_lines(changes([], history.run_record(RIGHT_CLIP)), lang) == []


def test_a_broken_or_unwritable_history_never_fails_a_run(tmp_path, monkeypatch):
    path = tmp_path / "sub" / "history.json"
    path.parent.mkdir()
    path.write_text("{ not json")
    assert history.load() == {}
    history.remember("key", WRONG_CLIP)
    assert len(history.runs_of("key")) == 1  # the broken file was replaced
    path.write_text(json.dumps({"version": 1, "submissions": {"key": [{"exercises": "nonsense"}, 3]}}))
    assert history.runs_of("key") == []
    monkeypatch.setenv(history.ENV, str(tmp_path / "a-file" / "history.json"))
    (tmp_path / "a-file").write_text("not a folder")
    assert notes_after_run("key", WRONG_CLIP, "en") == []


def test_the_file_keeps_a_bounded_number_of_runs(monkeypatch):
    monkeypatch.setattr(history, "MAX_RUNS", 3)
    monkeypatch.setattr(history, "MAX_SUBMISSIONS", 2)
    for key in ("a", "b", "c"):
        for _ in range(5):
            history.remember(key, WRONG_CLIP)
    assert set(history.load()) == {"b", "c"} and len(history.runs_of("c")) == 3


def test_progress_after_the_table_and_in_grade_progress(tmp_path):
    import shutil
    import subprocess
    import sys

    from tests.conftest import ROOT

    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "gradient_clipping.py").write_text(
        "import numpy as np\n\ndef gradient_clipping(grad, threshold):\n    return grad / np.linalg.norm(grad)\n")

    def grade(*args):
        return subprocess.run([sys.executable, "-m", "rnn_grader", *args], cwd=ROOT, capture_output=True,
                              text=True, timeout=120)

    first = grade("--submission", str(folder), "-e", "gradient_clipping", "--lang", "en")
    shutil.copy(ROOT / "solutions" / "gradient_clipping.py", folder / "gradient_clipping.py")
    second = grade("--submission", str(folder), "-e", "gradient_clipping", "--lang", "en")
    assert "Now passing" not in first.stdout
    assert "Now passing (not last time): gradient_clipping" in second.stdout
    assert "Misconception overcome in gradient_clipping: your result is `grad / norm`" in second.stdout
    assert f"`grade progress --submission {folder}` shows" in " ".join(second.stdout.split())
    shown = grade("progress", "--submission", str(folder), "--lang", "ja")
    assert shown.returncode == 0 and "✓ gradient_clipping" in shown.stdout and "2 回目から合格" in shown.stdout
    as_json = json.loads(grade("--submission", str(folder), "-e", "gradient_clipping", "--json").stdout)
    assert set(as_json) == {"seed", "score", "max_score", "exercises"}
