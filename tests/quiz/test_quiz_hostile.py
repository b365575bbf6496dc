"""Untrusted input: each hostile answer is refused quickly and nothing in it ever runs."""
import builtins
import time

import pytest
import sympy.parsing.sympy_parser as sympy_parser

from rnn_grader.quiz import check_answer
from rnn_grader.quiz.errors import Refused
from rnn_grader.quiz.items import load_items
from rnn_grader.quiz.reader import read_expression

HOSTILE = [
    "__import__('os').system('echo hacked')",
    "().__class__.__bases__[0].__subclasses__()",
    "x.__class__",
    "x.evalf.__globals__",
    "lambda: 1",
    "(lambda x: x)(2)",
    "[x for x in (1, 2)]",
    "'a' * 10",
    '"x"',
    "exec('1')",
    "eval('2')",
    "getattr(x, 'y')",
    "globals()",
    "sympify('x')",
    "Symbol('x')",
    "x if x else y",
    "x; import os",
    "x # comment",
    "9**9**9**9",
    "x**(10**100000)",
    "10^10^10",
    "2^(2^(2^(2^2)))",
    "99999999999999999999999999",
    "(x+y)^100 * (x+y)^100",
    "100000!",
    "factorial(100000)",
    "(" * 1000 + "x" + ")" * 1000,
    "-" * 300 + "x",
    "x+" * 400 + "x",
    "x" * 100000,
    "\x00",
    "x\x00+y",
    "",
    "   ",
    "1/0",
    "x\u202e+y",
    "\\input{/etc/passwd}",
    "x = y = 1",
    "exp(exp(exp(exp(1000))))^x",
]


@pytest.mark.parametrize("answer", HOSTILE)
def test_hostile_input_refused_fast(answer):
    start = time.perf_counter()
    result = check_answer("chain_rule", answer)
    elapsed = time.perf_counter() - start
    assert not result.correct
    assert result.refused
    assert "Could not read your answer" in result.message.render("en"), result.message.render("en")
    assert "読み取れません" in result.message.render("ja")
    assert result.interpreted_as
    assert elapsed < 1.0


@pytest.mark.parametrize("answer", HOSTILE)
def test_hostile_input_refused_by_the_reader(answer):
    item = load_items()["chain_rule"]
    with pytest.raises(Refused):
        read_expression(answer, item.vocabulary, item.lhs)


def test_at_least_twenty_hostile_inputs():
    assert len(HOSTILE) >= 20


@pytest.mark.parametrize("item_id", ["chain_rule", "sigmoid_derivative", "clip_choice",
                                     "lstm_forget_gate", "conv_output_5x5", "embedding_example"])
def test_would_be_side_effects_do_not_happen(tmp_path, item_id):
    marker = tmp_path / "pwned"
    attempts = [
        f"__import__('os').system('touch {marker}')",
        f"open('{marker}', 'w').write('x')",
        f"exec(\"open('{marker}','w')\")",
        f"eval(\"__import__('pathlib').Path('{marker}').touch()\")",
        f"x + __import__('os').system('touch {marker}')",
    ]
    for attempt in attempts:
        result = check_answer(item_id, attempt)
        assert not result.correct
    assert not marker.exists()


def test_no_string_ever_reaches_eval_or_sympy_parser(monkeypatch):
    """parse_expr (behind sympify of a string) is never called; eval/exec never get text.

    (exec of *code objects* is how Python's import machinery loads sympy's lazy modules;
    those are let through.)
    """
    calls = []
    real_eval, real_exec = builtins.eval, builtins.exec

    def forbidden(*args, **kwargs):
        calls.append(args)
        raise AssertionError("called")

    def guarded(real):
        def call(source, *args, **kwargs):
            if isinstance(source, (str, bytes)):
                return forbidden(source)
            return real(source, *args, **kwargs)
        return call

    monkeypatch.setattr(sympy_parser, "parse_expr", forbidden)
    monkeypatch.setattr(builtins, "eval", guarded(real_eval))
    monkeypatch.setattr(builtins, "exec", guarded(real_exec))
    for answer in ["2(x+y)", "2x+y", "__import__('os')", "exec('1')", "σ(x)"]:
        check_answer("chain_rule", answer)
    check_answer("sigmoid_derivative", "e^x/(1+e^x)^2")
    assert calls == []


# ---------------------------------------------------------------- bounded in time and memory
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import signal  # noqa: E402

from rnn_grader.cohort.quizzes import grade_quiz  # noqa: E402
from rnn_grader.quiz import bounded, check_answers, judge  # noqa: E402

COSTLY = [  # each within the length limit; each would make sympy (or Python) work for ages
    "(x+1)**99999",
    "(x+y+t)^100",
    "((x+y+t)^10)^10",
    "(x+y)^60*(x+t)^60*(y+t)^60",
    "100000!",
    "(((10!)!)!)!",
    "factorial(factorial(factorial(10)))",
    "(" * 45 + "x" + ")" * 45,
    "10^10^10",
    "10**10**10",
    "x^(9^9^9)",
    "2^(10^100)*(x+y)",
]
HEAVY_BUT_READABLE = [  # read, and judged (not right) within the bounds
    "((((((((((((((((((((((((((((((((((((((((x+y))))))))))))))))))))))))))))))))))))))))^99",
    "exp(exp(exp(exp(x))))^100",
    "(x+y)^100 - (x-y)^100",
    "(x+y+t)^12*(x-y+t)^12/(x+t)^20",
]
RNN_Y1 = "g(W_out*f(W_in*x_1 + W*z_0 + b) + c)"
SUM7 = "(W_in+W+W_out+b+c+x_1+z_0)"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.parametrize("answer", COSTLY)
def test_costly_answers_are_refused_quickly(answer):
    start = time.perf_counter()
    result = check_answer("chain_rule", answer)
    assert time.perf_counter() - start < 2.0
    assert result.refused and not result.correct, (answer, result.message.render("en"))
    assert "Could not read your answer" in result.message.render("en")
    assert "読み取れませんでした" in result.message.render("ja")


def test_three_hostile_answers_in_a_quiz_json_cost_only_themselves():
    """The issue's attack: answers that make sympy expand a huge power.  Each is refused,
    the other answers of the file are judged as usual, and the grader does not grow."""
    answers = {
        "rnn_y1": f"{RNN_Y1} + {SUM7}^100 * exp(exp(exp(10 + x_1^2)))",
        "lstm_param_count": "4(h(h+x)+h) + (h+x)^100*exp(exp(exp(h^2+9))) - (h+x)^100*exp(exp(exp(h^2+9)))",
        "gru_param_count": "3(h(h+x)+h)*((h+x+1)^50)/((h+x+1)^50) + (h+x)^99*exp(exp(exp(x^2+9)))",
        "chain_rule": "2(x+y)",
        "gru_dh_dhprev": "1-z",
        "lstm_forget_gate": "忘却ゲート",
    }
    before = peak_mb()
    start = time.perf_counter()
    results = grade_quiz(json.dumps(answers).encode())
    elapsed = time.perf_counter() - start
    assert elapsed < 3 * bounded.SECONDS + 2
    assert all(results[i].correct for i in ("chain_rule", "gru_dh_dhprev", "lstm_forget_gate"))
    for item_id in ("rnn_y1", "gru_param_count"):
        assert not results[item_id].correct, results[item_id].message.render("en")
    # refused as unreadable when the bounded symbolic step runs out of its time; on a fast
    # moment sympy may settle gru_param_count within the bound and judge it plainly wrong
    assert "Could not read" in results["rnn_y1"].message.render("en")
    assert any(words in results["gru_param_count"].message.render("en") for words in ("Could not read", "Not right"))
    assert peak_mb() - before < 100


@pytest.mark.parametrize("answer", HEAVY_BUT_READABLE)
def test_heavy_answers_are_judged_within_the_bounds(answer):
    start = time.perf_counter()
    result = check_answer("chain_rule", answer)
    assert time.perf_counter() - start < bounded.SECONDS + 1
    assert not result.correct


def blow_up(diff):
    """Stands for a sympy simplification that allocates without bound."""
    hoard, size = [], 2 ** 28
    while True:
        hoard.append([None] * size)  # 2 GB, 4 GB, ... of pointers
        size *= 2


def hang_ignoring_the_timer(diff):
    """Stands for a simplification stuck where the timer signal cannot interrupt it."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(60)


@pytest.mark.skipif(not bounded.can_fork(), reason="needs fork")
def test_memory_blow_up_is_stopped_in_the_child(monkeypatch):
    monkeypatch.setattr(judge, "_symbolic_zero", blow_up)
    before = peak_mb()
    start = time.perf_counter()
    result, after = check_answers([("sigmoid_derivative", "e^x/(1+e^x)^2"),
                                   ("sigmoid_derivative", "exp(-x)/(1+exp(-x))^2")])
    assert time.perf_counter() - start < bounded.SECONDS + 1
    assert result.refused and not result.correct
    assert "MB" in result.message.render("en") and "MB" in result.message.render("ja")
    assert after.refused  # the same blow-up, in the same (or a fresh) child
    assert peak_mb() - before < 100


@pytest.mark.skipif(not bounded.can_fork(), reason="needs fork")
def test_a_hang_is_killed_at_the_deadline_and_the_batch_goes_on(monkeypatch):
    monkeypatch.setattr(judge, "_symbolic_zero", hang_ignoring_the_timer)
    monkeypatch.setattr(bounded, "SECONDS", 1.0)
    start = time.perf_counter()
    results = check_answers([("sigmoid_derivative", "e^x/(1+e^x)^2"), ("lstm_forget_gate", "forget gate"),
                             ("seq2seq_choice", "2番"), ("no_such_id", "1")])
    assert time.perf_counter() - start < 2.5
    assert results[0].refused and "1.0" in results[0].message.render("en")
    assert results[1].correct and results[2].correct
    assert isinstance(results[3], Exception)


@pytest.mark.skipif(not bounded.can_fork(), reason="needs fork")
def test_bounded_runner_reports_overruns_failures_and_leaves_no_child():
    def job(kind):
        if kind == "sleep":
            time.sleep(30)
        if kind == "hog":
            return bytearray(4 * 2 ** 30)
        if kind == "bug":
            raise KeyError("x")
        return os.getpid()

    start = time.perf_counter()
    results = bounded.run_bounded(job, ["ok", "sleep", "ok", "hog", "bug", "ok"], seconds=0.5)
    assert time.perf_counter() - start < 2.0
    assert results[1] is bounded.OVERRUN and results[3] is bounded.OVERRUN
    assert isinstance(results[4], bounded.Failed) and results[4].error == "KeyError"
    pids = [results[0], results[2], results[5]]
    assert os.getpid() not in pids and pids[0] != pids[1]  # a fresh child after the overrun
    for pid in pids:  # every child that ran a job is reaped (other tests may have children of their own)
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def test_without_fork_the_jobs_run_here(monkeypatch):
    monkeypatch.setattr(bounded, "can_fork", lambda: False)
    assert bounded.run_bounded(lambda job: (job, os.getpid()), [1, 2]) == [(1, os.getpid()),
                                                                          (2, os.getpid())]
    assert check_answer("chain_rule", "2(x+y)").correct
