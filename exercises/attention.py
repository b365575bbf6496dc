"""Exercise: dot-product attention (Attention の重みとコンテキスト).

The decoder's state h looks at every encoder state hs[t] and decides how much of each to
take.  For each sequence n of the batch:

    s[n, t] = hs[n, t] . h[n]                        (N, T)   score of time step t
    a[n, t] = exp(s[n, t]) / sum_t' exp(s[n, t'])    (N, T)   softmax over t (each row sums to 1)
    context[n] = sum_t a[n, t] * hs[n, t]            (N, H)   weighted sum of the states

Scores can be in the thousands: exp(1000) overflows.  Subtract each row's maximum before
exp (softmax(s) = softmax(s - max_t s)), which changes nothing on paper.

デコーダの状態 h と各時刻のエンコーダ状態 hs[t] の内積をスコアとし、時刻方向（t）の
softmax で重み a を作り、重み付き和をコンテキストとする。スコアは数千にもなるので、
exp の前に各行の最大値を引く（値は変わらず、オーバーフローを防げる）。
"""
import numpy as np


def attention_weights(hs, h):
    """Attention weights of the decoder state h over the encoder states hs.

    Inputs (do not modify them):
    - hs: ndarray (N, T, H), encoder states: hs[n, t] is time step t of sequence n (T >= 1).
    - h: ndarray (N, H), one decoder state per sequence.

    Returns:
    - a: ndarray (N, T), softmax over t of the scores s[n, t] = hs[n, t] . h[n];
      every row is non-negative and sums to 1; finite even for scores in the thousands.

    Hint: s = np.sum(hs * h[:, None, :], axis=2) has shape (N, T); then softmax along axis 1.
    ヒント: s = np.sum(hs * h[:, None, :], axis=2) の形状は (N, T)。softmax は axis=1 に沿って。
    """
    a = None
    ###########################################################################
    # TODO: scores (N, T), then a stable softmax over t.                      #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return a


def attention_context(hs, a):
    """The context vectors: the attention-weighted sums of the encoder states.

    Inputs (do not modify them):
    - hs: ndarray (N, T, H), encoder states.
    - a: ndarray (N, T), attention weights (each row sums to 1).

    Returns:
    - ndarray (N, H): context[n] = sum over t of a[n, t] * hs[n, t].

    Hint: a[:, :, None] has shape (N, T, 1) and broadcasts against hs; sum over axis 1.
    ヒント: a[:, :, None] は形状 (N, T, 1) で hs とブロードキャストできる。axis=1 で和をとる。
    """
    context = None
    ###########################################################################
    # TODO: weight each state by its attention weight and sum over t.         #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return context
