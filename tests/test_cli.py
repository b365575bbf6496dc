"""The `grade` self-check as a learner runs it: a subprocess, its output, JSON and exit codes."""
import json
import re
import os
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


@pytest.fixture(autouse=True)
def private_history(tmp_path, monkeypatch):
    """Every `grade` run here remembers its runs in a file of its own, not the user's."""
    monkeypatch.setenv("RNN_GRADER_HISTORY", str(tmp_path / "history.json"))
    monkeypatch.delenv("COLUMNS", raising=False)


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
    env = {"PATH": "/usr/bin:/bin", "LANG": "ja_JP.UTF-8", "RNN_GRADER_HISTORY": os.environ["RNN_GRADER_HISTORY"]}
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


@pytest.mark.parametrize("command", [[], ["quiz"], ["progress"], ["cohort"], ["nbgrader"]])
def test_help_everywhere(command):
    run = grade(*command, "--help")
    assert run.returncode == 0 and "Usage" in run.stdout


# ----------------------------------------------------------------------------- the terminal
LSTM_C_PREV_TWICE = ('"c_prev": ds * f,', '"c_prev": ds * f * 2,')  # one gradient wrong: a fractional score


def display_width(line: str) -> int:
    from rich.cells import cell_len

    return cell_len(line)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """References, except: stubs for bptt and lstm (tuples of None), a gradient_clipping
    that divides by the norm, an lstm with one wrong gradient, a print in word2vec."""
    folder = tmp_path_factory.mktemp("mixed")
    for name in all_exercises():
        shutil.copy(ROOT / "solutions" / f"{name}.py", folder / f"{name}.py")
    for name in ("bptt", "simple_rnn"):
        shutil.copy(ROOT / "exercises" / f"{name}.py", folder / f"{name}.py")
    (folder / "gradient_clipping.py").write_text(
        "import numpy as np\n\ndef gradient_clipping(grad, threshold):\n    return grad / np.linalg.norm(grad)\n")
    lstm = (ROOT / "solutions" / "lstm.py").read_text()
    assert LSTM_C_PREV_TWICE[0] in lstm
    (folder / "lstm.py").write_text(lstm.replace(*LSTM_C_PREV_TWICE))
    word2vec = (ROOT / "solutions" / "word2vec.py").read_text()
    (folder / "word2vec.py").write_text(word2vec + "\nprint('x' * 300)\n")
    return folder


@pytest.mark.parametrize("width", [12, 20, 33])
def test_japanese_wraps_between_characters_by_display_width(width):
    from rnn_grader.wrap import wrap

    text = ("`rnn_grads` の勾配が正しくありません（相対誤差 3.3e-01）。δ_t は時刻 t+1 の δ を Wᵀ で戻した項と、"
            "出力の δout を W_outᵀ で戻した項の和に σ'(u_t) を掛けたもの。")
    lines = wrap(text, width, indent=2)
    assert all(display_width(line) <= width and line.startswith("  ") for line in lines)
    assert not any(line.strip()[0] in "。、）" for line in lines)
    assert "".join(line.strip() for line in lines).replace(" ", "") == text.replace(" ", "")
    assert len(lines) <= 2 * display_width(text) // (width - 2) + 1  # lines are filled, not one word each


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_line_fits_80_columns(mixed, lang):
    run = grade("--submission", str(mixed), "--seed", "3", "--lang", lang)
    assert run.returncode == 1, run.stderr
    lines = run.stdout.splitlines()
    assert "gradient_clipping" in run.stdout and len(lines) > 20
    assert max(display_width(line) for line in lines) <= 80


def test_japanese_table_columns_line_up_by_display_width(references):
    run = grade("--submission", str(references), "--seed", "1", "--lang", "ja")
    header, rows = run.stdout.splitlines()[0], run.stdout.splitlines()[2:2 + len(all_exercises())]
    assert "得点" in header and "状態" in header

    def end_of(line, token):
        return display_width(line[:line.index(token) + len(token)])

    score_ends = {end_of(header, "得点")} | {end_of(row, row.split()[1]) for row in rows}
    status_starts = {display_width(header[:header.index("状態")])} | {
        display_width(row[:row.index(f" {row.split()[2]} ") + 1]) for row in rows}
    assert len(score_ends) == 1 and len(status_starts) == 1, run.stdout


def test_status_words_are_translated(mixed):
    japanese = grade("--submission", str(mixed), "--seed", "3", "--lang", "ja").stdout
    english = grade("--submission", str(mixed), "--seed", "3", "--lang", "en").stdout
    assert "合格" in japanese and "不合格" in japanese and "未着手" in japanese
    table = japanese.split("合計")[0]
    assert not any(word in table for word in (" passed ", " failed ", "not started"))
    assert " passed " in english and "not started" in english


def test_fractional_scores_have_one_decimal(mixed):
    result = json.loads(grade("--submission", str(mixed), "--seed", "3", "-e", "lstm", "--json").stdout)
    score = result["exercises"]["lstm"]["score"]
    assert score != round(score, 1)  # the case really is fractional
    text = grade("--submission", str(mixed), "--seed", "3", "-e", "lstm", "--lang", "en").stdout
    assert f"{round(score, 1)}/12" in text
    assert not re.search(r"\d\.\d{2,}/", text), text


def test_untouched_stubs_take_few_lines_tuples_of_none_included():
    run = grade("--seed", "5", "--lang", "en")
    lines = run.stdout.splitlines()
    assert len(lines) <= 30, run.stdout
    untouched = next(i for i, line in enumerate(lines) if line.startswith("Not started yet"))
    summary = " ".join(lines[untouched:untouched + 4])
    for name in ("bptt", "lstm", "simple_rnn", "adding_problem", "gradient_clipping"):
        assert name in summary
    assert "■" not in run.stdout  # no exercise needs a block of its own


def test_repeat_hint_keeps_submission_and_exercises(mixed):
    run = grade("--submission", str(mixed), "-e", "gradient_clipping", "-e", "lstm", "--seed", "9", "--lang", "en")
    hint = " ".join(run.stdout.split("Total:")[1].splitlines()[:3])
    command = re.search(r"`(grade [^`]*)`", hint).group(1)
    assert command.split() == ["grade", "--submission", str(mixed), "-e", "gradient_clipping", "-e", "lstm",
                               "--seed", "9"]


def test_inside_the_exercises_folder_grades_it(tmp_path):
    for name in ("gradient_clipping", "vae"):
        shutil.copy(ROOT / "exercises" / f"{name}.py", tmp_path / f"{name}.py")
    run = grade("--json", "--lang", "en", "--seed", "1", cwd=tmp_path)
    assert run.returncode == 1 and "no folder `exercises/` here" in run.stderr
    assert len(json.loads(run.stdout)["exercises"]) == len(all_exercises())
    empty = tmp_path / "empty"
    empty.mkdir()
    lost = grade("--lang", "ja", cwd=empty)
    assert lost.returncode == 2 and "--submission" in lost.stderr and "exercises/" in lost.stderr


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_list_checks_names_every_check_with_its_points(lang):
    run = grade("--list-checks", "--lang", lang)
    assert run.returncode == 0
    text = run.stdout
    for exercise in all_exercises().values():
        assert f"{exercise.name}: {exercise.title.render(lang)}" in text
        for check in exercise.checks:
            assert check.title.render(lang)[:20] in text.replace("\n  ", " ")
    assert max(display_width(line) for line in text.splitlines()) <= 80
    only = grade("--list-checks", "-e", "vae", "--lang", lang).stdout
    assert "vae" in only and "bptt" not in only


def test_one_student_is_not_students():
    from rnn_grader.messages import msg

    total = msg("cohort.summary.total", students=1, full=1, graded=1, seconds="1.0", per="1.0",
                resumed=0, seed=0).render("en")
    quiz = msg("cohort.summary.quiz", right=1, answers=1, students=1).render("en")
    assert "1 students" not in total and "1 students" not in quiz


# ----------------------------------------------------------------------------- notebooks
def notebook(path, *cells):
    import nbformat

    book = nbformat.v4.new_notebook()
    book.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    nbformat.write(book, str(path))
    return path


RIGHT_CLIPPING = ("def gradient_clipping(grad, threshold):\n    norm = np.linalg.norm(grad)\n"
                  "    return grad * (threshold / norm) if norm > threshold else grad")
WRONG_LSTM_CELL = "def lstm_cell_update(c_prev, a, input_gate, forget_gate):\n    return input_gate * a + c_prev"
TRY_IT = "import rnn_grader\nprint(gradient_clipping(np.ones(3), 1.0))\nrnn_grader.check('gradient_clipping')"


def test_one_notebook_named_after_its_exercise(tmp_path):
    path = notebook(tmp_path / "gradient_clipping.ipynb", "import numpy as np", RIGHT_CLIPPING, TRY_IT)
    run = grade("--submission", str(path), "--json", "--seed", "2")
    result = json.loads(run.stdout)
    assert run.returncode == 0 and list(result["exercises"]) == ["gradient_clipping"]
    assert result["exercises"]["gradient_clipping"]["status"] == "passed"


def test_one_notebook_with_several_exercises(tmp_path):
    path = notebook(tmp_path / "day3.ipynb", "import numpy as np", RIGHT_CLIPPING, WRONG_LSTM_CELL, TRY_IT)
    run = grade("--submission", str(path), "--json", "--seed", "2", "--lang", "en")
    exercises = json.loads(run.stdout)["exercises"]
    assert run.returncode == 1 and set(exercises) == {"gradient_clipping", "lstm_cell_update"}
    assert exercises["gradient_clipping"]["status"] == "passed"
    assert exercises["lstm_cell_update"]["status"] == "failed"
    assert any("forget_gate" in m for m in exercises["lstm_cell_update"]["messages"])


def test_a_folder_of_notebooks(tmp_path):
    notebook(tmp_path / "gradient_clipping.ipynb", "import numpy as np", RIGHT_CLIPPING, TRY_IT)
    notebook(tmp_path / "lstm_cell_update.ipynb", WRONG_LSTM_CELL)
    (tmp_path / "gru_update.ipynb").write_text("{ not a notebook")
    run = grade("--submission", str(tmp_path), "--json", "--seed", "2", "--lang", "en",
                "-e", "gradient_clipping", "-e", "lstm_cell_update", "-e", "gru_update", "-e", "vae")
    exercises = json.loads(run.stdout)["exercises"]
    assert [exercises[n]["status"] for n in ("gradient_clipping", "lstm_cell_update", "gru_update", "vae")] \
        == ["passed", "failed", "error", "missing"]
    assert "gru_update.ipynb" in exercises["gru_update"]["messages"][0]


def test_a_missing_notebook_is_a_usage_error(tmp_path):
    assert grade("--submission", str(tmp_path / "gradient_clipping.ipynb")).returncode == 2


def test_notebooks_and_progress_need_no_instructor_package(tmp_path):
    """The learner kit ships no ``cohort`` package: reading notebooks and the progress lines
    must not import it."""
    path = notebook(tmp_path / "day3.ipynb", "import numpy as np", RIGHT_CLIPPING, WRONG_LSTM_CELL, TRY_IT)
    blocker = ("import sys\n"
               "class Block:\n"
               "    def find_spec(self, name, path=None, target=None):\n"
               "        if name.startswith('rnn_grader.cohort'):\n"
               "            raise ImportError(name)\n"
               "sys.meta_path.insert(0, Block())\n"
               "from rnn_grader.launch import main\n"
               "main()\n")
    args = ["--submission", str(path), "--seed", "2", "--lang", "ja"]
    first = subprocess.run([sys.executable, "-c", blocker, *args], cwd=ROOT, capture_output=True, text=True,
                           timeout=120)
    path.unlink()
    notebook(path, "import numpy as np", RIGHT_CLIPPING,
             WRONG_LSTM_CELL.replace("+ c_prev", "+ forget_gate * c_prev"))
    second = subprocess.run([sys.executable, "-c", blocker, *args], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert first.returncode == 1 and "lstm_cell_update" in first.stdout, first.stderr
    assert second.returncode == 0, second.stdout + second.stderr
    assert "前回は不合格で、今回合格した演習: lstm_cell_update" in second.stdout
    assert "lstm_cell_update の誤解を克服しました" in second.stdout


def test_a_notebook_may_import_the_other_modules_of_its_folder(tmp_path):
    (tmp_path / "helpers.py").write_text("def rate(norm, threshold):\n    return threshold / norm\n")
    notebook(tmp_path / "gradient_clipping.ipynb", "import numpy as np\nfrom helpers import rate",
             "def gradient_clipping(grad, threshold):\n    norm = np.linalg.norm(grad)\n"
             "    return grad * rate(norm, threshold) if norm > threshold else grad")
    run = grade("--submission", str(tmp_path), "-e", "gradient_clipping", "--json", "--seed", "4")
    assert json.loads(run.stdout)["exercises"]["gradient_clipping"]["status"] == "passed", run.stdout


def test_terminal_escapes_of_a_submission_never_reach_the_terminal(tmp_path):
    """A learner's printout and exception text (OSC title and hyperlink, CSI colour) are
    shown with each escape character replaced: nothing the learner wrote drives the terminal."""
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "gradient_clipping.py").write_text(
        'def gradient_clipping(grad, threshold):\n'
        '    print("\\x1b]0;pwned\\x07 hello \\x1b[31mred")\n'
        '    raise ValueError("\\x1b]8;;http://evil\\x07click\\x1b]8;;\\x07")\n')
    done = grade("--submission", str(folder), "-e", "gradient_clipping", "--lang", "en", cwd=tmp_path)
    assert done.returncode == 1
    assert "hello" in done.stdout and "click" in done.stdout
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout


def test_printed_output_is_labelled_as_the_whole_exercises(tmp_path):
    """What the learner's code printed belongs to the exercise's calls, not to the case the
    message shows: the label says so, in both languages."""
    source = (ROOT / "solutions" / "gradient_clipping.py").read_text()
    (tmp_path / "gradient_clipping.py").write_text(source.replace(
        "def gradient_clipping(grad, threshold):",
        "def gradient_clipping(grad, threshold):\n    print('trying', threshold)\n    return grad * 2\n\n\n"
        "def unused(grad, threshold):"))
    english = grade("-e", "gradient_clipping", "--submission", str(tmp_path), "--lang", "en")
    japanese = grade("-e", "gradient_clipping", "--submission", str(tmp_path), "--lang", "ja")
    assert english.returncode == japanese.returncode == 1
    for run, label in [(english, "during all of this exercise's calls (not only the case above)"),
                       (japanese, "すべての呼び出しでコードが出力した内容")]:
        text = " ".join(run.stdout.split())
        assert label in text and "| trying" in run.stdout, run.stdout


def test_printed_output_says_how_much_more_there_is(tmp_path):
    """Only the first lines are shown; the rest is counted, not dropped silently."""
    source = (ROOT / "solutions" / "gradient_clipping.py").read_text()
    (tmp_path / "gradient_clipping.py").write_text(source.replace(
        "def gradient_clipping(grad, threshold):",
        "def gradient_clipping(grad, threshold):\n    return grad * 2\n\n\ndef unused(grad, threshold):")
        + "\nfor i in range(30):\n    print('line', i)\n")   # printed at import, shown under the failure
    english = grade("-e", "gradient_clipping", "--submission", str(tmp_path), "--lang", "en")
    japanese = grade("-e", "gradient_clipping", "--submission", str(tmp_path), "--lang", "ja")
    assert "| line 9" in english.stdout and "| line 10" not in english.stdout
    assert "… and 20 more lines" in english.stdout and "…ほか 20 行" in japanese.stdout
