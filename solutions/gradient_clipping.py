"""Reference: gradient clipping by the global L2 norm."""
import numpy as np


def gradient_clipping(grad, threshold):
    """Rescale ``grad`` (any shape) to norm ``threshold`` when its L2 norm exceeds it."""
    norm = np.linalg.norm(grad)
    if norm > threshold:
        return grad * (threshold / norm)
    return grad
