"""Learner corpus for gradient_clipping: wrong norms, wrong rates, inverted conditions."""

CASES = {
    "over_norm_only": ("divide_by_norm", """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = np.linalg.norm(grad)
            if norm >= threshold:
                grad = grad / norm
            return grad
    """),
    "over_threshold": ("divide_by_threshold", """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = np.sqrt((grad ** 2).sum())
            return grad / threshold if norm > threshold else grad
    """),
    "exam_choice_4": ("maximum", """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = np.linalg.norm(grad)
            rate = threshold / norm
            if rate < 1:
                return np.maximum(grad, threshold)
            return grad
    """),
    "clip_each_value": ("elementwise_clip", """
        import numpy as np
        def gradient_clipping(grad, threshold):
            return np.clip(grad, -threshold, threshold)
    """),
    "no_condition": ("always_rescale", """
        import numpy as np
        def gradient_clipping(grad, threshold):
            return threshold * grad / np.linalg.norm(grad)
    """),
    "rate_upside_down": ("inverted_rate", """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = np.linalg.norm(grad)
            rate = norm / threshold
            if rate > 1:
                return grad * rate
            return grad
    """),
    "abs_sum": ("l1_norm", """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = np.sum(np.abs(grad))
            if norm > threshold:
                return grad * threshold / norm
            return grad
    """),
    "ord_1_on_flat": ("l1_norm", """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = np.linalg.norm(grad.ravel(), ord=1)
            return grad * min(1.0, threshold / norm) if norm else grad
    """),
    "largest_entry": ("max_norm", """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = np.abs(grad).max()
            if norm > threshold:
                grad = grad * (threshold / norm)
            return grad
    """),
    "row_by_row": ("per_row_norm", """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norms = np.linalg.norm(grad, axis=-1, keepdims=True)
            scale = np.where(norms > threshold, threshold / np.maximum(norms, 1e-300), 1.0)
            return grad * scale
    """),
    "forgot_sqrt": ("squared_norm", """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = np.sum(grad ** 2)
            if norm > threshold:
                return grad * (threshold / norm)
            return grad
    """),
    "condition_inverted": (("large_gradients_unchanged", "always_rescale"), """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = np.linalg.norm(grad)
            rate = threshold / norm
            if rate < 1:
                return grad
            return grad * rate
    """),
}

WRONG = {key: text for key, (_, text) in CASES.items()}
NAMES = {key: name for key, (name, _) in CASES.items()}

RIGHT = {
    "exam_rate": """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = np.linalg.norm(grad)
            if norm == 0:
                return grad
            rate = threshold / norm
            if rate < 1:
                return grad * rate
            return grad
    """,
    "min_of_one": """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = np.sqrt(np.sum(np.square(grad)))
            return grad * min(1.0, threshold / max(norm, 1e-300))
    """,
    "scale_by_larger": """
        import numpy as np
        def gradient_clipping(grad, threshold):
            norm = float(np.sqrt(np.dot(grad.ravel(), grad.ravel())))
            return grad * (threshold / max(norm, threshold))
    """,
    "copy_then_inplace": """
        import numpy as np
        def gradient_clipping(grad, threshold):
            out = np.array(grad, dtype=float, copy=True)
            norm = np.linalg.norm(out.reshape(-1))
            if norm > threshold:
                out *= threshold / norm
            return out
    """,
}
