"""Finding students and reading their sources, notebooks and quiz answers (no sandbox needed)."""
import json
import os

import nbformat
import pytest

from cohort_builders import notebook, references, write_modules, write_notebooks
from rnn_grader.cohort.collect import MAX_QUIZ_BYTES, find_students
from rnn_grader.cohort.notebooks import NotebookError, solution_source
from rnn_grader.cohort.quizzes import QuizAnswer, grade_quiz
from rnn_grader.engine import ExerciseResult, SubmissionResult
from rnn_grader.engine.results import CheckResult, text_from_record, text_record
from rnn_grader.messages import Text
from tests.conftest import reference_source


def test_students_are_visible_folders_sorted_by_name(tmp_path):
    for name in ["zoe", "<img src=x onerror=alert(1)>", "élève ü", ".hidden", "__pycache__"]:
        write_modules(tmp_path / name, references(["gradient_clipping"]))
    (tmp_path / "notes.txt").write_text("not a student")
    (tmp_path / "link").symlink_to(tmp_path / "zoe")
    os.mkfifo(tmp_path / "zoe" / "fifo.py")  # would hang a naive reader
    students = find_students(tmp_path)
    assert [s.student for s in students] == sorted(["zoe", "<img src=x onerror=alert(1)>", "élève ü"])
    zoe = students[-1]
    assert set(zoe.sources) == {"gradient_clipping"}
    assert zoe.sources["gradient_clipping"] == reference_source("gradient_clipping")


def test_the_solution_cell_of_a_notebook_is_the_module(tmp_path):
    source = reference_source("gradient_clipping")
    raw = nbformat.writes(notebook("gradient_clipping", source, magic=True)).encode()
    module = solution_source(raw, "gradient_clipping")
    assert "def gradient_clipping" in module
    assert "# %matplotlib inline" in module  # IPython magic commented out, not run
    assert "hidden tests" not in module  # the autograder cell is not part of the module
    compile(module, "gradient_clipping.py", "exec")


def test_a_notebook_without_nbgrader_metadata_uses_every_code_cell():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import numpy as np"),
                                         nbformat.v4.new_code_cell("x = np.zeros(2)")])
    assert solution_source(nbformat.writes(nb).encode(), "any") == "import numpy as np\n\nx = np.zeros(2)"


@pytest.mark.parametrize("raw", [b"not json", b"[1, 2]", b'{"cells": 3}', b"[" * 100_000])
def test_a_broken_notebook_is_refused(raw):
    with pytest.raises(NotebookError):
        solution_source(raw, "gradient_clipping")


def test_a_broken_notebook_is_a_problem_of_that_module_only(tmp_path):
    folder = write_notebooks(tmp_path / "ann", references(["gradient_clipping"]))
    (folder / "lstm_cell_update.ipynb").write_bytes(b"{broken")
    [ann] = find_students(tmp_path)
    assert "def gradient_clipping" in ann.sources["gradient_clipping"]
    assert "lstm_cell_update" in ann.problems and "lstm_cell_update" not in ann.sources
    assert "lstm_cell_update.ipynb" in ann.problems["lstm_cell_update"].render("en")


def test_nbgrader_course_layout(tmp_path):
    course = tmp_path / "course"
    (course / "submitted").mkdir(parents=True)
    (course / "nbgrader_config.py").write_text("c = get_config()\n")
    (course / "source" / "day3").mkdir(parents=True)
    write_notebooks(course / "submitted" / "kim" / "day3", references(["gradient_clipping"]))
    (course / "submitted" / "kim" / "day3" / "quiz.json").write_text('{"chain_rule": "2(x+y)"}')
    [kim] = find_students(course)
    assert kim.student == "kim" and kim.folder.name == "day3"
    assert "def gradient_clipping" in kim.sources["gradient_clipping"]
    assert kim.quiz == b'{"chain_rule": "2(x+y)"}'


def test_a_py_module_wins_over_a_notebook_of_the_same_name(tmp_path):
    folder = write_notebooks(tmp_path / "lee", {"gradient_clipping": "x = 'from the notebook'"})
    write_modules(folder, {"gradient_clipping": "x = 'from the module'"})
    [lee] = find_students(tmp_path)
    assert lee.sources == {"gradient_clipping": "x = 'from the module'"}


def test_fingerprint_follows_sources_and_quiz(tmp_path):
    write_modules(tmp_path / "a", {"gradient_clipping": "x = 1"})
    write_modules(tmp_path / "b", {"gradient_clipping": "x = 1"})
    a, b = find_students(tmp_path)
    assert a.fingerprint() == b.fingerprint()
    (tmp_path / "b" / "quiz.json").write_text("{}")
    assert find_students(tmp_path)[1].fingerprint() != a.fingerprint()
    (tmp_path / "a" / "gradient_clipping.py").write_text("x = 2")
    assert find_students(tmp_path)[0].fingerprint() != a.fingerprint()


# ----------------------------------------------------------------------------- quiz.json
def test_quiz_answers_are_checked():
    answers = grade_quiz(json.dumps({"chain_rule": "２（ｘ＋ｙ）", "sigmoid_derivative_max": "0.3",
                                     "no_such_quiz": "1"}).encode())
    assert answers["chain_rule"].correct is True
    assert answers["sigmoid_derivative_max"].correct is False
    assert answers["no_such_quiz"].correct is False
    assert "no quiz" in answers["no_such_quiz"].message.render("en")
    assert set(answers["chain_rule"].to_json("ja")) == {"id", "correct", "interpreted_as", "message"}


@pytest.mark.parametrize("raw", [
    b"not json", b"\xff\xfe", b"[1, 2]", b'"text"', b'{"chain_rule": 2}', b'{"a": ["x"]}',
    b"[" * 50_000, b'{"a": "' + b"x" * MAX_QUIZ_BYTES + b'"}',
    json.dumps({f"q{i}": "1" for i in range(1000)}).encode(),
])
def test_a_malformed_quiz_file_is_refused_not_a_crash(raw):
    answers = grade_quiz(raw)
    assert list(answers) == ["quiz.json"]
    refused = answers["quiz.json"]
    assert refused.correct is False
    assert "quiz.json" in refused.message.render("en") and "quiz.json" in refused.message.render("ja")


# ----------------------------------------------------------------------------- records
def test_results_survive_the_record_round_trip():
    title = Text(en="Clip {what}", ja="{what} をクリップ").format(what="grad")
    odd = Text(en="KeyError: {0} and {{x}}", ja="キー {{y}}")  # braces in a learner's error text
    check = CheckResult("c1", title, 4.0, 1.0, [odd], "divide_by_norm")
    exercise = ExerciseResult("gradient_clipping", title, 1.0, 8.0, "failed", [title, odd], [check],
                              "printed")
    record = SubmissionResult(3, {"gradient_clipping": exercise}).to_record()
    back = SubmissionResult.from_record(json.loads(json.dumps(record)))
    again = back.exercises["gradient_clipping"]
    assert back.seed == 3 and again.status == "failed" and again.score == 1.0 and again.max_score == 8.0
    assert again.misconceptions == ["divide_by_norm"] and again.output == "printed"
    for lang in ("en", "ja"):
        assert [m.render(lang) for m in again.messages] == [m.render(lang) for m in exercise.messages]
        assert again.checks[0].title.render(lang) == title.render(lang)
    assert again.to_json("ja") == exercise.to_json("ja")
    assert text_from_record(text_record(odd)).render("en") == odd.render("en")


def test_quiz_answers_survive_the_record_round_trip():
    answer = QuizAnswer("chain_rule", True, "2*x + 2*y", Text(en="Right {x}", ja="正解 {x}"))
    back = QuizAnswer.from_record(json.loads(json.dumps(answer.to_record())))
    assert back.to_json("ja") == answer.to_json("ja") and back.correct is True
