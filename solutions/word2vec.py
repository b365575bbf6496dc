"""Reference: CBOW scores and a stable mean softmax cross-entropy."""
import numpy as np


def cbow_scores(contexts, W_in, W_out):
    """scores (N, V) = mean over c of W_in[contexts[:, c]]  @  W_out."""
    h = W_in[contexts].mean(axis=1)                     # (N, C, H) -> (N, H)
    return h @ W_out                                    # (N, H)(H, V) -> (N, V)


def softmax_cross_entropy(scores, targets):
    """-(1/N) sum_n log softmax(scores[n])[targets[n]], by log-sum-exp (float)."""
    shifted = scores - scores.max(axis=1, keepdims=True)                    # (N, V), max 0
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))   # (N, V)
    N = scores.shape[0]
    return float(-log_p[np.arange(N), targets].mean())
