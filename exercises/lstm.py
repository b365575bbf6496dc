"""Exercise: one LSTM step and its gradients (LSTM の 1 ステップとその勾配).

An LSTM keeps a cell state c next to the hidden state h.  One affine map of the
input and the previous hidden state gives four blocks of width H, in this order:

    A = x @ Wx + h_prev @ Wh + b          (N, 4H)
    f = σ(A[:, 0H:1H])    forget gate      忘却ゲート
    g = tanh(A[:, 1H:2H]) new memory       新しい記憶の候補
    i = σ(A[:, 2H:3H])    input gate       入力ゲート
    o = σ(A[:, 3H:4H])    output gate      出力ゲート
    c_next = f * c_prev + g * i
    h_next = o * tanh(c_next)

σ(x) = 1 / (1 + exp(-x)),  σ'(x) = σ(x)(1 - σ(x)),  tanh'(x) = 1 - tanh(x)².

LSTM は隠れ状態 h のほかにセル状態 c を持つ。入力と前の隠れ状態の 1 回のアフィン変換から、
幅 H のブロックを上の順 [f, g, i, o] で 4 つ取り出す。
"""
import numpy as np


def sigmoid(x):
    """σ(x) = 1 / (1 + exp(-x)), element-wise (you may use it)."""
    return 1.0 / (1.0 + np.exp(-x))


def lstm_step(x, h_prev, c_prev, Wx, Wh, b):
    """One forward step of an LSTM.

    Inputs:
    - x: ndarray (N, D), the inputs of the batch at this time step.
    - h_prev: ndarray (N, H), the previous hidden state.
    - c_prev: ndarray (N, H), the previous cell state.
    - Wx: ndarray (D, 4H), input weights, blocks [f, g, i, o] of width H.
    - Wh: ndarray (H, 4H), hidden weights, same blocks.
    - b: ndarray (4H,), biases, same blocks.
    Do not modify the inputs.

    Returns:
    - (h_next, c_next): both ndarray (N, H), see the module docstring.

    Hint: H = h_prev.shape[1]; the f block is A[:, :H], the o block A[:, 3*H:].
    ヒント: ブロックの順番は [f, g, i, o]。g だけが tanh、他の 3 つは σ。
    """
    h_next, c_next = None, None
    ###########################################################################
    # TODO: compute A, the four gates, c_next and h_next.                     #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return h_next, c_next


def lstm_step_grads(x, h_prev, c_prev, Wx, Wh, b, dh_next, dc_next):
    """Gradients of one LSTM step.

    Inputs: x, h_prev, c_prev, Wx, Wh, b as in lstm_step, and
    - dh_next: ndarray (N, H), upstream gradient dL/dh_next.
    - dc_next: ndarray (N, H), upstream gradient dL/dc_next (from the next time step).

    The loss is L = Σ dh_next * h_next + Σ dc_next * c_next (h_next, c_next from lstm_step).

    Returns a dict of ndarrays, each the shape of its input:
    {"x": (N, D), "h_prev": (N, H), "c_prev": (N, H), "Wx": (D, 4H), "Wh": (H, 4H), "b": (4H,)}

    Hint: the cell state gets gradient from two paths,
        ds = dc_next + dh_next * o * (1 - tanh(c_next)²),
    then df = ds * c_prev, dg = ds * i, di = ds * g, do = dh_next * tanh(c_next);
    multiply each by its activation's derivative to get dA (N, 4H), in the order [f, g, i, o];
    dx = dA @ Wx.T, dWx = x.T @ dA, db = Σ over the batch.
    ヒント: セル状態への勾配は dc_next と h_next 経由の 2 つの経路の和。tanh'(c_next) を忘れないこと。
    """
    grads = None
    ###########################################################################
    # TODO: recompute the forward quantities, then backpropagate.             #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return grads
