"""The formula reader: normalization, notation, named functions, equations, refusals."""
import time

import pytest
import sympy

from rnn_grader.messages import catalog
from rnn_grader.quiz import check_answer, judge
from rnn_grader.quiz.errors import Refused
from rnn_grader.quiz.normalize import normalize_formula
from rnn_grader.quiz.reader import read_expression
from rnn_grader.quiz.vocabulary import Vocabulary, make_symbol

x, y, z, h = (sympy.Symbol(n, real=True) for n in "xyzh")
VOCAB = Vocabulary([make_symbol(n, {}) for n in "xyzh"] +
                   [make_symbol("hbar", {"display": "h̄"}), make_symbol("delta", {"display": "δ"})])
HBAR = sympy.Symbol("h̄", real=True)
SIG = 1 / (1 + sympy.exp(-x))


def read(text, lhs=()):
    return read_expression(text, VOCAB, lhs)


@pytest.mark.parametrize("text,expected", [
    ("２（ｘ＋ｙ）", 2 * x + 2 * y),
    ("x^2", x ** 2), ("x**2", x ** 2), ("x²", x ** 2), ("x＾２", x ** 2),
    ("2x", 2 * x), ("2(x+y)", 2 * (x + y)), ("(1-z)h", (1 - z) * h), ("xy", x * y),
    ("2 × x · y", 2 * x * y), ("x − y", x - y), ("x ÷ y", x / y),
    ("(1−z)h + z h̄", (1 - z) * h + z * HBAR),
    ("σ(x)", SIG), ("sigmoid(x)", SIG), ("exp(x)", sympy.exp(x)), ("e^x", sympy.exp(x)),
    ("e^-x", sympy.exp(-x)), ("log(x)", sympy.log(x)), ("ln x", sympy.log(x)),
    ("tanh(x)", sympy.tanh(x)), ("f(x)", sympy.Function("f")(x)),
    ("g(f(x))", sympy.Function("g")(sympy.Function("f")(x))),
    ("f'(x)", sympy.Function("f'")(x)), ("f′(x)", sympy.Function("f'")(x)),
    ("δ", sympy.Symbol("δ", real=True)), ("2^3^2", sympy.Integer(512)), ("-x^2", -x ** 2),
    ("[x+y]", x + y), ("\\frac{x}{y}", x / y), ("x \\cdot y", x * y), ("0.25", sympy.Rational(1, 4)),
])
def test_notations(text, expected):
    assert sympy.simplify(read(text) - expected) == 0
    assert read(text) == expected or sympy.expand(read(text) - expected) == 0


def test_equation_left_side_names_the_quantity():
    assert read("dz/dx = 2(x+y)", ("dz/dx",)) == 2 * x + 2 * y
    assert read("∂z/∂x = 2(x+y)", ("dz/dx",)) == 2 * x + 2 * y
    with pytest.raises(Refused):
        read("y = 2(x+y)", ("dz/dx",))
    with pytest.raises(Refused):
        read("dz/dx = 2 = 2", ("dz/dx",))


def test_full_width_is_nfkc_normalized():
    assert normalize_formula("（ｘ＋ｙ）＊２") == "(x+y)*2"


@pytest.mark.parametrize("text,key", [
    ("", "quiz.refused_empty"), ("x" * 501, "quiz.refused_length"),
    ("\x00", "quiz.refused_control"), ("x.y", "quiz.refused_attribute"),
    ("'s'", "quiz.refused_string"), ("__x", "quiz.refused_dunder"),
    ("foo(x)", "quiz.refused_name"), ("1" * 16, "quiz.refused_number"),
    ("x^1000", "quiz.refused_exponent"), ("(x", "quiz.refused_parens"),
    ("x+", "quiz.refused_syntax"), ("exp", "quiz.refused_function_arg"),
    ("x!", "quiz.refused_char"), ("x^(10^100)", "quiz.refused_exponent"),
])
def test_refusal_reasons(text, key):
    with pytest.raises(Refused) as info:
        read(text)
    assert info.value.key == key
    assert info.value.reason.render("ja") != info.value.reason.render("en")


def test_interpreted_as_shows_the_reading():
    result = check_answer("chain_rule", "２（ｘ＋ｙ）")
    assert result.correct and result.interpreted_as == "2*x + 2*y"


def test_numeric_fallback_is_announced(monkeypatch):
    def slow(diff):
        time.sleep(1.0)
        return True

    monkeypatch.setattr(judge, "_symbolic_zero", slow)
    monkeypatch.setattr(judge, "SYMBOLIC_SECONDS", 0.05)
    start = time.perf_counter()
    result = judge.equivalent(SIG * (1 - SIG), sympy.exp(-x) / (1 + sympy.exp(-x)) ** 2,
                              VOCAB.by_symbol())
    assert time.perf_counter() - start < 0.5
    assert result == judge.Verdict(True, "numeric")
    monkeypatch.setattr(judge, "equivalent", lambda a, b, s: judge.Verdict(True, "numeric"))
    message = check_answer("chain_rule", "2x+2y").message
    assert "numerically" in message.render("en") and "数値的" in message.render("ja")


def test_numeric_difference_is_wrong_without_symbolic_step():
    verdict = judge.equivalent(2 * x + 2 * y, 2 * x + y, VOCAB.by_symbol())
    assert verdict == judge.Verdict(False, "different")


def test_quiz_messages_are_bilingual_with_matching_placeholders():
    quiz_keys = [k for k in catalog() if k.startswith("quiz.")]
    assert len(quiz_keys) > 20
    for key in quiz_keys:
        text = catalog()[key]
        assert text.placeholders("en") == text.placeholders("ja"), key
