"""word2vec: reference, stub, CBOW and cross-entropy mistakes, instability, right alternatives."""
import textwrap

from tests.conftest import reference_source
from tests.exercises.standard import standard_tests

NAME = "word2vec"


def replacing(definition: str) -> str:
    """The reference module with one function redefined (the later ``def`` wins)."""
    return reference_source(NAME) + "\n\n" + textwrap.dedent(definition)


def cbow_with(hidden: str, output: str = "W_out") -> str:
    return replacing(f"def cbow_scores(contexts, W_in, W_out):\n    h = {hidden}\n    return h @ {output}\n")


def loss_with(body: str) -> str:
    """A loss whose last lines are ``body``; ``N``, ``rows`` and a stable ``p`` are given."""
    head = """
        def softmax_cross_entropy(scores, targets):
            N = scores.shape[0]
            rows = np.arange(N)
            e = np.exp(scores - scores.max(axis=1, keepdims=True))
            p = e / e.sum(axis=1, keepdims=True)
    """
    return replacing(textwrap.dedent(head) + textwrap.indent(textwrap.dedent(body), "    "))


WRONG = {
    "log_softmax_global_max": replacing("""
        def softmax_cross_entropy(scores, targets):
            shifted = scores - np.max(scores)
            log_p = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
            return float(-np.mean(log_p[np.arange(len(targets)), targets]))
    """),
    "context_summed": cbow_with("W_in[contexts].sum(axis=1)"),
    "context_from_W_out": cbow_with("W_out[:, contexts].mean(axis=2).T"),
    "output_with_W_in_T": cbow_with("W_in[contexts].mean(axis=1)", output="W_in.T"),
    "columns_of_W_in": cbow_with("W_in.T[contexts].mean(axis=1)"),
    "mean_over_batch": cbow_with("np.mean(W_in[contexts], axis=0)"),
    "summed_over_batch": loss_with("return float(-np.sum(np.log(p[rows, targets])))"),
    "mean_over_all_entries": loss_with("""
        onehot = np.eye(scores.shape[1])[targets]
        return float(-np.mean(onehot * np.log(p)))
    """),
    "probability_without_log": loss_with("return float(-np.mean(p[rows, targets]))"),
    "log_of_scores": loss_with("return float(-np.mean(np.log(scores[rows, targets])))"),
    "softmax_over_batch": loss_with("""
        e = np.exp(scores - scores.max(axis=0))
        p = e / e.sum(axis=0)
        return float(-np.mean(np.log(p[rows, targets])))
    """),
    "softmax_without_max_subtraction": loss_with("""
        e = np.exp(scores)
        p = e / e.sum(axis=1, keepdims=True)
        return float(-np.mean(np.log(p[rows, targets])))
    """),
    "log_of_rounded_probability": loss_with("return float(-np.mean(np.log(p[rows, targets])))"),
    "log_plus_epsilon": loss_with("""
        delta = 1e-7
        return -np.sum(np.log(p[rows, targets] + delta)) / N
    """),
}

RIGHT = {
    "one_hot_products_and_logsumexp": """
        import numpy as np

        def cbow_scores(contexts, W_in, W_out):
            N, C = contexts.shape
            V = W_in.shape[0]
            h = np.zeros((N, W_in.shape[1]))
            for c in range(C):
                h += np.eye(V)[contexts[:, c]] @ W_in      # one-hot rows pick rows of W_in
            return (h / C) @ W_out

        def softmax_cross_entropy(scores, targets):
            m = np.max(scores, axis=1, keepdims=True)
            log_z = m[:, 0] + np.log(np.sum(np.exp(scores - m), axis=1))
            return float(np.mean(log_z - scores[np.arange(len(targets)), targets]))
    """,
    "loops": """
        import math
        import numpy as np

        def cbow_scores(contexts, W_in, W_out):
            rows = []
            for ids in contexts:
                h = sum(W_in[i] for i in ids) / len(ids)
                rows.append(h @ W_out)
            return np.array(rows)

        def softmax_cross_entropy(scores, targets):
            total = 0.0
            for s, t in zip(scores, targets):
                m = max(s)
                total += -(s[t] - m - math.log(sum(math.exp(v - m) for v in s)))
            return total / len(targets)
    """,
    "logaddexp_reduce": """
        import numpy as np

        def cbow_scores(contexts, W_in, W_out):
            return np.einsum("nch,hv->nv", W_in[contexts], W_out) / contexts.shape[1]

        def softmax_cross_entropy(scores, targets):
            log_z = np.logaddexp.reduce(scores, axis=1)
            return np.mean(log_z - np.take_along_axis(scores, targets[:, None], axis=1)[:, 0])
    """,
}


test_reference, test_stub, test_wrong, test_right = standard_tests(NAME, WRONG, RIGHT, wrong_keeps_some_points=True)


def test_unstable_softmax_loses_only_the_large_score_checks(grade_source):
    result = grade_source(NAME, WRONG["softmax_without_max_subtraction"])
    # the edge cases hold a confident prediction with a margin of 1000: exp(1000) overflows
    assert {c.name for c in result.checks if c.score < c.points} == {"loss_large_scores", "loss_edge_cases"}


def test_modifying_the_input_is_reported(grade_source):
    result = grade_source(NAME, replacing("""
        def softmax_cross_entropy(scores, targets):
            scores -= scores.max(axis=1, keepdims=True)
            log_p = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
            return float(-log_p[np.arange(len(targets)), targets].mean())
    """))
    assert result.score < result.max_score
    assert any("in place" in m.en for m in result.messages)
