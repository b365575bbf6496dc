"""Reference: the seq2seq encoder of the exam question (column-vector form) and the
embedding lookup."""
import numpy as np


def encode(words, E, W, U, b):
    """words (n, V) one-hot rows, E (De, V), W (Dh, De), U (Dh, Dh), b (Dh,) -> h (Dh,)."""
    h = np.zeros(W.shape[0])                   # (Dh,): the state before the first word
    for w in words:                            # w: (V,) one-hot
        e = E.dot(w)                           # (De, V) . (V,) -> (De,): column of E
        h = np.tanh(W.dot(e) + U.dot(h) + b)   # (Dh,)
    return h


def embedding_lookup(ids, E):
    """ids: n word ids (list or 1-D int array), E (De, V) -> (n, De), row k = E[:, ids[k]]."""
    return E[:, ids].T                         # (De, n) -> (n, De)
