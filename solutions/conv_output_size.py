"""Reference: output size of a convolution."""


def conv_output_size(in_size, filter_size, stride=1, pad=0):
    """(H + 2P - F) // S + 1, an int."""
    return (in_size + 2 * pad - filter_size) // stride + 1
