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
    assert "could not be read" in result.message.render("en"), result.message.render("en")
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
