"""Reference: dot-product attention weights (stable softmax over t) and the context."""
import numpy as np


def attention_weights(hs, h):
    """a (N, T) = softmax over t of s[n, t] = hs[n, t] . h[n]."""
    s = np.sum(hs * h[:, None, :], axis=2)              # (N, T, H) * (N, 1, H) -> (N, T)
    e = np.exp(s - s.max(axis=1, keepdims=True))        # each row's largest term is exp(0) = 1
    return e / e.sum(axis=1, keepdims=True)


def attention_context(hs, a):
    """context (N, H) = sum over t of a[n, t] * hs[n, t]."""
    return np.sum(a[:, :, None] * hs, axis=1)           # (N, T, 1) * (N, T, H) -> (N, H)
