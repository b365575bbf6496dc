"""Per-student inputs: the seed of one student's hidden tests, from the course seed and the id.

    seed = student_seed(course_seed, "alice")          # an int in [0, 2**63)
    prepare(exercise, seed)                            # alice's inputs, as `grade cohort` draws them

`grade cohort` (the student id is the folder name) and the nbgrader hidden test cells (the
id is nbgrader's student id, the folder ``autograded/<id>/``) both call this function, so a
student gets the same inputs, and the same score, from both.  The course seed stays with the
instructor: without it, one student's id says nothing about anyone's inputs, and outputs
copied from another student answer other inputs.
"""
from __future__ import annotations

import hashlib

SEED_BITS = 63


def id_bytes(student_id: str) -> bytes:
    """The id as bytes: a folder name's own bytes (``os.fsencode``), any other text as UTF-8
    with lone surrogates kept, so that no two ids share their bytes."""
    try:
        return student_id.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return student_id.encode("utf-8", "surrogatepass")


def student_seed(course_seed: int, student_id: str) -> int:
    """The seed of ``student_id``'s inputs under ``course_seed``: a SHA-256 of both, as a
    non-negative 63-bit int (what ``grading.exercise_rng`` takes as its seed)."""
    digest = hashlib.sha256(b"rnn-grader student seed\0" + str(int(course_seed)).encode() + b"\0"
                            + id_bytes(student_id)).digest()
    return int.from_bytes(digest[:8], "big") >> (64 - SEED_BITS)
