"""Class 8 of issue 12: resume never keeps stale grades.  The saved state is keyed on
everything that can change a score (every file of the grader, the package version, the seed,
the exercises, the limits), and a result the sandbox reports as disturbed is never saved."""
from __future__ import annotations

import shutil

import pytest

import rnn_grader
import rnn_grader.cohort.run as run_module
import rnn_grader.cohort.state as state_module
from cohort_builders import ProcessLog, references, write_modules
from rnn_grader.cohort import grade_cohort
from rnn_grader.engine import select
from rnn_grader.sandbox import Limits, Sandbox

CLIP = "gradient_clipping"


@pytest.fixture
def grader_copy(tmp_path):
    """A copy of the rnn_grader package's files, to change as a grader fix would."""
    copy = tmp_path / "rnn_grader"
    shutil.copytree(rnn_grader.__path__[0], copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


@pytest.mark.parametrize("change", ["engine/compare.py", "sandbox/worker.py", "cohort/quizzes.py",
                                    "messages/engine.py", "new_module.py"])
def test_any_grader_file_changes_the_key(grader_copy, change):
    exercises, limits = select([CLIP]), Limits()
    before = state_module.tree_digest([grader_copy])
    path = grader_copy / change
    path.write_text((path.read_text() if path.exists() else "") + "\n# a fix\n")
    after = state_module.tree_digest([grader_copy])
    assert before != after
    assert (state_module.run_key(0, exercises, limits, grader=before)
            != state_module.run_key(0, exercises, limits, grader=after))


def test_options_and_version_change_the_key(monkeypatch):
    exercises, limits = select([CLIP]), Limits()
    key = state_module.run_key(0, exercises, limits)
    assert key == state_module.run_key(0, exercises, limits)
    assert key != state_module.run_key(1, exercises, limits)
    assert key != state_module.run_key(0, select([CLIP, "gru_update"]), limits)
    assert key != state_module.run_key(0, exercises, Limits(wall_seconds=limits.wall_seconds + 1))
    assert key != state_module.run_key(0, exercises, limits, isolated=True)
    monkeypatch.setattr(state_module, "grader_version", lambda: "99.0")
    assert key != state_module.run_key(0, exercises, limits)


@pytest.fixture
def counting(monkeypatch, tmp_path):
    """Which students were graded (not resumed) in each run (by any grading process)."""
    graded, real = ProcessLog(tmp_path / "graded.log"), run_module.grade_student

    def counted(plan, submission, box):
        graded.append(submission.student)
        return real(plan, submission, box)

    monkeypatch.setattr(run_module, "grade_student", counted)
    return graded


def test_a_changed_grader_regrades_everyone(tmp_path, counting, monkeypatch):
    root, state = tmp_path / "class", tmp_path / "state"
    for student in ("ann", "ben"):
        write_modules(root / student, references([CLIP]))
    grade_cohort(root, names=[CLIP], jobs=2, state_dir=state)
    assert sorted(counting) == ["ann", "ben"]
    counting.clear()
    assert grade_cohort(root, names=[CLIP], jobs=2, state_dir=state).resumed == ["ann", "ben"]
    assert counting == []
    monkeypatch.setattr(state_module, "grader_digest", lambda: "the grader after a fix")
    again = grade_cohort(root, names=[CLIP], jobs=2, state_dir=state)
    assert again.resumed == [] and sorted(counting) == ["ann", "ben"]


def test_a_disturbed_result_is_shown_but_never_saved(tmp_path, counting, monkeypatch):
    root, state = tmp_path / "class", tmp_path / "state"
    for student in ("ann", "ben"):
        write_modules(root / student, references([CLIP]))
    real = Sandbox.run_batch

    def disturbing(self, modules, folder, exercises, limits):
        replies = real(self, modules, folder, exercises, limits)
        if folder.endswith("ben"):
            for reply in replies:
                reply.disturbed = True   # as if something outside the job had killed its child
        return replies

    monkeypatch.setattr(Sandbox, "run_batch", disturbing)
    first = grade_cohort(root, names=[CLIP], jobs=1, state_dir=state)
    assert set(first.students) == {"ann", "ben"}
    assert len(list(state.glob("*.json"))) == 1                # only ann was final
    counting.clear()
    monkeypatch.setattr(Sandbox, "run_batch", real)
    again = grade_cohort(root, names=[CLIP], jobs=1, state_dir=state)
    assert again.resumed == ["ann"] and counting == ["ben"] and again.students["ben"].all_passed
