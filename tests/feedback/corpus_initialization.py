"""Learner corpus for initialization: a random orthogonal matrix from QR."""

CASES = {
    "just_gaussian": ("gaussian_matrix", """
        import numpy as np
        def orthogonal_init(n, rng):
            return rng.standard_normal((n, n))
    """),
    "takes_R": (("gaussian_matrix", "r_instead_of_q"), """
        import numpy as np
        def orthogonal_init(n, rng):
            q, r = np.linalg.qr(rng.standard_normal((n, n)))
            return r
    """),
    "columns_scaled": ("normalized_columns", """
        import numpy as np
        def orthogonal_init(n, rng):
            A = rng.standard_normal((n, n))
            return A / np.linalg.norm(A, axis=0, keepdims=True)
    """),
    "numpy_global": ("global_random_state", """
        import numpy as np
        def orthogonal_init(n, rng):
            q, r = np.linalg.qr(np.random.randn(n, n))
            return q * np.sign(np.diag(r))
    """),
    "identity": ("identity", """
        import numpy as np
        def orthogonal_init(n, rng):
            return np.eye(n)
    """),
    "fixed_seed": ("ignores_rng", """
        import numpy as np
        def orthogonal_init(n, rng):
            g = np.random.default_rng(0)
            q, _ = np.linalg.qr(g.standard_normal((n, n)))
            return q
    """),
    "vector_not_matrix": (None, """
        import numpy as np
        def orthogonal_init(n, rng):
            v = rng.standard_normal(n)
            return v / np.linalg.norm(v)
    """),
    "uniform_not_orthogonal": ("uniform_matrix", """
        import numpy as np
        def orthogonal_init(n, rng):
            return rng.uniform(-1, 1, (n, n)) / np.sqrt(n)
    """),
}

WRONG = {key: text for key, (_, text) in CASES.items()}
NAMES = {key: name for key, (name, _) in CASES.items()}

RIGHT = {
    "qr_sign_fix": """
        import numpy as np
        def orthogonal_init(n, rng):
            q, r = np.linalg.qr(rng.normal(size=(n, n)))
            d = np.sign(np.diag(r))
            d[d == 0] = 1
            return q @ np.diag(d)
    """,
    "svd": """
        import numpy as np
        def orthogonal_init(n, rng):
            u, _, vt = np.linalg.svd(rng.standard_normal((n, n)))
            return u @ vt
    """,
    "plain_q": """
        import numpy as np
        def orthogonal_init(n, rng):
            return np.linalg.qr(rng.standard_normal((n, n)))[0]
    """,
}
