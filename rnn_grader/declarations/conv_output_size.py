"""conv_output_size: (H + 2P - F) // S + 1, an int.

Misconceptions: the padding forgotten or counted on one side only, the `+ 1` forgotten,
the stride forgotten, true division (a float, even when it is whole), rounding up.
Each check starts with a fixed configuration on which these give different answers,
so that the first wrong case names the mistake; random configurations follow.
"""
import math

from rnn_grader.engine import Exercise, Misconception, Text, ValueCheck
from solutions.conv_output_size import conv_output_size as reference

ORDER = 1


def random_config(rng, strides):
    """(in_size, filter_size, stride, pad) with a result >= 1."""
    pad = int(rng.integers(0, 4))
    in_size = int(rng.integers(1, 33))
    filter_size = int(rng.integers(1, min(in_size + 2 * pad, 7) + 1))
    return in_size, filter_size, int(rng.choice(strides)), pad


def exam_configuration(rng):
    """The course's question: 5x5 input, 3x3 filter, stride 2, padding 1 -> 3."""
    yield 5, 3, 2, 1


def stride_one(rng):
    """Stride 1 (no rounding), with and without padding."""
    yield 7, 3, 1, 2        # 9; padding forgotten 5, once 7, `+ 1` forgotten 8
    yield 28, 5, 1, 0       # 24
    for _ in range(6):
        yield random_config(rng, [1])


def strided(rng):
    """Strides 2 to 4, where the division must round down."""
    yield 10, 3, 2, 4       # 15 // 2 + 1 = 8; every misconception gives another number
    yield 32, 5, 3, 1       # 30 // 3 + 1 = 11 (exact)
    yield 6, 3, 4, 0        # 3 // 4 + 1 = 1: the smallest graded result
    for _ in range(10):
        yield random_config(rng, [2, 3, 4])


def default_arguments(rng):
    """Called with stride and pad left out (defaults 1 and 0), then with pad left out."""
    yield 8, 3              # 6
    yield int(rng.integers(3, 20)), 3
    yield 11, 3, 2          # 5
    yield int(rng.integers(6, 30)), 5, 3


def no_padding(in_size, filter_size, stride=1, pad=0):
    return (in_size - filter_size) // stride + 1


def padding_once(in_size, filter_size, stride=1, pad=0):
    return (in_size + pad - filter_size) // stride + 1


def no_plus_one(in_size, filter_size, stride=1, pad=0):
    return (in_size + 2 * pad - filter_size) // stride


def plus_one_inside_division(in_size, filter_size, stride=1, pad=0):
    return (in_size + 2 * pad - filter_size + 1) // stride


def float_instead_of_int(in_size, filter_size, stride=1, pad=0):
    return float((in_size + 2 * pad - filter_size) // stride + 1)


def true_division(in_size, filter_size, stride=1, pad=0):
    return (in_size + 2 * pad - filter_size) / stride + 1


def rounded_up(in_size, filter_size, stride=1, pad=0):
    return math.ceil((in_size + 2 * pad - filter_size) / stride) + 1


def stride_ignored(in_size, filter_size, stride=1, pad=0):
    return in_size + 2 * pad - filter_size + 1


WRONG = [
    Misconception("no_padding", no_padding, Text(
        en="your result is `(H - F) // S + 1`: the padding is missing. Zeros are added on both "
           "sides of the input, so the padded size is `H + 2P`: `(H + 2P - F) // S + 1`.",
        ja="結果が `(H - F) // S + 1` になっていて、パディングが抜けています。入力の両側にゼロを"
           "詰めるので、パディング後のサイズは `H + 2P` です: `(H + 2P - F) // S + 1`。")),
    Misconception("padding_once", padding_once, Text(
        en="your result is `(H + P - F) // S + 1`: the padding is counted on one side only. "
           "P zeros go on each side (top and bottom, left and right): use `2*P`.",
        ja="結果が `(H + P - F) // S + 1` になっていて、パディングを片側分しか数えていません。"
           "P は片側あたりの量で、上下（左右）の両方に付くので `2*P` です。")),
    # before no_plus_one: with S > 1 it mostly gives the same numbers, except where S divides
    # `H + 2P - F + 1` (10, 3, 2, 4 of the strided cases), where it is right and no_plus_one is not
    Misconception("plus_one_inside_division", plus_one_inside_division, Text(
        en="your result is `(H + 2P - F + 1) // S`: the `+ 1` is inside the division. It counts the "
           "first filter position, so it comes after dividing the distance by the stride: "
           "`(H + 2P - F) // S + 1`.",
        ja="結果が `(H + 2P - F + 1) // S` になっていて、`+ 1` が割り算の中に入っています。`+ 1` は"
           "フィルタの最初の位置の分なので、距離をストライドで割った後に足します: `(H + 2P - F) // S + 1`。")),
    Misconception("no_plus_one", no_plus_one, Text(
        en="your result is `(H + 2P - F) // S`: the `+ 1` is missing. `(H + 2P - F) // S` counts "
           "the steps the filter moves; the first position, before any step, adds one.",
        ja="結果が `(H + 2P - F) // S` になっていて、`+ 1` が抜けています。`(H + 2P - F) // S` は"
           "フィルタをずらす回数で、ずらす前の最初の位置の 1 つを足す必要があります。")),
    Misconception("float_instead_of_int", float_instead_of_int, Text(
        en="you returned a float (such as 3.0) where the output size is an int: `/` always gives "
           "a float in Python 3. Use floor division `//`, which keeps integers integers.",
        ja="出力サイズは int なのに float（3.0 など）を返しています。Python 3 の `/` は常に float を"
           "返します。切り捨て除算 `//` を使えば int のままです。")),
    Misconception("true_division", true_division, Text(
        en="your result is `(H + 2P - F) / S + 1`, a fraction when S does not divide "
           "`H + 2P - F`. A filter position that would stick out of the padded input does not "
           "count: round down with `//`.",
        ja="結果が `(H + 2P - F) / S + 1` で、S で割り切れないときに小数になっています。"
           "パディング後の入力からはみ出す位置は数えないので、`//` で切り捨ててください。")),
    Misconception("rounded_up", rounded_up, Text(
        en="you rounded `(H + 2P - F) / S` up (ceil or round). The last step would move the filter "
           "out of the padded input, so that position does not exist: round down with `//`.",
        ja="`(H + 2P - F) / S` を切り上げ（ceil や round）ています。最後の 1 歩はフィルタを"
           "パディング後の入力の外に出してしまうので、その位置はありません。`//` で切り捨ててください。")),
    Misconception("stride_ignored", stride_ignored, Text(
        en="your result is `H + 2P - F + 1`: the stride is missing. With stride S the filter "
           "moves S cells per step, so divide the distance by S: `(H + 2P - F) // S + 1`.",
        ja="結果が `H + 2P - F + 1` になっていて、ストライドが抜けています。ストライド S では"
           "1 歩で S マス進むので、距離を S で割ります: `(H + 2P - F) // S + 1`。")),
]

# On 5, 3, 2, 1 forgetting the padding, counting it once and forgetting `+ 1` all give 2:
# that case names only the mistakes it tells apart (the other checks name the rest).
EXAM_DISTINCT = [w for w in WRONG if w.name in ("float_instead_of_int", "true_division", "stride_ignored")]

EXERCISE = Exercise("conv_output_size", Text(en="Convolution output size", ja="畳み込みの出力サイズ"), checks=[
    ValueCheck("exam_configuration", points=1, function="conv_output_size", inputs=exam_configuration,
               reference=reference, misconceptions=EXAM_DISTINCT,
               title=Text(en="5x5 input, 3x3 filter, stride 2, padding 1",
                          ja="5×5 の入力、3×3 のフィルタ、ストライド 2、パディング 1")),
    ValueCheck("stride_one", points=2, function="conv_output_size", inputs=stride_one,
               reference=reference, misconceptions=WRONG,
               title=Text(en="stride 1, with and without padding", ja="ストライド 1、パディングあり・なし")),
    ValueCheck("strided", points=3, function="conv_output_size", inputs=strided,
               reference=reference, misconceptions=WRONG,
               title=Text(en="strides 2 to 4 (the division rounds down)",
                          ja="ストライド 2〜4（割り算は切り捨て）")),
    ValueCheck("default_arguments", points=1, function="conv_output_size", inputs=default_arguments,
               reference=reference, misconceptions=WRONG,
               title=Text(en="default stride 1 and padding 0", ja="ストライド 1・パディング 0 の既定値")),
])
