"""vae: reference, stub, std/variance and KL mistakes, right alternatives."""
import textwrap

from tests.conftest import reference_source
from tests.exercises.standard import standard_tests

NAME = "vae"


def replacing(definition: str) -> str:
    """The reference module with one function redefined (the later ``def`` wins)."""
    return reference_source(NAME) + "\n\n" + textwrap.dedent(definition)


def reparam(expression: str) -> str:
    return replacing(f"def vae_reparameterize(mu, log_var, eps):\n    return {expression}\n")


def kl(expression: str) -> str:
    return replacing(f"def vae_kl(mu, log_var):\n    return float({expression})\n")


WRONG = {
    "variance_not_std": reparam("mu + np.exp(log_var) * eps"),
    "log_var_as_std": reparam("mu + log_var * eps"),
    "sqrt_of_log_var": reparam("mu + np.sqrt(log_var) * eps"),
    "forgot_mu": reparam("np.exp(0.5 * log_var) * eps"),
    "kl_sign_flipped": kl("0.5 * np.sum(1 + log_var - mu ** 2 - np.exp(log_var))"),
    "kl_averaged": kl("-0.5 * np.mean(1 + log_var - mu ** 2 - np.exp(log_var))"),
    "kl_averaged_over_batch": kl("np.mean(-0.5 * np.sum(1 + log_var - mu ** 2 - np.exp(log_var), axis=-1))"),
    "kl_missing_one": kl("-0.5 * np.sum(log_var - mu ** 2 - np.exp(log_var))"),
    "kl_missing_half": kl("-np.sum(1 + log_var - mu ** 2 - np.exp(log_var))"),
    "log_var_as_sigma": kl("-0.5 * np.sum(1 + log_var - mu ** 2 - log_var ** 2)"),
    "log_var_as_variance": kl("-0.5 * np.sum(1 + log_var - mu ** 2 - log_var)"),
}

RIGHT = {
    "sqrt_of_variance_and_per_element_formula": """
        import numpy as np

        def vae_reparameterize(mu, log_var, eps):
            variance = np.exp(log_var)
            return mu + np.sqrt(variance) * eps

        def vae_kl(mu, log_var):
            sigma2 = np.exp(log_var)
            return float(np.sum(mu ** 2 + sigma2 - np.log(sigma2) - 1) / 2)
    """,
    "loops_with_math": """
        import math
        import numpy as np

        def vae_reparameterize(mu, log_var, eps):
            z = np.empty_like(mu)
            for i in np.ndindex(mu.shape):
                z[i] = mu[i] + math.exp(log_var[i] / 2) * eps[i]
            return z

        def vae_kl(mu, log_var):
            total = 0.0
            for m, lv in zip(mu.ravel(), log_var.ravel()):
                total += 1 + lv - m * m - math.exp(lv)
            return -0.5 * total
    """,
}


test_reference, test_stub, test_wrong, test_right = standard_tests(NAME, WRONG, RIGHT, wrong_keeps_some_points=True)


def test_a_one_element_array_is_not_a_float(grade_source):
    result = grade_source(NAME, kl("0").replace(
        "return float(0)", "return -0.5 * np.sum(1 + log_var - mu ** 2 - np.exp(log_var), keepdims=True)"))
    assert {c.name for c in result.checks if c.score < c.points} == {"kl_random", "kl_edge_cases"}


def test_modifying_the_input_is_reported(grade_source):
    result = grade_source(NAME, replacing("""
        def vae_reparameterize(mu, log_var, eps):
            eps *= np.exp(0.5 * log_var)
            return mu + eps
    """))
    assert result.score < result.max_score
    assert any("in place" in m.en for m in result.messages)
