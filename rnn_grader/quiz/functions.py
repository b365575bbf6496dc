"""The named functions and constants a formula may use, as sympy builders.

Every entry maps a lower-case name to a function of one sympy argument that returns a sympy
expression; nothing else can be called from a learner's formula.

* ``sigmoid(x)`` / ``σ(x)`` is built as ``1/(1 + exp(-x))`` so that forms written with ``exp``
  compare equal; ``σ'(x)`` is ``σ(x)(1 − σ(x))`` and ``tanh'(x)`` is ``1 − tanh(x)²``.
* ``f`` and ``g`` are undefined functions (``sympy.Function``).  A primed name such as ``f'``
  is a *distinct* undefined function named ``f'`` (``Function("f'")``): the course writes the
  derivative of the activation as ``f'(u)`` and never needs to differentiate it, so the checker
  treats it as its own opaque function.
"""
from __future__ import annotations

import sympy


def sigmoid(x):
    return 1 / (1 + sympy.exp(-x))


def d_sigmoid(x):
    return sigmoid(x) * (1 - sigmoid(x))


def _undefined(name: str):
    function = sympy.Function(name)
    return lambda x: function(x)


FUNCTIONS = {
    "exp": sympy.exp,
    "log": sympy.log,
    "ln": sympy.log,
    "tanh": sympy.tanh,
    "sqrt": sympy.sqrt,
    "sigmoid": sigmoid,
    "sigma": sigmoid,
    "sigmoid'": d_sigmoid,
    "sigma'": d_sigmoid,
    "tanh'": lambda x: 1 - sympy.tanh(x) ** 2,
    "f": _undefined("f"),
    "g": _undefined("g"),
    "f'": _undefined("f'"),
    "g'": _undefined("g'"),
}

CONSTANTS = {"e": sympy.E, "pi": sympy.pi}
