"""Learner corpus for seq2seq: greedy decoding with the column-vector decoder."""

STEP = """
import numpy as np

def greedy_decode(h, E, W, U, b, W_out, c, start_id, max_len, end_id=None):
    out = []
    prev = start_id
    for _ in range({n}):
        {body}
    return out
"""
BODY = """h = np.tanh(W.dot(E[:, prev]) + U.dot(h) + b)
        prev = int(np.argmax(W_out.dot(h) + c))
        out.append(prev)
        if end_id is not None and prev == end_id:
            break"""


def decoder(n="max_len", body=BODY, **swaps):
    """A for-loop decoder with some lines replaced (``swaps``: old -> new)."""
    text = STEP.format(n=n, body=body)
    for old, new in swaps.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


def swap(*pairs):
    text = STEP.format(n="max_len", body=BODY)
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    return text


CASES = {
    "truthy_end_id": ("end_id_zero_as_none", swap(("if end_id is not None and prev == end_id", "if end_id and prev == end_id"))),
    "no_output_bias": ("forgot_bias_c", swap(("W_out.dot(h) + c", "W_out.dot(h)"))),
    "start_in_output": ("includes_start_id", swap(("out = []", "out = [start_id]"), ("range(max_len)", "range(max_len - 1)"))),
    "always_start_token": ("same_token_every_step", swap(("E[:, prev]", "E[:, start_id]"))),
    "fresh_state": ("state_not_carried", swap(("h = np.tanh(W.dot(E[:, prev]) + U.dot(h) + b)", "s = np.tanh(W.dot(E[:, prev]) + U.dot(h) + b)"), ("W_out.dot(h)", "W_out.dot(s)"))),
    "row_embedding": ("embedding_row", swap(("E[:, prev]", "E[prev]"))),
    "one_short": ("off_by_one_max_len", swap(("range(max_len)", "range(max_len - 1)"))),
    "break_before_append": ("end_not_appended", swap(("""out.append(prev)
        if end_id is not None and prev == end_id:
            break""", """if end_id is not None and prev == end_id:
            break
        out.append(prev)"""))),
    "never_stops": ("ignores_end_id", swap(("""
        if end_id is not None and prev == end_id:
            break""", ""))),
    "last_max": ("ties_to_highest", swap(("int(np.argmax(W_out.dot(h) + c))", "int(np.flatnonzero((W_out.dot(h) + c) == (W_out.dot(h) + c).max())[-1])"))),
    "while_token_not_end": ("start_counts_as_end", """
        import numpy as np
        def greedy_decode(h, E, W, U, b, W_out, c, start_id, max_len, end_id=None):
            out, tok = [], start_id
            while tok != end_id and len(out) < max_len:
                h = np.tanh(W @ E[:, tok] + U @ h + b)
                tok = int(np.argmax(W_out @ h + c))
                out.append(tok)
            return out
    """),
    "logits_before_update": ("logits_before_update", """
        import numpy as np
        def greedy_decode(h, E, W, U, b, W_out, c, start_id, max_len, end_id=None):
            out, tok = [], start_id
            for _ in range(max_len):
                tok = int(np.argmax(W_out @ h + c))
                h = np.tanh(W @ E[:, tok] + U @ h + b)
                out.append(tok)
                if tok == end_id:
                    break
            return out
    """),
    "no_recurrent_weight": ("no_recurrent_term", swap(("+ U.dot(h) + b", "+ b"))),
    "do_while": ("start_counts_as_end", """
        import numpy as np
        def greedy_decode(h, E, W, U, b, W_out, c, start_id, max_len, end_id=None):
            out, tok = [], start_id
            while True:
                if tok == end_id or len(out) >= max_len:
                    break
                h = np.tanh(W @ E[:, tok] + U @ h + b)
                tok = int(np.argmax(W_out @ h + c))
                out.append(tok)
            return out
    """),
}

WRONG = {key: text for key, (_, text) in CASES.items()}
NAMES = {key: name for key, (name, _) in CASES.items()}

RIGHT = {
    "for_loop": STEP.format(n="max_len", body=BODY),
    "one_hot_input": """
        import numpy as np
        def greedy_decode(h, E, W, U, b, W_out, c, start_id, max_len, end_id=None):
            V = E.shape[1]
            result, token = [], start_id
            while len(result) < max_len:
                one_hot = np.zeros(V)
                one_hot[token] = 1.0
                h = np.tanh(W.dot(E.dot(one_hot)) + U.dot(h) + b)
                y = W_out.dot(h) + c
                token = int(y.argmax())
                result.append(token)
                if end_id is not None and token == end_id:
                    return result
            return result
    """,
    "numpy_ints_converted": """
        import numpy as np
        def greedy_decode(h, E, W, U, b, W_out, c, start_id, max_len, end_id=None):
            tokens = []
            x = E[:, start_id]
            for step in range(max_len):
                h = np.tanh(np.dot(W, x) + np.dot(U, h) + b)
                nxt = np.argmax(np.dot(W_out, h) + c)
                tokens.append(int(nxt))
                if nxt == end_id:
                    break
                x = E[:, nxt]
            return tokens
    """,
}
