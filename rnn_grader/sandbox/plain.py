"""Plain data across the sandbox boundary: JSON with arrays as base64 bytes.

Both sides use this file (it needs only the standard library and numpy, so the sandbox
can load it without the rest of the grader).  What crosses is a tree of

    None, bool, int, float, str, list, tuple, dict (str keys),
    numpy arrays and scalars of numeric/bool dtype, and Rng(seed)

(subclasses of these as their base type: ``to_plain``).
Anything else is encoded as ``{"$unsupported": "<type name>"}`` so the parent can say
"your function returned a <type>".

Two framings: ``dumps`` writes one JSON text (arrays as base64 strings: the form the
grader keeps trees in, ``Raw``); a ``Packer`` writes ``BINARY``, the JSON header's 4-byte
length, the header, then the arrays' raw bytes, which the header refers to as
``{"$blob": [offset, length], ...}`` -- no base64 and no JSON string to scan for a
megabyte of learner output.  ``loads`` reads both.  ``decode`` never runs code: it builds fresh, plain
``numpy.ndarray`` objects with ``numpy.frombuffer`` from a whitelist of dtypes, and
refuses oversized or too deeply nested data.  Nothing is ever pickled.
"""
from __future__ import annotations

import base64
import hashlib
import json
import math

import numpy as np

ALLOWED_DTYPES = frozenset(
    "|b1 |i1 |u1 <i2 <u2 <i4 <u4 <i8 <u8 <f2 <f4 <f8 <c8 <c16".split()
)
MAX_DEPTH = 32
WRAPPING = 8    # levels a reply adds around a value the child encoded (answer, calls, outcome, ...)
MAX_ELEMENTS = 10_000_000
BINARY = b"PLB1"


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


class TooLarge(DecodeError):
    """The JSON part is larger than the reader takes (``unframe``'s ``max_header``)."""


class Raw:
    """A tree that ``to_plain`` already produced (passed through unchanged)."""

    __slots__ = ("tree",)

    def __init__(self, tree):
        self.tree = tree


def _type_name(obj) -> str:
    kind = type(obj)
    return f"{kind.__module__}.{kind.__qualname__}"[:80]


def to_plain(obj, *, make_rng=False, depth=0, packer=None):
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
        items = [to_plain(x, depth=depth + 1, packer=packer) for x in obj]
        return items if kind is list else {"$tuple": items}
    if kind is dict:
        return _dict_to_plain(obj, depth, packer)
    if issubclass(kind, (np.ndarray, np.generic)):
        return _array_to_plain(obj, packer)
    return _subclass_to_plain(obj, kind, depth, packer)


def _dict_to_plain(obj, depth, packer):
    items = list(dict.items(obj))
    if not all(type(k) is str for k, _ in items):
        return {"$unsupported": "dict with non-string keys"}
    return {"$dict": {k: to_plain(v, depth=depth + 1, packer=packer) for k, v in items}}


def _subclass_to_plain(obj, kind, depth, packer):
    """A subclass of a plain type, as that type; anything else is unsupported."""
    if issubclass(kind, int):
        return {"$int": int.__repr__(obj)}
    if issubclass(kind, float):
        return {"$float": float.__repr__(obj)}
    if issubclass(kind, str):
        return str.__str__(obj)
    if issubclass(kind, dict):
        return _dict_to_plain(obj, depth, packer)
    if issubclass(kind, (list, tuple)):
        base = list if issubclass(kind, list) else tuple
        items = [to_plain(x, depth=depth + 1, packer=packer) for x in base.__iter__(obj)]
        return items if base is list else {"$tuple": items}
    return {"$unsupported": _type_name(obj)}


def _array_to_plain(obj, packer=None):
    scalar = isinstance(obj, np.generic)
    array = np.ndarray.view(obj, np.ndarray) if isinstance(obj, np.ndarray) else np.asarray(obj)
    dtype = array.dtype.newbyteorder("<") if array.dtype.byteorder == ">" else array.dtype
    if dtype.str not in ALLOWED_DTYPES:
        return {"$unsupported": f"numpy array of dtype {array.dtype}"}
    data = np.ascontiguousarray(array, dtype=dtype).tobytes()
    head = {"dtype": dtype.str, "shape": list(array.shape), "scalar": scalar}
    if packer is not None:
        return {"$blob": packer.add(data), **head}
    return {"$array": base64.b64encode(data).decode("ascii"), **head}


def dumps(obj) -> bytes:
    return json.dumps(to_plain(obj), separators=(",", ":")).encode()


class Packer:
    """Builds one binary frame: ``packer.to_plain(value)`` gives a tree whose arrays are
    kept aside as bytes (a ``Raw`` of it may go into the frame later), ``packer.dumps(obj)``
    the frame.  Bytes of a tree that was never put in the frame are carried along unused."""

    def __init__(self):
        self.blobs, self.size = [], 0

    def to_plain(self, obj):
        return to_plain(obj, packer=self)

    def add(self, data: bytes) -> list:
        offset = self.size
        self.blobs.append(data)
        self.size += len(data)
        return [offset, len(data)]

    def dumps(self, obj) -> bytes:
        return frame(to_plain(obj, packer=self), self.blobs)

    def blob_tree(self, tree):
        """``tree`` (a ``to_plain`` tree) with its base64 arrays moved into this frame's bytes."""
        if type(tree) is list:
            return [self.blob_tree(item) for item in tree]
        if type(tree) is not dict:
            return tree
        if "$array" in tree:
            head = {k: v for k, v in tree.items() if k != "$array"}
            return {"$blob": self.add(base64.b64decode(tree["$array"])), **head}
        return {key: self.blob_tree(value) for key, value in tree.items()}


def frame(tree, blobs) -> bytes:
    """A binary frame: ``BINARY``, the header's length, the header (``tree`` as JSON), the bytes."""
    header = json.dumps(tree, separators=(",", ":")).encode()   # ASCII: a lone surrogate (a path) crosses too
    return b"".join([BINARY, len(header).to_bytes(4, "big"), header, *blobs])


class Blobs:
    """A binary frame's array bytes, each lent at most once: a frame of n bytes never
    decodes to more than n bytes of arrays (a forged header cannot point a thousand arrays
    at the same megabyte)."""

    def __init__(self, view: memoryview):
        self.view, self.left = view, len(view)

    def take(self, where) -> bytes:
        """The bytes ``[offset, length]``, checked, as our own immutable copy."""
        if type(where) is not list or len(where) != 2 or not all(type(n) is int for n in where):
            raise DecodeError("bad array reference")
        offset, length = where
        if offset < 0 or length < 0 or offset + length > len(self.view):
            raise DecodeError("array reference out of the frame")
        self.left -= length
        if self.left < 0:
            raise DecodeError("the frame's arrays overlap")
        return bytes(self.view[offset:offset + length])


def unframe(data: bytes, max_header: int | None = None):
    """(tree, its ``Blobs``) of a binary frame; (tree, None) of plain JSON.  ``max_header``:
    the most JSON bytes read (a reply from a child: parsing is what costs, ~50× its size in
    memory, so a forged megabyte of ``[],[],…`` is refused before it is parsed)."""
    blobs = None
    if bytes(data[:len(BINARY)]) == BINARY:
        size = int.from_bytes(data[len(BINARY):len(BINARY) + 4], "big")
        start = len(BINARY) + 4
        if start + size > len(data):
            raise DecodeError("truncated frame")
        blobs = Blobs(memoryview(data)[start + size:])
        data = data[start:start + size]
    if max_header is not None and len(data) > max_header:
        raise TooLarge("the JSON part is too large")
    try:
        return json.loads(data), blobs
    except (ValueError, RecursionError) as exc:
        raise DecodeError(f"not plain JSON: {exc}") from None


def loads(data: bytes, *, make_rng=None, readonly=False, max_header=None):
    """Decode ``dumps`` or ``Packer.dumps`` output.  ``make_rng(seed)`` builds an ``Rng``
    stand-in's object; ``readonly`` makes every array read-only for good (``_array_from_plain``);
    ``max_header``: see ``unframe``."""
    tree, blobs = unframe(data, max_header)
    return from_plain(tree, make_rng=make_rng, readonly=readonly, blobs=blobs)


def from_plain(tree, *, make_rng=None, depth=0, readonly=False, blobs=None):
    """The value ``tree`` stands for; ``blobs``: the raw bytes a binary frame's ``$blob``
    arrays refer to (None: the tree has none)."""
    if depth > MAX_DEPTH + WRAPPING:
        raise DecodeError("too deeply nested")
    if tree is None or type(tree) in (bool, str):
        return tree
    if type(tree) is list:
        return [from_plain(x, make_rng=make_rng, depth=depth + 1, readonly=readonly, blobs=blobs) for x in tree]
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
        if type(tree[tag]) is not list:
            raise DecodeError("a tuple must be a list")
        return tuple(from_plain(x, make_rng=make_rng, depth=depth + 1, readonly=readonly, blobs=blobs)
                     for x in tree[tag])
    if tag == "$dict":
        if type(tree[tag]) is not dict:
            raise DecodeError("a dict must be an object")
        return {str(k): from_plain(v, make_rng=make_rng, depth=depth + 1, readonly=readonly, blobs=blobs)
                for k, v in tree[tag].items()}
    if tag == "$array":
        return _array_from_plain(tree, readonly)
    if tag == "$blob":
        return _array_from_plain(tree, readonly, blobs)
    if tag == "$unsupported":
        return Unsupported(str(tree[tag])[:80])
    raise DecodeError(f"unknown tag {tag[:20]!r}")


def _array_from_plain(tree, readonly=False, blobs=None):
    """A fresh array; with ``readonly`` a view on immutable bytes, whose WRITEABLE flag cannot
    be set again: the learner's function gets its inputs so, and cannot change them in place.
    ``blobs``: where a ``$blob`` array's bytes are."""
    dtype, shape = tree.get("dtype"), tree.get("shape")
    if dtype not in ALLOWED_DTYPES or type(shape) is not list:
        raise DecodeError("bad array header")
    if len(shape) > 32 or not all(type(n) is int and 0 <= n <= MAX_ELEMENTS for n in shape):
        raise DecodeError("bad array shape")
    count = math.prod(shape)
    if count > MAX_ELEMENTS:
        raise DecodeError("array too large")
    if "$blob" in tree:
        if blobs is None:
            raise DecodeError("an array reference outside a binary frame")
        raw = blobs.take(tree["$blob"])
    else:
        raw = base64.b64decode(tree["$array"], validate=True)
    if len(raw) != count * np.dtype(dtype).itemsize:
        raise DecodeError("array size does not match its shape")
    array = np.frombuffer(raw, dtype=dtype).reshape(shape)
    if not readonly:
        array = array.copy()
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


# ----------------------------------------------------------------------------- digests
# An argument's digest is the same whether it is computed from the value (in the child,
# after the call; or from the grader's own values) or from its plain tree (what the
# grader sent): the grader compares the two to see whether a call changed its inputs.
# Arrays count by dtype, shape and bytes; a random generator counts as unchanged (its
# state is not an input a learner could corrupt); any other object differs.

READ_ONLY = "read-only"   # in place of the digest of an input array that is still read-only after the call


def value_digest(value) -> str:
    """The digest of a value as decoded on the far side (or as the grader holds it)."""
    digest = hashlib.blake2b(digest_size=16)
    _feed_value(digest.update, value, 0)
    return digest.hexdigest()


def tree_digest(tree) -> str:
    """The digest of the value that ``tree`` (a ``to_plain`` tree) stands for."""
    digest = hashlib.blake2b(digest_size=16)
    _feed_tree(digest.update, tree, 0)
    return digest.hexdigest()


def _feed_array(feed, dtype: str, shape, data, scalar: bool) -> None:
    feed(b"a" if not scalar else b"c")
    feed(f"{dtype}|{','.join(str(int(n)) for n in shape)}|{len(data)};".encode())
    feed(data)


def _feed_value(feed, value, depth) -> None:
    kind = type(value)
    if depth > MAX_DEPTH:
        feed(b"?deep;")
    elif value is None:
        feed(b"N;")
    elif kind is bool:
        feed(b"T;" if value else b"F;")
    elif kind is int:
        feed(f"i{value};".encode())
    elif kind is float:
        feed(f"f{value!r};".encode())
    elif kind is str:
        feed(f"s{len(value)}:".encode() + value.encode("utf-8", "surrogatepass"))
    elif kind is Rng or kind is np.random.Generator:
        feed(b"R;")
    elif kind in (list, tuple):
        feed(b"[" if kind is list else b"(")
        for item in value:
            _feed_value(feed, item, depth + 1)
        feed(b"];")
    elif kind is dict:
        feed(b"{")
        for key, item in value.items():
            _feed_value(feed, key, depth + 1)
            _feed_value(feed, item, depth + 1)
        feed(b"};")
    elif kind is np.ndarray or isinstance(value, np.generic):
        array = np.asarray(value)
        dtype = array.dtype.newbyteorder("<") if array.dtype.byteorder == ">" else array.dtype
        data = np.ascontiguousarray(array, dtype=dtype).tobytes() if dtype.str in ALLOWED_DTYPES else b""
        _feed_array(feed, dtype.str if data or array.size == 0 else "?", array.shape, data,
                    isinstance(value, np.generic))
    else:
        feed(f"?{_type_name(value)};".encode())


def _feed_tree(feed, tree, depth) -> None:
    if depth > MAX_DEPTH:
        feed(b"?deep;")
    elif tree is None or type(tree) in (bool, str):
        _feed_value(feed, tree, depth)
    elif type(tree) is list:
        feed(b"[")
        for item in tree:
            _feed_tree(feed, item, depth + 1)
        feed(b"];")
    elif type(tree) is dict and len(tree) > 0:
        tag = next(iter(tree))
        body = tree[tag]
        if tag == "$int":
            feed(f"i{int(body)};".encode())
        elif tag == "$float":
            feed(f"f{float(body)!r};".encode())
        elif tag == "$rng":
            feed(b"R;")
        elif tag == "$tuple":
            feed(b"(")
            for item in body:
                _feed_tree(feed, item, depth + 1)
            feed(b"];")
        elif tag == "$dict":
            feed(b"{")
            for key, item in body.items():
                _feed_value(feed, key, depth + 1)
                _feed_tree(feed, item, depth + 1)
            feed(b"};")
        elif tag == "$array":
            _feed_array(feed, tree["dtype"], tree["shape"], base64.b64decode(body), tree.get("scalar") is True)
        else:
            feed(f"?{tag[:20]};".encode())
    else:
        feed(b"?;")
