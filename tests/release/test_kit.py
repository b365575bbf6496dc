"""``grade release``: the learner kit holds no answer, and is written whole or not at all."""
from __future__ import annotations

import base64
import json
import subprocess
import sys

import numpy as np
import pytest

from rnn_grader.engine import all_exercises, prepare
from rnn_grader.release import KitExists, kit, write_kit
from tests.release.kit_files import ROOT, kit_texts, reference_lines


@pytest.fixture(scope="module")
def written_kit(tmp_path_factory):
    return write_kit(tmp_path_factory.mktemp("release") / "kit", lang="ja")


def test_the_kit_has_no_instructor_package(written_kit):
    package = written_kit / "rnn_grader"
    assert (package / "engine").is_dir() and (package / "bank" / "index.json").is_file()
    for name in kit.INSTRUCTOR_ONLY:
        assert not (package / name).exists(), name
    assert not (written_kit / "solutions").exists() and not (written_kit / "quizzes").exists()
    assert sorted(p.stem for p in (written_kit / "exercises").glob("*.py")) == sorted(all_exercises())


def test_no_line_of_a_reference_body_is_in_the_kit(written_kit):
    lines = reference_lines()
    assert len(lines) > 60  # the references are really read
    texts = kit_texts(written_kit)
    leaks = [(source, line, name) for line, source in lines.items() for name, text in texts.items() if line in text]
    assert not leaks


def test_no_hidden_test_input_is_in_the_bank(written_kit):
    """The first array argument of every call of the hidden tests (course seeds 0..2) does not
    occur in the bank: the kit practises on inputs of its own."""
    bank = "".join(text for name, text in kit_texts(written_kit).items() if name.startswith("rnn_grader/bank"))
    checked = 0
    for exercise in all_exercises().values():
        for seed in (0, 1, 2):
            for ready in prepare(exercise, seed):
                for call in ready.calls[:2]:
                    arrays = [a for a in call.args if isinstance(a, np.ndarray) and a.size >= 4]
                    if arrays:
                        checked += 1
                        assert base64.b64encode(arrays[0].tobytes()).decode() not in bank, exercise.name
    assert checked > 50


def test_the_kit_installs_only_learner_dependencies(written_kit):
    pyproject = (written_kit / "pyproject.toml").read_text()
    for instructor_tool in ("nbgrader", "jupyter", "pytest", "hypothesis", "ipykernel"):
        assert instructor_tool not in pyproject
    assert "numpy" in pyproject and "sympy" in pyproject and "click" in pyproject


def test_a_folder_that_is_not_empty_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(KitExists):
        write_kit(tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "mine"
    done = subprocess.run([sys.executable, "-m", "rnn_grader", "release", str(tmp_path), "--lang", "en"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2 and "--force" in done.stderr


def test_force_replaces_and_a_failure_leaves_nothing_behind(tmp_path, monkeypatch):
    target = tmp_path / "kit"
    target.mkdir()
    (target / "old.txt").write_text("old")

    def broken(folder, lang):
        (folder / "half").write_text("half-written")
        raise RuntimeError("disk full")

    monkeypatch.setattr(kit, "write_into", broken)
    with pytest.raises(RuntimeError):
        write_kit(target, overwrite=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kit"] and (target / "old.txt").exists()
    monkeypatch.undo()
    write_kit(target, overwrite=True)
    assert not (target / "old.txt").exists() and (target / "pyproject.toml").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kit"]


def test_the_sealed_quiz_items_hold_no_answer_in_the_clear(written_kit):
    """Every word, choice and size answer of the items is absent from the sealed file."""
    from rnn_grader.quiz.items import load_items

    sealed = (written_kit / "rnn_grader" / kit.SEALED_QUIZ_FILE).read_text(encoding="utf-8")
    items = json.loads(sealed)
    assert len(items) >= 20
    texts = kit_texts(written_kit)
    for item in load_items().values():
        for answer in getattr(item, "synonyms", None) or []:
            if len(answer) >= 4:
                assert all(answer not in text for name, text in texts.items() if not name.startswith("exercises/")), \
                    (item.id, answer)
