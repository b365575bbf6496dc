"""word2vec: CBOW scores from the mean of the context embeddings, and a stable softmax
cross-entropy.

Mistakes that mix up the two weight matrices or the axes only run when sizes coincide, so
the first CBOW case has N == C and V == H.  The loss is judged on moderate scores, on scores
in the thousands (naive softmax: NaN; log of a softmax that rounded to 0: inf; the
textbook's log(p + 1e-7): about 16), and on V = 1, confident and uniform predictions.
"""
import numpy as np

from rnn_grader.engine import Exercise, Misconception, Text, ValueCheck
from solutions.word2vec import cbow_scores, softmax_cross_entropy

ORDER = 12

# (N, C, V, H); the first has N == C and V == H so that axis and matrix mix-ups keep the shape
CBOW_SHAPES = [(4, 4, 6, 6), (5, 2, 10, 4), (3, 4, 7, 3), (2, 1, 5, 8)]
EPSILON = 1e-7              # the course's cross_entropy_error adds it inside the log


# ----------------------------------------------------------------------------- inputs
def cbow_cases(rng):
    for N, C, V, H in CBOW_SHAPES:
        yield rng.integers(0, V, (N, C)), rng.standard_normal((V, H)), rng.standard_normal((H, V))


def cbow_edges(rng):
    """One context word (C = 1: the row itself), a single example, and a repeated word."""
    yield rng.integers(0, 6, (3, 1)), rng.standard_normal((6, 4)), rng.standard_normal((4, 6))
    yield np.array([[2, 0, 2]]), rng.standard_normal((3, 5)), rng.standard_normal((5, 3))


def moderate_scores(rng):
    for N, V in [(4, 6), (1, 5), (7, 3), (3, 10)]:
        yield rng.normal(0.0, 2.0, (N, V)), rng.integers(0, V, N)


def large_scores(rng):
    """Scores in the thousands.  First the targets are the rows' largest scores (positive,
    above 2000) and win by 0.2 to 2: naive exp overflows to inf/inf = NaN while the loss is
    moderate.  Then random targets, the first row's the smallest score: its probability
    rounds to 0 (log gives -inf) and the true loss is in the hundreds."""
    scores = rng.normal(3000.0, 1000.0, (3, 5))
    top = scores.argmax(axis=1)
    runner_up = np.sort(scores, axis=1)[:, -2]
    scores[np.arange(3), top] = runner_up + rng.uniform(0.2, 2.0, 3)
    yield scores, top
    scores = rng.normal(0.0, 1000.0, (4, 8))
    targets = rng.integers(0, 8, 4)
    targets[0] = int(np.argmin(scores[0]))
    yield scores, targets
    # rows thousands apart: one maximum for the whole batch makes the low row 0/0 (every seed)
    scores = rng.normal(0.0, 3.0, (3, 6)) + np.array([[4000.0], [-4000.0], [0.0]])
    yield scores, rng.integers(0, 6, 3)


def loss_edges(rng):
    """V = 1 (loss 0), confident right predictions (margin 1000: loss 0), equal scores (log V)."""
    yield rng.standard_normal((3, 1)), np.zeros(3, dtype=np.int64)
    targets = rng.integers(0, 4, 2)
    scores = np.zeros((2, 4))
    scores[np.arange(2), targets] = 1000.0
    yield scores, targets
    yield np.full((3, 6), 500.0), rng.integers(0, 6, 3)


# ----------------------------------------------------------------------------- wrong CBOWs
CBOW_WRONG = [
    Misconception("context_summed", lambda ctx, W_in, W_out: W_in[ctx].sum(axis=1) @ W_out, Text(
        en="you summed the context rows instead of averaging them: your scores are C times too large. "
           "CBOW's hidden layer is the mean: `W_in[contexts].mean(axis=1)` (or divide the sum by C).",
        ja="コンテキストの行を平均せずに合計しています。スコアが C 倍になります。CBOW の中間層は平均です: "
           "`W_in[contexts].mean(axis=1)`（または和を C で割る）。")),
    Misconception("context_from_W_out", lambda ctx, W_in, W_out: W_out.T[ctx].mean(axis=1) @ W_out, Text(
        en="you took the context vectors from W_out (its columns). The embeddings of the context words "
           "are the rows of W_in (V, H); W_out (H, V) only turns h into scores.",
        ja="コンテキストのベクトルを W_out（の列）から取っています。コンテキスト単語の埋め込みは W_in (V, H) の行です。"
           "W_out (H, V) は h をスコアに変換するためだけに使います。")),
    Misconception("output_with_W_in_T", lambda ctx, W_in, W_out: W_in[ctx].mean(axis=1) @ W_in.T, Text(
        en="you computed the scores with W_in.T instead of W_out. CBOW has two different weight "
           "matrices: W_in for the context, W_out (H, V) for the scores: `h @ W_out`.",
        ja="スコアを W_out ではなく W_in.T で計算しています。CBOW には 2 つの別々の重みがあり、コンテキストには W_in、"
           "スコアには W_out (H, V) を使います: `h @ W_out`。")),
    Misconception("columns_of_W_in", lambda ctx, W_in, W_out: W_in.T[ctx].mean(axis=1) @ W_out, Text(
        en="you took columns of W_in (rows of W_in.T) as the embeddings. Word j's embedding is row j: "
           "`W_in[j]`. (V equals H in this case, so the indexing did not fail.)",
        ja="W_in の列（W_in.T の行）を埋め込みとして使っています。単語 j の埋め込みは j 行目 `W_in[j]` です"
           "（このケースは V と H が等しいためエラーになりませんでした）。")),
    Misconception("mean_over_batch", lambda ctx, W_in, W_out: W_in[ctx].mean(axis=0) @ W_out, Text(
        en="you averaged over the batch (axis 0) instead of over the context words (axis 1) of "
           "`W_in[contexts]` (N, C, H). (N equals C in this case, so the shape did not complain.)",
        ja="`W_in[contexts]` (N, C, H) をコンテキスト単語の軸（axis 1）ではなくバッチの軸（axis 0）で平均しています"
           "（このケースは N と C が等しいため形状エラーになりませんでした）。")),
]


# ----------------------------------------------------------------------------- wrong losses
def log_softmax(scores, axis=1):
    """Stable log-softmax: every formula below has exactly one mistake, not an overflow too."""
    shifted = scores - scores.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


def softmax(scores, axis=1):
    return np.exp(log_softmax(scores, axis))


def picked(matrix, targets):
    return matrix[np.arange(matrix.shape[0]), targets]           # (N,)


def naive_loss(scores, targets):
    e = np.exp(scores)
    return float(-np.mean(np.log(picked(e / e.sum(axis=1, keepdims=True), targets))))


def global_max_loss(scores, targets):
    """Log-softmax shifted by ONE maximum for the whole batch (the misconception)."""
    shifted = scores - scores.max()
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-np.mean(picked(log_p, targets)))


LOSS_WRONG = [
    Misconception("log_softmax_global_max", global_max_loss, Text(
        en="you subtract one maximum for the whole batch (`scores.max()` without axis). A row whose "
           "scores lie thousands below that maximum gets exp(...) = 0 everywhere, so log(0) = -inf "
           "and the loss is inf or NaN. Subtract each row's own maximum: "
           "`scores.max(axis=1, keepdims=True)`.",
        ja="バッチ全体で 1 つの最大値（axis なしの `scores.max()`）を引いています。スコアがその最大値より数千小さい"
           "行では exp(...) がすべて 0 になり、log(0) = -inf で損失が inf か NaN になります。各行の最大値 "
           "`scores.max(axis=1, keepdims=True)` を引いてください。")),
    Misconception("summed_over_batch", lambda s, t: -np.sum(picked(log_softmax(s), t)), Text(
        en="your loss is the sum over the batch; the contract asks for the mean: divide by N.",
        ja="損失をバッチ全体で合計しています。求められているのは平均なので N で割ってください。")),
    Misconception("mean_over_all_entries",
                  lambda s, t: -np.mean(np.eye(s.shape[1])[t] * log_softmax(s)), Text(
        en="you averaged `onehot * log p` over all N*V entries (np.mean of the whole matrix): the loss is "
           "V times too small. Sum over the vocabulary, then average over the N examples.",
        ja="`onehot * log p` を N*V 個の全要素で平均しています（行列全体の np.mean）。損失が V 分の 1 になります。"
           "語彙方向に和をとってから、N 個の例で平均してください。")),
    Misconception("probability_without_log", lambda s, t: -np.mean(picked(softmax(s), t)), Text(
        en="you averaged -p of the target, without the log. Cross-entropy is -log p[target]: it is 0 "
           "for p = 1 and grows without bound as p goes to 0.",
        ja="正解の確率 p に log をとらず -p を平均しています。交差エントロピーは -log p[正解] で、p = 1 で 0、"
           "p が 0 に近づくと際限なく大きくなります。")),
    Misconception("log_of_rounded_probability", lambda s, t: -np.mean(np.log(picked(softmax(s), t))), Text(
        en="your softmax is stable, but the probability of a target far below the best score rounds "
           "to 0, and log(0) = -inf makes the loss inf. Compute log p without forming p: "
           "log p = (s - m) - log(sum(exp(s - m))) with m the row maximum (log-sum-exp).",
        ja="softmax 自体は安定ですが、最大スコアより大きく下回る正解の確率が 0 に丸められ、log(0) = -inf で損失が "
           "inf になります。p を作らずに log p を計算してください: 行の最大値 m を使い "
           "log p = (s - m) - log(sum(exp(s - m)))（log-sum-exp）。")),
    Misconception("softmax_without_max_subtraction", naive_loss, Text(
        en="with scores in the thousands your loss is NaN: exp(score) overflows to inf and inf/inf is "
           "NaN. Subtract each row's maximum before exp (it does not change the softmax).",
        ja="スコアが数千になると損失が NaN になります。exp(score) が inf にオーバーフローし inf/inf = NaN に"
           "なるためです。exp の前に各行の最大値を引いてください（softmax の値は変わりません）。")),
    Misconception("log_of_scores", lambda s, t: -np.mean(np.log(picked(s, t))), Text(
        en="you took the log of the raw scores: scores are not probabilities (they can be negative, "
           "and then log gives NaN). Apply softmax first, or use log-softmax directly.",
        ja="生のスコアに log をとっています。スコアは確率ではありません（負にもなり、そのとき log は NaN になります）。"
           "先に softmax をとるか、log-softmax を直接計算してください。")),
    Misconception("softmax_over_batch", lambda s, t: -np.mean(picked(log_softmax(s, axis=0), t)), Text(
        en="your softmax normalizes over the batch (axis 0). Each example's probabilities are over the "
           "vocabulary: softmax along axis=1, keepdims=True.",
        ja="softmax をバッチ方向（axis 0）で正規化しています。各例の確率は語彙方向で定義されるので、axis=1"
           "（keepdims=True）に沿って softmax をとってください。")),
    Misconception("log_plus_epsilon", lambda s, t: -np.sum(np.log(picked(softmax(s), t) + EPSILON)) / s.shape[0], Text(
        en="you used log(p + 1e-7), the shortcut of the course's cross_entropy_error: it avoids log(0) "
           "but caps each loss at -log(1e-7) = 16.1 and biases every value. With scores in the "
           "thousands the true loss is far larger. Use log-softmax by log-sum-exp: "
           "log p = (s - m) - log(sum(exp(s - m))).",
        ja="講座の cross_entropy_error と同じ log(p + 1e-7) を使っています。log(0) は避けられますが、1 例の損失が "
           "-log(1e-7) = 16.1 で頭打ちになり、すべての値がずれます。スコアが数千のとき本当の損失はずっと大きく"
           "なります。log-sum-exp で log-softmax を計算してください: log p = (s - m) - log(sum(exp(s - m)))。")),
]


def title(en, ja):
    return Text(en=en, ja=ja)


EXERCISE = Exercise("word2vec", Text(en="word2vec: CBOW and cross-entropy", ja="word2vec: CBOW と交差エントロピー"), checks=[
    ValueCheck("cbow_random", points=3, function="cbow_scores", inputs=cbow_cases,
               reference=cbow_scores, misconceptions=CBOW_WRONG,
               title=title("CBOW scores from the mean context embedding",
                           "コンテキスト埋め込みの平均からの CBOW スコア")),
    ValueCheck("cbow_edge_cases", points=1, function="cbow_scores", inputs=cbow_edges,
               reference=cbow_scores, misconceptions=CBOW_WRONG,
               title=title("one context word, a repeated word", "コンテキスト 1 語、同じ単語の繰り返し")),
    ValueCheck("loss_random", points=3, function="softmax_cross_entropy", inputs=moderate_scores,
               reference=softmax_cross_entropy, misconceptions=LOSS_WRONG,
               title=title("mean softmax cross-entropy", "softmax 交差エントロピーの平均")),
    ValueCheck("loss_large_scores", points=2, function="softmax_cross_entropy", inputs=large_scores,
               reference=softmax_cross_entropy, misconceptions=LOSS_WRONG,
               title=title("cross-entropy with scores in the thousands (stable)",
                           "スコアが数千のときの交差エントロピー（安定性）")),
    ValueCheck("loss_edge_cases", points=1, function="softmax_cross_entropy", inputs=loss_edges,
               reference=softmax_cross_entropy, misconceptions=LOSS_WRONG,
               title=title("one word, confident and uniform predictions",
                           "語彙 1 語、確信をもった予測、一様な予測")),
])
