"""Exercise: joining the states of a bidirectional RNN (双方向 RNN の状態の結合).

A bidirectional RNN runs one RNN forward over x_0 .. x_{T-1} and another one over the
reversed sequence x_{T-1} .. x_0.  The backward RNN's k-th state therefore belongs to
time T-1-k.  The feature at time t joins the two states of that time side by side:

    out[t] = [hs_f[t], hs_b[T-1-t]]        ->  np.concatenate([hs_f, hs_b[::-1]], axis=1)

双方向 RNN は、順方向の RNN と、入力を逆順にたどる RNN の 2 つを持つ。逆方向の k 番目の
状態は時刻 T-1-k のものなので、hs_b を時間方向に反転してから、時刻ごとに 2 つの状態を
横に並べて（特徴の軸で結合して）特徴量にする。
"""
import numpy as np


def birnn_concat(hs_f, hs_b):
    """Features of a bidirectional RNN, one row per time step.

    Inputs (do not modify them):
    - hs_f: ndarray of shape (T, H), forward states in time order (hs_f[t] is time t).
    - hs_b: ndarray of shape (T, H), backward states in the order they were computed over
      the reversed input (hs_b[k] is time T-1-k).

    Returns:
    - ndarray of shape (T, 2H): row t is [hs_f[t], hs_b[T-1-t]].

    Hint: `hs_b[::-1]` reverses the time axis; axis=1 is the feature axis.
    ヒント: `hs_b[::-1]` で時間軸を反転できる。axis=1 が特徴の軸。
    """
    out = None
    ###########################################################################
    # TODO: put the backward states in time order and join them.             #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return out
