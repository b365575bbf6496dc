"""vae: the reparameterization trick and the KL term of the VAE.

log_var is drawn in [-3, 2] so that the standard deviation, the variance and log_var itself
all differ; KL inputs have several elements per row and N >= 2 so that sum, mean and
per-example mean differ.  The edge cases (log_var = 0, mu = 0) are where several wrong
formulas coincide with the right one, so they only check what is still distinguishable.
"""
import numpy as np

from rnn_grader.engine import Exercise, Misconception, Text, ValueCheck
from solutions.vae import vae_kl, vae_reparameterize

ORDER = 14

SHAPES = [(4, 3), (2, 5), (6,), (1, 2)]


# ----------------------------------------------------------------------------- inputs
def gaussian(rng, shape):
    """mu (shape) in about [-2, 2] and log_var (shape) in [-3, 2]."""
    return rng.normal(0.0, 1.0, shape), rng.uniform(-3.0, 2.0, shape)


def reparam_cases(rng):
    for shape in SHAPES:
        yield (*gaussian(rng, shape), rng.standard_normal(shape))


def reparam_edges(rng):
    """eps = 0 (z = mu), log_var = 0 (sigma = 1: z = mu + eps), a single element."""
    mu, log_var = gaussian(rng, (3, 2))
    yield mu, log_var, np.zeros((3, 2))
    yield mu, np.zeros((3, 2)), rng.standard_normal((3, 2))
    yield (*gaussian(rng, (1,)), rng.standard_normal(1))


def kl_cases(rng):
    for shape in SHAPES[:3] + [(3, 4)]:
        yield gaussian(rng, shape)


def kl_edges(rng):
    """The prior itself (KL = 0), mu = 0 with log_var != 0, and large variances."""
    yield np.zeros((2, 3)), np.zeros((2, 3))
    yield np.zeros(4), rng.uniform(-3.0, 2.0, 4)
    yield rng.standard_normal((2, 2)), rng.uniform(3.0, 6.0, (2, 2))


# ----------------------------------------------------------------------------- misconceptions
def kl_terms(mu, log_var):
    return 1.0 + log_var - mu ** 2 - np.exp(log_var)


REPARAM_WRONG = [
    Misconception("variance_not_std", lambda mu, log_var, eps: mu + np.exp(log_var) * eps, Text(
        en="you multiplied eps by exp(log_var), the variance sigma^2. The noise is scaled by the "
           "standard deviation sigma = exp(0.5 * log_var) (the square root of the variance).",
        ja="eps に exp(log_var)、つまり分散 σ² を掛けています。ノイズに掛けるのは標準偏差 "
           "σ = exp(0.5 * log_var)（分散の平方根）です。")),
    Misconception("log_var_as_std", lambda mu, log_var, eps: mu + log_var * eps, Text(
        en="you multiplied eps by log_var itself: log_var is the logarithm of the variance, not the "
           "standard deviation (it can be negative). sigma = exp(0.5 * log_var).",
        ja="eps に log_var そのものを掛けています。log_var は分散の対数で、標準偏差ではありません（負にもなります）。"
           "σ = exp(0.5 * log_var) です。")),
    Misconception("sqrt_of_log_var", lambda mu, log_var, eps: mu + np.sqrt(log_var) * eps, Text(
        en="you took sqrt(log_var), as if log_var were the variance: it is its logarithm, and sqrt "
           "of a negative log_var is NaN. sigma = exp(0.5 * log_var) = sqrt(exp(log_var)).",
        ja="log_var を分散とみなして sqrt(log_var) をとっています。log_var は分散の対数で、負の log_var の sqrt は "
           "NaN になります。σ = exp(0.5 * log_var) = sqrt(exp(log_var)) です。")),
    Misconception("forgot_mu", lambda mu, log_var, eps: np.exp(0.5 * log_var) * eps, Text(
        en="your z is sigma * eps without the mean: z = mu + sigma * eps.",
        ja="z が平均を足さない σ * eps になっています。z = mu + σ * eps です。")),
]

KL_WRONG = [
    Misconception("kl_sign_flipped", lambda mu, log_var: 0.5 * np.sum(kl_terms(mu, log_var)), Text(
        en="your KL has the wrong sign (it is negative). KL = -0.5 * sum(1 + log_var - mu^2 - "
           "exp(log_var)) is never negative: mind the leading minus.",
        ja="KL の符号が逆です（負になっています）。KL = -0.5 * sum(1 + log_var - mu² - exp(log_var)) は"
           "負になりません。先頭のマイナスに注意してください。")),
    Misconception("kl_averaged", lambda mu, log_var: -0.5 * np.mean(kl_terms(mu, log_var)), Text(
        en="you averaged over the elements (np.mean); the contract sums over all elements (np.sum).",
        ja="要素で平均しています（np.mean）。決まりでは全要素で合計します（np.sum）。")),
    Misconception("kl_averaged_over_batch",
                  lambda mu, log_var: -0.5 * np.sum(kl_terms(mu, log_var)) / (mu.shape[0] if mu.ndim > 1 else 1), Text(
        en="you summed over the latent units and then averaged over the batch (divided by N). That is a "
           "common convention in training code, but here the KL is summed over every element.",
        ja="潜在変数の方向に合計した後、バッチで平均しています（N で割っています）。学習コードではよくある書き方ですが、"
           "ここでは全要素で合計します。")),
    Misconception("kl_missing_one", lambda mu, log_var: -0.5 * np.sum(log_var - mu ** 2 - np.exp(log_var)), Text(
        en="the 1 inside the sum is missing: KL = -0.5 * sum(1 + log_var - mu^2 - exp(log_var)); "
           "without it the prior N(0, 1) itself would not give KL = 0.",
        ja="和の中の 1 が抜けています。KL = -0.5 * sum(1 + log_var - mu² - exp(log_var)) です。1 がないと、"
           "事前分布 N(0, 1) 自身の KL が 0 になりません。")),
    Misconception("kl_missing_half", lambda mu, log_var: -np.sum(kl_terms(mu, log_var)), Text(
        en="the factor 0.5 is missing: KL = -0.5 * sum(...), i.e. (mu^2 + sigma^2 - log sigma^2 - 1) / 2 "
           "per element.",
        ja="係数 0.5 が抜けています。KL = -0.5 * sum(...)、1 要素あたり (mu² + σ² - log σ² - 1) / 2 です。")),
    Misconception("log_var_as_sigma", lambda mu, log_var: -0.5 * np.sum(1.0 + log_var - mu ** 2 - log_var ** 2), Text(
        en="you used log_var as sigma (log_var**2 in place of sigma^2). sigma^2 = exp(log_var).",
        ja="log_var を σ として使っています（σ² の代わりに log_var**2）。σ² = exp(log_var) です。")),
    Misconception("log_var_as_variance", lambda mu, log_var: -0.5 * np.sum(1.0 + log_var - mu ** 2 - log_var), Text(
        en="you used log_var as the variance (the last term is log_var instead of exp(log_var)). "
           "log_var = log sigma^2, so sigma^2 = exp(log_var).",
        ja="log_var を分散として使っています（最後の項が exp(log_var) ではなく log_var）。"
           "log_var = log σ² なので σ² = exp(log_var) です。")),
]


def title(en, ja):
    return Text(en=en, ja=ja)


EXERCISE = Exercise("vae", Text(en="VAE: reparameterization and KL", ja="VAE: 再パラメータ化と KL"), checks=[
    ValueCheck("reparameterize_random", points=3, function="vae_reparameterize", inputs=reparam_cases,
               reference=vae_reparameterize, misconceptions=REPARAM_WRONG,
               title=title("z = mu + sigma * eps", "z = mu + σ * eps")),
    ValueCheck("reparameterize_edge_cases", points=1, function="vae_reparameterize", inputs=reparam_edges,
               reference=vae_reparameterize, misconceptions=REPARAM_WRONG,
               title=title("eps = 0, log_var = 0, a single element", "eps = 0、log_var = 0、要素 1 つ")),
    ValueCheck("kl_random", points=3, function="vae_kl", inputs=kl_cases,
               reference=vae_kl, misconceptions=KL_WRONG,
               title=title("KL term summed over all elements", "全要素で合計した KL 項")),
    ValueCheck("kl_edge_cases", points=1, function="vae_kl", inputs=kl_edges,
               reference=vae_kl, misconceptions=KL_WRONG,
               title=title("the prior itself (KL = 0), mu = 0, large variances",
                           "事前分布そのもの（KL = 0）、mu = 0、大きな分散")),
])
