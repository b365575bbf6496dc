"""Learner corpus for word2vec: CBOW scores and a stable mean softmax cross-entropy."""
from textwrap import dedent


RIGHT_LOSS = """
def softmax_cross_entropy(scores, targets):
    s = scores - scores.max(axis=1, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-np.mean(log_p[np.arange(len(targets)), targets]))
"""
RIGHT_CBOW = """
import numpy as np
def cbow_scores(contexts, W_in, W_out):
    return np.mean(W_in[contexts], axis=1) @ W_out
"""

CASES = {
    "context_sum": ("context_summed", dedent("""
        import numpy as np
        def cbow_scores(contexts, W_in, W_out):
            return W_in[contexts].sum(axis=1) @ W_out
    """) + RIGHT_LOSS),
    "both_from_W_out": ("context_from_W_out", dedent("""
        import numpy as np
        def cbow_scores(contexts, W_in, W_out):
            return W_out.T[contexts].mean(axis=1) @ W_out
    """) + RIGHT_LOSS),
    "output_W_in_T": ("output_with_W_in_T", dedent("""
        import numpy as np
        def cbow_scores(contexts, W_in, W_out):
            return W_in[contexts].mean(axis=1) @ W_in.T
    """) + RIGHT_LOSS),
    "mean_over_batch": ("mean_over_batch", dedent("""
        import numpy as np
        def cbow_scores(contexts, W_in, W_out):
            return np.mean(W_in[contexts], axis=0) @ W_out
    """) + RIGHT_LOSS),
    "global_max_shift": ("log_softmax_global_max", RIGHT_CBOW + """
def softmax_cross_entropy(scores, targets):
    s = scores - np.max(scores)
    log_p = s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))
    return float(-log_p[np.arange(len(targets)), targets].mean())
"""),
    "sum_not_mean": ("summed_over_batch", RIGHT_CBOW + """
def softmax_cross_entropy(scores, targets):
    s = scores - scores.max(axis=1, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-log_p[np.arange(len(targets)), targets].sum())
"""),
    "one_hot_mean_all": ("mean_over_all_entries", RIGHT_CBOW + """
def softmax_cross_entropy(scores, targets):
    s = scores - scores.max(axis=1, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    t = np.eye(scores.shape[1])[targets]
    return float(-np.mean(t * log_p))
"""),
    "no_log": ("probability_without_log", RIGHT_CBOW + """
def softmax_cross_entropy(scores, targets):
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    return float(-p[np.arange(len(targets)), targets].mean())
"""),
    "naive_softmax": ("softmax_without_max_subtraction", RIGHT_CBOW + """
def softmax_cross_entropy(scores, targets):
    p = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
    return float(-np.mean(np.log(p[np.arange(len(targets)), targets])))
"""),
    "epsilon_in_log": ("log_plus_epsilon", RIGHT_CBOW + """
def softmax_cross_entropy(scores, targets):
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    return float(-np.mean(np.log(p[np.arange(len(targets)), targets] + 1e-7)))
"""),
    "softmax_axis_0": ("softmax_over_batch", RIGHT_CBOW + """
def softmax_cross_entropy(scores, targets):
    s = scores - scores.max(axis=0, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=0, keepdims=True))
    return float(-log_p[np.arange(len(targets)), targets].mean())
"""),
}

WRONG = {key: text for key, (_, text) in CASES.items()}
NAMES = {key: name for key, (name, _) in CASES.items()}

RIGHT = {
    "loops": """
        import numpy as np
        def cbow_scores(contexts, W_in, W_out):
            N, C = contexts.shape
            h = np.zeros((N, W_in.shape[1]))
            for n in range(N):
                for c in range(C):
                    h[n] += W_in[contexts[n, c]]
            return np.dot(h / C, W_out)
        def softmax_cross_entropy(scores, targets):
            total = 0.0
            for row, t in zip(scores, targets):
                m = row.max()
                total += m + np.log(np.sum(np.exp(row - m))) - row[t]
            return float(total / len(targets))
    """,
    "take_along_axis": """
        import numpy as np
        def cbow_scores(contexts, W_in, W_out):
            return np.take(W_in, contexts, axis=0).mean(axis=1).dot(W_out)
        def softmax_cross_entropy(scores, targets):
            m = scores.max(axis=1, keepdims=True)
            lse = m[:, 0] + np.log(np.exp(scores - m).sum(axis=1))
            picked = np.take_along_axis(scores, np.asarray(targets)[:, None], axis=1)[:, 0]
            return float(np.mean(lse - picked))
    """,
    "one_hot_targets": """
        import numpy as np
        def cbow_scores(contexts, W_in, W_out):
            h = sum(W_in[contexts[:, c]] for c in range(contexts.shape[1])) / contexts.shape[1]
            return h @ W_out
        def softmax_cross_entropy(scores, targets):
            z = scores - np.max(scores, axis=1, keepdims=True)
            log_p = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))
            one_hot = np.eye(scores.shape[1])[targets]
            return float(-np.sum(one_hot * log_p) / scores.shape[0])
    """,
}
