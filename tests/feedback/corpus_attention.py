"""Learner corpus for attention: softmax over t of hs[n, t] . h[n], and the weighted sum."""
from textwrap import dedent


RIGHT_CTX = """
def attention_context(hs, a):
    return np.einsum("nt,nth->nh", a, hs)
"""
RIGHT_W = """
import numpy as np
def attention_weights(hs, h):
    s = np.einsum("nth,nh->nt", hs, h)
    e = np.exp(s - s.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
"""

CASES = {
    "softmax_axis_0": ("softmax_over_batch", dedent("""
        import numpy as np
        def attention_weights(hs, h):
            s = (hs * h[:, None, :]).sum(axis=2)
            e = np.exp(s - s.max(axis=0, keepdims=True))
            return e / e.sum(axis=0, keepdims=True)
    """) + RIGHT_CTX),
    "softmax_whole_array": ("softmax_over_everything", dedent("""
        import numpy as np
        def attention_weights(hs, h):
            s = (hs * h[:, None, :]).sum(axis=2)
            e = np.exp(s - s.max())
            return e / e.sum()
    """) + RIGHT_CTX),
    "raw_scores": ("no_softmax", dedent("""
        import numpy as np
        def attention_weights(hs, h):
            return np.einsum("nth,nh->nt", hs, h)
    """) + RIGHT_CTX),
    "exp_only": ("exp_not_normalized", dedent("""
        import numpy as np
        def attention_weights(hs, h):
            s = np.einsum("nth,nh->nt", hs, h)
            return np.exp(s - s.max(axis=1, keepdims=True))
    """) + RIGHT_CTX),
    "divide_by_sum": ("scores_normalized_without_exp", dedent("""
        import numpy as np
        def attention_weights(hs, h):
            s = np.einsum("nth,nh->nt", hs, h)
            return s / s.sum(axis=1, keepdims=True)
    """) + RIGHT_CTX),
    "naive_exp": ("softmax_without_max_subtraction", dedent("""
        import numpy as np
        def attention_weights(hs, h):
            e = np.exp(np.einsum("nth,nh->nt", hs, h))
            return e / np.sum(e, axis=1, keepdims=True)
    """) + RIGHT_CTX),
    "global_max": ("max_of_whole_batch", dedent("""
        import numpy as np
        def attention_weights(hs, h):
            s = np.einsum("nth,nh->nt", hs, h)
            e = np.exp(s - np.max(s))
            return e / e.sum(axis=1, keepdims=True)
    """) + RIGHT_CTX),
    "context_over_everything": ("context_summed_over_H", RIGHT_W + """
def attention_context(hs, a):
    return (a[:, :, None] * hs).sum(axis=-1)
"""),
    "context_not_summed": ("context_not_summed", RIGHT_W + """
def attention_context(hs, a):
    return a[:, :, None] * hs
"""),
    "context_averaged": ("context_mean", RIGHT_W + """
def attention_context(hs, a):
    return np.mean(a[:, :, None] * hs, axis=1)
"""),
    "context_weights_wrong_axis": ("weights_broadcast_over_H", RIGHT_W + """
def attention_context(hs, a):
    return (a[:, None, :] * hs).sum(axis=1)
"""),
    "context_plain_sum": ("context_unweighted", RIGHT_W + """
def attention_context(hs, a):
    return hs.sum(axis=1)
"""),
}

WRONG = {key: text for key, (_, text) in CASES.items()}
NAMES = {key: name for key, (name, _) in CASES.items()}

RIGHT = {
    "loops": """
        import numpy as np
        def attention_weights(hs, h):
            N, T, _ = hs.shape
            a = np.zeros((N, T))
            for n in range(N):
                s = hs[n] @ h[n]
                e = np.exp(s - np.max(s))
                a[n] = e / np.sum(e)
            return a
        def attention_context(hs, a):
            return np.array([a[n] @ hs[n] for n in range(hs.shape[0])])
    """,
    "matmul_batched": """
        import numpy as np
        def attention_weights(hs, h):
            s = np.matmul(hs, h[:, :, None])[:, :, 0]
            s = s - s.max(axis=-1, keepdims=True)
            return np.exp(s) / np.exp(s).sum(axis=-1, keepdims=True)
        def attention_context(hs, a):
            return np.matmul(a[:, None, :], hs)[:, 0, :]
    """,
    "logsumexp": """
        import numpy as np
        def attention_weights(hs, h):
            s = (hs * np.expand_dims(h, 1)).sum(-1)
            m = s.max(axis=1, keepdims=True)
            lse = m + np.log(np.exp(s - m).sum(axis=1, keepdims=True))
            return np.exp(s - lse)
        def attention_context(hs, a):
            return (hs * np.expand_dims(a, -1)).sum(1)
    """,
}
