"""For the report tests: a really graded class, and a small HTML parser to read the page back.

``grade_class`` writes right, wrong and hostile submissions of gradient_clipping (and some
quiz answers), grades them with the engine in the session sandbox and wraps the results in a
Cohort-like object; ``parse`` turns the page into a tree of ``Node``s (html.parser)."""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

from rnn_grader.engine import grade_submission, select
from rnn_grader.sandbox import Limits
from tests.conftest import reference_source, stub_source

EXERCISE = "gradient_clipping"
XSS_NAME = "<script>alert('name')</script>"
XSS_ANSWER = "</script><img src=x onerror=alert(1)>"
XSS_ERROR = "<img src=y onerror=alert(2)>"
LIMITS = Limits(wall_seconds=1.5, cpu_seconds=1.5)


def formula(body: str) -> str:
    """A gradient_clipping module returning ``body`` (in terms of grad, threshold, norm)."""
    return ("import numpy as np\n\n\ndef gradient_clipping(grad, threshold):\n"
            f"    norm = np.linalg.norm(grad)\n    return {body}\n")


ALTERNATIVE = """
import numpy as np


def gradient_clipping(grad, threshold):
    norm = np.sqrt(np.sum(grad ** 2))
    return grad * (threshold / norm) if norm > threshold else grad.copy()
"""

# student folder name -> module source (None: no module at all)
STUDENTS = {
    "alice": reference_source(EXERCISE),
    "bob": ALTERNATIVE,
    "carol": formula("grad / norm"),                          # divide_by_norm
    "dave": formula("grad / norm"),                           # divide_by_norm
    "erin": formula("grad / threshold"),   # divide_by_threshold (alone: the edge case names neither)
    "frank": formula("np.clip(grad, -threshold, threshold)"),  # elementwise_clip
    "grace": formula("grad * 0.5"),                           # wrong, no known misconception
    "heidi": stub_source(EXERCISE),                           # returns None
    "ivan": "def gradient_clipping(grad, threshold):\n    while True:\n        pass\n",   # timeout
    "judy": "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n",                 # crashed
    "mallory": (f"print({XSS_ANSWER!r})\n\n\ndef gradient_clipping(grad, threshold):\n"  # error, prints HTML
                f"    raise ValueError({XSS_ERROR!r})\n"),
    "niaj": None,                                             # missing
    XSS_NAME: (f"print({XSS_ANSWER!r})\n" + formula("grad / norm")),  # divide_by_norm, prints HTML
}

QUIZ = {
    "alice": {"chain_rule": "2(x+y)", "clip_choice": "1", "gru_dh_dhprev": "1 - z"},
    "carol": {"chain_rule": "2x", "clip_choice": "2"},
    XSS_NAME: {"chain_rule": XSS_ANSWER, XSS_ANSWER: "1"},
}


def grade_class(root: Path, sandbox, students: dict = STUDENTS, quiz: dict = QUIZ):
    """Write each student's folder under ``root``, grade it, and return a Cohort-like object
    (.root .seed .isolated .exercises .students .quiz .elapsed)."""
    from rnn_grader.cohort.quizzes import grade_quiz

    started = time.perf_counter()
    exercises = select([EXERCISE])
    results = {}
    for k, (student, source) in enumerate(sorted(students.items())):
        folder = root / f"student{k}"   # the folder on disk; the name shown is the dict key
        folder.mkdir(parents=True)
        if source is not None:
            (folder / f"{EXERCISE}.py").write_text(source, encoding="utf-8")
        results[student] = grade_submission(folder, exercises, seed=0, sandbox=sandbox, limits=LIMITS)
    answers = {s: grade_quiz(json.dumps(a).encode()) for s, a in sorted(quiz.items())}
    return SimpleNamespace(root=root, seed=0, isolated=True, exercises=exercises, students=results,
                           quiz=answers, elapsed=time.perf_counter() - started)


# ----------------------------------------------------------------------------- reading the page
VOID = {"meta", "img", "br", "hr", "input", "link", "source", "area", "base", "col", "embed", "wbr"}


@dataclass
class Node:
    """An element of the parsed page: tag, attributes, children (Nodes and strings)."""

    tag: str
    attrs: dict
    children: list = field(default_factory=list)
    parent: "Node | None" = None

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str, **attrs) -> list["Node"]:
        return [n for n in self.iter() if n.tag == tag
                and all(n.attrs.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())]

    def find(self, tag: str, **attrs) -> "Node":
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag} {attrs}>"
        return found[0]

    def by_id(self, element_id: str) -> "Node":
        found = [n for n in self.iter() if n.attrs.get("id") == element_id]
        assert len(found) == 1, f"{len(found)} elements with id {element_id!r}"
        return found[0]

    def rows(self) -> list[list[str]]:
        """The body rows of a table as lists of cell texts (stripped)."""
        return [[" ".join(c.text().split()) for c in tr.children if isinstance(c, Node)]
                for tr in self.find("tbody").find_all("tr")]


class TreeBuilder(HTMLParser):
    """html.parser -> Node tree, the way a browser nests elements for well-formed markup."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), parent=self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, dict(attrs), parent=self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None and node.parent is not None, f"stray </{tag}>"
        self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(page: str) -> Node:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.current is builder.root, f"unclosed <{builder.current.tag}>"
    return builder.root
