"""A small precedence-climbing parser: checked tokens → a sympy expression.

Grammar (implicit multiplication binds like ``*``; ``^`` is right-associative)::

    sum     := product (("+" | "-") product)*
    product := unary (("*" | "/") unary | power)*      # a following atom multiplies
    unary   := ("+" | "-") unary | power
    power   := atom ("^" unary)?
    atom    := number | symbol | constant | function call | "(" sum ")" | "[" sum "]"
    call    := function "(" sum ")" | function power       # log σ^2 = log(σ^2)

sympy objects are built directly (Integer, Rational, Symbol, +, *, Pow, the whitelisted
functions); no text is ever handed to ``eval``, ``sympify`` or ``parse_expr``.  Powers are
bounded *before* they are built: a numeric exponent may be at most ``MAX_EXPONENT`` in size and
a power of two numbers at most ``MAX_POWER_BITS`` bits, so ``9^9^9^9`` is refused, not computed;
and a formula that would have more than ``expansion.MAX_TERMS`` terms multiplied out
(``(a+b+c+d)^60``) is refused before any simplification sees it.
"""
from __future__ import annotations

import math

import sympy

from rnn_grader.quiz.errors import Refused
from rnn_grader.quiz.expansion import check_expansion
from rnn_grader.quiz.numeric import evaluate_constant
from rnn_grader.quiz.tokens import Token

MAX_EXPONENT = 100
MAX_POWER_BITS = 4096
MAX_RECURSION = 120
ATOM_START = ("num", "symbol", "constant", "function")


class Parser:
    """Parse one token list; ``parse()`` returns the sympy expression or raises ``Refused``."""

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.pos = 0
        self.depth = 0

    # -- helpers --------------------------------------------------------------------------
    def peek(self) -> Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def next(self) -> Token:
        token = self.peek()
        if token is None:
            raise Refused("quiz.refused_syntax", near="(end)")
        self.pos += 1
        return token

    def at_op(self, *ops: str) -> bool:
        token = self.peek()
        return token is not None and token.kind == "op" and token.value in ops

    def expect(self, op: str):
        token = self.next()
        if token.kind != "op" or token.value != op:
            raise Refused("quiz.refused_syntax", near=token.text)

    def enter(self):
        self.depth += 1
        if self.depth > MAX_RECURSION:
            raise Refused("quiz.refused_depth", limit=MAX_RECURSION)

    # -- grammar --------------------------------------------------------------------------
    def parse(self):
        if not self.tokens:
            raise Refused("quiz.refused_empty")
        result = self.sum()
        if self.peek() is not None:
            raise Refused("quiz.refused_syntax", near=self.peek().text)
        if result.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
            raise Refused("quiz.refused_undefined")
        check_powers(result)
        check_expansion(result)
        return result

    def sum(self):
        self.enter()
        result = self.product()
        while self.at_op("+", "-"):
            op = self.next().value
            right = self.product()
            result = result + right if op == "+" else result - right
        self.depth -= 1
        return result

    def product(self):
        result = self.unary()
        while True:
            if self.at_op("*"):
                self.next()
                result = result * self.unary()
            elif self.at_op("/"):
                self.next()
                result = result / self.unary()
            elif self.starts_atom():
                result = result * self.power()
            else:
                return result

    def starts_atom(self) -> bool:
        token = self.peek()
        return token is not None and (token.kind in ATOM_START or self.at_op("(", "["))

    def unary(self):
        self.enter()
        if self.at_op("-", "+"):
            op = self.next().value
            operand = self.unary()
            result = -operand if op == "-" else operand
        else:
            result = self.power()
        self.depth -= 1
        return result

    def power(self):
        base = self.atom()
        if self.at_op("^"):
            self.next()
            return bounded_pow(base, self.unary())
        return base

    def atom(self):
        token = self.next()
        if token.kind == "num":
            return sympy.Rational(token.value.numerator, token.value.denominator)
        if token.kind in ("symbol", "constant"):
            return token.value
        if token.kind == "function":
            return self.call(*token.value)
        if token.kind == "op" and token.value in "([":
            inner = self.sum()
            self.expect(")" if token.value == "(" else "]")
            return inner
        raise Refused("quiz.refused_syntax", near=token.text)

    def call(self, name: str, builder):
        if self.at_op("(", "["):
            argument = self.atom()
        elif self.starts_atom():
            argument = self.power()
        else:
            raise Refused("quiz.refused_function_arg", name=name)
        if argument.is_number:
            check_constant(argument)
        result = builder(argument)
        if result.is_number:
            check_constant(result)
        return result


def check_constant(value) -> None:
    """Refuse a symbol-free value that is not a finite float, e.g. ``exp(exp(1000))``.

    sympy may evaluate such constants with mpmath when it asks about their sign; bounding
    them first keeps that evaluation small.
    """
    number = evaluate_constant(value)
    if not math.isfinite(number):
        raise Refused("quiz.refused_power")


def bounded_pow(base, exponent):
    """``base ** exponent``, refused when the exponent or a numeric result would be huge."""
    if base.is_number:
        check_constant(base)
    if exponent.is_number:
        size = evaluate_constant(exponent)
        if not math.isfinite(size) or abs(size) > MAX_EXPONENT:
            raise Refused("quiz.refused_exponent", limit=MAX_EXPONENT)
        if base.is_Rational:
            bits = max(abs(base.p).bit_length(), base.q.bit_length())
            if bits > 200 or abs(size) * bits > MAX_POWER_BITS:
                raise Refused("quiz.refused_power")
        elif base.is_number:
            magnitude = abs(evaluate_constant(base))
            if not math.isfinite(magnitude) or abs(size) * abs(math.log2(magnitude or 1.0)) > MAX_POWER_BITS:
                raise Refused("quiz.refused_power")
    return sympy.Pow(base, exponent)


def check_powers(expr):
    """Refuse when sympy has merged powers into a too large exponent, e.g. ``(x+1)^100 (x+1)^100``."""
    for node in sympy.preorder_traversal(expr):
        if node.is_Pow and node.exp.is_Number and abs(node.exp) > MAX_EXPONENT:
            raise Refused("quiz.refused_exponent", limit=MAX_EXPONENT)


def parse_tokens(tokens: list[Token]):
    """The sympy expression of a checked token list (see the module docstring)."""
    return Parser(tokens).parse()
