"""Exercise: gradient clipping (勾配クリッピング).

Deep RNNs suffer from exploding gradients.  Gradient clipping rescales the whole
gradient when its L2 norm is larger than a threshold, keeping its direction:

    norm = ||grad||_2                       (over all elements)
    clipped = grad * (threshold / norm)     if norm > threshold
    clipped = grad                          otherwise

深い RNN では勾配爆発が起こりやすい。勾配のノルムがしきい値を超えたら、
向きを保ったままノルムがしきい値になるように勾配全体を縮める。
"""
import numpy as np


def gradient_clipping(grad, threshold):
    """Clip a gradient by its global L2 norm.

    Inputs:
    - grad: ndarray of any shape (e.g. (D,) or (H, H)), float64; do not modify it.
    - threshold: positive float, the largest norm allowed.

    Returns:
    - ndarray of the same shape as grad: grad rescaled to norm ``threshold`` when
      ||grad|| > threshold, else grad unchanged.  A zero gradient stays zero (no NaN).

    Hint: np.linalg.norm(grad) is the norm over all elements, whatever the shape.
    """
    clipped = None
    ###########################################################################
    # TODO: compute the norm, and the clipped gradient when it is too large.  #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return clipped
