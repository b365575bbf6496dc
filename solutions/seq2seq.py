"""Reference: greedy decoding with the column-vector RNN decoder."""
import numpy as np


def greedy_decode(h, E, W, U, b, W_out, c, start_id, max_len, end_id=None):
    """The argmax token at every step (lowest id on ties), fed back; stops after max_len
    tokens or right after appending end_id.  Returns a list of ints."""
    tokens, token = [], start_id
    while len(tokens) < max_len:
        e = E[:, token]                          # (De,)
        h = np.tanh(W @ e + U @ h + b)           # (Dh,)
        logits = W_out @ h + c                   # (V,)
        token = int(np.argmax(logits))           # the first maximum: the lowest id on ties
        tokens.append(token)
        if token == end_id:
            break
    return tokens
