"""Exercise: the GRU hidden-state update (GRU の隠れ状態の更新).

The GRU has no separate cell state.  Its update gate z mixes the previous hidden state
h_prev with the new candidate h_bar (computed from the input and the reset gate):

    h = (1 - z) * h_prev + z * h_bar            (element-wise)

In this course z weights the NEW candidate: z = 0 keeps h_prev, z = 1 takes h_bar.

GRU の更新ゲート z は、1 ステップ前の隠れ状態 h_prev と新しい候補 h_bar を混ぜる比率。
この講座では z が新しい候補の重み: z = 0 なら h_prev のまま、z = 1 なら h_bar になる。
"""
import numpy as np


def gru_update(h_prev, h_bar, z):
    """New hidden state of a GRU, for a batch.

    Inputs (all ndarrays of shape (N, H), float64; do not modify them):
    - h_prev: previous hidden state h_{t-1}.
    - h_bar: the new candidate state (a tanh output, values in (-1, 1)).
    - z: update gate, sigmoid outputs in [0, 1].

    Returns:
    - h: ndarray of shape (N, H), (1 - z) * h_prev + z * h_bar.

    Hint: the two weights 1 - z and z add up to 1: h lies between h_prev and h_bar.
    ヒント: 重み 1 - z と z の和は 1。h は h_prev と h_bar の間の値になる。
    """
    h = None
    ###########################################################################
    # TODO: mix the previous state and the candidate with the update gate.    #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return h
