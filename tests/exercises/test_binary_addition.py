"""binary_addition: reference, stub, the learners' mistakes (each named), right alternatives,
and the behaviour checks (learning, relu's explosion, clipping) on the learner's own train.

The behaviour runs train for seconds, so the mistakes in make_batch, train's first iterations
and accuracy are graded on the exercise without them (``FAST``); the reference and the right
alternatives get the whole exercise, on several seeds.
"""
import dataclasses
import textwrap

import pytest

from rnn_grader.engine import grade_submission, select
from rnn_grader.judges.binary_addition import EXPLODED, LEARNED
from tests.conftest import reference_source
from tests.exercises.standard import mutated, standard_tests

NAME = "binary_addition"
EXERCISE = select([NAME])[0]
BEHAVIOUR = ("learns", "relu_explodes", "relu_clipped_learns")
FAST = dataclasses.replace(EXERCISE, checks=[c for c in EXERCISE.checks if c.name not in BEHAVIOUR])

# A right submission written as a learner would: loops over time, the stub's given helpers.
LEARNER = '''
import numpy as np


def sigmoid(x):
    return np.exp(-np.logaddexp(0.0, -x))


def activate(u, activation):
    if activation == "sigmoid":
        return sigmoid(u)
    if activation == "tanh":
        return np.tanh(u)
    if activation == "relu":
        return np.maximum(u, 0.0)
    raise ValueError(activation)


def forward(xs, params, activation="sigmoid"):
    z = np.zeros((xs.shape[1], params["W"].shape[0]))
    us, zs, vs, ys = [], [], [], []
    for x in xs:
        u = x @ params["W_in"] + z @ params["W"] + params["b"]
        z = activate(u, activation)
        v = z @ params["W_out"] + params["c"]
        us.append(u), zs.append(z), vs.append(v), ys.append(sigmoid(v))
    return np.array(us), np.array(zs), np.array(vs), np.array(ys)


def make_batch(rng, n, bits=8):
    a = rng.integers(0, 2 ** (bits - 1), n)
    b = rng.integers(0, 2 ** (bits - 1), n)
    xs = np.zeros((bits, n, 2))
    ds = np.zeros((bits, n, 1))
    for t in range(bits):
        row = t
        xs[row, :, 0] = (a >> t) & 1
        xs[row, :, 1] = (b >> t) & 1
        ds[row, :, 0] = ((a + b) >> t) & 1
    return xs, ds


def d_activate(u, activation):
    if activation == "sigmoid":
        return sigmoid(u) * (1 - sigmoid(u))
    if activation == "tanh":
        return 1 - np.tanh(u) ** 2
    return np.where(u > 0, 1.0, 0.0)


def loss_and_gradients(xs, ds, params, activation="sigmoid"):
    us, zs, vs, ys = forward(xs, params, activation)
    T, N, H = zs.shape
    grads = {k: np.zeros_like(v) for k, v in params.items()}
    delta_next = np.zeros((N, H))
    for t in reversed(range(T)):
        delta_out = (ys[t] - ds[t]) * ys[t] * (1 - ys[t])
        delta = (delta_next @ params["W"].T + delta_out @ params["W_out"].T) * d_activate(us[t], activation)
        z_prev = zs[t - 1] if t > 0 else np.zeros((N, H))
        grads["W_out"] += zs[t].T @ delta_out
        grads["c"] += delta_out.sum(axis=0)
        grads["W_in"] += xs[t].T @ delta
        grads["W"] += z_prev.T @ delta
        grads["b"] += delta.sum(axis=0)
        delta_next = delta
    E = 0.5 * np.sum((ys - ds) ** 2)
    return E, grads


def train(rng, iters, hidden=16, lr=0.1, init_std=1.0, batch=1, activation="sigmoid", clip=None):
    W_in = init_std * rng.standard_normal((2, hidden))
    W = init_std * rng.standard_normal((hidden, hidden))
    W_out = init_std * rng.standard_normal((hidden, 1))
    params = {"W_in": W_in, "W": W, "W_out": W_out, "b": np.zeros(hidden), "c": np.zeros(1)}
    losses, grad_norms = [], []
    for i in range(iters):
        xs, ds = make_batch(rng, batch)
        E, grads = loss_and_gradients(xs, ds, params, activation)
        norm = np.sqrt(sum(np.sum(g ** 2) for g in grads.values()))
        losses.append(E)
        grad_norms.append(norm)
        if clip is not None and norm > clip:
            for k in grads:
                grads[k] = grads[k] * (clip / norm)
        for k in params:
            params[k] = params[k] - lr * grads[k]
    return {"params": params, "losses": np.array(losses), "grad_norms": np.array(grad_norms)}


def accuracy(params, xs, ds, activation="sigmoid"):
    ys = forward(xs, params, activation)[3]
    right = np.all((ys > 0.5) == (ds > 0.5), axis=(0, 2))
    return float(right.mean())
'''

DRAW_A_B = ("a = rng.integers(0, 2 ** (bits - 1), n)\n    b = rng.integers(0, 2 ** (bits - 1), n)")
DRAW_W = ("W_in = init_std * rng.standard_normal((2, hidden))\n"
          "    W = init_std * rng.standard_normal((hidden, hidden))\n"
          "    W_out = init_std * rng.standard_normal((hidden, 1))")
CLIP = ("        if clip is not None and norm > clip:\n"
        "            for k in grads:\n"
        "                grads[k] = grads[k] * (clip / norm)\n")
UPDATE = ("        for k in params:\n"
          "            params[k] = params[k] - lr * grads[k]\n")
RECORD = "        losses.append(E)\n        grad_norms.append(norm)\n"
CARRIED = '''
def forward_from(xs, params, activation, z):
    us, zs, ys = [], [], []
    for x in xs:
        u = x @ params["W_in"] + z @ params["W"] + params["b"]
        z = activate(u, activation)
        us.append(u), zs.append(z), ys.append(sigmoid(z @ params["W_out"] + params["c"]))
    return np.array(us), np.array(zs), np.array(ys)


def train(rng, iters, hidden=16, lr=0.1, init_std=1.0, batch=1, activation="sigmoid", clip=None):
    W_in = init_std * rng.standard_normal((2, hidden))
    W = init_std * rng.standard_normal((hidden, hidden))
    W_out = init_std * rng.standard_normal((hidden, 1))
    params = {"W_in": W_in, "W": W, "W_out": W_out, "b": np.zeros(hidden), "c": np.zeros(1)}
    losses, grad_norms = [], []
    z = np.zeros((batch, hidden))                     # created once: carried over
    for i in range(iters):
        xs, ds = make_batch(rng, batch)
        z_first = z
        us, zs, ys = forward_from(xs, params, activation, z_first)
        grads = {k: np.zeros_like(v) for k, v in params.items()}
        delta_next = np.zeros_like(z)
        for t in reversed(range(len(xs))):
            delta_out = (ys[t] - ds[t]) * ys[t] * (1 - ys[t])
            delta = (delta_next @ params["W"].T + delta_out @ params["W_out"].T) * d_activate(us[t], activation)
            z_prev = zs[t - 1] if t > 0 else z_first
            grads["W_out"] += zs[t].T @ delta_out
            grads["c"] += delta_out.sum(axis=0)
            grads["W_in"] += xs[t].T @ delta
            grads["W"] += z_prev.T @ delta
            grads["b"] += delta.sum(axis=0)
            delta_next = delta
        z = zs[-1]
        norm = np.sqrt(sum(np.sum(g ** 2) for g in grads.values()))
        losses.append(0.5 * np.sum((ys - ds) ** 2))
        grad_norms.append(norm)
        if clip is not None and norm > clip:
            for k in grads:
                grads[k] = grads[k] * (clip / norm)
        for k in params:
            params[k] = params[k] - lr * grads[k]
    return {"params": params, "losses": np.array(losses), "grad_norms": np.array(grad_norms)}
'''


def variant(*pairs):
    return mutated(LEARNER, *pairs)


# "name" or "name:variant" -> a submission with that mistake
WRONG = {
    # make_batch (and through it, train)
    "bits_reversed": variant(("row = t", "row = bits - 1 - t")),
    "b_drawn_first": variant((DRAW_A_B, "b = rng.integers(0, 2 ** (bits - 1), n)\n    a = rng.integers(0, 2 ** (bits - 1), n)")),
    "pairs_drawn_together": variant((DRAW_A_B, "a, b = rng.integers(0, 2 ** (bits - 1), (n, 2)).T")),
    "operands_too_large": variant((DRAW_A_B, "a = rng.integers(0, 2 ** bits, n)\n    b = rng.integers(0, 2 ** bits, n)")),
    "batch_first": variant(("    return xs, ds\n", "    return xs.transpose(1, 0, 2), ds.transpose(1, 0, 2)\n")),
    "targets_without_output_axis": variant(("    return xs, ds\n", "    return xs, ds[:, :, 0]\n")),
    # the initial weights
    "weights_drawn_in_another_order": variant((DRAW_W, "W = init_std * rng.standard_normal((hidden, hidden))\n"
                                               "    W_in = init_std * rng.standard_normal((2, hidden))\n"
                                               "    W_out = init_std * rng.standard_normal((hidden, 1))")),
    "weights_drawn_in_another_order:W_out_first": variant((DRAW_W, "W_out = init_std * rng.standard_normal((hidden, 1))\n"
                                                           "    W_in = init_std * rng.standard_normal((2, hidden))\n"
                                                           "    W = init_std * rng.standard_normal((hidden, hidden))")),
    "weights_without_init_std": variant((DRAW_W, DRAW_W.replace("init_std * ", ""))),
    "biases_drawn": variant(('"b": np.zeros(hidden), "c": np.zeros(1)',
                             '"b": init_std * rng.standard_normal(hidden), "c": init_std * rng.standard_normal(1)')),
    # derivatives
    "relu_derivative_is_relu": variant(("return np.where(u > 0, 1.0, 0.0)", "return np.maximum(u, 0.0)")),
    "relu_derivative_at_zero": variant(("return np.where(u > 0, 1.0, 0.0)", "return np.where(u >= 0, 1.0, 0.0)")),
    "tanh_derivative_not_squared": variant(("return 1 - np.tanh(u) ** 2", "return 1 - np.tanh(u)")),
    "tanh_derivative_of_u": variant(("return 1 - np.tanh(u) ** 2", "return 1 - u ** 2")),
    "sigmoid_derivative_for_every_activation": variant(('    if activation == "sigmoid":\n        return sigmoid(u) * (1 - sigmoid(u))',
                                                        '    return sigmoid(u) * (1 - sigmoid(u))')),
    "sigma_prime_of_output": variant(("* ys[t] * (1 - ys[t])", "* sigmoid(ys[t]) * (1 - sigmoid(ys[t]))")),
    # the loss and the update
    "mean_loss": variant(("E = 0.5 * np.sum((ys - ds) ** 2)", "E = 0.5 * np.mean((ys - ds) ** 2)")),
    "mean_loss:batch_mean_everywhere": variant(("E = 0.5 * np.sum((ys - ds) ** 2)\n    return E, grads",
                                                "E = 0.5 * np.sum((ys - ds) ** 2) / N\n"
                                                "    return E, {k: g / N for k, g in grads.items()}")),
    "losses_after_update": variant(("        losses.append(E)\n", ""),
                                   (UPDATE, UPDATE + "        losses.append(loss_and_gradients(xs, ds, params, activation)[0])\n")),
    "state_carried_over": LEARNER.split("def train(")[0] + CARRIED + "\n\ndef accuracy(" + LEARNER.split("def accuracy(")[1],
    "gradient_ascent": variant(("params[k] - lr * grads[k]", "params[k] + lr * grads[k]")),
    # clipping
    "clipped_per_parameter": variant((CLIP, "        if clip is not None:\n"
                                            "            for k in grads:\n"
                                            "                own = np.linalg.norm(grads[k])\n"
                                            "                if own > clip:\n"
                                            "                    grads[k] = grads[k] * (clip / own)\n")),
    "clipped_after_update": variant((CLIP + UPDATE, UPDATE + CLIP)),
    "clipped_always": variant(("if clip is not None and norm > clip:", "if clip is not None:")),
    "norms_after_clipping": variant((RECORD, "        losses.append(E)\n"),
                                    (CLIP, CLIP + "        grad_norms.append(np.sqrt(sum(np.sum(g ** 2) for g in grads.values())))\n")),
    # accuracy
    "accuracy_per_bit": variant(("return float(right.mean())", "return float(np.mean((ys > 0.5) == (ds > 0.5)))")),
    "accuracy_ignores_activation": variant(("ys = forward(xs, params, activation)[3]\n    right",
                                            "ys = forward(xs, params)[3]\n    right")),
    "accuracy_is_a_count": variant(("return float(right.mean())", "return int(right.sum())")),
}

RIGHT = {
    "loops_over_time": LEARNER,
    "classic_sigmoid_and_vectorized_batch": variant(
        ("return np.exp(-np.logaddexp(0.0, -x))", "return 1.0 / (1.0 + np.exp(-x))"),
        ("    for t in range(bits):\n        row = t\n", "    for t in [None]:\n        pass\n"),
        ("        xs[row, :, 0] = (a >> t) & 1\n        xs[row, :, 1] = (b >> t) & 1\n"
         "        ds[row, :, 0] = ((a + b) >> t) & 1\n",
         "        shifts = np.arange(bits)[:, None]\n"
         "        xs = np.stack([(a >> shifts) & 1, (b >> shifts) & 1], axis=-1).astype(np.float64)\n"
         "        ds = (((a + b) >> shifts) & 1)[:, :, None].astype(np.float64)\n")),
    "normal_draws_and_one_draw_of_shape_2_n": variant(
        (DRAW_A_B, "a, b = rng.integers(0, 2 ** (bits - 1), (2, n))"),
        (DRAW_W, "W_in = rng.normal(0.0, init_std, (2, hidden))\n"
                 "    W = rng.normal(0.0, init_std, (hidden, hidden))\n"
                 "    W_out = rng.normal(0.0, init_std, (hidden, 1))")),
    "norm_by_concatenation_and_rounding": variant(
        ("norm = np.sqrt(sum(np.sum(g ** 2) for g in grads.values()))",
         "norm = np.linalg.norm(np.concatenate([g.ravel() for g in grads.values()]))"),
        ("right = np.all((ys > 0.5) == (ds > 0.5), axis=(0, 2))",
         "right = (np.round(ys) == ds).all(axis=2).all(axis=0)"),
        ("return np.where(u > 0, 1.0, 0.0)", "return (u > 0) * 1.0")),
    "clip_by_rate_in_the_update": variant(
        (CLIP + UPDATE, "        rate = clip / norm if clip is not None and norm > clip else 1.0\n"
                        "        for k in params:\n"
                        "            params[k] -= lr * rate * grads[k]\n")),
}


@pytest.fixture
def grade_fast(sandbox, tmp_path):
    """Grade a source on the exercise without its behaviour checks (the seconds of training)."""
    def grade(source, *, seed=0):
        folder = tmp_path / f"fast-{seed}"
        folder.mkdir(exist_ok=True)
        (folder / f"{NAME}.py").write_text(textwrap.dedent(source))
        return grade_submission(folder, [FAST], seed=seed, sandbox=sandbox).exercises[NAME]
    return grade


def texts(result):
    return [m.render("en") for m in result.messages]


test_reference, test_stub, _, _ = standard_tests(NAME, {}, {}, seeds=(0, 1, 2), stub_none_rendered=True)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("key", sorted(WRONG))
def test_wrong(grade_fast, key, seed):
    """Each mistake loses points and is named by its own misconception, whatever the seed (the
    inputs are chosen so that even the mistakes that show only on some inputs always show)."""
    result = grade_fast(WRONG[key], seed=seed)
    assert result.score < result.max_score, texts(result)
    assert key.split(":")[0] in result.misconceptions, texts(result)


@pytest.mark.parametrize("seed", [5, 6])
@pytest.mark.parametrize("alternative", sorted(RIGHT))
def test_right_first_steps(grade_fast, alternative, seed):
    result = grade_fast(RIGHT[alternative], seed=seed)
    assert result.status == "passed", texts(result)


@pytest.mark.parametrize("alternative", ["loops_over_time", "classic_sigmoid_and_vectorized_batch"])
def test_right_alternatives_learn(grade_source, alternative):
    """The whole exercise, behaviour included, on a right submission other than the reference."""
    result = grade_source(NAME, RIGHT[alternative], seed=7)
    assert result.status == "passed", texts(result)


def test_a_train_that_stops_early_fails_the_learning_checks_only(grade_source):
    """Right first iterations, but no update after the sixth: the learning checks fail, and the
    message reports the accuracy reached against the bound."""
    frozen = mutated(reference_source(NAME), ("for i in range(iters):", "for i in range(min(iters, 6)):"))
    result = grade_source(NAME, frozen)
    by_name = {c.name: c for c in result.checks}
    assert all(by_name[name].score == by_name[name].points for name in ("make_batch", "first_steps_sigmoid", "accuracy"))
    assert by_name["learns"].score == 0 and by_name["relu_clipped_learns"].score == 0
    assert any(f"at least {LEARNED:.0%}" in t for t in texts(result)), texts(result)


def test_sigmoid_everywhere_shows_no_explosion(grade_source):
    """A train that always uses sigmoid: relu's gradients never explode, and the message says so."""
    result = grade_source(NAME, variant(("us, zs, vs, ys = forward(xs, params, activation)\n    T, N, H",
                                         "us, zs, vs, ys = forward(xs, params)\n    T, N, H"),
                                        ("* d_activate(us[t], activation)", "* d_activate(us[t], 'sigmoid')")))
    explode = next(c for c in result.checks if c.name == "relu_explodes")
    assert explode.score == 0
    assert any(f"at least {EXPLODED:g}" in m.render("en") for m in explode.messages), texts(result)
    steps = next(c for c in result.checks if c.name == "first_steps_tanh_relu")
    assert steps.score == 0


def test_behaviour_message_reports_the_observation_in_both_languages(grade_source):
    """clip ignored: the clipped relu run explodes like the unclipped one and does not learn."""
    result = grade_source(NAME, variant((CLIP, "")))
    clipped = next(c for c in result.checks if c.name == "relu_clipped_learns")
    assert clipped.score == 0
    en, ja = [" ".join(m.render(lang) for m in clipped.messages) for lang in ("en", "ja")]
    assert "clip=1.0" in en and "Largest gradient norm" in en
    assert "clip=1.0" in ja and "勾配ノルムの最大値" in ja


# ----------------------------------------------------------------------------- its own time limit
def test_its_own_time_limit_raises_a_shorter_run_limit_only():
    from rnn_grader.engine.grading import limits_for
    from rnn_grader.sandbox import Limits

    short, long = Limits(wall_seconds=1.0, cpu_seconds=1.0), Limits(wall_seconds=600.0, cpu_seconds=600.0)
    assert limits_for(EXERCISE, short).wall_seconds == EXERCISE.wall_seconds > short.wall_seconds
    assert limits_for(EXERCISE, short).cpu_seconds == EXERCISE.wall_seconds
    assert limits_for(EXERCISE, long) == long
    assert limits_for(select(["gradient_clipping"])[0], short) == short


def test_cohort_grades_it_within_its_own_limit_and_others_within_the_class_limit(tmp_path):
    """A class limit of 1 s: the training still passes, a hanging gradient_clipping times out at 1 s."""
    from rnn_grader.cohort import grade_cohort
    from rnn_grader.sandbox import Limits

    student = tmp_path / "class" / "ann"
    student.mkdir(parents=True)
    (student / f"{NAME}.py").write_text(reference_source(NAME))
    (student / "gradient_clipping.py").write_text("def gradient_clipping(grad, threshold):\n    while True:\n        pass\n")
    cohort = grade_cohort(tmp_path / "class", names=[NAME, "gradient_clipping"], seed=0, jobs=1,
                          limits=Limits(wall_seconds=1.0, cpu_seconds=1.0))
    results = cohort.students["ann"].exercises
    assert results[NAME].status == "passed", texts(results[NAME])
    assert results["gradient_clipping"].status == "timeout"
