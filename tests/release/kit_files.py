"""Reading a written kit, and the lines it must never hold."""
from __future__ import annotations

import ast
import base64
import gzip
import json
from pathlib import Path

from rnn_grader.sandbox import plain

ROOT = Path(__file__).resolve().parents[2]
SEALED = "rnn_grader/quiz_items.json"
SHORTEST_LINE = 12   # shorter lines (`return grad`) are too generic to mean a leak


def kit_texts(kit: Path) -> dict[str, str]:
    """Every file of the kit as text (gzipped bank files decompressed; the sealed quiz items
    without their ids and questions, which learners see anyway)."""
    texts = {}
    for path in kit.rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            data = path.read_bytes()
            if path.suffix == ".gz":
                texts[str(path.relative_to(kit))] = bank_text(gzip.decompress(data))
                continue
            texts[str(path.relative_to(kit))] = data.decode("utf-8", "replace")
    texts[SEALED] = json.dumps(sealed_answers(kit), ensure_ascii=False)
    return texts


def bank_text(data: bytes) -> str:
    """A practice set file as JSON text, its arrays written back as base64 (as ``plain.dumps``
    writes them), so that a search for an array's base64 finds it there too."""
    tree, blobs = plain.unframe(data)
    assert blobs is not None, "a practice set is a binary frame"

    def with_base64(node):
        if isinstance(node, list):
            return [with_base64(item) for item in node]
        if not isinstance(node, dict):
            return node
        if "$blob" in node:
            offset, length = node["$blob"]
            head = {k: v for k, v in node.items() if k != "$blob"}
            return {"$array": base64.b64encode(bytes(blobs.view[offset:offset + length])).decode(), **head}
        return {key: with_base64(value) for key, value in node.items()}

    return json.dumps(with_base64(tree), ensure_ascii=False)


def sealed_answers(kit: Path) -> list:
    """The sealed quiz items without what is public: the id and the question."""
    items = json.loads((kit / SEALED).read_text(encoding="utf-8"))
    return [{k: v for k, v in entry.items() if k not in ("id", "question")} for entry in items.values()]


def given_lines() -> set[str]:
    """Lines the stubs give learners anyway (helpers such as ``sigmoid``)."""
    return {line.strip() for path in (ROOT / "exercises").glob("*.py") for line in path.read_text().splitlines()}


def reference_lines() -> dict[str, str]:
    """Each line of a reference function body (docstrings and comments aside) -> its file."""
    given, found = given_lines(), {}
    for path in sorted((ROOT / "solutions").glob("*.py")):
        source = path.read_text()
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.FunctionDef):
                continue
            body = node.body[1:] if ast.get_docstring(node) else node.body
            for statement in body:
                for line in lines[statement.lineno - 1:statement.end_lineno]:
                    text = line.strip()
                    if len(text) >= SHORTEST_LINE and text not in given and not text.startswith("#"):
                        found.setdefault(text, path.name)
    return found
