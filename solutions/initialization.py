"""Reference: a random orthogonal matrix from the QR decomposition of a Gaussian matrix."""
import numpy as np


def orthogonal_init(n, rng):
    """An (n, n) orthogonal matrix drawn from ``rng`` (a numpy.random.Generator)."""
    A = rng.standard_normal((n, n))            # (n, n), i.i.d. N(0, 1)
    Q, R = np.linalg.qr(A)                     # A = Q R, Q orthogonal
    signs = np.where(np.diag(R) < 0, -1.0, 1.0)
    return Q * signs                           # fix the column signs: Q is then uniformly distributed
