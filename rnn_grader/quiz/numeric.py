"""Float evaluation of the sympy expressions the parser can build, at given symbol values.

A small recursive evaluator over the expression tree (numbers, symbols, ``+``, ``*``, ``**``,
``exp``, ``log``, ``tanh``, ``Abs``, undefined functions) in plain Python floats: it never generates or
runs code, and an overflow or a value outside a function's domain gives ``nan`` instead of an
exception.  Undefined functions (``f``, ``g``, ``f'``) are replaced by fixed smooth stand-ins
chosen from their name, the same on both sides of a comparison.
"""
from __future__ import annotations

import math
import zlib

import sympy
from sympy.core.function import AppliedUndef

NAN = float("nan")


class Unsupported(TypeError):
    """The expression holds a node the evaluator does not know."""


def _stand_in(name: str, x: float) -> float:
    """A fixed non-linear function per name, e.g. for ``f`` and ``f'``."""
    seed = zlib.crc32(name.encode("utf-8"))
    a = 0.5 + (seed % 97) / 97
    b = (seed // 97 % 89) / 89
    c = 0.2 + (seed // 8633 % 83) / 83
    return math.sin(a * x + b) + c * x + 0.3 * math.cos(x * x * c)


def _pow(base: float, exponent: float) -> float:
    try:
        result = math.pow(base, exponent)
    except (OverflowError, ValueError, ZeroDivisionError):
        return NAN
    return result


def _call(name, argument: float) -> float:
    try:
        if name == "exp":
            return math.exp(argument)
        if name == "log":
            return math.log(argument)
        if name == "tanh":
            return math.tanh(argument)
    except (OverflowError, ValueError):
        return NAN
    raise Unsupported(name)


def evaluate(expr, values: dict) -> float:
    """``expr`` as a float, with ``values`` mapping each sympy Symbol to a float."""
    if expr.is_Number:
        try:
            return float(expr)
        except (OverflowError, TypeError):
            return NAN
    if expr.is_Symbol:
        return values[expr]
    if expr.is_NumberSymbol:
        return float(expr)
    if expr.is_Add:
        return sum(evaluate(arg, values) for arg in expr.args)
    if expr.is_Mul:
        result = 1.0
        for arg in expr.args:
            result *= evaluate(arg, values)
        return result
    if expr.is_Pow:
        return _pow(evaluate(expr.base, values), evaluate(expr.exp, values))
    if isinstance(expr, AppliedUndef) and len(expr.args) == 1:
        return _stand_in(str(expr.func), evaluate(expr.args[0], values))
    if isinstance(expr, sympy.Abs):  # sqrt(x^2) of a real x
        return abs(evaluate(expr.args[0], values))
    if isinstance(expr, (sympy.exp, sympy.log, sympy.tanh)) and len(expr.args) == 1:
        return _call(type(expr).__name__, evaluate(expr.args[0], values))
    raise Unsupported(type(expr).__name__)


def evaluate_constant(expr) -> float:
    """A symbol-free expression as a float (``nan``/``inf`` when it cannot be represented)."""
    try:
        return evaluate(expr, {})
    except (Unsupported, KeyError):
        return NAN
