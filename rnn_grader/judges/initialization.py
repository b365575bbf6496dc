"""initialization, judged without an answer: orthogonality, and the wrong matrices it
recognizes by their structure.  Shipped to learners with the kit (see ``rnn_grader.judges``)."""
import numpy as np

from rnn_grader.engine import Misconception, Text, msg
from rnn_grader.engine.compare import describe_type

ORTHOGONALITY_TOL = 1e-8    # max |Q Qᵀ - I|: a QR/SVD/Gram-Schmidt result is ~1e-14 for n <= 8

NOT_ORTHOGONAL = Text(
    en="the result is not orthogonal: Q @ Q.T differs from the identity by up to {error}.",
    ja="結果が直交行列ではありません: Q @ Q.T と単位行列の差が最大 {error} あります。")


def gaussian_draw(n, generator):
    """The first (n, n) standard normal draw of the learner's generator (the usual first step)."""
    return np.random.default_rng(generator.seed).standard_normal((n, n))


WRONG_SHAPE = Misconception("wrong_shape", None, Text(
    en="your matrix has orthonormal columns but not the shape (n, n): the Q of a non-square matrix "
       "(e.g. (2n, n)) has the shape of that matrix. Decompose a square (n, n) Gaussian matrix.",
    ja="列は正規直交ですが、形状が (n, n) ではありません。正方でない行列（例えば (2n, n)）の Q はその行列の形になります。"
       "(n, n) のガウス行列を分解してください。"))
GAUSSIAN = Misconception("gaussian_matrix", gaussian_draw, Text(
    en="your result is the Gaussian draw itself (or a multiple of it). A Gaussian matrix is not "
       "orthogonal; orthogonalize it: Q, R = np.linalg.qr(A) and return Q.",
    ja="結果がガウス乱数の行列そのもの（またはその定数倍）です。ガウス行列は直交ではありません。"
       "Q, R = np.linalg.qr(A) で直交化し、Q を返してください。"))
R_INSTEAD_OF_Q = Misconception("r_instead_of_q", lambda n, generator: np.linalg.qr(gaussian_draw(n, generator))[1], Text(
    en="your result is upper triangular: that is R of A = Q R, not Q. np.linalg.qr returns (Q, R); "
       "the orthogonal factor is the first one.",
    ja="結果が上三角行列です。これは A = Q R の R で、Q ではありません。np.linalg.qr は (Q, R) を返し、"
       "直交行列は 1 つ目です。"))
UNIFORM = Misconception("uniform_matrix", None, Text(
    en="your result is a uniform random draw (rng.uniform or rng.random, scaled): a random matrix is "
       "not orthogonal, whatever its scale (Xavier or He scaling included). Draw a Gaussian matrix "
       "and take the Q of its QR decomposition.",
    ja="結果が一様乱数の行列（rng.uniform や rng.random をスケールしたもの）です。ランダムな行列はスケールに"
       "かかわらず（Xavier や He のスケールでも）直交ではありません。ガウス行列を引き、その QR 分解の Q を使ってください。"))
NORMALIZED_ONLY = Misconception("normalized_columns", None, Text(
    en="your columns (or rows) have length 1 but are not orthogonal to each other. Normalizing is "
       "not enough: QR (or Gram-Schmidt) also makes every pair of columns orthogonal.",
    ja="列（または行）の長さは 1 ですが、互いに直交していません。正規化だけでは足りません。QR 分解"
       "（またはグラム・シュミット）で、どの 2 列も直交させてください。"))
GLOBAL_STATE = Misconception("global_random_state", None, Text(
    en="your function does not draw from `rng` alone: np.random.randn / np.random.normal (the global "
       "generator) or a fresh default_rng() give a new matrix on every call. Use rng.standard_normal((n, n)).",
    ja="`rng` だけから乱数を引いていません。np.random.randn や np.random.normal（グローバルな生成器）、"
       "新しく作った default_rng() は呼ぶたびに違う行列を返します。rng.standard_normal((n, n)) を使ってください。"))
IDENTITY = Misconception("identity", lambda n, generator: np.eye(n), Text(
    en="you return the identity. It is orthogonal, but not random: every recurrent matrix would be "
       "the same. Draw a Gaussian matrix from rng and take the Q of its QR decomposition.",
    ja="単位行列を返しています。直交ではありますがランダムではなく、どの重みも同じになります。"
       "rng からガウス行列を引き、その QR 分解の Q を使ってください。"))
IGNORES_RNG = Misconception("ignores_rng", None, Text(
    en="your result does not depend on `rng` (a fixed seed inside the function?). Draw the random "
       "numbers from the generator you are given.",
    ja="結果が `rng` に依存していません（関数の中でシードを固定していませんか）。渡された生成器から乱数を引いてください。"))


def orthogonality(args, Q):
    """None when Q is an (n, n) float64 orthogonal matrix; else a message or a misconception."""
    n, generator = args
    if not isinstance(Q, np.ndarray) or Q.ndim != 2:
        return msg("compare.none") if Q is None else msg("compare.type", got=describe_type(Q),
                                                           expected=f"ndarray({n}, {n})")
    if Q.dtype != np.float64:
        return msg("compare.dtype", got=Q.dtype, expected="float64")
    if not np.isfinite(Q).all():
        return msg("compare.nonfinite")
    if Q.shape != (n, n):
        columns_orthonormal = Q.shape[1] <= Q.shape[0] and np.allclose(Q.T @ Q, np.eye(Q.shape[1]), atol=1e-8)
        return WRONG_SHAPE if columns_orthonormal else msg("compare.shape", got=Q.shape, expected=(n, n))
    error = max(np.abs(Q @ Q.T - np.eye(n)).max(), np.abs(Q.T @ Q - np.eye(n)).max())
    if error <= ORTHOGONALITY_TOL:
        return None
    return diagnosis(Q, n, generator) or NOT_ORTHOGONAL.format(error=f"{error:.2e}")


def diagnosis(Q, n, generator):
    """Which known wrong matrix a non-orthogonal Q is (None when none).  For n = 1 every
    number is a multiple of the draw, so only the exact draw (or R) is named there."""
    G = gaussian_draw(n, generator)
    ratio = Q / G
    if np.allclose(ratio, ratio.flat[0] if n > 1 else 1.0, rtol=1e-6, atol=0):
        return GAUSSIAN
    if n > 1 and is_affine_in(Q, np.random.default_rng(generator.seed).random((n, n))):
        return UNIFORM
    if np.allclose(Q, R_INSTEAD_OF_Q.formula(n, generator)) or (n > 1 and np.allclose(np.tril(Q, -1), 0, atol=1e-12)):
        return R_INSTEAD_OF_Q
    if n > 1 and (np.allclose(np.linalg.norm(Q, axis=0), 1) or np.allclose(np.linalg.norm(Q, axis=1), 1)):
        return NORMALIZED_ONLY
    return None


def is_affine_in(Q, U) -> bool:
    """Is Q = alpha * U + beta (alpha != 0) for the learner's first uniform draw U in [0, 1)?
    (rng.uniform(low, high) is low + (high - low) * rng.random(): the same stream.)"""
    design = np.column_stack([U.ravel(), np.ones(U.size)])
    (alpha, beta), *_ = np.linalg.lstsq(design, Q.ravel(), rcond=None)
    return abs(alpha) > 1e-12 and np.allclose(alpha * U + beta, Q, rtol=1e-9, atol=1e-12 * abs(alpha))
