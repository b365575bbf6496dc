"""adding_problem: draw X (n, T, 2) and y (n,) of the adding problem from a generator.

The data are random, so nothing is compared with the reference's values.  Exact properties
(shapes, two distinct markers per row, y = the marked sum) are checked on every sample;
the distribution is checked on one large draw (n = 1000, T = 20) with bounds that a right
implementation violates with probability below 1e-9 (Hoeffding for the values, a union
bound for the marker positions).  Parts are separate checks: a learner who lays X out as
(n, 2, T) loses the shape points only, and the other parts are judged on X transposed.
"""
from rnn_grader.engine import Exercise, Text
from rnn_grader.engine.checks import NamingPropertyCheck, SeedDependenceCheck
from rnn_grader.judges.adding_problem import (CHANNEL_FIRST, COINCIDING, GLOBAL_STATE, IGNORES_RNG, INTEGER_VALUES, LAST_POSITION,
                                             N_LARGE, NORMAL_VALUES, ONE_MARKER, SUM_ALL, T_LARGE, both_marked,
                                             markers, positions, shapes, target, values)
from rnn_grader.sandbox.plain import Rng

ORDER = 16
SMALL = [(5, 10), (1, 3), (3, 7)]
TWO_STEPS = [(1, 2), (4, 2)]  # T = 2: both positions marked, y = the sum of both values


# ----------------------------------------------------------------------------- inputs
def seeds(rng, count):
    return [int(s) for s in rng.choice(2**31, size=count, replace=False)]


def small_draws(rng):
    for (n, T), seed in zip(SMALL, seeds(rng, len(SMALL))):
        yield n, T, Rng(seed)


def two_steps(rng):
    """T = 2, where (n, 2, T) and (n, T, 2) coincide: judged strictly, in a check of its own."""
    for (n, T), seed in zip(TWO_STEPS, seeds(rng, len(TWO_STEPS))):
        yield n, T, Rng(seed)


def large_draw(rng):
    yield N_LARGE, T_LARGE, Rng(seeds(rng, 1)[0])


def large_and_small(rng):
    """The large draw first: its failures are the ones that can be told apart."""
    yield from large_draw(rng)
    yield from small_draws(rng)


def seed_pairs(rng):
    seed_a, seed_b = seeds(rng, 2)
    yield (4, 6), seed_a, seed_b


def part(name, points, prop, inputs, wrong, en, ja):
    return NamingPropertyCheck(name, points=points, function="adding_problem", inputs=inputs,
                               arg_names=["n_samples", "T", "rng"], prop=prop, misconceptions=wrong,
                               title=Text(en=en, ja=ja))


EXERCISE = Exercise("adding_problem", Text(en="The adding problem", ja="加算問題"), checks=[
    part("shapes", 2, shapes, small_draws, [CHANNEL_FIRST],
         "X (n, T, 2) and y (n,), float64", "X (n, T, 2) と y (n,)、float64"),
    part("markers", 3, markers, large_and_small, [ONE_MARKER, COINCIDING],
         "exactly two markers at distinct positions in every row", "どの行も異なる 2 か所にだけ目印"),
    part("values", 3, values, large_and_small, [NORMAL_VALUES, INTEGER_VALUES],
         "values uniform in [0, 1) (statistical, n = 1000, T = 20)", "値が [0, 1) の一様乱数（統計的に検査、n = 1000、T = 20）"),
    part("positions", 2, positions, large_draw, [LAST_POSITION],
         "every position can be marked (n = 1000, T = 20)", "どの位置にも目印が付きうる（n = 1000、T = 20）"),
    part("target", 3, target, large_and_small, [SUM_ALL],
         "y is the sum of the two marked values", "y は目印の付いた 2 つの値の和"),
    part("two_steps", 1, both_marked, two_steps, [],
         "T = 2: both positions marked, y = the sum of both values", "T = 2: 両方の位置に目印、y は 2 つの値の和"),
    SeedDependenceCheck("depends_on_generator", points=2, function="adding_problem", inputs=seed_pairs,
                        arg_names=["n_samples", "T", "rng"], unrepeatable=GLOBAL_STATE, constant=[IGNORES_RNG],
                        title=Text(en="same seed, same data; another seed, other data",
                                   ja="同じシードなら同じデータ、別のシードなら別のデータ")),
])
