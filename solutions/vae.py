"""Reference: the VAE's reparameterization trick and its KL term."""
import numpy as np


def vae_reparameterize(mu, log_var, eps):
    """z = mu + sigma * eps with sigma = exp(0.5 * log_var) (the standard deviation)."""
    sigma = np.exp(0.5 * log_var)
    return mu + sigma * eps


def vae_kl(mu, log_var):
    """KL(N(mu, exp(log_var)) || N(0, 1)) summed over all elements (float)."""
    return float(-0.5 * np.sum(1.0 + log_var - mu ** 2 - np.exp(log_var)))
