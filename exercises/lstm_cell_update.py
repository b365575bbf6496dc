"""Exercise: the LSTM cell-state update (LSTM のセル状態の更新).

The cell state c is the LSTM's memory (the CEC).  At each step the input gate decides
how much of the new candidate `a` (= tanh of the input block) is written into it, and
the forget gate decides how much of the previous cell state is kept:

    c = input_gate * a + forget_gate * c_prev        (element-wise products)

The output gate is not part of this: it acts later, on h = output_gate * tanh(c).

セル状態 c は LSTM の記憶（CEC）。入力ゲートが新しい候補 a をどれだけ書き込むかを、
忘却ゲートが 1 ステップ前のセル状態をどれだけ残すかを決め、両者を足し合わせる。
積はすべて要素ごとの積。出力ゲートはここでは使わない（h = output_gate * tanh(c) で使う）。
"""
import numpy as np


def lstm_cell_update(c_prev, a, input_gate, forget_gate):
    """New cell state of an LSTM, for a batch.

    Inputs (all ndarrays of shape (N, H), float64; do not modify them):
    - c_prev: previous cell state c_{t-1}.
    - a: the new candidate, tanh of the input block, values in (-1, 1).
    - input_gate: input gate i, sigmoid outputs in [0, 1].
    - forget_gate: forget gate f, sigmoid outputs in [0, 1].

    Returns:
    - c: ndarray of shape (N, H), the new cell state input_gate * a + forget_gate * c_prev.

    Hint: `*` multiplies element by element; np.dot would be a matrix product.
    ヒント: `*` は要素ごとの積。np.dot は行列積になってしまう。
    """
    c = None
    ###########################################################################
    # TODO: write the new content into the cell and keep part of the old one. #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return c
