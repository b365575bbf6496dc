"""Reference: the LSTM cell-state update."""


def lstm_cell_update(c_prev, a, input_gate, forget_gate):
    """c = input_gate * a + forget_gate * c_prev, element-wise, all (N, H)."""
    return input_gate * a + forget_gate * c_prev
