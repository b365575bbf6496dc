"""gradient_clipping: reference, stub, the exam's distractors, right alternatives."""
import pytest

from tests.conftest import reference_source, stub_source

NAME = "gradient_clipping"

WRONG = {
    "divide_by_norm": """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = np.linalg.norm(grad)
            return grad / norm if norm > threshold else grad
    """,
    "divide_by_threshold": """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = np.linalg.norm(grad)
            return grad / threshold if norm > threshold else grad
    """,
    "maximum": """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = np.linalg.norm(grad)
            return np.maximum(grad, threshold) if norm > threshold else grad
    """,
    "elementwise_clip": """
        import numpy as np
        def gradient_clipping(grad, threshold):
            return np.clip(grad, -threshold, threshold)
    """,
    "always_rescale": """
        import numpy as np
        def gradient_clipping(grad, threshold):
            return grad * (threshold / np.linalg.norm(grad))
    """,
    "inverted_rate": """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = np.linalg.norm(grad)
            return grad * (norm / threshold) if norm > threshold else grad
    """,
}

RIGHT = {
    "exam_code_with_rate": """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = np.linalg.norm(grad)
            rate = threshold / norm if norm else np.inf
            if rate < 1:
                return grad * rate
            return grad
    """,
    "loops_over_flat": """
        import math
        import numpy as np
        def gradient_clipping(grad, threshold):
            total = 0.0
            for value in grad.ravel():
                total += value * value
            norm = math.sqrt(total)
            if norm <= threshold:
                return grad.copy()
            return grad * threshold / norm
    """,
    "min_rate": """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = np.sqrt(np.sum(grad ** 2))
            return grad * min(1.0, threshold / max(norm, 1e-300))
    """,
}


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_reference_gets_full_marks(grade_source, seed):
    result = grade_source(NAME, reference_source(NAME), seed=seed)
    assert (result.status, result.score) == ("passed", result.max_score)


def test_stub_gets_zero(grade_source):
    result = grade_source(NAME, stub_source(NAME))
    assert (result.status, result.score) == ("failed", 0)
    assert any("None" in m.en for m in result.messages)


@pytest.mark.parametrize("misconception", sorted(WRONG))
def test_misconception_loses_points_and_is_named(grade_source, misconception):
    result = grade_source(NAME, WRONG[misconception])
    assert result.score < result.max_score
    assert misconception in result.misconceptions


@pytest.mark.parametrize("alternative", sorted(RIGHT))
def test_right_alternative_gets_full_marks(grade_source, alternative):
    result = grade_source(NAME, RIGHT[alternative], seed=3)
    assert result.status == "passed", [m.en for m in result.messages]


def test_modifying_the_input_is_reported(grade_source):
    result = grade_source(NAME, """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = np.linalg.norm(grad)
            if norm > threshold:
                grad *= threshold / norm
            return grad
    """)
    assert result.score < result.max_score
    assert any("in place" in m.en for m in result.messages)
