"""Learner corpus for encoder_embedding: the exam's encoder and the embedding lookup."""
from tests.feedback.corpus import variant

BASE = """
import numpy as np

def encode(words, E, W, U, b):
    h = np.zeros(U.shape[0])
    for w in words:
        e = np.dot(E, w)
        h = np.tanh(np.dot(W, e) + np.dot(U, h) + b)
    return h

def embedding_lookup(ids, E):
    return np.array([E[:, i] for i in ids]).reshape(len(ids), E.shape[0])
"""

CASES = {
    "tanh_once_at_end": ("tanh_after_loop", variant(BASE, ("        h = np.tanh(np.dot(W, e) + np.dot(U, h) + b)\n    return h",
                                                          "        h = np.dot(W, e) + np.dot(U, h) + b\n    return np.tanh(h)"))),
    "E_transposed": ("transposed_embedding", variant(BASE, ("e = np.dot(E, w)", "e = np.dot(E.T, w)"))),
    "W_and_U_swapped": ("swapped_W_U", variant(BASE, ("np.tanh(np.dot(W, e) + np.dot(U, h) + b)", "np.tanh(np.dot(U, e) + np.dot(W, h) + b)"))),
    "forgot_b": ("no_bias", variant(BASE, ("+ np.dot(U, h) + b)", "+ np.dot(U, h))"))),
    "linear_rnn": ("no_activation", variant(BASE, ("h = np.tanh(np.dot(W, e) + np.dot(U, h) + b)", "h = np.dot(W, e) + np.dot(U, h) + b"))),
    "no_U_term": ("no_recurrence", variant(BASE, ("np.tanh(np.dot(W, e) + np.dot(U, h) + b)", "np.tanh(np.dot(W, e) + b)"))),
    "backwards_sentence": ("reversed_words", variant(BASE, ("for w in words:", "for w in words[::-1]:"))),
    "drops_last_word": ("last_word_dropped", variant(BASE, ("for w in words:", "for w in words[:-1]:"))),
    "lookup_rows": ("rows_not_columns", variant(BASE, ("return np.array([E[:, i] for i in ids]).reshape(len(ids), E.shape[0])",
                                                        "return E[ids]"))),
    "lookup_not_transposed": ("columns_not_transposed", variant(BASE, (
        "return np.array([E[:, i] for i in ids]).reshape(len(ids), E.shape[0])", "return E[:, ids]"))),
    "lookup_one_hot": ("one_hot_not_embedded", variant(BASE, (
        "return np.array([E[:, i] for i in ids]).reshape(len(ids), E.shape[0])", "return np.eye(E.shape[1])[ids]"))),
}

WRONG = {key: text for key, (_, text) in CASES.items()}
NAMES = {key: name for key, (name, _) in CASES.items()}

RIGHT = {
    "base": BASE,
    "matmul_and_take": """
        import numpy as np
        def encode(words, E, W, U, b):
            h = np.zeros(W.shape[0])
            for k in range(len(words)):
                h = np.tanh(W @ (E @ words[k]) + U @ h + b)
            return h
        def embedding_lookup(ids, E):
            return np.take(E, ids, axis=1).T
    """,
    "argmax_ids": """
        import numpy as np
        def encode(words, E, W, U, b):
            h = np.zeros_like(b, dtype=float)
            for w in words:
                e = E[:, int(np.argmax(w))]
                h = np.tanh(W.dot(e) + U.dot(h) + b)
            return h
        def embedding_lookup(ids, E):
            return E.T[np.asarray(ids, dtype=int)]
    """,
}
