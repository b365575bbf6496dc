"""Exercise: output size of a convolution (畳み込みの出力サイズ).

A filter of size F slides over an input of size H that was padded with P zeros on
EACH side, moving S cells at a time.  The number of positions it fits is

    out = (H + 2*P - F) // S + 1

(the same formula for height and width).  Example from the course: a 5x5 image,
a 3x3 filter, stride 2, padding 1 gives (5 + 2 - 3) // 2 + 1 = 3, a 3x3 output.

サイズ H の入力の両側に P 個ずつゼロを詰め（パディング）、サイズ F のフィルタを
S 個ずつずらして（ストライド）畳み込むと、フィルタが置ける位置の数、つまり出力サイズは
上の式になる。割り算は切り捨てで、結果は整数。
"""


def conv_output_size(in_size, filter_size, stride=1, pad=0):
    """Output size (height or width) of a convolution.

    Inputs:
    - in_size: int H, the input's height (or width), before padding.
    - filter_size: int F, the filter's height (or width).
    - stride: int S >= 1, how many cells the filter moves per step.
    - pad: int P >= 0, zeros added on each side of the input.

    Returns:
    - int: (H + 2P - F) // S + 1.  Only inputs with a result >= 1 are graded.

    Hint: the padding is added on both sides (2P), and `//` keeps the result an int;
    `/` would return a float such as 3.0.
    ヒント: パディングは両側に付く（2P）。`/` ではなく `//` を使えば結果は int になる。
    """
    out_size = None
    ###########################################################################
    # TODO: compute the output size.                                          #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return out_size
