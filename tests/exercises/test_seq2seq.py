"""seq2seq: reference, stub, decoding-loop mistakes, ties, the return type, right alternatives."""
import pytest

from tests.conftest import reference_source
from tests.exercises.standard import standard_tests

NAME = "seq2seq"

LOOP = """
import numpy as np

def greedy_decode(h, E, W, U, b, W_out, c, start_id, max_len, end_id=None):
    tokens, token = [], start_id
    h0 = h
    while len(tokens) < {limit}:
        e = {embed}
        h = np.tanh(W @ e + U @ {state} + b)
        logits = W_out @ h + c
        token = {pick}
        {before}
        tokens.append(token)
        {after}
    return {result}
"""


def decoder(limit="max_len", embed="E[:, token]", state="h", pick="int(np.argmax(logits))", before="",
            after="if token == end_id: break", result="tokens"):
    """A learner's decoding loop with one line changed."""
    return LOOP.format(limit=limit, embed=embed, state=state, pick=pick, before=before, after=after,
                       result=result)


WRONG = {
    "no_recurrent_term": """
        import numpy as np

        def greedy_decode(h, E, W, U, b, W_out, c, start_id, max_len, end_id=None):
            tokens, token = [], start_id
            for _ in range(max_len):
                h = np.tanh(W.dot(E[:, token]) + b)
                token = int(np.argmax(W_out.dot(h) + c))
                tokens.append(token)
                if end_id is not None and token == end_id:
                    break
            return tokens
    """,
    "logits_before_update": """
        import numpy as np

        def greedy_decode(h, E, W, U, b, W_out, c, start_id, max_len, end_id=None):
            tokens, token = [], start_id
            while len(tokens) < max_len:
                logits = W_out @ h + c
                h = np.tanh(W @ E[:, token] + U @ h + b)
                token = int(np.argmax(logits))
                tokens.append(token)
                if token == end_id:
                    break
            return tokens
    """,
    "end_id_zero_as_none": decoder(after="if end_id and token == end_id: break"),
    "forgot_bias_c": decoder().replace("logits = W_out @ h + c", "logits = W_out @ h"),
    "includes_start_id": decoder(result="[start_id] + tokens"),
    "same_token_every_step": decoder(embed="E[:, start_id]"),
    "state_not_carried": decoder(state="h0"),
    "embedding_row": decoder(embed="E[token]"),
    "off_by_one_max_len": decoder(limit="max_len - 1"),
    "end_not_appended": decoder(before="if token == end_id: break", after=""),
    "ignores_end_id": decoder(after=""),
    "ties_to_highest": decoder(pick="len(logits) - 1 - int(np.argmax(logits[::-1]))"),
    "start_counts_as_end": """
        import numpy as np

        def greedy_decode(h, E, W, U, b, W_out, c, start_id, max_len, end_id=None):
            tokens, token = [], start_id
            while token != end_id and len(tokens) < max_len:
                h = np.tanh(W.dot(E[:, token]) + U.dot(h) + b)
                token = int(np.argmax(W_out.dot(h) + c))
                tokens.append(token)
            return tokens
    """,
}

RIGHT = {
    "for_loop_one_hot_numpy_ints": """
        import numpy as np

        def greedy_decode(h, E, W, U, b, W_out, c, start_id, max_len, end_id=None):
            V = E.shape[1]
            out = []
            token = start_id
            for _ in range(max_len):
                w = np.zeros(V)
                w[token] = 1.0
                h = np.tanh(W.dot(E.dot(w)) + U.dot(h) + b)
                token = np.argmax(W_out.dot(h) + c)          # a numpy integer
                out.append(token)
                if end_id is not None and token == end_id:
                    break
            return out
    """,
    "tuple_of_ints_with_flatnonzero": """
        import numpy as np

        def greedy_decode(h, E, W, U, b, W_out, c, start_id, max_len, end_id=None):
            out, token = (), start_id
            while len(out) < max_len and (not out or out[-1] != end_id):
                h = np.tanh(W @ E[:, token] + U @ h + b)
                logits = W_out @ h + c
                token = int(np.flatnonzero(logits == logits.max())[0])
                out += (token,)
            return out
    """,
}


test_reference, test_stub, test_wrong, test_right = standard_tests(NAME, WRONG, RIGHT)


@pytest.mark.parametrize("misconception", ["ties_to_highest", "start_counts_as_end", "end_not_appended"])
def test_narrow_mistakes_keep_the_other_parts(grade_source, misconception):
    result = grade_source(NAME, WRONG[misconception])
    assert 0 < result.score < result.max_score


def test_an_ndarray_is_refused_with_a_clear_message(grade_source):
    result = grade_source(NAME, reference_source(NAME).replace("return tokens", "return np.array(tokens, dtype=int)"))
    assert result.score == 0
    assert any("list" in m.render("en") and "tolist" in m.render("en") for m in result.messages)


def test_a_wrong_sequence_shows_both_sequences(grade_source):
    result = grade_source(NAME, decoder(pick="int(np.argmin(logits))"))
    assert result.score < result.max_score
    assert any("first difference" in m.render("en") for m in result.messages)
    assert any("最初の違い" in m.render("ja") for m in result.messages)


def test_modifying_the_input_is_reported(grade_source):
    result = grade_source(NAME, reference_source(NAME).replace(
        "h = np.tanh(W @ e + U @ h + b)", "h[:] = np.tanh(W @ e + U @ h + b)"))
    assert result.score < result.max_score
    assert any("in place" in m.en for m in result.messages)


def test_drawing_decodes_as_the_reference_does():
    """The declaration's own right decoder (shared steps, used to vet draws) gives the
    reference's tokens, and a draw renamed by ``swap_ids`` decodes to the renamed tokens."""
    import numpy as np

    from rnn_grader.declarations import seq2seq as declared
    from solutions.seq2seq import greedy_decode

    rng = np.random.default_rng(3)
    for _ in range(300):
        V = int(rng.integers(3, 9))
        args = (*declared.weights(rng, 4, 5, V), int(rng.integers(0, V)), int(rng.integers(0, 9)))
        end_id = [None, int(rng.integers(0, V))][int(rng.integers(0, 2))]
        assert declared.RIGHT(*args, end_id) == greedy_decode(*args, end_id)
        i, j = (int(k) for k in rng.choice(V, size=2, replace=False))
        swapped = declared.swap_ids(args, i, j)
        renamed = [{i: j, j: i}.get(t, t) for t in greedy_decode(*args)]
        assert greedy_decode(*swapped) == renamed
