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
    texts = {name: text for name, text in kit_texts(written_kit).items() if not name.startswith("exercises/")}
    leaks = [(source, line, name) for line, source in lines.items() for name, text in texts.items() if line in text]
    assert not leaks


def test_no_hidden_test_input_is_in_the_bank(written_kit):
    """The drawn arrays of the hidden tests (course seeds 0 and 1: the first array argument of
    the first calls of every check, where the two seeds draw differently) do not occur in the
    bank: the kit practises on inputs of its own.  Fixed edge cases (zeros, x = ±1000) are
    the same for everyone and stated in the contract."""
    bank = "".join(text for name, text in kit_texts(written_kit).items() if name.startswith("rnn_grader/bank"))
    checked = 0
    for exercise in all_exercises().values():
        for first, second in zip(prepare(exercise, 0), prepare(exercise, 1)):
            for call_a, call_b in list(zip(first.calls, second.calls))[:2]:
                drawn = [(a, b) for a, b in zip(call_a.args, call_b.args)
                         if isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.size >= 4
                         and not np.array_equal(a, b) and len(np.unique(a)) > 4]   # drawn values, not one-hot
                for a, b in drawn[:1]:
                    checked += 1
                    for array in (a, b):
                        assert base64.b64encode(array.tobytes()).decode() not in bank, exercise.name
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


def test_the_quiz_files_of_the_kit_hold_no_answer_in_the_clear(written_kit):
    """No word, choice or size answer of an item is in its sealed entry (its id and question,
    which learners see, aside) or in the kit's quiz checker code."""
    from rnn_grader.quiz.items import load_items

    sealed = json.loads((written_kit / "rnn_grader" / kit.SEALED_QUIZ_FILE).read_text(encoding="utf-8"))
    assert len(sealed) >= 22
    code = "".join(path.read_text(encoding="utf-8") for path in (written_kit / "rnn_grader" / "quiz").rglob("*.py"))
    checked = 0
    for item in load_items().values():
        if item.id not in sealed:
            continue
        entry = json.dumps({k: v for k, v in sealed[item.id].items() if k not in ("id", "question")},
                           ensure_ascii=False)
        for answer in getattr(item, "synonyms", None) or []:
            if len(answer) >= 4:
                checked += 1
                assert answer not in entry and answer not in code, (item.id, answer)
    assert checked >= 10
