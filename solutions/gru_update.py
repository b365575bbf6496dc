"""Reference: the GRU hidden-state update (z weights the new candidate)."""


def gru_update(h_prev, h_bar, z):
    """h = (1 - z) * h_prev + z * h_bar, element-wise, all (N, H)."""
    return (1 - z) * h_prev + z * h_bar
