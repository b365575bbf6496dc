"""Exercise: greedy decoding with the seq2seq decoder (seq2seq の貪欲デコード).

The decoder is the same RNN as the encoder, started from the encoder's last state h.  It
feeds its own previous output back as the next input:

    token = start_id
    repeat:
        e      = E[:, token]                 (De,)   embedding of the previous token (E.dot(one-hot))
        h      = tanh(W @ e + U @ h + b)     (Dh,)
        logits = W_out @ h + c               (V,)
        token  = argmax(logits)              the lowest id when several logits tie (np.argmax does this)
        append token to the output
    until max_len tokens were output, or right after end_id was appended

The start token itself is not part of the output.  This exercise keeps the column-vector
form of the exam question (E.dot(w), W @ e).

デコーダはエンコーダと同じ RNN で、エンコーダの最後の状態 h から始め、直前に出力した
トークンを次の入力にする。logits が最大のトークンを選び（同点なら小さい ID）、出力に加える。
max_len 個出力するか、end_id を出力に加えた直後に止める。開始トークンは出力に含めない。
"""
import numpy as np


def greedy_decode(h, E, W, U, b, W_out, c, start_id, max_len, end_id=None):
    """Greedy decoding: the most likely token at every step, fed back as the next input.

    Inputs (do not modify them):
    - h: ndarray (Dh,), the encoder's final state (the decoder's initial state).
    - E: ndarray (De, V), embedding matrix: column j embeds token j.
    - W: ndarray (Dh, De), U: ndarray (Dh, Dh), b: ndarray (Dh,): the recurrence.
    - W_out: ndarray (V, Dh), c: ndarray (V,): the output layer (logits = W_out @ h + c).
    - start_id: int, the token fed at the first step (not output).
    - max_len: int >= 0, the largest number of tokens to output.
    - end_id: int or None; when the chosen token equals end_id it is appended and decoding stops.

    Returns:
    - tokens: a Python list of ints (np.int64 items are fine; not an ndarray), at most max_len long.

    Hint: keep the last chosen token in a variable and use E[:, token] at the next step.
    ヒント: 直前に選んだトークンを変数に保持し、次のステップで E[:, token] に使う。
    """
    tokens = None
    ###########################################################################
    # TODO: the decoding loop.                                                #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return tokens
