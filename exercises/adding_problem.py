"""Exercise: the adding problem (加算問題), a benchmark for long-term memory.

Each sample is a sequence of T steps with two channels:
    channel 0: a random value, uniform in [0, 1)
    channel 1: a marker, 1 at exactly two distinct positions, 0 elsewhere
The target is the sum of the two marked values.  The markers can be far apart, so a
network must remember the first marked value over many steps: a plain RNN fails when T
is large (vanishing gradients), an LSTM or GRU can learn it.

各サンプルは T ステップの系列で、チャンネル 0 は [0, 1) の一様乱数、チャンネル 1 はちょうど
2 か所（異なる位置）だけ 1 の目印。目標値は目印の付いた 2 つの値の和。2 つの目印は遠く
離れうるので、長期の記憶が必要になる。
"""
import numpy as np


def adding_problem(n_samples, T, rng):
    """Draw a data set of the adding problem.

    Inputs:
    - n_samples: int n >= 1, the number of sequences.
    - T: int >= 2, the sequence length.
    - rng: a numpy.random.Generator; draw every random number from it (not np.random.*),
      so that the same seed gives the same data set.

    Returns (X, y):
    - X: ndarray (n, T, 2), float64 (batch, time, channel): X[k, t, 0] uniform in [0, 1),
      X[k, :, 1] has exactly two 1s at distinct positions and 0 elsewhere.
    - y: ndarray (n,), float64: y[k] = Σ_t X[k, t, 0] * X[k, t, 1].

    Hint: rng.random((n, T)) for the values; rng.choice(T, size=2, replace=False) gives two
    distinct positions (calling rng.integers twice can give the same position twice).
    ヒント: 2 つの位置は rng.choice(T, size=2, replace=False) で重複なく選べる。
    """
    X, y = None, None
    ###########################################################################
    # TODO: draw the values and the two markers, then compute the targets.   #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return X, y
