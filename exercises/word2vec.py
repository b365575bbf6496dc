"""Exercise: CBOW scores and the softmax cross-entropy loss (word2vec の CBOW).

CBOW predicts the word in the middle of a window from the C words around it.  The input
weights W_in (V, H) hold one row per word: a word's row is its embedding.

    h[n]      = (1/C) * sum_c W_in[contexts[n, c]]        (N, H)   mean of the context rows
    scores    = h @ W_out                                  (N, V)   one score per vocabulary word
    p[n]      = softmax(scores[n])                         (N, V)
    loss      = -(1/N) * sum_n log p[n, targets[n]]        float    mean cross-entropy

Scores can be in the thousands: use log p = s - max(s) - log(sum(exp(s - max(s)))), never
exp of a large score, and never log of a probability that has rounded to 0.

CBOW は周囲の C 個の単語（コンテキスト）から中央の単語を予測する。W_in の行が各単語の
埋め込みで、コンテキストの行の平均 h に W_out を掛けたものが語彙全体のスコア。
損失は softmax の交差エントロピーのバッチ平均。スコアが数千でも NaN や inf にならないよう、
最大値を引いた log-sum-exp で log p を計算する。
"""
import numpy as np


def cbow_scores(contexts, W_in, W_out):
    """The CBOW scores of every vocabulary word.

    Inputs (do not modify them):
    - contexts: int ndarray (N, C), the ids of the C context words of each example (C >= 1).
    - W_in: ndarray (V, H), input weights; row j is the embedding of word j.
    - W_out: ndarray (H, V), output weights.

    Returns:
    - scores: ndarray (N, V) = h @ W_out, where h (N, H) is the mean of the context rows of W_in.

    Hint: W_in[contexts] has shape (N, C, H) (one row per context word); average over axis 1.
    ヒント: W_in[contexts] の形状は (N, C, H)。axis=1 で平均をとる。
    """
    scores = None
    ###########################################################################
    # TODO: mean of the context rows, then the scores.                        #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return scores


def softmax_cross_entropy(scores, targets):
    """Mean cross-entropy of softmax(scores) against the target ids, computed stably.

    Inputs (do not modify them):
    - scores: ndarray (N, V), float64, possibly in the thousands.
    - targets: int ndarray (N,), the right word id of each example, in [0, V).

    Returns:
    - loss: float, -(1/N) * sum_n log softmax(scores[n])[targets[n]]  (finite, >= 0).

    Hint: log softmax(s) = (s - m) - log(sum(exp(s - m))) with m = max(s) of the row;
    pick the targets' entries with [np.arange(N), targets].
    ヒント: 行の最大値 m を使い log softmax(s) = (s - m) - log(sum(exp(s - m)))。
    正解の位置は [np.arange(N), targets] で取り出せる。
    """
    loss = None
    ###########################################################################
    # TODO: a stable log-softmax, then the mean over the batch.               #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return loss
