"""encoder_embedding: reference, stub, the exam's distractors, right alternatives."""
import textwrap

from tests.exercises.standard import standard_tests

NAME = "encoder_embedding"

ENCODE = """
def encode(words, E, W, U, b):
    h = np.zeros(W.shape[0])
    for w in words:
        e = {embed}
        h = {step}
    return h
"""
LOOKUP = """
def embedding_lookup(ids, E):
    return {lookup}
"""


def module(embed="E.dot(w)", step="np.tanh(W.dot(e) + U.dot(h) + b)", lookup="E[:, ids].T",
           encode=None) -> str:
    """A submission: the reference with one part replaced."""
    return "import numpy as np\n" + textwrap.dedent(encode or ENCODE.format(embed=embed, step=step)) \
        + LOOKUP.format(lookup=lookup)


# "name" or "name:variant" -> a submission with that mistake
WRONG = {
    "tanh_after_loop": module(encode="""
        def encode(words, E, W, U, b):
            h = np.zeros(W.shape[0])
            for w in words:
                h = W.dot(E.dot(w)) + U.dot(h) + b
            return np.tanh(h)
    """),
    "transposed_embedding": module(embed="E.T.dot(w)"),
    "elementwise_embedding": module(embed="E * w"),
    "swapped_W_U": module(step="np.tanh(W.dot(h) + U.dot(e) + b)"),
    "no_bias": module(step="np.tanh(W.dot(e) + U.dot(h))"),
    "no_activation": module(step="W.dot(e) + U.dot(h) + b"),
    "no_recurrence": module(step="np.tanh(W.dot(e) + b)"),
    "no_recurrence:reset_in_loop": module(encode="""
        def encode(words, E, W, U, b):
            h = np.zeros(W.shape[0])
            for w in words:
                h = np.zeros(W.shape[0])
                h = np.tanh(W @ (E @ w) + U @ h + b)
            return h
    """),
    "all_states": module(encode="""
        def encode(words, E, W, U, b):
            h, hs = np.zeros(len(b)), []
            for w in words:
                h = np.tanh(W.dot(E.dot(w)) + U.dot(h) + b)
                hs.append(h)
            return np.array(hs)
    """),
    "reversed_words": module(encode="""
        def encode(words, E, W, U, b):
            h = np.zeros(len(b))
            for w in reversed(words):
                h = np.tanh(W.dot(E.dot(w)) + U.dot(h) + b)
            return h
    """),
    "last_word_dropped": module(encode="""
        def encode(words, E, W, U, b):
            h = np.zeros(len(b))
            for i in range(len(words) - 1):
                h = np.tanh(W.dot(E.dot(words[i])) + U.dot(h) + b)
            return h
    """),
    "hidden_size_from_embedding": module(encode="""
        def encode(words, E, W, U, b):
            h = np.zeros(E.shape[0])
            for w in words:
                h = np.tanh(W.dot(E.dot(w)) + U.dot(h) + b)
            return h
    """),
    "hidden_size_from_embedding:matmul": module(encode="""
        def encode(words, E, W, U, b):
            h = np.zeros(E.shape[0])
            for w in words:
                h = np.tanh(W @ (E @ w) + U @ h + b)
            return h
    """),
    "rows_not_columns": module(lookup="E[ids]"),
    "rows_not_columns:one_hot_matmul": module(lookup="np.eye(E.shape[1])[ids] @ E"),
    "columns_not_transposed": module(lookup="E[:, ids]"),
    "columns_not_transposed:one_hot": module(lookup="E.dot(np.eye(E.shape[1])[ids].T)"),
    "one_hot_not_embedded": module(lookup="np.eye(E.shape[1])[ids]"),
}

RIGHT = {
    "exam_choice_3": module(embed="w.dot(E.T)"),
    "column_by_argmax": module(embed="E[:, np.argmax(w)]", step="np.tanh(U @ h + W @ e + b)"),
    "embed_all_first": module(encode="""
        def encode(words, E, W, U, b):
            es = words @ E.T                     # (n, De): every embedding at once
            h = np.zeros_like(b)
            for t in range(es.shape[0]):
                h = np.tanh(np.dot(W, es[t]) + np.dot(U, h) + b)
            return h
    """, lookup="np.eye(E.shape[1])[ids].dot(E.T)"),
    "lookup_loop": module(lookup="np.array([E[:, i] for i in ids]).reshape(len(ids), E.shape[0])"),
    "lookup_take": module(lookup="np.take(E.T, ids, axis=0)"),
}


test_reference, test_stub, test_wrong, test_right = standard_tests(
    NAME, WRONG, RIGHT, seeds=(0, 1, 2, 3), right_seeds=(0, 5))


def test_a_shape_error_without_a_named_mistake_gets_a_shape_hint(grade_source):
    """h sized by the vocabulary runs on the square first case, then raises in U.dot(h):
    no formula raises that error, so the message recalls every shape instead."""
    result = grade_source(NAME, module(encode="""
        def encode(words, E, W, U, b):
            h = np.zeros(words.shape[1])
            for w in words:
                h = np.tanh(W.dot(E.dot(w)) + U.dot(h) + b)
            return h
    """))
    assert result.score < result.max_score and result.misconceptions == []
    assert any("not aligned" in m.render("en") for m in result.messages)
    assert any("reminder of the shapes" in m.en for m in result.messages)
    assert any("形状の確認" in m.render("ja") for m in result.messages)


def test_only_lookup_wrong_keeps_the_encode_points(grade_source):
    result = grade_source(NAME, WRONG["rows_not_columns"])
    assert result.score == result.max_score - 3


def test_modifying_the_input_is_reported(grade_source):
    result = grade_source(NAME, module(encode="""
        def encode(words, E, W, U, b):
            h = np.zeros(len(b))
            for w in words:
                u = b                    # an alias, not a copy
                u += W.dot(E.dot(w)) + U.dot(h)
                h = np.tanh(u)
            return h
    """))
    assert result.score < result.max_score
    assert any("one of its inputs in place" in m.render("en") for m in result.messages)
