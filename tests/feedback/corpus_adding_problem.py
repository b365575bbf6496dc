"""Learner corpus for adding_problem: values, two distinct markers, the target sum."""

CASES = {
    "channels_first": ("channel_first", """
        import numpy as np
        def adding_problem(n_samples, T, rng):
            values = rng.random((n_samples, T))
            markers = np.zeros((n_samples, T))
            for i in range(n_samples):
                markers[i, rng.choice(T, size=2, replace=False)] = 1.0
            return np.stack([values, markers], axis=1), (values * markers).sum(axis=1)
    """),
    "one_mark": (("markers_may_coincide", "one_marker"), """
        import numpy as np
        def adding_problem(n_samples, T, rng):
            values = rng.random((n_samples, T))
            markers = np.zeros((n_samples, T))
            markers[np.arange(n_samples), rng.integers(0, T, n_samples)] = 1.0
            return np.stack([values, markers], axis=2), (values * markers).sum(axis=1)
    """),
    "two_independent_marks": ("markers_may_coincide", """
        import numpy as np
        def adding_problem(n_samples, T, rng):
            values = rng.random((n_samples, T))
            markers = np.zeros((n_samples, T))
            rows = np.arange(n_samples)
            markers[rows, rng.integers(0, T, n_samples)] = 1.0
            markers[rows, rng.integers(0, T, n_samples)] = 1.0
            return np.stack([values, markers], axis=2), (values * markers).sum(axis=1)
    """),
    "gaussian_values": ("normal_values", """
        import numpy as np
        def adding_problem(n_samples, T, rng):
            values = rng.standard_normal((n_samples, T))
            markers = np.zeros((n_samples, T))
            for i in range(n_samples):
                markers[i, rng.permutation(T)[:2]] = 1.0
            return np.stack([values, markers], axis=2), (values * markers).sum(axis=1)
    """),
    "integer_values": ("integer_values", """
        import numpy as np
        def adding_problem(n_samples, T, rng):
            values = rng.integers(0, 10, (n_samples, T)).astype(float)
            markers = np.zeros((n_samples, T))
            for i in range(n_samples):
                markers[i, rng.permutation(T)[:2]] = 1.0
            return np.stack([values, markers], axis=2), (values * markers).sum(axis=1)
    """),
    "range_end_exclusive_twice": ("last_position_never_marked", """
        import numpy as np
        def adding_problem(n_samples, T, rng):
            values = rng.random((n_samples, T))
            markers = np.zeros((n_samples, T))
            for i in range(n_samples):
                markers[i, rng.choice(T - 1, size=2, replace=False)] = 1.0
            return np.stack([values, markers], axis=2), (values * markers).sum(axis=1)
    """),
    "sums_everything": ("sum_of_all_values", """
        import numpy as np
        def adding_problem(n_samples, T, rng):
            values = rng.random((n_samples, T))
            markers = np.zeros((n_samples, T))
            for i in range(n_samples):
                markers[i, rng.choice(T, size=2, replace=False)] = 1.0
            return np.stack([values, markers], axis=2), values.sum(axis=1)
    """),
    "numpy_global": ("global_random_state", """
        import numpy as np
        def adding_problem(n_samples, T, rng):
            values = np.random.rand(n_samples, T)
            markers = np.zeros((n_samples, T))
            for i in range(n_samples):
                markers[i, np.random.choice(T, size=2, replace=False)] = 1.0
            return np.stack([values, markers], axis=2), (values * markers).sum(axis=1)
    """),
}

WRONG = {key: text for key, (_, text) in CASES.items()}
NAMES = {key: name for key, (name, _) in CASES.items()}

RIGHT = {
    "choice_loop": """
        import numpy as np
        def adding_problem(n_samples, T, rng):
            X = np.zeros((n_samples, T, 2))
            X[:, :, 0] = rng.uniform(0.0, 1.0, (n_samples, T))
            y = np.zeros(n_samples)
            for i in range(n_samples):
                a, b = rng.choice(T, size=2, replace=False)
                X[i, [a, b], 1] = 1.0
                y[i] = X[i, a, 0] + X[i, b, 0]
            return X, y
    """,
    "permutation": """
        import numpy as np
        def adding_problem(n_samples, T, rng):
            values = rng.random((n_samples, T))
            marks = np.zeros((n_samples, T))
            for row in range(n_samples):
                marks[row, rng.permutation(T)[:2]] = 1
            return np.dstack([values, marks]), np.einsum("nt,nt->n", values, marks)
    """,
    "argsort": """
        import numpy as np
        def adding_problem(n_samples, T, rng):
            values = rng.random((n_samples, T))
            first_two = np.argsort(rng.random((n_samples, T)), axis=1)[:, :2]
            marks = np.zeros_like(values)
            np.put_along_axis(marks, first_two, 1.0, axis=1)
            return np.stack((values, marks), -1), np.take_along_axis(values, first_two, 1).sum(1)
    """,
}
