"""The notebooks `grade nbgrader` writes: layout, nbgrader metadata, cells, and the command."""
from __future__ import annotations

import copy
import io
import contextlib

import nbformat
import pytest
from click.testing import CliRunner
from nbgrader.nbgraderformat import MetadataValidator
from nbgrader.preprocessors import ClearHiddenTests, ClearSolutions

from rnn_grader.engine import all_exercises
from rnn_grader.engine.local import assert_check
from rnn_grader.nbgrader.cells import BEGIN, BEGIN_HIDDEN, END, END_HIDDEN, code_stub, docstring_parts, without_markers
from rnn_grader.nbgrader.cli import nbgrader as nbgrader_command
from rnn_grader.nbgrader.course import build_notebook, exercise_sources, write_course

NAMES = [name for name in all_exercises() if exercise_sources(name)[0] is not None]


def meta(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def released(notebook, lang="en"):
    """What `nbgrader generate_assignment` makes of a source notebook (the two preprocessors
    that change sources), with the course's code stub."""
    notebook = copy.deepcopy(notebook)
    notebook, _ = ClearSolutions(code_stub={"python": "\n".join(code_stub(lang))}).preprocess(notebook, {})
    notebook, _ = ClearHiddenTests().preprocess(notebook, {})
    return notebook


def solution_of(notebook) -> str:
    return next(c for c in notebook.cells if meta(c).get("solution")).source


def checks_in(name, namespace) -> list:
    """assert_check of every check: None (full), a number (partial) or "failed"."""
    results = []
    for check in all_exercises()[name].checks:
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                results.append(assert_check(name, check.name, namespace, seed=0))
        except AssertionError:
            results.append("failed")
    return results


@pytest.mark.parametrize("name", NAMES)
def test_notebook_has_one_solution_cell_and_a_test_cell_per_check(name):
    exercise = all_exercises()[name]
    notebook = build_notebook(exercise, lang="ja")
    nbformat.validate(notebook)
    MetadataValidator().validate_nb(notebook)  # nbgrader's own checks: ids, points, schema
    solutions = [c for c in notebook.cells if meta(c).get("solution")]
    assert len(solutions) == 1 and meta(solutions[0])["grade_id"] == name
    assert BEGIN in solutions[0].source and END in solutions[0].source
    tests = [c for c in notebook.cells if meta(c).get("grade")]
    assert [meta(c)["grade_id"] for c in tests] == [f"{name}_{c.name}" for c in exercise.checks]
    assert sum(meta(c)["points"] for c in tests) == exercise.max_score
    for cell, check in zip(tests, exercise.checks):
        assert meta(cell)["locked"] and not meta(cell)["solution"] and meta(cell)["points"] == check.points
        hidden = cell.source.split(BEGIN_HIDDEN)[1].split(END_HIDDEN)[0]
        assert f'assert_check("{name}", "{check.name}", globals(), seed=hidden_seed(), lang="ja")' in hidden
        assert "from rnn_grader.nbgrader.hidden import hidden_seed" in hidden  # per student, at autograde
    assert notebook.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("name", NAMES)
def test_markdown_has_the_task_in_both_languages(name):
    exercise = all_exercises()[name]
    notebook = build_notebook(exercise, lang="ja")
    text = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert exercise.title.ja in text and exercise.title.en in text
    assert "## 課題" in text and "## Task" in text
    assert text.index("## 課題") < text.index("## Task")  # the course language first
    for function in exercise.functions:
        assert f"`{function}(" in text
    for check in exercise.checks:
        assert check.title.ja in text and check.title.en in text


@pytest.mark.parametrize("name", NAMES)
def test_reference_passes_and_released_stub_scores_zero(name):
    notebook = build_notebook(all_exercises()[name], lang="en")
    reference = {}
    exec(compile(without_markers(solution_of(notebook)), f"<{name}>", "exec"), reference)
    assert checks_in(name, reference) == [None] * len(all_exercises()[name].checks)
    stub = {}
    exec(compile(solution_of(released(notebook)), f"<{name}>", "exec"), stub)
    assert checks_in(name, stub) == ["failed"] * len(all_exercises()[name].checks)


def test_released_notebook_hides_the_solution_and_the_graded_tests():
    notebook = released(build_notebook(all_exercises()["gradient_clipping"], lang="ja"), lang="ja")
    solution = solution_of(notebook)
    assert "threshold / norm" not in solution
    assert "ここにコードを書いてください" in solution
    assert "def gradient_clipping(grad, threshold):" in solution and "Hint:" in solution
    for cell in notebook.cells:
        assert "seed=0" not in cell.source and "HIDDEN TESTS" not in cell.source
    samples = [c.source for c in notebook.cells if meta(c).get("grade")]
    assert all('sample_check("gradient_clipping"' in s and "seed=1" in s for s in samples)


def test_helper_given_by_the_stub_stays_visible():
    if "lstm" not in NAMES:
        pytest.skip("no lstm exercise declared")
    solution = solution_of(released(build_notebook(all_exercises()["lstm"])))
    assert "return 1.0 / (1.0 + np.exp(-x))" in solution  # the stub's sigmoid, given
    assert solution.count("pass") == 2  # lstm_step and lstm_step_grads to write


def test_stub_docstring_is_split_into_languages_and_maths():
    reference, stub = exercise_sources("gradient_clipping")
    english, japanese, maths = docstring_parts(stub.docstring())
    assert any("exploding gradients" in p for p in english)
    assert any("勾配爆発" in p for p in japanese) and not any("勾配爆発" in p for p in english)
    assert any("threshold / norm" in m for m in maths)


def test_write_course_layout(tmp_path):
    written, skipped = write_course(tmp_path, ["gradient_clipping"], seed=345, lang="en")
    assert written == [tmp_path / "source" / "day3" / "gradient_clipping.ipynb"] and skipped == []
    config = (tmp_path / "nbgrader_config.py").read_text()
    assert "c.Execute.timeout = 30" in config and "ClearSolutions.code_stub" in config
    compile(config, "nbgrader_config.py", "exec")
    notebook = nbformat.read(str(written[0]), as_version=4)
    text = "\n".join(c.source for c in notebook.cells)
    assert "345" not in text and "346" not in text and "seed=hidden_seed()" in text  # never in a notebook
    seed_file = tmp_path / "course_seed.txt"
    assert seed_file.read_text().strip() == "345" and seed_file.stat().st_mode & 0o077 == 0


def test_command_writes_the_course_and_refuses_unknown_exercises(tmp_path):
    result = CliRunner().invoke(nbgrader_command, [str(tmp_path / "course"), "--lang", "ja",
                                                   "-e", "gradient_clipping"])
    assert result.exit_code == 0, result.output
    assert "nbgrader generate_assignment day3" in result.output and "書き出しました" in result.output
    assert (tmp_path / "course" / "source" / "day3" / "gradient_clipping.ipynb").is_file()
    result = CliRunner().invoke(nbgrader_command, [str(tmp_path / "c2"), "-e", "no_such_exercise"])
    assert result.exit_code == 2 and "no_such_exercise" in result.output


def test_whole_curriculum_by_default(tmp_path):
    written, skipped = write_course(tmp_path, None)
    assert sorted(p.stem for p in written) == sorted(NAMES)
    assert sorted(skipped) == sorted(set(all_exercises()) - set(NAMES))
