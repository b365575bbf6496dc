"""Exercise: orthogonal initialization (直交初期化).

A recurrent weight matrix W is multiplied into the state at every step, so the gradient
through T steps contains W T times.  If W is orthogonal (Q Qᵀ = Qᵀ Q = I), every
singular value is 1: products of W neither explode nor vanish at the start of training.

A random orthogonal matrix: draw A (n, n) with i.i.d. N(0, 1) entries from the generator,
take its QR decomposition A = Q R, and return Q (optionally with the column signs fixed,
Q * sign(diag(R)), which makes the distribution uniform over orthogonal matrices).

RNN の重み W は時刻ごとに掛けられるので、T ステップの勾配には W が T 回現れる。W が直交行列
（Q Qᵀ = I）なら特異値はすべて 1 で、学習開始時に勾配が爆発も消失もしない。ガウス行列を
QR 分解して Q を使う。
"""
import numpy as np


def orthogonal_init(n, rng):
    """A random (n, n) orthogonal matrix.

    Inputs:
    - n: positive int, the size (e.g. the hidden size H).
    - rng: a numpy.random.Generator (np.random.default_rng(seed)); draw every random
      number from it, so that the same seed gives the same matrix and different seeds
      give different ones.  Do not use np.random.* functions (the global generator).

    Returns:
    - Q: ndarray (n, n), float64, with Q @ Q.T = I.

    Hint: rng.standard_normal((n, n)) and np.linalg.qr.
    ヒント: rng.standard_normal((n, n)) と np.linalg.qr を使う。返すのは R ではなく Q。
    """
    Q = None
    ###########################################################################
    # TODO: draw a Gaussian matrix from rng and orthogonalize it.            #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return Q
