"""seq2seq, judged without an answer: comparing a decoded token list with the expected one.
Shipped to learners with the kit (see ``rnn_grader.judges``)."""
import numpy as np

from rnn_grader.engine import Text, msg
from rnn_grader.engine.compare import describe_type

NOT_A_LIST = Text(
    en="it returned {got}; return a Python list of token ids (for example `tokens.tolist()` or "
       "`[int(t) for t in tokens]`).",
    ja="戻り値が {got} です。トークン ID の Python のリストを返してください（例: `tokens.tolist()` や "
       "`[int(t) for t in tokens]`）。")
NOT_INTEGERS = Text(
    en="item {index} of the returned list is {got}; every item must be an integer token id.",
    ja="返したリストの {index} 番目が {got} です。すべての要素は整数のトークン ID にしてください。")
OTHER_TOKENS = Text(
    en="it returned the tokens {got}, but the greedy decoder outputs {expected} (first difference "
       "at position {index}).",
    ja="返したトークン列は {got} ですが、貪欲デコードの出力は {expected} です（最初の違いは {index} 番目）。")


def short(tokens) -> str:
    text = "[" + ", ".join(str(int(t)) for t in tokens[:12]) + (", ..." if len(tokens) > 12 else "") + "]"
    return text + (f" ({len(tokens)} tokens)" if len(tokens) > 12 else "")


def compare_tokens(got, expected: list) -> Text | None:
    """A list (or tuple) of integers equal to ``expected``; an ndarray is refused."""
    if got is None:
        return msg("compare.none")
    if not isinstance(got, (list, tuple)):
        return NOT_A_LIST.format(got=describe_type(got))
    for index, item in enumerate(got):
        if isinstance(item, (bool, np.bool_)) or not isinstance(item, (int, np.integer)):
            return NOT_INTEGERS.format(index=index, got=describe_type(item))
    got = [int(t) for t in got]
    if got == expected:
        return None
    index = next((i for i, (g, e) in enumerate(zip(got, expected)) if g != e), min(len(got), len(expected)))
    return OTHER_TOKENS.format(got=short(got), expected=short(expected), index=index)
