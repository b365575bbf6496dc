"""simple_rnn: reference, stub, the course's mistakes, right alternatives, stability."""
import textwrap

from tests.conftest import reference_source
from tests.exercises.standard import standard_tests

NAME = "simple_rnn"


def replacing(definition: str) -> str:
    """The reference module with one function redefined (the later ``def`` wins)."""
    return reference_source(NAME) + "\n\n" + textwrap.dedent(definition)


LOOPED_FORWARD = """
    def rnn_forward(xs, W_in, W, W_out, b, c, z0=None):
        T, N, _ = xs.shape
        H = W.shape[0]
        z = np.zeros((N, H)) if z0 is None else z0
        us, zs, vs, ys = [], [], [], []
        for t in range(T):
            u = xs[t] @ W_in + z @ {recurrence} + {b}
            z = sigmoid(u)
            v = z @ W_out + c
            us.append(u); zs.append(z); vs.append(v); ys.append({y})
        return np.array(us), np.array(zs), np.array(vs), np.array(ys)
"""


def forward_with(recurrence="W", b="b", y="sigmoid(v)"):
    """The reference with a looped ``rnn_forward`` in which one expression is replaced."""
    return replacing(LOOPED_FORWARD.format(recurrence=recurrence, b=b, y=y))


WRONG = {
    "z0_ignored": replacing(LOOPED_FORWARD.format(recurrence="W", b="b", y="sigmoid(v)").replace(
        "z = np.zeros((N, H)) if z0 is None else z0", "z = np.zeros((N, H))")),
    "batch_major_stacking": replacing(LOOPED_FORWARD.format(recurrence="W", b="b", y="sigmoid(v)").replace(
        "return np.array(us), np.array(zs), np.array(vs), np.array(ys)",
        "return tuple(np.stack(a, axis=1) for a in (us, zs, vs, ys))")),
    "naive_sigmoid_overflow": replacing("""
        def sigmoid(x):
            return 1 / (1 + np.exp(-x))
    """),
    "sigmoid_sign": replacing("""
        def sigmoid(x):
            return 1 / (1 + np.exp(x))
    """),
    "d_sigmoid_one_minus_x": replacing("""
        def d_sigmoid(x):
            return sigmoid(x) * (1 - x)
    """),
    "d_sigmoid_of_output": replacing("""
        def d_sigmoid(x):
            return x * (1 - x)
    """),
    "d_sigmoid_tanh_form": replacing("""
        def d_sigmoid(x):
            return 1 - sigmoid(x) ** 2
    """),
    "d_sigmoid_exp_overflow": replacing("""
        def d_sigmoid(x):
            return np.exp(-x) / (1 + np.exp(-x)) ** 2
    """),
    "forgot_bias_b": forward_with(b="0"),
    "forgot_bias_c": replacing("""
        def rnn_forward(xs, W_in, W, W_out, b, c, z0=None):
            T, N, _ = xs.shape
            z = np.zeros((N, W.shape[0])) if z0 is None else z0
            us, zs, vs, ys = [], [], [], []
            for x in xs:
                u = x @ W_in + z @ W + b
                z = sigmoid(u)
                v = z @ W_out
                us.append(u); zs.append(z); vs.append(v); ys.append(sigmoid(v))
            return np.array(us), np.array(zs), np.array(vs), np.array(ys)
    """),
    "W_in_for_recurrence": forward_with(recurrence="W_in"),
    "state_not_carried": replacing("""
        def rnn_forward(xs, W_in, W, W_out, b, c, z0=None):
            T, N, _ = xs.shape
            z_prev = np.zeros((N, W.shape[0])) if z0 is None else z0
            us, zs, vs, ys = [], [], [], []
            for t in range(T):
                u = xs[t] @ W_in + z_prev @ W + b     # z_prev is never updated
                z = sigmoid(u)
                v = z @ W_out + c
                us.append(u); zs.append(z); vs.append(v); ys.append(sigmoid(v))
            return np.array(us), np.array(zs), np.array(vs), np.array(ys)
    """),
    "output_without_sigmoid": forward_with(y="v"),
    "batch_first_loop": replacing("""
        def rnn_forward(xs, W_in, W, W_out, b, c, z0=None):
            N, T = xs.shape[0], xs.shape[1]          # wrongly batch-first
            z = np.zeros((N, W.shape[0])) if z0 is None else z0
            us, zs, vs, ys = [], [], [], []
            for t in range(T):
                u = xs[:, t] @ W_in + z @ W + b
                z = sigmoid(u)
                v = z @ W_out + c
                us.append(u); zs.append(z); vs.append(v); ys.append(sigmoid(v))
            return tuple(np.stack(a, axis=1) for a in (us, zs, vs, ys))
    """),
}

RIGHT = {
    "logaddexp_and_stable_derivative": replacing("""
        def sigmoid(x):
            return np.exp(-np.logaddexp(0.0, -x))

        def d_sigmoid(x):
            e = np.exp(-np.abs(x))
            return e / (1.0 + e) ** 2
    """),
    "tanh_sigmoid_and_stacked_forward": replacing("""
        def sigmoid(x):
            return 0.5 * (1.0 + np.tanh(0.5 * x))

        def rnn_forward(xs, W_in, W, W_out, b, c, z0=None):
            z = np.zeros((xs.shape[1], W.shape[0])) if z0 is None else z0.copy()
            outputs = []
            for x in xs:
                u = np.dot(x, W_in) + np.dot(z, W) + b
                z = sigmoid(u)
                v = np.dot(z, W_out) + c
                outputs.append((u, z, v, sigmoid(v)))
            return tuple(np.stack(column) for column in zip(*outputs))
    """),
    "masked_sigmoid": replacing("""
        def sigmoid(x):
            x = np.asarray(x, dtype=float)
            out = np.empty_like(x)
            positive = x >= 0
            out[positive] = 1.0 / (1.0 + np.exp(-x[positive]))
            e = np.exp(x[~positive])
            out[~positive] = e / (1.0 + e)
            return out
    """),
}


test_reference, test_stub, test_wrong, test_right = standard_tests(NAME, WRONG, RIGHT, wrong_keeps_some_points=True)


def test_naive_sigmoid_loses_only_the_stability_points(grade_source):
    result = grade_source(NAME, WRONG["naive_sigmoid_overflow"])
    lost = {c.name for c in result.checks if c.score < c.points}
    assert lost == {"sigmoid_stable"}
    assert any("overflow" in m.render("en") and "errstate" in m.render("en") for m in result.messages)


def test_np_where_with_both_branches_overflows(grade_source):
    result = grade_source(NAME, replacing("""
        def sigmoid(x):
            return np.where(x >= 0, 1 / (1 + np.exp(-x)), np.exp(x) / (1 + np.exp(x)))
    """))
    assert "naive_sigmoid_overflow" in result.misconceptions
    assert any("np.where" in m.render("ja") for m in result.messages)


def test_modifying_the_input_is_reported(grade_source):
    result = grade_source(NAME, replacing("""
        def sigmoid(x):
            e = np.exp(-np.abs(x))
            positive = x >= 0
            x[positive] = 1 / (1 + e[positive])
            x[~positive] = e[~positive] / (1 + e[~positive])
            return x
    """))
    assert result.score < result.max_score
    assert any("in place" in m.en for m in result.messages)
