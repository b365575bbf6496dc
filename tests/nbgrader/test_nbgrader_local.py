"""rnn_grader.engine.local: the checks run in process (the notebooks' test cells) give the sandbox's
verdicts, strip what the sandbox border strips, and speak nbgrader's language (no output,
an error, or a number for partial credit)."""
from __future__ import annotations

import importlib
import textwrap

import numpy as np
import pytest

import rnn_grader.engine.local as local
from rnn_grader.engine import Exercise, GradientCheck, Text, all_exercises
from rnn_grader.engine.local import assert_check, run_check, sample_check
from tests.exercises.standard import spread

CLIP = "gradient_clipping"
RIGHT_CLIP = """
import numpy as np
def gradient_clipping(grad, threshold):
    norm = np.linalg.norm(grad)
    return grad * (threshold / norm) if norm > threshold else grad
"""


def namespace_of(source: str) -> dict:
    namespace = {}
    exec(compile(textwrap.dedent(source), "<learner>", "exec"), namespace)
    return namespace


def declared_variants():
    """(exercise, label, source) for every RIGHT / WRONG source of the exercises' own tests."""
    for name in all_exercises():
        try:
            module = importlib.import_module(f"tests.exercises.test_{name}")
        except ImportError:
            continue
        variants = [(f"{kind}.{label}", source) for kind in ("RIGHT", "WRONG")
                    for label, source in getattr(module, kind, {}).items() if isinstance(source, str)]
        for label, source in spread(variants, name):
            yield name, label, source


VARIANTS = list(declared_variants())


@pytest.mark.parametrize("name,label,source", VARIANTS, ids=[f"{n}-{lab}" for n, lab, _ in VARIANTS])
def test_same_scores_as_the_sandbox(grade_source, name, label, source):
    """Check by check, the in-process verdict earns what the sandboxed grading earns."""
    try:
        namespace = namespace_of(source)
    except ImportError:
        pytest.skip("needs modules of its own")
    sandboxed = {c.name: (c.score, c.misconception) for c in grade_source(name, source, seed=0).checks}
    in_process = {}
    for check in all_exercises()[name].checks:
        result = run_check(name, check.name, namespace, seed=0)
        in_process[check.name] = (pytest.approx(result.score), result.misconception)
    assert in_process == sandboxed, label


def test_full_marks_print_nothing_and_return_none(capsys):
    for check in all_exercises()[CLIP].checks:
        assert assert_check(CLIP, check.name, namespace_of(RIGHT_CLIP), seed=0) is None
    assert capsys.readouterr().out == ""


def test_lost_check_raises_with_the_explanation_in_the_course_language():
    wrong = namespace_of(RIGHT_CLIP.replace("grad * (threshold / norm)", "grad / norm"))
    with pytest.raises(AssertionError) as failure:
        assert_check(CLIP, "clips_large_gradients", wrong, seed=0, lang="ja")
    assert "0/4 点" in str(failure.value) and "`grad / norm`" in str(failure.value)
    with pytest.raises(AssertionError) as failure:
        assert_check(CLIP, "clips_large_gradients", wrong, seed=0, lang="en")
    assert "0/4 points" in str(failure.value) and "choice (1)" in str(failure.value)


def test_sample_reports_without_raising(capsys):
    assert sample_check(CLIP, "edge_cases", {}, seed=1, lang="en") is None
    out = capsys.readouterr().out
    assert "not passed yet" in out and "not defined" in out
    sample_check(CLIP, "edge_cases", namespace_of(RIGHT_CLIP), seed=1, lang="ja")
    assert "合格" in capsys.readouterr().out


@pytest.mark.parametrize("body,expected", [
    ("raise ValueError('boom')", "ValueError: boom"),
    ("grad *= 0.5\n    return grad", "one of its inputs in place"),
    ("class Yes(np.ndarray):\n        def __eq__(self, other): return True\n"
     "    return np.zeros(3).view(Yes)", "shape"),
    ("class Liar:\n        def __eq__(self, other): return True\n    return Liar()", "Liar"),
    ("import sys\n    sys.exit(0)", "SystemExit"),
])
def test_learner_tricks_and_errors_lose_the_check(body, expected):
    learner = namespace_of(f"import numpy as np\ndef gradient_clipping(grad, threshold):\n    {body}\n")
    with pytest.raises(AssertionError) as failure:
        assert_check(CLIP, "clips_large_gradients", learner, seed=0)
    assert expected in str(failure.value)


def test_missing_function_is_named():
    with pytest.raises(AssertionError, match="`gradient_clipping` is not defined"):
        assert_check(CLIP, "edge_cases", {"gradient_clipping": 3}, seed=0)


def test_warnings_and_stderr_of_the_learner_stay_out_of_the_cell(capfd):
    """nbgrader gives no credit to a test cell that wrote to stderr."""
    noisy = namespace_of(RIGHT_CLIP.replace("norm = np.linalg.norm(grad)", (
        "import sys, warnings\n    warnings.warn('careful')\n    print('debug', file=sys.stderr)\n"
        "    np.log(np.zeros(1))\n    norm = np.linalg.norm(grad)")))
    assert assert_check(CLIP, "clips_large_gradients", noisy, seed=0) is None
    assert capfd.readouterr().err == ""


def test_rng_arguments_become_generators():
    """An ``Rng(seed)`` argument reaches the learner as ``np.random.default_rng(seed)``."""
    from rnn_grader.engine import Call
    from rnn_grader.sandbox.plain import Rng

    seen = []
    outcome = local.run_call({"f": lambda rng: seen.append(rng) or rng.integers(100)},
                             Call("f", (Rng(5),)))
    assert isinstance(seen[0], np.random.Generator) and outcome.ok
    assert outcome.value == np.random.default_rng(5).integers(100)


# ----------------------------------------------------------------------------- partial credit
def toy_inputs(rng):
    yield rng.standard_normal((3, 2)), rng.standard_normal((4, 3))


TOY = Exercise("toy_gradients", Text(en="toy", ja="おもちゃ"), checks=[
    GradientCheck("grads", points=4, title=Text(en="both gradients", ja="両方の勾配"), function="grads",
                  inputs=toy_inputs, loss=lambda W, x: 0.5 * float(np.sum((x @ W) ** 2)),
                  wrt={"W": "W", "x": "x"}, arg_names=["W", "x"]),
])


@pytest.fixture
def toy(monkeypatch):
    monkeypatch.setattr(local, "all_exercises", lambda: {**all_exercises(), TOY.name: TOY})
    yield TOY.name
    local.prepared_check.cache_clear()


def test_partial_credit_is_the_number_the_cell_returns(toy, capsys):
    """Half the gradients right: the cell prints why and returns 2 of 4 points, which
    nbgrader reads as the cell's partial credit."""
    def grads(W, x):
        y = x @ W
        return {"W": x.T @ y, "x": 2 * y @ W.T}    # dx is y @ W.T
    assert assert_check(toy, "grads", {"grads": grads}, seed=0, lang="en") == 2.0
    out = capsys.readouterr().out
    assert "2/4 points" in out and "`x`" in out and "W are right" in out

    def right(W, x):
        y = x @ W
        return {"W": x.T @ y, "x": y @ W.T}
    assert assert_check(toy, "grads", {"grads": right}, seed=0) is None
    with pytest.raises(AssertionError):
        assert_check(toy, "grads", {"grads": lambda W, x: {}}, seed=0)
