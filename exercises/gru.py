"""Exercise: one GRU step and its gradients (GRU の 1 ステップとその勾配).

A GRU has no cell state: an update gate z mixes the previous hidden state with a
candidate h̄, and a reset gate r decides how much of h_prev enters the candidate.
The weights hold three blocks of width H, in the order [z, r, h̄]:

    z     = σ(x @ Wx[:, 0H:1H] + h_prev @ Wh[:, 0H:1H] + b[0H:1H])      update gate 更新ゲート
    r     = σ(x @ Wx[:, 1H:2H] + h_prev @ Wh[:, 1H:2H] + b[1H:2H])      reset gate  リセットゲート
    h_bar = tanh(x @ Wx[:, 2H:3H] + (r * h_prev) @ Wh[:, 2H:3H] + b[2H:3H])
    h_next = (1 - z) * h_prev + z * h_bar

The reset gate multiplies h_prev BEFORE the product with Wh (this course's convention),
and z weights the new candidate.

GRU はセル状態を持たない。更新ゲート z が前の隠れ状態と候補 h̄ を混ぜ、リセットゲート r が
候補に入る h_prev の量を決める。r は Wh との積の「前」に h_prev に掛ける（本講座の定義）。
"""
import numpy as np


def sigmoid(x):
    """σ(x) = 1 / (1 + exp(-x)), element-wise (you may use it)."""
    return 1.0 / (1.0 + np.exp(-x))


def gru_step(x, h_prev, Wx, Wh, b):
    """One forward step of a GRU.

    Inputs:
    - x: ndarray (N, D), the inputs at this time step.
    - h_prev: ndarray (N, H), the previous hidden state.
    - Wx: ndarray (D, 3H), input weights, blocks [z, r, h̄].
    - Wh: ndarray (H, 3H), hidden weights, same blocks.
    - b: ndarray (3H,), biases, same blocks.
    Do not modify the inputs.

    Returns:
    - h_next: ndarray (N, H), see the module docstring.

    Hint: H = h_prev.shape[1]; the h̄ block of Wh is Wh[:, 2*H:].
    ヒント: h̄ の計算では (r * h_prev) @ Wh[:, 2*H:] のように、積の前に r を掛ける。
    """
    h_next = None
    ###########################################################################
    # TODO: compute z, r, h_bar and h_next.                                   #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return h_next


def gru_step_grads(x, h_prev, Wx, Wh, b, dh_next):
    """Gradients of one GRU step.

    Inputs: x, h_prev, Wx, Wh, b as in gru_step, and
    - dh_next: ndarray (N, H), the upstream gradient dL/dh_next.

    The loss is L = Σ dh_next * h_next (h_next from gru_step).

    Returns a dict of ndarrays, each the shape of its input:
    {"x": (N, D), "h_prev": (N, H), "Wx": (D, 3H), "Wh": (H, 3H), "b": (3H,)}

    Hint: h_prev reaches h_next along four paths: directly through (1 - z), through the
    candidate (as r * h_prev), and through the pre-activations of z and r.  With
    dA_h = dh_next * z * (1 - h_bar²) and d(r*h_prev) = dA_h @ Wh[:, 2H:].T:
        dA_z = dh_next * (h_bar - h_prev) * z(1 - z),  dA_r = d(r*h_prev) * h_prev * r(1 - r).
    The h̄ block of dWh is (r * h_prev).T @ dA_h.
    ヒント: h_prev から h_next への経路は 4 つ（(1 - z) の直接経路、候補経由、z と r の前活性経由）。
    """
    grads = None
    ###########################################################################
    # TODO: recompute the forward quantities, then backpropagate.             #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return grads
