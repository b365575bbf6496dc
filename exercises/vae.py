"""Exercise: the two formulas of the VAE latent layer (VAE の再パラメータ化と KL 項).

The encoder of a VAE outputs, for every latent unit, a mean mu and a log-variance
log_var = log(sigma^2) of a normal distribution N(mu, sigma^2).

Reparameterization trick: a sample z is written as a deterministic function of mu, log_var
and a standard-normal noise eps, so that gradients can flow through mu and log_var:

    sigma = exp(0.5 * log_var)                  the standard deviation (not the variance)
    z     = mu + sigma * eps                    same shape as mu

KL divergence of N(mu, sigma^2) from the prior N(0, 1), summed over all elements:

    KL = -0.5 * sum(1 + log_var - mu**2 - exp(log_var))       (>= 0; 0 when mu = 0, log_var = 0)

VAE のエンコーダは潜在変数ごとに正規分布の平均 mu と対数分散 log_var = log(σ²) を出力する。
再パラメータ化: 標準正規のノイズ eps を使い z = mu + σ * eps（σ = exp(0.5 * log_var) は標準偏差）。
KL 項: 事前分布 N(0, 1) との KL ダイバージェンスを全要素で合計する（上の式）。
"""
import numpy as np


def vae_reparameterize(mu, log_var, eps):
    """Sample z from N(mu, exp(log_var)) with the given standard-normal noise.

    Inputs (do not modify them), all of the same shape, e.g. (N, Dz) or (Dz,):
    - mu: ndarray, the means.
    - log_var: ndarray, the log-variances log(sigma^2) (any real number).
    - eps: ndarray, noise drawn from N(0, 1).

    Returns:
    - z: ndarray of the same shape: mu + exp(0.5 * log_var) * eps.

    Hint: exp(0.5 * log_var) = sqrt(exp(log_var)) = sigma.
    ヒント: exp(0.5 * log_var) = sqrt(exp(log_var)) = σ（標準偏差）。
    """
    z = None
    ###########################################################################
    # TODO: the reparameterization trick.                                     #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return z


def vae_kl(mu, log_var):
    """KL(N(mu, sigma^2) || N(0, 1)), summed over all elements.

    Inputs (do not modify them), of the same shape, e.g. (N, Dz) or (Dz,):
    - mu: ndarray, the means.   log_var: ndarray, the log-variances.

    Returns:
    - float: -0.5 * sum(1 + log_var - mu**2 - exp(log_var)) over every element (not a mean).

    Hint: for one element, KL = (mu^2 + sigma^2 - log sigma^2 - 1) / 2.
    ヒント: 1 要素あたり KL = (mu² + σ² - log σ² - 1) / 2。
    """
    kl = None
    ###########################################################################
    # TODO: the KL term.                                                      #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return kl
