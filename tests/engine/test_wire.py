"""The sandbox border's wire format: plain data only, arrays exact, nothing executable."""
import numpy as np
import pytest

from rnn_grader.sandbox import plain


def test_round_trip_keeps_values_types_and_dtypes():
    value = {"x": np.arange(6.0).reshape(2, 3), "ids": np.array([1, 2], dtype=np.int64), "t": (1, 2.5, None),
             "flag": True, "name": "ゲート", "rng": plain.Rng(7), "big": 2 ** 70}
    back = plain.loads(plain.dumps(value))
    assert back["x"].dtype == np.float64 and np.array_equal(back["x"], value["x"])
    assert back["ids"].dtype == np.int64 and back["t"] == (1, 2.5, None)
    assert back["rng"] == plain.Rng(7) and back["big"] == 2 ** 70 and back["name"] == "ゲート"


def test_objects_cross_as_unsupported_names_only():
    back = plain.loads(plain.dumps({"f": lambda: 1}))
    assert isinstance(back["f"], plain.Unsupported)


@pytest.mark.parametrize("forged", [b'{"$array": "AAAA", "dtype": "|O", "shape": [1]}',
                                    b'{"$array": "AAAA", "dtype": "<f8", "shape": [1000]}',
                                    b'{"$pickle": "x"}', b'[' * 100 + b']' * 100])
def test_forged_frames_are_refused(forged):
    with pytest.raises(plain.DecodeError):
        plain.loads(forged)
