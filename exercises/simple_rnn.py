"""Exercise: the forward pass of a simple RNN (単純 RNN の順伝播).

The RNN of the course's binary-addition example, with biases.  At every time step t
the hidden state z_t mixes the input x_t with the previous state z_{t-1}:

    u_t = x_t @ W_in + z_{t-1} @ W + b        (N, H)
    z_t = sigmoid(u_t)                        (N, H)
    v_t = z_t @ W_out + c                     (N, O)
    y_t = sigmoid(v_t)                        (N, O)

    z_{-1} = z0 (zeros (N, H) when z0 is None)
    sigmoid(x) = 1 / (1 + exp(-x)),   sigmoid'(x) = sigmoid(x) * (1 - sigmoid(x))

Sequences are time-major: xs[t] is the batch of inputs at time t.

各時刻 t の隠れ状態 z_t は、入力 x_t と一つ前の状態 z_{t-1} から計算する（上の式）。
系列は時間が先頭の軸（time-major）: xs[t] が時刻 t の入力のバッチ。
"""
import numpy as np


def sigmoid(x):
    """The logistic sigmoid, element-wise, without overflow.

    Inputs:
    - x: ndarray of any shape, float64 (values may be as large as +-1000); do not modify it.

    Returns:
    - ndarray of the same shape: 1 / (1 + exp(-x)).

    The grader calls it at x = +-1000 with numpy's overflow warnings turned into errors:
    exp(1000) overflows.  Compute exp only of non-positive numbers, e.g. use
    exp(-|x|), which lies in (0, 1]:  x >= 0: 1 / (1 + exp(-x));  x < 0: exp(x) / (1 + exp(x)).
    Beware: np.where(cond, A, B) computes both A and B on every element.
    ヒント: x = ±1000 で exp(1000) がオーバーフローしないよう、exp(-|x|) のように
    0 以下の数の exp だけを計算する。np.where は両方の式を全要素で計算するので注意。
    """
    out = None
    ###########################################################################
    # TODO: a sigmoid that never evaluates exp of a large positive number.   #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return out


def d_sigmoid(x):
    """The derivative of the sigmoid at x, element-wise.

    Inputs:
    - x: ndarray of any shape, float64 (the pre-activation u, not sigmoid(u)); do not modify it.

    Returns:
    - ndarray of the same shape: sigmoid(x) * (1 - sigmoid(x)).

    Hint: the derivative is written with sigmoid(x), not with x itself.
    ヒント: 微分は x そのものではなく sigmoid(x) を使って書く。
    """
    out = None
    ###########################################################################
    # TODO: compute sigmoid'(x).                                              #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return out


def rnn_forward(xs, W_in, W, W_out, b, c, z0=None):
    """Run the simple RNN over a whole sequence.

    Inputs (do not modify them):
    - xs: ndarray (T, N, D), the inputs; xs[t] is time step t (T >= 1).
    - W_in: ndarray (D, H), input -> hidden weights.
    - W: ndarray (H, H), hidden(t-1) -> hidden(t) weights.
    - W_out: ndarray (H, O), hidden -> output weights.
    - b: ndarray (H,), hidden bias.   c: ndarray (O,), output bias.
    - z0: ndarray (N, H), the state before the first step, or None for zeros.

    Returns a tuple (us, zs, vs, ys):
    - us, zs: ndarrays (T, N, H): u_t and z_t = sigmoid(u_t) at every step.
    - vs, ys: ndarrays (T, N, O): v_t and y_t = sigmoid(v_t) at every step.

    Hint: loop over t = 0 .. T-1 (axis 0), carrying z from one step to the next.
    ヒント: t = 0 .. T-1（軸 0）でループし、z を次の時刻へ引き継ぐ。
    """
    us, zs, vs, ys = None, None, None, None
    ###########################################################################
    # TODO: allocate the outputs and apply the recurrence at every step.      #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return us, zs, vs, ys
