"""seq2seq: greedy decoding, feeding each chosen token back as the next input.

The return value is a list of token ids: a list or tuple of Python or numpy integers is
accepted; an ndarray is refused with a message saying to return a list (the contract is
``list[int]``).  Ties are built exactly: rows of zeros in W_out and equal entries of c give
logits that are bit-for-bit equal, so "lowest id on ties" is tested without rounding doubts.
The end-token cases pick end_id among the tokens the decoder really produces, and one case
has end_id == start_id (a loop that tests the current token before the first step stops at
once).
"""
import operator

import numpy as np

from rnn_grader.engine import Exercise, Misconception, Text, ValueCheck
from rnn_grader.judges.seq2seq import compare_tokens
from solutions.seq2seq import greedy_decode

ORDER = 13

# (De, Dh, V, max_len); the first has De == V so that E[token] (a row) runs
SHAPES = [(5, 4, 5, 6), (3, 6, 8, 8), (4, 3, 6, 5), (6, 5, 10, 7)]
TRIES = 50


# ----------------------------------------------------------------------------- decoders
def lowest_on_ties(logits):
    return int(logits.argmax())            # np.argmax's result, without its dispatch (drawing runs this a lot)


def highest_on_ties(logits):
    return int(len(logits) - 1 - logits[::-1].argmax())


class Stream:
    """The tokens one decoder chooses, step by step, when nothing stops it, computed as far as
    a decoder reads them: decoders that differ only in when they stop (the end token, max_len,
    the start token in the output) read one stream instead of decoding again.  An error at a
    step is raised again to every reader that gets that far, as decoding would."""

    def __init__(self, advance, state):
        self.advance, self.state, self.tokens, self.error = advance, state, [], None

    def token(self, k: int) -> int:
        while len(self.tokens) <= k:
            if self.error is not None:
                raise self.error
            try:
                self.state, token = self.advance(self.state)
            except Exception as exc:  # noqa: BLE001 - kept for every reader that gets this far
                self.error = exc
                raise
            self.tokens.append(token)
        return self.tokens[k]


LAST_STREAMS = [((), {})]   # the weights (h, E, W, U, b, W_out, c, start_id) last decoded, and their streams


def streams_for(weights: tuple) -> dict:
    """The streams of these very weights (the same objects as the last call's), or a fresh dict:
    drawing decodes many mistakes on one draw, then moves on to the next."""
    held, streams = LAST_STREAMS[0]
    if not (held and all(map(operator.is_, held[:7], weights[:7])) and held[7] == weights[7]):
        streams = {}
        LAST_STREAMS[0] = (weights, streams)
    return streams


def decoder(*, pick=lowest_on_ties, embed_row=False, carry=True, feed_back=True, use_c=True,
            extra=0, end="after", with_start=False, zero_is_no_end=False, recurrent=True,
            logits_first=False):
    """A ``greedy_decode`` with one part changed (the misconception formulas).  ``end``:
    "after" (right), "before" (not appended), "ignore", "while" (tests the current token,
    the start token included, before each step).  ``recurrent=False`` drops `U @ h`;
    ``logits_first`` picks each token from the state before the step's update, then feeds
    that token ("fed") or the previous one ("shifted") to the update.

    The tokens chosen depend only on the ``steer`` parts; ``end``, ``extra``, ``with_start``
    and ``zero_is_no_end`` only decide where the output stops (see ``Stream``)."""
    assert not (end == "while" and logits_first), "one part changed at a time"
    steer = (pick.__name__, embed_row, carry, feed_back, use_c, recurrent, logits_first)

    def stream(h, E, W, U, b, W_out, c, start_id):
        h0 = h

        def advance(state):
            h, token = state
            before = pick(W_out @ h + c) if logits_first else None
            if logits_first == "fed":
                token = before
            fed = token if feed_back else start_id
            e = E[fed] if embed_row else E[:, fed]                  # (De,)
            h = np.tanh(W @ e + (U @ (h if carry else h0) if recurrent else 0.0) + b)   # (Dh,)
            if logits_first == "shifted":
                token = before
            elif not logits_first:
                token = pick(W_out @ h + (c if use_c else 0.0))
            return (h, token), token
        return Stream(advance, (h, start_id))

    def run(h, E, W, U, b, W_out, c, start_id, max_len, end_id=None):
        if zero_is_no_end and not end_id:   # `if end_id:` reads the id 0 as "no end id"
            end_id = None
        weights = (h, E, W, U, b, W_out, c, start_id)
        streams = streams_for(weights)
        chosen = streams.get(steer) or streams.setdefault(steer, stream(*weights))
        tokens = []
        if not (end == "while" and start_id == end_id):        # the start token counts as the end
            while len(tokens) < max_len + extra:
                token = chosen.token(len(tokens))
                if end == "before" and token == end_id:
                    break
                tokens.append(token)
                if end in ("after", "while") and token == end_id:
                    break
        return [start_id] + tokens if with_start else tokens
    return run


RIGHT = decoder()   # the reference's arithmetic, step for step: drawing decodes the right sequence with it,
                    # sharing its steps with the mistakes that only stop elsewhere (expected values: the reference)


# ----------------------------------------------------------------------------- inputs
def weights(rng, De, Dh, V):
    """h (Dh,), E (De, V), W (Dh, De), U (Dh, Dh), b (Dh,), W_out (V, Dh), c (V,)."""
    return (rng.normal(0, 0.5, Dh), rng.standard_normal((De, V)), rng.normal(0, 0.9, (Dh, De)),
            rng.normal(0, 0.9, (Dh, Dh)), rng.normal(0, 0.3, Dh), rng.normal(0, 1.5, (V, Dh)),
            rng.normal(0, 0.3, V))


def varied(rng, De, Dh, V, max_len, accept=lambda args, tokens: True, tries=TRIES, relabel=None):
    """A draw whose decoded sequence uses at least two tokens, and where the mistakes that
    change the whole sequence give sequences different from it and from each other: feeding
    the start token every step, (when De == V) embedding with rows of E, the logits taken
    before the state update, `U @ h` missing, the state not carried, the start token in the
    output.  Each of these
    mistakes shows, and is not mistaken for another, on every seed.  ``relabel(args, tokens)``
    may rename the token ids of each draw (see ``swap_ids``) before it is tested."""
    for _ in range(tries):
        args = (*weights(rng, De, Dh, V), int(rng.integers(0, V)), max_len)
        tokens = RIGHT(*args)
        if relabel is not None:
            args, tokens = relabel(args, tokens)
        if len(set(tokens)) >= 2 and accept(args, tokens) and tells_apart(args, tokens, embed_row=De == V) \
                and mistakes_differ(args):
            break
    return args, tokens


# The mistakes that change the whole sequence, the pair that most often looks alike first
WHOLE_SEQUENCE = [decoder(carry=False), decoder(recurrent=False), decoder(feed_back=False),
                  decoder(logits_first="fed"), decoder(logits_first="shifted"), decoder(with_start=True, extra=-1)]
EMBED_ROW = decoder(embed_row=True)


def tells_apart(args, tokens, embed_row=False, extra=()) -> bool:
    """Do the whole-sequence mistakes (and ``extra`` decoders) give sequences different from
    ``tokens`` (the right one) and from each other on ``args``?"""
    mistakes = [*extra, *WHOLE_SEQUENCE] + ([EMBED_ROW] if embed_row else [])   # extra: the case's own look-alikes
    seen = {tuple(tokens)}
    for wrong in mistakes:          # stops at the first look-alike (most rejected draws)
        output = tuple(wrong(*args))
        if output in seen:
            return False
        seen.add(output)
    return True


def without_end(rng):
    for De, Dh, V, max_len in SHAPES:
        args, _ = varied(rng, De, Dh, V, max_len)
        yield args + (None,) if De == V else args            # end_id given as None, or left out


def with_end(rng):
    """end_id reached at the 2nd to 4th token; end_id == start_id; end_id never produced."""
    for De, Dh, V, max_len in SHAPES[:3]:
        for _ in range(TRIES):
            args, tokens = varied(rng, De, Dh, V, 8)
            candidates = [t for t in tokens[1:4] if t != args[7]] or [t for t in tokens if t != args[7]]
            case = args + (candidates[int(rng.integers(len(candidates)))],)   # end_id != start_id
            if mistakes_differ(case):
                break
        yield case
    for _ in range(TRIES):                                    # the start token comes back later,
        args, tokens = varied(rng, 4, 5, 6, 8)                # not first (that would also be
        if args[7] in tokens[1:] and tokens[0] != args[7] and mistakes_differ(args + (args[7],)):
            break                                             # "stops before appending end_id")
    yield args + (args[7],)
    for _ in range(TRIES):
        args, tokens = varied(rng, 3, 4, 7, 6)
        case = args + (next(t for t in range(7) if t not in tokens) if len(set(tokens)) < 7 else None,)
        if mistakes_differ(case):
            break
    yield case
    yield ends_at_token_zero(rng)


def swap_ids(args, i, j):
    """The same decoder with token ids i and j exchanged (columns of E, rows of W_out, entries
    of c, the start id): it decodes the same sequence with i and j exchanged."""
    h, E, W, U, b, W_out, c, start_id, *rest = args
    order = np.arange(len(c))
    order[[i, j]] = order[[j, i]]
    start_id = {i: j, j: i}.get(start_id, start_id)
    return (h, E[:, order], W, U, b, W_out[order], c[order], start_id, *rest)


def zero_in_the_middle(args, tokens):
    """A draw whose 2nd to 4th tokens hold one that is neither the first token nor the start
    token, with that token renamed to id 0 (so that most draws reach token 0 there); the
    sequence is decoded again, not assumed."""
    middle = [t for t in tokens[1:4] if t not in (tokens[0], args[7])]
    if not middle or middle[0] == 0:
        return args, tokens
    args = swap_ids(args, middle[0], 0)
    return args, RIGHT(*args)


def ends_at_token_zero(rng):
    """end_id = 0 (a valid id, not "no end id"), reached at the 2nd to 4th token and not the
    start: drawn until so, with a vocabulary of 3 on every seed (ids renamed so that token 0
    comes at one of those places: ``zero_in_the_middle``)."""
    def reaches_zero(args, tokens):   # the cheap conditions first, in each draw
        return args[7] != 0 and 0 in tokens[1:4] and tokens[0] != 0 and mistakes_differ(args + (0,))

    args, tokens = varied(rng, 3, 4, 3, 7, accept=reaches_zero, tries=TRIES * 40, relabel=zero_in_the_middle)
    if not reaches_zero(args, tokens):
        raise RuntimeError("no draw reaches token 0")
    return args + (0,)


def with_ties(rng):
    """Tokens 1 and 4 have zero rows in W_out and equal biases: their logits tie exactly.
    Drawn until the lowest-id and highest-id rules give different sequences."""
    for De, Dh, V, max_len, end in [(3, 4, 6, 6, None), (4, 3, 7, 7, 1)]:
        look_alikes = tie_look_alikes(end)
        for _ in range(4 * TRIES):   # ties are rarer: more draws
            h, E, W, U, b, W_out, c = weights(rng, De, Dh, V)
            W_out[[1, 4]] = 0.0
            c[[1, 4]] = rng.uniform(0.0, 2.0)
            args = (h, E, W, U, b, W_out, c, int(rng.integers(0, V)), max_len, end)
            tokens = RIGHT(*args)
            ends_early = end is None or len(tokens) < max_len    # dropping the end token is not "one short"
            if ends_early and tells_apart(args, tokens, extra=look_alikes) \
                    and mistakes_differ(args):
                break
        yield args


# the same output by construction on the cases that show them (end_id = 0): told apart by the others
SAME_BY_CONSTRUCTION = {frozenset({"end_id_zero_as_none", "ignores_end_id"})}


def mistakes_differ(case) -> bool:
    """On this case, does every misconception whose output is wrong give an output that no
    misconception of another name gives?  Then a wrong answer on it names one mistake, the
    same on every seed.  (Formulas that fail on the case, such as a row of E where De != V, are
    left out.)"""
    right, seen = tuple(RIGHT(*case)), {}     # the draw's stream: no decoding again
    for wrong in SCAN_ORDER:
        try:
            output = tuple(wrong.formula(*case))
        except Exception:  # noqa: BLE001 - this mistake cannot run on this case: it shows otherwise
            continue
        other = seen.setdefault(output, wrong.name)
        if output != right and other != wrong.name and frozenset({other, wrong.name}) not in SAME_BY_CONSTRUCTION:
            return False
    return True


# The order in which ``mistakes_differ`` runs the formulas: the pairs that most often give the
# same sequence first, so that a draw it rejects costs a few decoders, not all of them (the
# answer does not depend on the order; the draws are the same).
LOOK_ALIKES_FIRST = ("state_not_carried", "no_recurrent_term", "includes_start_id", "logits_before_update",
                     "embedding_row", "forgot_bias_c", "same_token_every_step")


def scan_order(wrong):
    first = {name: k for k, name in enumerate(LOOK_ALIKES_FIRST)}
    return sorted(wrong, key=lambda m: first.get(m.name, len(first)))


def tie_look_alikes(end):
    """The mistakes a tie case must tell apart besides the whole-sequence ones: the highest id on
    ties, the bias c forgotten (c decides the tie against the other tokens), and with an end
    token, stopping before appending it (the end token must come before the last position, or
    this would look one token short)."""
    stops = [decoder(end="before")] if end is not None else []
    return [decoder(pick=highest_on_ties), decoder(use_c=False)] + stops


def edge_cases(rng):
    """max_len = 0 (nothing), max_len = 1, and end_id equal to the first token; that token is
    neither the start token (a loop testing the current token first would stop at once, like one
    not appending end_id) nor 0 (a test `if end_id:` would then look like no end test at all)."""
    for _ in range(TRIES):
        args, tokens = varied(rng, 3, 4, 5, 4)
        first_before_update = int(np.argmax(args[5] @ args[0] + args[6]))   # with max_len = 1, the
        if (tokens[0] not in (0, args[7]) and first_before_update != args[7]    # start token's look-alike
                and mistakes_differ(args[:-1] + (1,)) and mistakes_differ(args + (tokens[0],))):
            break
    yield args[:-1] + (0,)
    yield args[:-1] + (1,)
    yield args + (tokens[0],)


# ----------------------------------------------------------------------------- comparing token lists
# ----------------------------------------------------------------------------- misconceptions
INCLUDES_START = Text(
    en="your output begins with start_id. The start token is only the first input of the decoder; "
       "the output holds the tokens the decoder chose, starting with the first argmax.",
    ja="出力が start_id から始まっています。開始トークンはデコーダへの最初の入力にすぎません。出力に入れるのは"
       "デコーダが選んだトークンで、最初の argmax から始まります。")
OFF_BY_ONE = Text(
    en="your output has one token too many or too few: without end_id it must hold exactly max_len "
       "tokens (loop while len(tokens) < max_len).",
    ja="出力のトークン数が 1 つ多いか少ないです。end_id に当たらなければ、ちょうど max_len 個になります"
       "（len(tokens) < max_len の間ループする）。")

LOGITS_BEFORE_UPDATE = Text(
        en="each of your tokens comes from the state BEFORE the step's update: the logits are taken "
           "from h and only then is h updated with the token. At each step, first update the state "
           "with the fed token, `h = np.tanh(W @ e + U @ h + b)`, then take `logits = W_out @ h + c` "
           "from the new state.",
        ja="各トークンがそのステップで更新する「前」の状態から選ばれています（h から logits をとった後で、"
           "そのトークンで h を更新しています）。各ステップでは、まず入力トークンで状態を更新し "
           "`h = np.tanh(W @ e + U @ h + b)`、その新しい状態から `logits = W_out @ h + c` をとります。")

WRONG = [
    Misconception("includes_start_id", decoder(with_start=True), INCLUDES_START),
    Misconception("includes_start_id", decoder(with_start=True, extra=-1), INCLUDES_START),
    Misconception("same_token_every_step", decoder(feed_back=False), Text(
        en="you feed start_id at every step. Greedy decoding feeds back the token just chosen: "
           "after `token = argmax(logits)`, the next step uses `E[:, token]`.",
        ja="毎ステップ start_id を入力しています。貪欲デコードでは直前に選んだトークンを次の入力にします: "
           "`token = argmax(logits)` の後、次のステップで `E[:, token]` を使います。")),
    Misconception("state_not_carried", decoder(carry=False), Text(
        en="every step starts again from the encoder's state h instead of the previous step's state. "
           "Assign the new state to the variable you use next: `h = np.tanh(W @ e + U @ h + b)`.",
        ja="毎ステップ、前のステップの状態ではなくエンコーダの状態 h からやり直しています。新しい状態を次に使う変数に"
           "代入してください: `h = np.tanh(W @ e + U @ h + b)`。")),
    Misconception("embedding_row", decoder(embed_row=True), Text(
        en="you embedded the token with a row of E (`E[token]`). E has shape (De, V) and column j "
           "embeds token j: `E[:, token]` (= E.dot(one-hot)). (De equals V in this case, so the "
           "indexing did not fail.)",
        ja="トークンを E の行（`E[token]`）で埋め込んでいます。E の形状は (De, V) で、列 j がトークン j の"
           "埋め込みです: `E[:, token]`（= E.dot(one-hot)）（このケースは De と V が等しいためエラーになりませんでした）。")),
    Misconception("forgot_bias_c", decoder(use_c=False), Text(
        en="your logits have no bias: logits = W_out @ h + c.",
        ja="logits にバイアスがありません。logits = W_out @ h + c です。")),
    Misconception("off_by_one_max_len", decoder(extra=-1), OFF_BY_ONE),
    Misconception("off_by_one_max_len", decoder(extra=1), OFF_BY_ONE),
    Misconception("end_not_appended", decoder(end="before"), Text(
        en="you stop before appending end_id. The end token is part of the output: append it, then stop.",
        ja="end_id を出力に加える前に止めています。終了トークンも出力に含めます。加えてから止めてください。")),
    Misconception("end_id_zero_as_none", decoder(zero_is_no_end=True), Text(
        en="with end_id = 0 you do not stop: a test like `if end_id and token == end_id` reads the "
           "id 0 as false, i.e. as \"no end id\". 0 is a valid token id: compare with None "
           "(`if end_id is not None and token == end_id`).",
        ja="end_id = 0 のときに止まっていません。`if end_id and token == end_id` のような判定では ID 0 が偽、"
           "つまり「end_id なし」と読まれます。0 も正しいトークン ID なので、None と比べてください"
           "（`if end_id is not None and token == end_id`）。")),
    Misconception("ignores_end_id", decoder(end="ignore"), Text(
        en="you do not stop at end_id: decoding must stop right after end_id was appended.",
        ja="end_id で止まっていません。end_id を出力に加えた直後にデコードを止めてください。")),
    Misconception("start_counts_as_end", decoder(end="while"), Text(
        en="your loop tests the current token before each step (`while token != end_id`), so when "
           "start_id equals end_id it stops before the first step. Only a chosen token ends the "
           "output: test it right after appending it.",
        ja="各ステップの前に現在のトークンを調べている（`while token != end_id`）ため、start_id が end_id と"
           "等しいと最初のステップの前に止まります。出力を終えるのは選ばれたトークンだけです。加えた直後に調べてください。")),
    Misconception("logits_before_update", decoder(logits_first="shifted"), LOGITS_BEFORE_UPDATE),
    Misconception("logits_before_update", decoder(logits_first="fed"), LOGITS_BEFORE_UPDATE),
    Misconception("no_recurrent_term", decoder(recurrent=False), Text(
        en="your state update has no `U @ h`: each new state depends only on the token fed in, so the "
           "decoder forgets the encoder's state and everything before. `h = np.tanh(W @ e + U @ h + b)`.",
        ja="状態の更新に `U @ h` がありません。新しい状態が入力トークンだけで決まり、エンコーダの状態も"
           "それまでの文脈も失われます。`h = np.tanh(W @ e + U @ h + b)` です。")),
    Misconception("ties_to_highest", decoder(pick=highest_on_ties), Text(
        en="when several logits are equal you chose the highest id. The contract breaks ties to the "
           "lowest id, which is what `np.argmax` returns (the first maximum).",
        ja="logits が同点のとき大きい ID を選んでいます。同点なら小さい ID を選ぶ決まりで、`np.argmax`"
           "（最初の最大値）がそれを返します。")),
]
SCAN_ORDER = scan_order(WRONG)


def title(en, ja):
    return Text(en=en, ja=ja)


def check(name, points, inputs, en, ja):
    return ValueCheck(name, points=points, function="greedy_decode", inputs=inputs, reference=greedy_decode,
                      misconceptions=WRONG, compare=compare_tokens, title=title(en, ja))


EXERCISE = Exercise("seq2seq", Text(en="seq2seq greedy decoding", ja="seq2seq の貪欲デコード"), checks=[
    check("decode_max_len", 3, without_end, "decoding max_len tokens (no end token)",
          "max_len 個のデコード（終了トークンなし）"),
    check("decode_end_token", 3, with_end, "stopping right after end_id", "end_id を加えた直後に停止"),
    check("decode_ties", 2, with_ties, "ties broken to the lowest id", "同点は小さい ID を選ぶ"),
    check("decode_edge_cases", 1, edge_cases, "max_len = 0 and 1, end_id as the first token",
          "max_len = 0 と 1、最初のトークンが end_id"),
])
