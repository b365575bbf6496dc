"""Plain data across the sandbox boundary: JSON with arrays as base64 bytes.

Both sides use this file (it needs only the standard library and numpy, so the sandbox
can load it without the rest of the grader).  What crosses is a tree of

    None, bool, int, float, str, list, tuple, dict (str keys),
    numpy arrays and scalars of numeric/bool dtype, and Rng(seed)

(subclasses of these as their base type: ``to_plain``).
Anything else is encoded as ``{"$unsupported": "<type name>"}`` so the parent can say
"your function returned a <type>".  ``decode`` never runs code: it builds fresh, plain
``numpy.ndarray`` objects with ``numpy.frombuffer`` from a whitelist of dtypes, and
refuses oversized or too deeply nested data.  Nothing is ever pickled.
"""
from __future__ import annotations

import base64
import json
import math

import numpy as np

ALLOWED_DTYPES = frozenset(
    "|b1 |i1 |u1 <i2 <u2 <i4 <u4 <i8 <u8 <f2 <f4 <f8 <c8 <c16".split()
)
MAX_DEPTH = 32
MAX_ELEMENTS = 10_000_000


class Rng:
    """Stands for ``numpy.random.default_rng(seed)`` on the far side."""

    __slots__ = ("seed",)

    def __init__(self, seed: int):
        self.seed = int(seed)

    def __eq__(self, other):
        return isinstance(other, Rng) and other.seed == self.seed

    def __hash__(self):
        return hash(("Rng", self.seed))

    def __repr__(self):
        return f"Rng({self.seed})"


class DecodeError(ValueError):
    """The data does not have the plain form above (forged, truncated or too large)."""


class Raw:
    """A tree that ``to_plain`` already produced (passed through unchanged)."""

    __slots__ = ("tree",)

    def __init__(self, tree):
        self.tree = tree


def _type_name(obj) -> str:
    kind = type(obj)
    return f"{kind.__module__}.{kind.__qualname__}"[:80]


def to_plain(obj, *, make_rng=False, depth=0):
    """A JSON-ready tree for ``obj`` (arrays become dicts with base64 data).

    Subclasses cross as their base type, read with the base type's own methods (an
    override is never called): an ndarray subclass (np.matrix, a masked array's data) as
    an ndarray, an OrderedDict or defaultdict as a dict, a namedtuple as a tuple, an
    IntEnum as an int, a str subclass as a str."""
    if depth > MAX_DEPTH:
        return {"$unsupported": "too deeply nested"}
    kind = type(obj)
    if obj is None or kind in (bool, str):
        return obj
    if kind is int:
        return {"$int": str(obj)}
    if kind is float:
        return {"$float": repr(obj)}
    if kind is Rng:
        return {"$rng": obj.seed}
    if kind is Raw:
        return obj.tree
    if kind in (list, tuple):
        items = [to_plain(x, depth=depth + 1) for x in obj]
        return items if kind is list else {"$tuple": items}
    if kind is dict:
        return _dict_to_plain(obj, depth)
    if issubclass(kind, (np.ndarray, np.generic)):
        return _array_to_plain(obj)
    return _subclass_to_plain(obj, kind, depth)


def _dict_to_plain(obj, depth):
    items = list(dict.items(obj))
    if not all(type(k) is str for k, _ in items):
        return {"$unsupported": "dict with non-string keys"}
    return {"$dict": {k: to_plain(v, depth=depth + 1) for k, v in items}}


def _subclass_to_plain(obj, kind, depth):
    """A subclass of a plain type, as that type; anything else is unsupported."""
    if issubclass(kind, int):
        return {"$int": int.__repr__(obj)}
    if issubclass(kind, float):
        return {"$float": float.__repr__(obj)}
    if issubclass(kind, str):
        return str.__str__(obj)
    if issubclass(kind, dict):
        return _dict_to_plain(obj, depth)
    if issubclass(kind, (list, tuple)):
        base = list if issubclass(kind, list) else tuple
        items = [to_plain(x, depth=depth + 1) for x in base.__iter__(obj)]
        return items if base is list else {"$tuple": items}
    return {"$unsupported": _type_name(obj)}


def _array_to_plain(obj):
    scalar = isinstance(obj, np.generic)
    array = np.ndarray.view(obj, np.ndarray) if isinstance(obj, np.ndarray) else np.asarray(obj)
    dtype = array.dtype.newbyteorder("<") if array.dtype.byteorder == ">" else array.dtype
    if dtype.str not in ALLOWED_DTYPES:
        return {"$unsupported": f"numpy array of dtype {array.dtype}"}
    data = np.ascontiguousarray(array, dtype=dtype).tobytes()
    return {
        "$array": base64.b64encode(data).decode("ascii"),
        "dtype": dtype.str,
        "shape": list(array.shape),
        "scalar": scalar,
    }


def dumps(obj) -> bytes:
    return json.dumps(to_plain(obj), separators=(",", ":")).encode()


def loads(data: bytes, *, make_rng=None):
    """Decode ``dumps`` output.  ``make_rng(seed)`` builds an ``Rng`` stand-in's object."""
    try:
        tree = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise DecodeError(f"not plain JSON: {exc}") from None
    return from_plain(tree, make_rng=make_rng)


def from_plain(tree, *, make_rng=None, depth=0):
    if depth > MAX_DEPTH + 2:
        raise DecodeError("too deeply nested")
    if tree is None or type(tree) in (bool, str):
        return tree
    if type(tree) is list:
        return [from_plain(x, make_rng=make_rng, depth=depth + 1) for x in tree]
    if type(tree) is not dict or len(tree) == 0:
        raise DecodeError(f"unexpected {type(tree).__name__}")
    tag = next(iter(tree))
    if tag == "$int":
        text = tree[tag]
        if type(text) is not str or len(text) > 40:
            raise DecodeError("integer too large")
        return int(text)
    if tag == "$float":
        return float(tree[tag])
    if tag == "$rng":
        seed = int(tree[tag])
        return make_rng(seed) if make_rng else Rng(seed)
    if tag == "$tuple":
        return tuple(from_plain(x, make_rng=make_rng, depth=depth + 1) for x in tree[tag])
    if tag == "$dict":
        return {str(k): from_plain(v, make_rng=make_rng, depth=depth + 1) for k, v in tree[tag].items()}
    if tag == "$array":
        return _array_from_plain(tree)
    if tag == "$unsupported":
        return Unsupported(str(tree[tag])[:80])
    raise DecodeError(f"unknown tag {tag[:20]!r}")


def _array_from_plain(tree):
    dtype, shape = tree.get("dtype"), tree.get("shape")
    if dtype not in ALLOWED_DTYPES or type(shape) is not list:
        raise DecodeError("bad array header")
    if len(shape) > 32 or not all(type(n) is int and 0 <= n <= MAX_ELEMENTS for n in shape):
        raise DecodeError("bad array shape")
    count = math.prod(shape)
    if count > MAX_ELEMENTS:
        raise DecodeError("array too large")
    raw = base64.b64decode(tree["$array"], validate=True)
    if len(raw) != count * np.dtype(dtype).itemsize:
        raise DecodeError("array size does not match its shape")
    array = np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
    return array[()] if tree.get("scalar") is True else array


class Unsupported:
    """A value of a type that cannot cross (the learner returned e.g. a generator)."""

    __slots__ = ("type_name",)

    def __init__(self, type_name: str):
        self.type_name = type_name

    def __repr__(self):
        return f"<{self.type_name}>"

    def __eq__(self, other):
        return isinstance(other, Unsupported) and other.type_name == self.type_name

    __hash__ = None
