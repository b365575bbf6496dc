"""Learner corpus for birnn_concat: row t = [hs_f[t], hs_b[T-1-t]]."""

CASES = {
    "added": ("sum", """
        def birnn_concat(hs_f, hs_b):
            return hs_f + hs_b[::-1]
    """),
    "multiplied": ("product", """
        import numpy as np
        def birnn_concat(hs_f, hs_b):
            return np.multiply(hs_f, hs_b[::-1])
    """),
    "stacked_on_time": ("axis_0", """
        import numpy as np
        def birnn_concat(hs_f, hs_b):
            return np.concatenate([hs_f, hs_b[::-1]])
    """),
    "vstack": ("axis_0", """
        import numpy as np
        def birnn_concat(hs_f, hs_b):
            return np.vstack((hs_f, np.flipud(hs_b)))
    """),
    "no_flip": ("not_reversed", """
        import numpy as np
        def birnn_concat(hs_f, hs_b):
            return np.hstack([hs_f, hs_b])
    """),
    "flipped_forward": ("forward_reversed", """
        import numpy as np
        def birnn_concat(hs_f, hs_b):
            return np.concatenate([hs_f[::-1], hs_b], axis=1)
    """),
    "backward_first": ("wrong_order", """
        import numpy as np
        def birnn_concat(hs_f, hs_b):
            return np.concatenate([hs_b[::-1], hs_f], axis=1)
    """),
    "flip_features": ("hidden_axis_reversed", """
        import numpy as np
        def birnn_concat(hs_f, hs_b):
            return np.concatenate([hs_f, hs_b[:, ::-1]], axis=1)
    """),
    "new_axis": ("stacked_new_axis", """
        import numpy as np
        def birnn_concat(hs_f, hs_b):
            return np.stack([hs_f, hs_b[::-1]], axis=1)
    """),
}

WRONG = {key: text for key, (_, text) in CASES.items()}
NAMES = {key: name for key, (name, _) in CASES.items()}

RIGHT = {
    "loop_rows": """
        import numpy as np
        def birnn_concat(hs_f, hs_b):
            T = len(hs_f)
            return np.array([np.concatenate([hs_f[t], hs_b[T - 1 - t]]) for t in range(T)])
    """,
    "flipud_hstack": """
        import numpy as np
        def birnn_concat(hs_f, hs_b):
            return np.hstack((hs_f, np.flipud(hs_b)))
    """,
    "preallocated": """
        import numpy as np
        def birnn_concat(hs_f, hs_b):
            T, H = hs_f.shape
            out = np.empty((T, 2 * H))
            out[:, :H] = hs_f
            out[:, H:] = hs_b[::-1]
            return out
    """,
}
