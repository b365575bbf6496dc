"""Reference: the features of a bidirectional RNN."""
import numpy as np


def birnn_concat(hs_f, hs_b):
    """Row t = [hs_f[t], hs_b[T-1-t]]: (T, H), (T, H) -> (T, 2H)."""
    return np.concatenate([hs_f, hs_b[::-1]], axis=1)
