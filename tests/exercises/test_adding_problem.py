"""adding_problem: reference, stub, real mistakes in drawing the data, right alternatives."""
import pytest

from tests.exercises.standard import mutated, standard_tests

NAME = "adding_problem"

# A right implementation with a loop; the wrong ones below change a line of it.
BASE = """
import numpy as np

def adding_problem(n_samples, T, rng):
    X = np.zeros((n_samples, T, 2))
    X[:, :, 0] = rng.random((n_samples, T))
    for k in range(n_samples):
        first, second = rng.choice(T, size=2, replace=False)
        X[k, first, 1] = 1.0
        X[k, second, 1] = 1.0
    y = np.sum(X[:, :, 0] * X[:, :, 1], axis=1)
    return X, y
"""

CHOICE = "first, second = rng.choice(T, size=2, replace=False)"


def mutate(*pairs):
    return mutated(BASE, *pairs)


WRONG = {
    "channel_first": mutate(("X = np.zeros((n_samples, T, 2))\n", "X = np.zeros((n_samples, T, 2))\n    "
                                                                     "X = X  # channel first below\n"),
                            ("return X, y", "return X.transpose(0, 2, 1).copy(), y")),
    "one_marker": mutate(("        X[k, second, 1] = 1.0\n", "")),
    "markers_may_coincide": mutate((CHOICE, "first, second = rng.integers(0, T), rng.integers(0, T)")),
    "normal_values": mutate(("X[:, :, 0] = rng.random((n_samples, T))", "X[:, :, 0] = rng.normal(0.5, 0.3, (n_samples, T))")),
    "integer_values": mutate(("X[:, :, 0] = rng.random((n_samples, T))", "X[:, :, 0] = rng.integers(0, 2, (n_samples, T))")),
    "last_position_never_marked": mutate((CHOICE, "first, second = rng.choice(T - 1, size=2, replace=False)")),
    "sum_of_all_values": mutate(("y = np.sum(X[:, :, 0] * X[:, :, 1], axis=1)", "y = X[:, :, 0].sum(axis=1)")),
    "global_random_state": mutate((CHOICE, "first, second = np.random.choice(T, size=2, replace=False)")),
    "ignores_rng": mutate(("    X = np.zeros((n_samples, T, 2))\n", "    rng = np.random.default_rng(42)\n"
                                                                   "    X = np.zeros((n_samples, T, 2))\n")),
}

RIGHT = {
    "loop_with_choice": BASE,
    "vectorized_permutation_and_stack": """
        import numpy as np

        def adding_problem(n_samples, T, rng):
            values = rng.uniform(0.0, 1.0, size=(n_samples, T))
            order = rng.permuted(np.tile(np.arange(T), (n_samples, 1)), axis=1)
            markers = (order < 2).astype(float)
            X = np.stack([values, markers], axis=-1)
            return X, (values * markers).sum(axis=1)
    """,
    "second_position_shifted": """
        import numpy as np

        def adding_problem(n_samples, T, rng):
            X = np.zeros((n_samples, T, 2))
            X[..., 0] = rng.random((n_samples, T))
            y = np.zeros(n_samples)
            for k in range(n_samples):
                a = rng.integers(0, T)
                b = (a + rng.integers(1, T)) % T          # any other position, uniformly
                X[k, [a, b], 1] = 1
                y[k] = X[k, a, 0] + X[k, b, 0]
            return X, y
    """,
}


test_reference, test_stub, test_wrong, test_right = standard_tests(NAME, WRONG, RIGHT, stub_none_rendered=True)


def test_channel_first_loses_only_the_shape_points(grade_source):
    result = grade_source(NAME, WRONG["channel_first"])
    lost = {c.name for c in result.checks if c.score < c.points}
    assert lost == {"shapes", "two_steps"}     # at T = 2 the two layouts have the same shape


@pytest.mark.parametrize("seed", [5, 6, 7])
def test_coinciding_markers_are_caught_whatever_the_seed(grade_source, seed):
    result = grade_source(NAME, WRONG["markers_may_coincide"], seed=seed)
    markers = {c.name: c for c in result.checks}["markers"]
    assert markers.score == 0 and markers.misconception == "markers_may_coincide"
    assert any("replace=False" in m.render("en") for m in markers.messages)
