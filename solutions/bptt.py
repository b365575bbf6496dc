"""Reference: backpropagation through time for the simple RNN with biases.

Forward:  u_t = x_t W_in + z_{t-1} W + b,  z_t = σ(u_t),  v_t = z_t W_out + c,  y_t = σ(v_t),
          z_{-1} = z0 (zeros when None),  E = ½ Σ_t Σ (y_t - d_t)².
"""
import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def d_sigmoid(x):
    """σ'(x) = σ(x)(1 - σ(x)), taken at the pre-activation x."""
    s = sigmoid(x)
    return s * (1.0 - s)


def initial_state(z0, N, H):
    return np.zeros((N, H)) if z0 is None else z0


def forward(xs, W_in, W, W_out, b, c, z0=None):
    """xs (T, N, D) -> us, zs (T, N, H) and vs, ys (T, N, O)."""
    z = initial_state(z0, xs.shape[1], W.shape[0])
    us, zs, vs, ys = [], [], [], []
    for x in xs:                               # x: (N, D)
        u = x @ W_in + z @ W + b               # (N, H)
        z = sigmoid(u)
        v = z @ W_out + c                      # (N, O)
        us.append(u), zs.append(z), vs.append(v), ys.append(sigmoid(v))
    return np.array(us), np.array(zs), np.array(vs), np.array(ys)


def loss(xs, ds, W_in, W, W_out, b, c, z0=None):
    """E = ½ Σ (y - d)² over time, batch and outputs."""
    ys = forward(xs, W_in, W, W_out, b, c, z0)[3]
    return 0.5 * float(np.sum((ys - ds) ** 2))


def bptt_deltas(us, vs, ys, ds, W, W_out):
    """delta_out[t] = (y_t - d_t) σ'(v_t);  delta[t] = (delta[t+1] Wᵀ + delta_out[t] W_outᵀ) σ'(u_t)."""
    delta_out = (ys - ds) * d_sigmoid(vs)      # (T, N, O) = ∂E/∂v
    delta = np.zeros_like(us)                  # (T, N, H) = ∂E/∂u
    later = np.zeros_like(us[0])               # delta[T] = 0
    for t in reversed(range(len(us))):
        delta[t] = (later @ W.T + delta_out[t] @ W_out.T) * d_sigmoid(us[t])
        later = delta[t]
    return delta, delta_out


def rnn_grads(xs, ds, W_in, W, W_out, b, c, z0=None):
    """The gradients of E w.r.t. every parameter: sums over time and batch of δ times inputs."""
    us, zs, vs, ys = forward(xs, W_in, W, W_out, b, c, z0)
    delta, delta_out = bptt_deltas(us, vs, ys, ds, W, W_out)
    z_prev = np.concatenate([initial_state(z0, xs.shape[1], W.shape[0])[None], zs[:-1]])  # z_{t-1}
    return {
        "W_in": np.einsum("tnd,tnh->dh", xs, delta),          # Σ_t x_tᵀ δ_t
        "W": np.einsum("tni,tnh->ih", z_prev, delta),         # Σ_t z_{t-1}ᵀ δ_t
        "W_out": np.einsum("tnh,tno->ho", zs, delta_out),     # Σ_t z_tᵀ δout_t
        "b": delta.sum(axis=(0, 1)),
        "c": delta_out.sum(axis=(0, 1)),
    }
