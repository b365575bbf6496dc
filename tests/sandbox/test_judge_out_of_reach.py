"""The judge is out of the learner's reach (issue 12, class 5), and right answers in
other containers get full marks (issue 13, point 6)."""
from __future__ import annotations

import pytest

from rnn_grader.sandbox import Sandbox
from tests.conftest import reference_source
from tests.sandbox.hostile_helpers import VICTIM, grade, isolation_modes

HIDES_MUTATION = """\
import __main__, numpy as np
for name in dir(__main__):  # every helper of the worker that could decide "unchanged"
    if callable(getattr(__main__, name)) and any(w in name for w in ('unchanged', 'same', 'equal')):
        setattr(__main__, name, lambda *args, **kwargs: True)

def gradient_clipping(grad, threshold):
    n = np.linalg.norm(grad)
    if n > threshold:
        grad *= threshold / n  # in place: the caller's array changes
    return grad
"""

COMPLEX = """\
import numpy as np
def gradient_clipping(grad, threshold):
    n = np.linalg.norm(grad)
    right = grad * (threshold / n) if n > threshold else grad
    return right + 0.5j
"""

SUBCLASS = """\
import numpy as np
class Tagged(np.ndarray):
    pass
def gradient_clipping(grad, threshold):
    n = np.linalg.norm(grad)
    return (grad * (threshold / n) if n > threshold else grad.copy()).view(Tagged)
"""

WRONG_TYPE = "def gradient_clipping(grad, threshold):\n    return 'clipped'\n"


@pytest.fixture(scope="module", params=isolation_modes())
def box(request):
    with Sandbox(isolated=request.param) as sandbox:
        yield sandbox


def english(result) -> str:
    return " ".join(m.render("en") for m in result.messages)


def test_patching_the_worker_does_not_hide_an_in_place_change(box, tmp_path):
    result = grade(box, tmp_path, HIDES_MUTATION).exercises[VICTIM]
    assert result.status != "passed" and result.score < result.max_score
    assert "one of its inputs in place" in english(result)


def test_a_complex_result_with_the_right_real_part_is_the_wrong_type(box, tmp_path):
    result = grade(box, tmp_path, COMPLEX).exercises[VICTIM]
    assert result.score == 0 and result.status == "error", english(result)
    assert "complex" in english(result)


def test_a_wrong_return_type_has_status_error(box, tmp_path):
    result = grade(box, tmp_path, WRONG_TYPE).exercises[VICTIM]
    assert result.score == 0 and result.status == "error", english(result)
    assert "str" in english(result)


def test_an_ndarray_subclass_holding_the_right_values_gets_full_marks(box, tmp_path):
    result = grade(box, tmp_path, SUBCLASS).exercises[VICTIM]
    assert result.status == "passed", english(result)


def test_an_ordered_dict_of_the_right_gradients_gets_full_marks(box, tmp_path):
    source = reference_source("bptt") + (
        "\nfrom collections import OrderedDict\n_plain_grads = rnn_grads\n"
        "def rnn_grads(*args, **kwargs):\n    return OrderedDict(_plain_grads(*args, **kwargs))\n")
    result = grade(box, tmp_path, source, names=("bptt",)).exercises["bptt"]
    assert result.status == "passed", english(result)


@pytest.mark.parametrize("container", ["list", "namedtuple"])
def test_a_sequence_of_the_right_arrays_gets_full_marks(box, tmp_path, container):
    wrap = "list(_forward(*args, **kwargs))" if container == "list" else "Outputs(*_forward(*args, **kwargs))"
    source = reference_source("simple_rnn") + (
        "\nfrom collections import namedtuple\nOutputs = namedtuple('Outputs', 'us zs vs ys')\n"
        f"_forward = rnn_forward\ndef rnn_forward(*args, **kwargs):\n    return {wrap}\n")
    result = grade(box, tmp_path, source, names=("simple_rnn",)).exercises["simple_rnn"]
    assert result.status == "passed", english(result)


def test_the_grader_alone_decides_whether_an_argument_changed():
    """``judge_inputs`` compares the child's digests with those of the arguments it sent:
    an ``args_after`` the child sends is never believed, a digest that differs marks that
    argument changed, and missing digests mark every argument changed."""
    import numpy as np

    from rnn_grader.sandbox import JobReply, plain
    from rnn_grader.sandbox.inputs import judge_inputs

    grad = np.arange(4.0)
    calls = [{"function": "f", "args": (grad, 2.0), "kwargs": {}}] * 3
    right = [plain.value_digest(grad), plain.value_digest(2.0), plain.value_digest({})]
    wrong = [plain.value_digest(grad * 0), *right[1:]]
    items = [{"value": 1, "args_digest": right, "args_after": "forged"},
             {"value": 1, "args_digest": wrong},
             {"value": 1}]
    for tree in (calls, plain.Raw(plain.to_plain(calls))):
        reply = JobReply("ok", answer={"import": "ok", "calls": [dict(item) for item in items]})
        judge_inputs(reply, tree)
        first, second, third = reply.answer["calls"]
        assert "args_after" not in first and "args_digest" not in first
        changed, same = second["args_after"][0]
        assert isinstance(changed, plain.Unsupported) and same == 2.0
        assert all(isinstance(a, plain.Unsupported) for a in third["args_after"][0])


def test_read_only_stands_for_an_array_argument_only():
    """The child may report an input array as still read-only instead of hashing it (the
    sandbox passes arrays read-only for good); for any other argument that word is a wrong
    digest, so the argument counts as changed."""
    import numpy as np

    from rnn_grader.sandbox import JobReply, plain
    from rnn_grader.sandbox.inputs import judge_inputs

    calls = [{"function": "f", "args": (np.arange(4.0), [1, 2]), "kwargs": {}}] * 2
    kwargs = plain.value_digest({})
    items = [{"value": 1, "args_digest": [plain.READ_ONLY, plain.value_digest([1, 2]), kwargs]},
             {"value": 1, "args_digest": [plain.READ_ONLY, plain.READ_ONLY, kwargs]}]
    for tree in (calls, plain.Raw(plain.to_plain(calls))):
        reply = JobReply("ok", answer={"import": "ok", "calls": [dict(item) for item in items]})
        judge_inputs(reply, tree)
        array_kept, list_claimed = reply.answer["calls"]
        assert "args_after" not in array_kept
        kept, changed = list_claimed["args_after"][0]
        assert np.array_equal(kept, np.arange(4.0)) and isinstance(changed, plain.Unsupported)
