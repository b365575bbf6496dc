"""initialization: reference, stub, real mistakes with random matrices, right alternatives."""
import pytest

from tests.exercises.standard import standard_tests

NAME = "initialization"

WRONG = {
    "uniform_matrix": """
        import numpy as np
        def orthogonal_init(n, rng):
            limit = np.sqrt(6.0 / (n + n))          # Xavier's uniform bound
            return rng.uniform(-limit, limit, size=(n, n))
    """,
    "gaussian_matrix": """
        import numpy as np
        def orthogonal_init(n, rng):
            return rng.standard_normal((n, n)) / np.sqrt(n)
    """,
    "r_instead_of_q": """
        import numpy as np
        def orthogonal_init(n, rng):
            R = np.linalg.qr(rng.standard_normal((n, n)))[1]
            return R
    """,
    "normalized_columns": """
        import numpy as np
        def orthogonal_init(n, rng):
            A = rng.standard_normal((n, n))
            return A / np.linalg.norm(A, axis=0)
    """,
    "wrong_shape": """
        import numpy as np
        def orthogonal_init(n, rng):
            Q, R = np.linalg.qr(rng.standard_normal((2 * n, n)))
            return Q
    """,
    "global_random_state": """
        import numpy as np
        def orthogonal_init(n, rng):
            Q, R = np.linalg.qr(np.random.randn(n, n))
            return Q
    """,
    "identity": """
        import numpy as np
        def orthogonal_init(n, rng):
            return np.eye(n)
    """,
    "ignores_rng": """
        import numpy as np
        def orthogonal_init(n, rng):
            Q, R = np.linalg.qr(np.random.default_rng(0).standard_normal((n, n)))
            return Q
    """,
}

RIGHT = {
    "qr_without_sign_fix": """
        import numpy as np
        def orthogonal_init(n, rng):
            Q, _ = np.linalg.qr(rng.normal(size=(n, n)))
            return Q
    """,
    "svd": """
        import numpy as np
        def orthogonal_init(n, rng):
            U, s, Vt = np.linalg.svd(rng.standard_normal((n, n)))
            return U @ Vt
    """,
    "gram_schmidt_of_uniform": """
        import numpy as np
        def orthogonal_init(n, rng):
            A = rng.uniform(-1, 1, (n, n))
            Q = np.zeros((n, n))
            for j in range(n):
                v = A[:, j].copy()
                for _ in range(2):                   # re-orthogonalize once for accuracy
                    for k in range(j):
                        v -= (Q[:, k] @ v) * Q[:, k]
                Q[:, j] = v / np.linalg.norm(v)
            return Q
    """,
    "qr_of_a_wide_matrix": """
        import numpy as np
        def orthogonal_init(n, rng):
            Q, _ = np.linalg.qr(rng.standard_normal((n, 3 * n)))
            return Q
    """,
}


test_reference, test_stub, test_wrong, test_right = standard_tests(NAME, WRONG, RIGHT, stub_none_rendered=True)


@pytest.mark.parametrize("misconception", ["identity", "global_random_state", "ignores_rng"])
def test_orthogonal_but_wrongly_random_keeps_the_orthogonality_points(grade_source, misconception):
    result = grade_source(NAME, WRONG[misconception])
    checks = {c.name: c for c in result.checks}
    assert checks["orthogonal"].score == checks["orthogonal"].points
    assert checks["depends_on_generator"].score == 0
