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


# ----------------------------------------------------------------------------- binary frames
VALUE = {"x": np.arange(6.0).reshape(2, 3), "ids": np.array([1, 2], dtype=np.int64), "s": np.float64(1.5),
         "t": (1, [np.zeros((0, 3)), "ゲート"]), "rng": plain.Rng(3)}


def same_tree(a, b) -> bool:
    if isinstance(a, np.ndarray) or isinstance(a, np.generic):
        return type(a) is type(b) and a.dtype == b.dtype and np.shape(a) == np.shape(b) and np.array_equal(a, b)
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same_tree(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(same_tree(x, y) for x, y in zip(a, b))
    return a == b


def test_a_packed_frame_reads_back_as_the_json_one_does():
    packed = plain.Packer().dumps(VALUE)
    assert packed.startswith(plain.BINARY) and b"AAAA" not in packed   # arrays as raw bytes, no base64
    assert same_tree(plain.loads(packed), plain.loads(plain.dumps(VALUE)))
    assert same_tree(plain.loads(packed), VALUE)


def test_a_raw_tree_made_by_the_packer_goes_into_its_frame():
    packer = plain.Packer()
    answer = {"calls": [{"value": plain.Raw(packer.to_plain(VALUE["x"]))}, {"value": plain.Raw(packer.to_plain(7))}]}
    back = plain.loads(packer.dumps(answer))
    assert np.array_equal(back["calls"][0]["value"], VALUE["x"]) and back["calls"][1]["value"] == 7


def test_arrays_read_from_a_packed_frame_are_fresh_or_read_only():
    packed = bytearray(plain.Packer().dumps({"x": np.arange(3.0)}))
    mine = plain.loads(packed)["x"]
    mine[0] = 5.0                                     # a private copy, not a view on the frame
    assert plain.loads(packed)["x"][0] == 0.0
    frozen = plain.loads(packed, readonly=True)["x"]
    with pytest.raises(ValueError):
        frozen.flags.writeable = True


def frame(header: bytes, blobs: bytes = b"") -> bytes:
    return plain.BINARY + len(header).to_bytes(4, "big") + header + blobs


@pytest.mark.parametrize("forged", [
    frame(b'{"$blob": [0, 16], "dtype": "<f8", "shape": [2]}', b"\0" * 8),      # past the end
    frame(b'{"$blob": [-8, 8], "dtype": "<f8", "shape": [1]}', b"\0" * 8),      # negative offset
    frame(b'{"$blob": [0, 8], "dtype": "<f8", "shape": [2]}', b"\0" * 16),      # size and shape disagree
    frame(b'{"$blob": "0:8", "dtype": "<f8", "shape": [1]}', b"\0" * 8),        # not [offset, length]
    frame(b'{"$blob": [0, 8], "dtype": "|O", "shape": [1]}', b"\0" * 8),        # objects
    frame(b'[{"$blob": [0, 8], "dtype": "<f8", "shape": [1]}, {"$blob": [0, 8], "dtype": "<f8", "shape": [1]}]',
          b"\0" * 8),                                                            # the same bytes twice
    b'{"$blob": [0, 8], "dtype": "<f8", "shape": [1]}',                         # a blob outside a frame
    plain.BINARY + (1000).to_bytes(4, "big") + b'{"a": 1}',                     # header longer than the frame
])
def test_forged_packed_frames_are_refused(forged):
    with pytest.raises(plain.DecodeError):
        plain.loads(forged)


def test_a_lone_surrogate_crosses_in_a_packed_frame():
    """A folder name read with os.fsdecode may hold lone surrogates: the frame still encodes."""
    name = "bad\udcff-name"
    assert plain.loads(plain.Packer().dumps({"folder": name}))["folder"] == name


def test_a_forged_json_bomb_is_refused_before_it_is_parsed():
    """An answer's JSON part is capped (pool.MAX_ANSWER_JSON): a megabyte of ``[],`` would
    cost the grader ~50 times its size in memory and seconds of parsing."""
    import time

    from rnn_grader.sandbox.pool import MAX_ANSWER_JSON

    bomb = b"[" + b"[]," * (MAX_ANSWER_JSON // 3) + b"[]]"
    started = time.perf_counter()
    for data in (bomb, frame(bomb)):
        with pytest.raises(plain.DecodeError):
            plain.loads(data, max_header=MAX_ANSWER_JSON)
    assert time.perf_counter() - started < 0.5
    assert plain.loads(b"[[],[]]", max_header=MAX_ANSWER_JSON) == [[], []]
