"""birnn_concat: reference, stub, the exam's distractors and typical slips, right alternatives."""
import pytest

from tests.exercises.standard import standard_tests

NAME = "birnn_concat"

WRONG = {
    "stacked_new_axis": """
        import numpy as np
        def birnn_concat(hs_f, hs_b):
            return np.array([[f, b] for f, b in zip(hs_f, hs_b[::-1])])
    """,
    "sum": """
        def birnn_concat(hs_f, hs_b):
            return hs_f + hs_b[::-1]
    """,
    "product": """
        def birnn_concat(hs_f, hs_b):
            return hs_f * hs_b[::-1]
    """,
    "axis_0": """
        import numpy as np
        def birnn_concat(hs_f, hs_b):
            return np.concatenate([hs_f, hs_b[::-1]], axis=0)
    """,
    "not_reversed": """
        import numpy as np
        def birnn_concat(hs_f, hs_b):
            return np.concatenate([hs_f, hs_b], axis=1)
    """,
    "forward_reversed": """
        import numpy as np
        def birnn_concat(hs_f, hs_b):
            return np.concatenate([hs_f[::-1], hs_b], axis=1)
    """,
    "wrong_order": """
        import numpy as np
        def birnn_concat(hs_f, hs_b):
            return np.concatenate([hs_b[::-1], hs_f], axis=1)
    """,
    "hidden_axis_reversed": """
        import numpy as np
        def birnn_concat(hs_f, hs_b):
            return np.concatenate([hs_f, hs_b[:, ::-1]], axis=1)
    """,
}

RIGHT = {
    "hstack_and_flip": """
        import numpy as np
        def birnn_concat(hs_f, hs_b):
            return np.hstack([hs_f, np.flip(hs_b, axis=0)])
    """,
    "loop_over_time": """
        import numpy as np
        def birnn_concat(hs_f, hs_b):
            T, H = hs_f.shape
            out = np.zeros((T, 2 * H))
            for t in range(T):
                out[t, :H] = hs_f[t]
                out[t, H:] = hs_b[T - 1 - t]
            return out
    """,
    "negative_axis": """
        import numpy as np
        def birnn_concat(hs_f, hs_b):
            return np.concatenate((hs_f, hs_b[::-1]), axis=-1)
    """,
}


test_reference, test_stub, test_wrong, test_right = standard_tests(NAME, WRONG, RIGHT)


@pytest.mark.parametrize("misconception", ["not_reversed", "forward_reversed"])
def test_reversal_slips_pass_a_single_step(grade_source, misconception):
    """With T = 1 reversing changes nothing: those slips keep that check's points."""
    result = grade_source(NAME, WRONG[misconception])
    single = next(c for c in result.checks if c.name == "single_step")
    assert (single.score, single.misconception) == (single.points, None)


def test_axis_0_is_named_despite_its_shape(grade_source):
    """The (2T, H) output is the exam's choice (3), not just 'a wrong shape'."""
    result = grade_source(NAME, WRONG["axis_0"])
    assert result.score == 0
    assert set(result.misconceptions) == {"axis_0"}
    assert any("choice (3)" in m.en for m in result.messages)


def test_modifying_the_input_is_reported(grade_source):
    result = grade_source(NAME, """
        import numpy as np
        def birnn_concat(hs_f, hs_b):
            hs_b[:] = hs_b[::-1].copy()
            return np.concatenate([hs_f, hs_b], axis=1)
    """)
    assert result.score < result.max_score
    assert any("in place" in m.en for m in result.messages)
