"""attention: reference, stub, softmax/axis mistakes, instability, right alternatives."""
import textwrap

from tests.conftest import reference_source
from tests.exercises.standard import standard_tests

NAME = "attention"


def replacing(definition: str) -> str:
    """The reference module with one function redefined (the later ``def`` wins)."""
    return reference_source(NAME) + "\n\n" + textwrap.dedent(definition)


def weights_with(body: str) -> str:
    """An ``attention_weights`` whose last lines are ``body`` (``s`` holds the right scores)."""
    return replacing("def attention_weights(hs, h):\n    s = np.sum(hs * h[:, None, :], axis=2)\n"
                     + textwrap.indent(textwrap.dedent(body), "    "))


WRONG = {
    "exp_not_normalized:stable": """
        import numpy as np

        def attention_weights(hs, h):
            s = np.einsum("nth,nh->nt", hs, h)
            return np.exp(s - np.max(s, axis=1, keepdims=True))

        def attention_context(hs, a):
            return np.einsum("nt,nth->nh", a, hs)
    """,
    "context_not_summed": """
        import numpy as np

        def attention_weights(hs, h):
            s = np.sum(hs * h[:, None, :], axis=2)
            e = np.exp(s - s.max(axis=1, keepdims=True))
            return e / e.sum(axis=1, keepdims=True)

        def attention_context(hs, a):
            return hs * a[:, :, np.newaxis]
    """,
    "softmax_over_batch": weights_with("""
        e = np.exp(s - s.max(axis=0))
        return e / e.sum(axis=0)
    """),
    "softmax_over_everything": weights_with("""
        e = np.exp(s - s.max())
        return e / e.sum()
    """),
    "scores_summed_over_t": replacing("""
        def attention_weights(hs, h):
            s = np.sum(hs * h[:, None, :], axis=1)
            e = np.exp(s - s.max(axis=1, keepdims=True))
            return e / e.sum(axis=1, keepdims=True)
    """),
    "no_softmax": weights_with("return s"),
    "exp_not_normalized": weights_with("return np.exp(s)"),
    "scores_normalized_without_exp": weights_with("return s / s.sum(axis=1, keepdims=True)"),
    "softmax_without_max_subtraction": weights_with("""
        e = np.exp(s)
        return e / np.sum(e, axis=1, keepdims=True)
    """),
    "max_of_whole_batch": weights_with("""
        e = np.exp(s - np.max(s))
        return e / np.sum(e, axis=1, keepdims=True)
    """),
    "context_summed_over_H": replacing("""
        def attention_context(hs, a):
            return (hs * a[:, :, np.newaxis]).sum(axis=-1)
    """),
    "weights_broadcast_over_H": replacing("""
        def attention_context(hs, a):
            return np.sum(hs * a[:, np.newaxis, :], axis=1)
    """),
    "context_mean": replacing("""
        def attention_context(hs, a):
            return np.mean(hs * a[:, :, None], axis=1)
    """),
    "context_unweighted": replacing("""
        def attention_context(hs, a):
            return hs.sum(axis=1)
    """),
}

RIGHT = {
    "loops": """
        import math
        import numpy as np

        def attention_weights(hs, h):
            N, T, _ = hs.shape
            a = np.zeros((N, T))
            for n in range(N):
                s = [float(np.dot(hs[n, t], h[n])) for t in range(T)]
                top = max(s)
                e = [math.exp(v - top) for v in s]
                total = sum(e)
                for t in range(T):
                    a[n, t] = e[t] / total
            return a

        def attention_context(hs, a):
            N, T, H = hs.shape
            context = np.zeros((N, H))
            for n in range(N):
                for t in range(T):
                    context[n] += a[n, t] * hs[n, t]
            return context
    """,
    "einsum_and_logsumexp": """
        import numpy as np

        def attention_weights(hs, h):
            s = np.einsum("nth,nh->nt", hs, h)
            m = s.max(axis=1, keepdims=True)
            log_z = m + np.log(np.exp(s - m).sum(axis=1, keepdims=True))
            return np.exp(s - log_z)

        def attention_context(hs, a):
            return np.einsum("nt,nth->nh", a, hs)
    """,
    "matmul": """
        import numpy as np

        def attention_weights(hs, h):
            s = (hs @ h[:, :, None])[:, :, 0]          # (N, T, H) @ (N, H, 1) -> (N, T)
            s = s - np.max(s, axis=-1, keepdims=True)
            e = np.exp(s)
            return e / np.sum(e, axis=-1, keepdims=True)

        def attention_context(hs, a):
            return (a[:, None, :] @ hs)[:, 0, :]       # (N, 1, T) @ (N, T, H) -> (N, H)
    """,
}


test_reference, test_stub, test_wrong, test_right = standard_tests(NAME, WRONG, RIGHT, wrong_keeps_some_points=True)


def test_unstable_softmax_loses_only_the_large_score_check(grade_source):
    result = grade_source(NAME, WRONG["softmax_without_max_subtraction"])
    assert {c.name for c in result.checks if c.score < c.points} == {"weights_large_scores"}


def test_modifying_the_input_is_reported(grade_source):
    result = grade_source(NAME, replacing("""
        def attention_context(hs, a):
            hs *= a[:, :, None]
            return hs.sum(axis=1)
    """))
    assert result.score < result.max_score
    assert any("in place" in m.en for m in result.messages)
