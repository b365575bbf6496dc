"""Learner corpus for vae: z = mu + exp(log_var / 2) * eps, and the KL term."""
from textwrap import dedent


RIGHT_KL = """
def vae_kl(mu, log_var):
    return float(-0.5 * np.sum(1 + log_var - mu ** 2 - np.exp(log_var)))
"""
RIGHT_Z = """
import numpy as np
def vae_reparameterize(mu, log_var, eps):
    return mu + np.exp(0.5 * log_var) * eps
"""

CASES = {
    "variance_times_eps": ("variance_not_std", dedent("""
        import numpy as np
        def vae_reparameterize(mu, log_var, eps):
            return mu + np.exp(log_var) * eps
    """) + RIGHT_KL),
    "log_var_is_sigma": ("log_var_as_std", dedent("""
        import numpy as np
        def vae_reparameterize(mu, log_var, eps):
            return mu + log_var * eps
    """) + RIGHT_KL),
    "sqrt_log_var": ("sqrt_of_log_var", dedent("""
        import numpy as np
        def vae_reparameterize(mu, log_var, eps):
            return mu + np.sqrt(log_var) * eps
    """) + RIGHT_KL),
    "no_mean": ("forgot_mu", dedent("""
        import numpy as np
        def vae_reparameterize(mu, log_var, eps):
            return np.exp(log_var / 2) * eps
    """) + RIGHT_KL),
    "kl_plus_half": ("kl_sign_flipped", RIGHT_Z + """
def vae_kl(mu, log_var):
    return float(0.5 * np.sum(1 + log_var - mu ** 2 - np.exp(log_var)))
"""),
    "kl_mean_everything": ("kl_averaged", RIGHT_Z + """
def vae_kl(mu, log_var):
    return float(-0.5 * np.mean(1 + log_var - mu ** 2 - np.exp(log_var)))
"""),
    "kl_per_sample_mean": ("kl_averaged_over_batch", RIGHT_Z + """
def vae_kl(mu, log_var):
    per_sample = -0.5 * np.sum(1 + log_var - mu ** 2 - np.exp(log_var), axis=-1)
    return float(per_sample.mean())
"""),
    "kl_no_one": ("kl_missing_one", RIGHT_Z + """
def vae_kl(mu, log_var):
    return float(-0.5 * np.sum(log_var - mu ** 2 - np.exp(log_var)))
"""),
    "kl_no_half": ("kl_missing_half", RIGHT_Z + """
def vae_kl(mu, log_var):
    return float(-np.sum(1 + log_var - np.square(mu) - np.exp(log_var)))
"""),
    "kl_sigma_formula_with_log_var": ("log_var_as_sigma", RIGHT_Z + """
def vae_kl(mu, log_var):
    sigma = log_var
    return float(-0.5 * np.sum(1 + log_var - mu ** 2 - sigma ** 2))
"""),
    "kl_log_var_as_variance": ("log_var_as_variance", RIGHT_Z + """
def vae_kl(mu, log_var):
    var = log_var
    return float(-0.5 * np.sum(1 + log_var - mu ** 2 - var))
"""),
}

WRONG = {key: text for key, (_, text) in CASES.items()}
NAMES = {key: name for key, (name, _) in CASES.items()}

RIGHT = {
    "sigma_named": """
        import numpy as np
        def vae_reparameterize(mu, log_var, eps):
            std = np.sqrt(np.exp(log_var))
            return eps * std + mu
        def vae_kl(mu, log_var):
            var = np.exp(log_var)
            return float(0.5 * np.sum(var + mu * mu - 1.0 - log_var))
    """,
    "loops": """
        import math
        import numpy as np
        def vae_reparameterize(mu, log_var, eps):
            return mu + np.exp(log_var * 0.5) * eps
        def vae_kl(mu, log_var):
            total = 0.0
            for m, lv in zip(np.ravel(mu), np.ravel(log_var)):
                total += 0.5 * (math.exp(lv) + m * m - 1.0 - lv)
            return total
    """,
    "per_sample_then_sum": """
        import numpy as np
        def vae_reparameterize(mu, log_var, eps):
            return np.add(mu, np.multiply(np.exp(np.divide(log_var, 2)), eps))
        def vae_kl(mu, log_var):
            terms = 1 + log_var - np.power(mu, 2) - np.exp(log_var)
            return float((-0.5 * terms.sum(axis=-1)).sum())
    """,
}
