"""gradient_clipping: reference, stub, the exam's distractors, right alternatives."""
from tests.exercises.standard import standard_tests

NAME = "gradient_clipping"

WRONG = {
    "l1_norm": """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = np.sum(np.abs(grad))
            return grad * (threshold / norm) if norm > threshold else grad
    """,
    "max_norm": """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = np.max(np.abs(grad))
            if norm > threshold:
                grad = grad * threshold / norm
            return grad
    """,
    "per_row_norm": """
        import numpy as np
        def gradient_clipping(grad, threshold):
            if grad.ndim == 1:
                norm = np.linalg.norm(grad)
                return grad * (threshold / norm) if norm > threshold else grad
            norms = np.linalg.norm(grad, axis=-1, keepdims=True)
            return np.where(norms > threshold, grad * threshold / np.maximum(norms, 1e-300), grad)
    """,
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
    "squared_norm": """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = (grad * grad).sum()
            return grad * (threshold / norm) if norm > threshold else grad
    """,
    "large_gradients_unchanged": """
        import numpy as np
        def gradient_clipping(grad, threshold):
            rate = threshold / np.linalg.norm(grad)
            if rate < 1:
                return grad
            return grad * rate
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


test_reference, test_stub, test_wrong, test_right = standard_tests(NAME, WRONG, RIGHT)


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
