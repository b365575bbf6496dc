"""initialization: a random orthogonal matrix drawn from a generator.

Any orthogonal matrix drawn from ``rng`` is right (QR with or without the sign fix, SVD,
Gram-Schmidt), so nothing is compared with the reference's values: the checks test
orthogonality and shape, and that the result depends on the generator and on nothing else
(same seed -> same matrix, two seeds -> two matrices).  Wrong results are recognized by
their structure: the Gaussian draw itself, a scaled uniform draw, R instead of Q, normalized
columns, the identity.
"""
from rnn_grader.engine import Exercise, Text
from rnn_grader.engine.checks import NamingPropertyCheck, SeedDependenceCheck
from rnn_grader.judges.initialization import (GAUSSIAN, GLOBAL_STATE, IDENTITY, IGNORES_RNG, NORMALIZED_ONLY,
                                             R_INSTEAD_OF_Q, UNIFORM, WRONG_SHAPE, orthogonality)
from rnn_grader.sandbox.plain import Rng

ORDER = 15


def seeds(rng, count):
    return [int(s) for s in rng.choice(2**31, size=count, replace=False)]


def square_sizes(rng):
    for n, seed in zip([2, 3, 5, 8], seeds(rng, 4)):
        yield n, Rng(seed)


def one_by_one(rng):
    for seed in seeds(rng, 2):
        yield 1, Rng(seed)


def seed_pairs(rng):
    """(args without the generator, seed_a, seed_b): two distinct seeds per size."""
    for n in (4, 3):
        seed_a, seed_b = seeds(rng, 2)
        yield (n,), seed_a, seed_b


ORTHOGONALITY_WRONG = [WRONG_SHAPE, GAUSSIAN, UNIFORM, R_INSTEAD_OF_Q, NORMALIZED_ONLY]

EXERCISE = Exercise("initialization", Text(en="Orthogonal initialization", ja="直交初期化"), checks=[
    NamingPropertyCheck("orthogonal", points=4, function="orthogonal_init", inputs=square_sizes,
                        arg_names=["n", "rng"], prop=orthogonality, misconceptions=ORTHOGONALITY_WRONG,
                        title=Text(en="an (n, n) orthogonal matrix, n = 2, 3, 5, 8",
                                   ja="(n, n) の直交行列（n = 2, 3, 5, 8）")),
    NamingPropertyCheck("one_by_one", points=1, function="orthogonal_init", inputs=one_by_one,
                        arg_names=["n", "rng"], prop=orthogonality, misconceptions=ORTHOGONALITY_WRONG,
                        title=Text(en="n = 1: the matrix [[1]] or [[-1]]", ja="n = 1: 行列 [[1]] または [[-1]]")),
    SeedDependenceCheck("depends_on_generator", points=3, function="orthogonal_init", inputs=seed_pairs,
                        arg_names=["n", "rng"], unrepeatable=GLOBAL_STATE, constant=[IDENTITY, IGNORES_RNG],
                        title=Text(en="same seed, same matrix; another seed, another matrix",
                                   ja="同じシードなら同じ行列、別のシードなら別の行列")),
])
