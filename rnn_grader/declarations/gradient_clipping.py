"""gradient_clipping: rescale a gradient whose L2 norm exceeds the threshold.

The exam question's distractors are the misconceptions: dividing by the norm alone,
dividing by the threshold, and np.maximum; learners also clip element-wise or forget
the zero gradient.
"""
import numpy as np

from rnn_grader.engine import Exercise, Misconception, Text, ValueCheck
from solutions.gradient_clipping import gradient_clipping as reference

ORDER = 2
SHAPES = [(5,), (3, 4), (2, 3, 4), (1,)]


def with_norm(rng, shape, norm):
    grad = rng.standard_normal(shape)
    return grad * (norm / np.linalg.norm(grad))


def too_large(rng):
    """Gradients whose norm is 1.5 to 20 times the threshold, several shapes."""
    for shape in SHAPES:
        threshold = float(rng.uniform(0.5, 5.0))
        yield with_norm(rng, shape, threshold * rng.uniform(1.5, 20.0)), threshold


def small_enough(rng):
    """Gradients already within the threshold come back unchanged."""
    for shape in SHAPES[:3]:
        threshold = float(rng.uniform(0.5, 5.0))
        yield with_norm(rng, shape, threshold * rng.uniform(0.05, 0.9)), threshold


def edge_cases(rng):
    """A zero gradient, and a norm exactly at the threshold (both unchanged)."""
    yield np.zeros((3, 4)), 1.0
    grad = rng.standard_normal((4,))
    yield grad, float(np.linalg.norm(grad))


WRONG = [
    Misconception("divide_by_norm", lambda grad, threshold: grad / np.linalg.norm(grad), Text(
        en="your result is `grad / norm`: that has norm 1, not `threshold`. The clipped gradient "
           "must have norm `threshold`, so multiply by `rate = threshold / norm` (choice (1) "
           "`gradient * rate` of the exam question, not (2)).",
        ja="結果が `grad / norm` になっています。これはノルムが 1 になるだけで、しきい値にはなりません。"
           "ノルムを `threshold` にするには `rate = threshold / norm` を掛けます（試験問題の選択肢 (1) "
           "`gradient * rate`。(2) ではありません）。")),
    Misconception("divide_by_threshold", lambda grad, threshold: grad / threshold, Text(
        en="your result is `grad / threshold`: its norm is `norm / threshold`, which is not the "
           "threshold. Scale by `threshold / norm` instead (choice (1), not (3)).",
        ja="結果が `grad / threshold` になっています。そのノルムは `norm / threshold` で、しきい値には"
           "なりません。`threshold / norm` を掛けてください（選択肢 (1)。(3) ではありません）。")),
    Misconception("maximum", lambda grad, threshold: np.maximum(grad, threshold), Text(
        en="your result is `np.maximum(grad, threshold)`: it compares each element with the "
           "threshold and even enlarges small ones. Clipping rescales the whole gradient by "
           "`threshold / norm` (choice (1), not (4)).",
        ja="結果が `np.maximum(grad, threshold)` になっています。要素ごとにしきい値と比べるだけで、"
           "小さい要素をかえって大きくします。クリッピングは勾配全体に `threshold / norm` を掛けます"
           "（選択肢 (1)。(4) ではありません）。")),
    Misconception("elementwise_clip", lambda grad, threshold: np.clip(grad, -threshold, threshold), Text(
        en="you clipped each element to [-threshold, threshold]: that changes the gradient's "
           "direction. Clip by the norm: multiply the whole gradient by `threshold / norm`.",
        ja="各要素を [-threshold, threshold] に切り詰めています。これでは勾配の向きが変わります。"
           "ノルムでクリップし、勾配全体に `threshold / norm` を掛けてください。")),
    Misconception("always_rescale", lambda grad, threshold: grad * (threshold / np.linalg.norm(grad)), Text(
        en="you rescale every gradient to norm `threshold`, also small ones. Only a gradient whose "
           "norm is larger than the threshold is clipped; the others come back unchanged.",
        ja="ノルムがしきい値より小さい勾配まで拡大しています。ノルムがしきい値を超えたときだけ縮め、"
           "それ以外はそのまま返してください。")),
    Misconception("inverted_rate", lambda grad, threshold: grad * (np.linalg.norm(grad) / threshold), Text(
        en="your rate is `norm / threshold`, upside down: it makes large gradients even larger. "
           "Use `rate = threshold / norm`.",
        ja="rate が `norm / threshold` と逆になっていて、大きな勾配をさらに大きくしています。"
           "`rate = threshold / norm` を使ってください。")),
]



def clipped_by(norm_of):
    """Clipping with another 'norm' than the global L2 norm (the misconception formulas)."""
    def run(grad, threshold):
        norm = norm_of(grad)
        return grad * (threshold / norm) if norm > threshold else grad
    return run


def clipped_per_row(grad, threshold):
    """Each row clipped by its own L2 norm (rows of a 2-D or higher gradient)."""
    if grad.ndim < 2:
        raise ValueError("a 1-D gradient has no rows")
    norms = np.linalg.norm(grad, axis=-1, keepdims=True)
    return np.where(norms > threshold, grad * (threshold / np.where(norms > 0, norms, 1.0)), grad)


WRONG += [
    Misconception("l1_norm", clipped_by(lambda g: np.abs(g).sum()), Text(
        en="you measure the gradient with the L1 norm (the sum of |g|). Clipping uses the L2 norm of all "
           "elements: `norm = np.sqrt(np.sum(grad ** 2))` (`np.linalg.norm(grad)` for any shape).",
        ja="勾配の大きさを L1 ノルム（|g| の和）で測っています。クリッピングでは全要素の L2 ノルムを使います: "
           "`norm = np.sqrt(np.sum(grad ** 2))`（どの形状でも `np.linalg.norm(grad)`）。")),
    Misconception("max_norm", clipped_by(lambda g: np.abs(g).max()), Text(
        en="you measure the gradient by its largest |element| (the max norm). Clipping uses the L2 norm "
           "of all elements together: `norm = np.sqrt(np.sum(grad ** 2))`.",
        ja="勾配の大きさを要素の絶対値の最大（最大値ノルム）で測っています。クリッピングでは全要素をまとめた "
           "L2 ノルムを使います: `norm = np.sqrt(np.sum(grad ** 2))`。")),
    Misconception("per_row_norm", clipped_per_row, Text(
        en="you clip each row by its own norm (`np.linalg.norm(grad, axis=...)`). Gradient clipping "
           "rescales the WHOLE gradient by one factor, from the L2 norm of all its elements, so that "
           "its direction is kept.",
        ja="行ごとにそれぞれのノルムでクリップしています（`np.linalg.norm(grad, axis=...)`）。勾配クリッピングは、"
           "全要素の L2 ノルムから求めた 1 つの係数で勾配「全体」を縮め、向きを保ちます。")),
    Misconception("squared_norm", clipped_by(lambda g: np.sum(g ** 2)), Text(
        en="you measure the gradient by the SUM OF SQUARES of its elements, the norm without its square "
           "root. The L2 norm is `np.sqrt(np.sum(grad ** 2))` (or `np.linalg.norm(grad)`).",
        ja="勾配の大きさを要素の二乗和で測っています（平方根を取り忘れたノルム）。L2 ノルムは "
           "`np.sqrt(np.sum(grad ** 2))`（または `np.linalg.norm(grad)`）です。")),
    # observed, not guessed: a reversed condition (`if rate < 1: return grad`) and no clipping at
    # all look the same on these gradients
    Misconception("large_gradients_unchanged", lambda grad, threshold: grad, Text(
        en="gradients whose norm is above the threshold come back unchanged: nothing was clipped. Check "
           "the condition: rescale when `norm > threshold` (`rate = threshold / norm < 1`), keep the "
           "gradient otherwise.",
        ja="ノルムがしきい値を超える勾配がそのまま返されていて、クリップされていません。条件を確認してください: "
           "`norm > threshold`（`rate = threshold / norm < 1`）のときに縮め、それ以外はそのまま返します。")),
]

# at norm == threshold, the squared norm (threshold²) rescales to grad / threshold: it looks like
# `>=` with grad / norm there
AMBIGUOUS_AT_EDGE = ("divide_by_norm", "divide_by_threshold", "always_rescale", "squared_norm")

EXERCISE = Exercise("gradient_clipping", Text(en="Gradient clipping", ja="勾配クリッピング"), checks=[
    ValueCheck("clips_large_gradients", points=4, function="gradient_clipping", inputs=too_large,
               reference=reference, misconceptions=WRONG,
               title=Text(en="clips gradients above the threshold", ja="しきい値を超える勾配のクリップ")),
    ValueCheck("keeps_small_gradients", points=2, function="gradient_clipping", inputs=small_enough,
               reference=reference, misconceptions=WRONG,
               title=Text(en="keeps gradients within the threshold", ja="しきい値以下の勾配はそのまま")),
    # At norm == threshold, grad / norm and grad / threshold coincide, and on a zero gradient
    # every division by the norm gives NaN: the edge cases name none of these (the NaN message
    # says what is wrong there).
    ValueCheck("edge_cases", points=2, function="gradient_clipping", inputs=edge_cases,
               reference=reference, misconceptions=[w for w in WRONG if w.name not in AMBIGUOUS_AT_EDGE],
               title=Text(en="zero gradient, norm exactly at the threshold",
                          ja="ゼロ勾配、ノルムがちょうどしきい値")),
])
