"""Reference: a simple RNN learns binary addition (the course's hands-on exercise).

Bits are fed from the least significant one (t = 0) up, so the carry flows forward in time:

    u_t = x_t W_in + z_{t-1} W + b,   z_t = f(u_t)  (f = sigmoid, tanh or relu),   z_{-1} = 0
    v_t = z_t W_out + c,              y_t = σ(v_t),   E = ½ Σ_t Σ_n (y_t - d_t)²

Shapes: xs (T, N, 2), ds (T, N, 1), W_in (2, H), W (H, H), W_out (H, 1), b (H,), c (1,).
"""
import numpy as np

PARAMETERS = ("W_in", "W", "W_out", "b", "c")


def sigmoid(x):
    """σ(x) = 1 / (1 + exp(-x)), written as exp(-log(1 + exp(-x))) so that it never overflows."""
    return np.exp(-np.logaddexp(0.0, -x))


def activate(u, activation):
    """The hidden activation f(u): "sigmoid", "tanh" or "relu"."""
    if activation == "sigmoid":
        return sigmoid(u)
    if activation == "tanh":
        return np.tanh(u)
    if activation == "relu":
        return np.maximum(u, 0.0)
    raise ValueError(f"unknown activation {activation!r}")


def d_activate(u, activation):
    """f'(u), taken at the pre-activation u; relu' is 1 where u > 0, else 0."""
    if activation == "sigmoid":
        return sigmoid(u) * (1.0 - sigmoid(u))
    if activation == "tanh":
        return 1.0 - np.tanh(u) ** 2
    return (u > 0).astype(float)


def bits_of(k, bits):
    """(bits, n) float array: row t = bit t of each integer of k (t = 0 least significant)."""
    return ((k[None, :] >> np.arange(bits)[:, None]) & 1).astype(float)


def make_batch(rng, n, bits=8):
    """n sums a + b with a, b < 2**(bits-1): xs (bits, n, 2), ds (bits, n, 1)."""
    a = rng.integers(0, 2 ** (bits - 1), n)
    b = rng.integers(0, 2 ** (bits - 1), n)
    xs = np.stack([bits_of(a, bits), bits_of(b, bits)], axis=2)     # (bits, n, 2)
    ds = bits_of(a + b, bits)[:, :, None]                            # (bits, n, 1)
    return xs, ds


def forward(xs, params, activation="sigmoid"):
    """us, zs (T, N, H) and vs, ys (T, N, 1), starting from z_{-1} = 0."""
    z = np.zeros((xs.shape[1], params["W"].shape[0]))
    us, zs, vs, ys = [], [], [], []
    for x in xs:                                                     # x: (N, 2)
        u = x @ params["W_in"] + z @ params["W"] + params["b"]       # (N, H)
        z = activate(u, activation)
        v = z @ params["W_out"] + params["c"]                        # (N, 1)
        us.append(u), zs.append(z), vs.append(v), ys.append(sigmoid(v))
    return np.array(us), np.array(zs), np.array(vs), np.array(ys)


def loss_and_gradients(xs, ds, params, activation="sigmoid"):
    """E and its exact gradients by BPTT: (E, {name: array of that parameter's shape})."""
    us, zs, vs, ys = forward(xs, params, activation)
    delta_out = (ys - ds) * ys * (1.0 - ys)                          # ∂E/∂v  (T, N, 1)
    delta = np.zeros_like(us)                                        # ∂E/∂u  (T, N, H)
    later = np.zeros_like(us[0])
    for t in reversed(range(len(xs))):
        later = delta[t] = (later @ params["W"].T + delta_out[t] @ params["W_out"].T) * d_activate(us[t], activation)
    z_prev = np.concatenate([np.zeros_like(zs[:1]), zs[:-1]])        # z_{t-1}
    grads = {"W_in": np.einsum("tnd,tnh->dh", xs, delta), "W": np.einsum("tni,tnh->ih", z_prev, delta),
             "W_out": np.einsum("tnh,tno->ho", zs, delta_out),
             "b": delta.sum(axis=(0, 1)), "c": delta_out.sum(axis=(0, 1))}
    return 0.5 * float(np.sum((ys - ds) ** 2)), grads


def initial_params(rng, hidden, init_std):
    """W_in, W, W_out drawn in this order (init_std × standard normal); b, c zeros."""
    return {"W_in": init_std * rng.standard_normal((2, hidden)),
            "W": init_std * rng.standard_normal((hidden, hidden)),
            "W_out": init_std * rng.standard_normal((hidden, 1)),
            "b": np.zeros(hidden), "c": np.zeros(1)}


def global_norm(grads):
    """‖all gradients together‖₂."""
    return float(np.sqrt(sum(np.sum(g ** 2) for g in grads.values())))


def train(rng, iters, hidden=16, lr=0.1, init_std=1.0, batch=1, activation="sigmoid", clip=None):
    """SGD on fresh sums; returns params (after the last update), losses and grad_norms (iters,)."""
    params = initial_params(rng, hidden, init_std)
    losses, grad_norms = np.zeros(iters), np.zeros(iters)
    for i in range(iters):
        xs, ds = make_batch(rng, batch)
        losses[i], grads = loss_and_gradients(xs, ds, params, activation)
        grad_norms[i] = norm = global_norm(grads)                    # before clipping
        scale = clip / norm if clip is not None and norm > clip else 1.0
        for name in PARAMETERS:
            params[name] = params[name] - lr * scale * grads[name]
    return {"params": params, "losses": losses, "grad_norms": grad_norms}


def accuracy(params, xs, ds, activation="sigmoid"):
    """The fraction of samples whose every output bit (y > 0.5) equals its target bit."""
    ys = forward(xs, params, activation)[3]                          # (T, N, 1)
    right = np.all((ys > 0.5) == (ds > 0.5), axis=(0, 2))            # (N,)
    return float(np.mean(right))
