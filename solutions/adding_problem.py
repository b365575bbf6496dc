"""Reference: the adding problem, a long-memory benchmark for RNNs."""
import numpy as np


def adding_problem(n_samples, T, rng):
    """X (n, T, 2): random values and two markers; y (n,): the sum of the two marked values."""
    values = rng.random((n_samples, T))                                # uniform in [0, 1)
    marks = np.argsort(rng.random((n_samples, T)), axis=1)[:, :2]      # 2 distinct positions per row
    markers = np.zeros((n_samples, T))
    np.put_along_axis(markers, marks, 1.0, axis=1)
    X = np.stack([values, markers], axis=2)                            # (n, T, 2)
    y = np.sum(values * markers, axis=1)                               # (n,)
    return X, y
