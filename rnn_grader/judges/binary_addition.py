"""binary_addition, judged without an answer: comparing a training record with the expected
one, and the behaviour of a learner's ``train`` (does it learn? do relu's gradients explode?).
Shipped to learners with the kit (see ``rnn_grader.judges``).

The behaviour is judged on every sum a + b with a, b < 2**(BITS-1) (16 384 sums), run through
the forward pass the stub gives; a sample is right when all its output bits are.
"""
import numpy as np

from rnn_grader.engine import Text, compare_array, msg
from rnn_grader.engine.compare import describe_type

BITS = 8
PARAMETERS = ("W_in", "W", "W_out", "b", "c")
LEARNED = 0.95          # share of the sums a network that learned adds right (right trains: 1.0)
LEARNED_AGAIN = 0.5     # the same for relu with clipping (right trains: 0.85 to 1.0; without clipping ~0)
EXPLODED = 100.0        # largest gradient norm of relu without clipping (right trains: 500 and more)

PART_WRONG = Text(en="`{part}` differs from the expected one: {detail}",
                  ja="`{part}` が期待される値と異なります: {detail}")
PARTS_RIGHT = Text(en="(these are right: {parts}.)", ja="（次は正しい: {parts}。）")
MISSING_PART = Text(en="the returned dict has no {part}.", ja="返した辞書に {part} がありません。")
WRONG_SHAPE = Text(en="`{part}` has shape {got}; {expected} is expected.",
                   ja="`{part}` の形状が {got} です。{expected} のはずです。")
NOT_LEARNED = Text(
    en="with activation={activation!r}, clip={clip}, {iters} iterations of batch {batch}: your network adds "
       "{accuracy:.1%} of all 16 384 sums a + b (a, b < 128) without a wrong bit; a network that learned "
       "adds at least {bound:.0%} here. Largest gradient norm: {norm:.3g}; "
       "mean loss of the last 100 iterations: {loss:.3g}.",
    ja="activation={activation!r}, clip={clip}, バッチ {batch} で {iters} 回学習した結果、すべての足し算 a + b"
       "（a, b < 128、16 384 通り）のうち 1 ビットも間違えなかったのは {accuracy:.1%} です。学習できたネットワークは"
       "ここで {bound:.0%} 以上。勾配ノルムの最大値: {norm:.3g}、最後の 100 回の損失の平均: {loss:.3g}。")
NOT_EXPLODED = Text(
    en="with activation='relu' and no clipping, the largest gradient norm your train recorded in {iters} "
       "iterations is {norm:.3g}. Here the gradients of a right train explode to norms in the hundreds "
       "(at least {bound:g}) within these iterations and learning stalls (yours adds {accuracy:.1%} of the "
       "sums): relu does not squash the state, so δ grows through W at every step back in time.",
    ja="activation='relu'、クリッピングなしで {iters} 回学習したとき、記録された勾配ノルムの最大値は {norm:.3g} です。"
       "正しい train ではこの回数のうちに勾配が爆発してノルムが数百（{bound:g} 以上）になり、学習が止まります"
       "（あなたの結果の正解率は {accuracy:.1%}）。relu は状態を押しつぶさないので、時間をさかのぼるたびに δ が W を通じて大きくなります。")
CLIPPED_NOT_LEARNED = Text(
    en="relu with clip={clip}: clipping should let relu learn again, but {detail}",
    ja="relu で clip={clip} のとき、クリッピングによって再び学習できるはずですが、{detail}")


class Problem(Exception):
    """A malformed training record, with the message that says why."""


# ----------------------------------------------------------------------------- the given forward
def sigmoid(x):
    """σ(x) = 1 / (1 + exp(-x)), written as exp(-log(1 + exp(-x))) so that it never overflows."""
    return np.exp(-np.logaddexp(0.0, -x))


def activate(u, activation):
    if activation == "tanh":
        return np.tanh(u)
    if activation == "relu":
        return np.maximum(u, 0.0)
    return sigmoid(u)


def outputs(xs, params, activation):
    """ys (T, N, 1) of the forward pass the stub gives, from z_{-1} = 0."""
    z, ys = np.zeros((xs.shape[1], params["W"].shape[0])), []
    for x in xs:                     # the forward pass the stub gives learners
        z = activate(x @ params["W_in"] + z @ params["W"] + params["b"], activation)
        ys.append(sigmoid(z @ params["W_out"] + params["c"]))
    return np.array(ys)


def every_sum(bits=BITS):
    """xs (bits, M, 2) and ds (bits, M, 1) of every sum a + b with a, b < 2**(bits-1)."""
    a, b = np.divmod(np.arange(4 ** (bits - 1)), 2 ** (bits - 1))
    column = np.arange(bits)[:, None]
    xs = np.stack([(a >> column) & 1, (b >> column) & 1], axis=2).astype(float)
    return xs, (((a + b) >> column) & 1).astype(float)[:, :, None]


def held_out_accuracy(params, activation) -> float:
    """The share of all sums whose every output bit (y > 0.5) is right."""
    xs, ds = every_sum()
    with np.errstate(all="ignore"):
        ys = outputs(xs, params, activation)
    return float(np.mean(np.all((ys > 0.5) == (ds > 0.5), axis=(0, 2))))


# ----------------------------------------------------------------------------- reading a record
def read_array(value, part, shape):
    if not isinstance(value, np.ndarray):
        raise Problem(MISSING_PART.format(part=f"`{part}`") if value is None else
                      msg("compare.type", got=describe_type(value), expected=f"ndarray{shape}"))
    if value.shape != shape:
        raise Problem(WRONG_SHAPE.format(part=part, got=value.shape, expected=shape))
    if value.dtype.kind != "f":
        raise Problem(msg("compare.dtype", got=value.dtype, expected="float64"))
    return value


def read_record(value, iters, hidden):
    """(params, losses, grad_norms) from a value ``train`` returned, or raise ``Problem``."""
    if value is None:
        raise Problem(msg("compare.none"))
    if not isinstance(value, dict):
        raise Problem(msg("compare.type", got=describe_type(value), expected="dict"))
    params = value.get("params")
    if not isinstance(params, dict):
        raise Problem(MISSING_PART.format(part='"params" (a dict)'))
    shapes = {"W_in": (2, hidden), "W": (hidden, hidden), "W_out": (hidden, 1), "b": (hidden,), "c": (1,)}
    params = {name: read_array(params.get(name), f"params[{name!r}]", shape) for name, shape in shapes.items()}
    return (params, read_array(value.get("losses"), "losses", (iters,)),
            read_array(value.get("grad_norms"), "grad_norms", (iters,)))


# ----------------------------------------------------------------------------- comparing records
def parts(record) -> dict:
    """A record's arrays by the name the messages use (missing ones None)."""
    params = record.get("params") if isinstance(record.get("params"), dict) else {}
    found = {"losses": record.get("losses"), "grad_norms": record.get("grad_norms")}
    found.update({f"params[{name!r}]": params.get(name) for name in PARAMETERS})
    return found


def compare_training(got, expected: dict) -> Text | None:
    """A ``train`` record against the expected one: every array within the tolerances.  The
    message names the first part that differs and the parts that are right."""
    if got is None:
        return msg("compare.none")
    if not isinstance(got, dict):
        return msg("compare.type", got=describe_type(got), expected="dict")
    mine, wanted = parts(got), parts(expected)
    problems = {part: compare_array(mine[part], value) if mine[part] is not None
                else MISSING_PART.format(part=f"`{part}`") for part, value in wanted.items()}
    wrong = [(part, problem) for part, problem in problems.items() if problem is not None]
    if not wrong:
        return None
    part, detail = wrong[0]
    message = PART_WRONG.format(part=part, detail=detail)
    right = [f"`{p}`" for p, problem in problems.items() if problem is None]
    if not right:
        return message
    return Text(en="{first} {rest}", ja="{first}{rest}").format(
        first=message, rest=PARTS_RIGHT.format(parts=", ".join(right)))


# ----------------------------------------------------------------------------- behaviour
TRAIN_ARGS = ("rng", "iters", "hidden", "lr", "init_std", "batch", "activation", "clip")


def observed(args, value) -> dict:
    """What a training run showed: held-out accuracy, largest gradient norm, final loss."""
    run = dict(zip(TRAIN_ARGS, args))
    params, losses, norms = read_record(value, run["iters"], run["hidden"])
    with np.errstate(all="ignore"):
        largest = float(np.max(np.where(np.isnan(norms), np.inf, norms)))
        loss = float(np.mean(losses[-100:]))
    return {**run, "accuracy": held_out_accuracy(params, run["activation"]), "norm": largest, "loss": loss}


def learned(args, value, bound) -> Text | None:
    """The network adds at least ``bound`` of all sums after training."""
    try:
        seen = observed(args, value)
    except Problem as problem:
        return problem.args[0]
    if seen["accuracy"] >= bound:
        return None
    report = NOT_LEARNED.format(**{k: v for k, v in seen.items() if k != "rng"}, bound=bound)
    return report if seen["clip"] is None else CLIPPED_NOT_LEARNED.format(clip=seen["clip"], detail=report)


def learns(args, value) -> Text | None:
    """sigmoid: the network adds at least LEARNED of all sums."""
    return learned(args, value, LEARNED)


def learns_again(args, value) -> Text | None:
    """relu with clipping: the network adds at least LEARNED_AGAIN of all sums."""
    return learned(args, value, LEARNED_AGAIN)


def explodes(args, value) -> Text | None:
    """relu without clipping: the largest recorded gradient norm reaches EXPLODED (inf/NaN count)."""
    try:
        seen = observed(args, value)
    except Problem as problem:
        return problem.args[0]
    if seen["norm"] >= EXPLODED:
        return None
    return NOT_EXPLODED.format(iters=seen["iters"], norm=seen["norm"], accuracy=seen["accuracy"], bound=EXPLODED)
