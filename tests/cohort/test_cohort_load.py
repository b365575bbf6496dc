"""Load: 300 students, right, wrong and hostile mixed, graded on this machine's cores.

Nothing is lost under load: every student has a row, every right submission has full marks,
every wrong or hostile one loses points only where it is wrong, and files outside the
submissions are untouched.
"""
import csv
import textwrap

import pytest

from rnn_grader.cohort import grade_cohort, write_csv
from rnn_grader.sandbox import Limits
from tests.cohort.cohort_builders import WRONG_CLIPPING
from tests.conftest import reference_source
from tests.sandbox.test_sandbox_hostile import CORPUS, NEEDS_ISOLATION

NAMES = ["gradient_clipping", "gru_update", "birnn_concat"]
STUDENTS = 300
HOSTILE = sorted(set(CORPUS) - NEEDS_ISOLATION)


def kind_of(index: int) -> str:
    return ("right", "right", "right", "wrong", "hostile")[index % 5]


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("class")
    canary = tmp_path_factory.mktemp("outside") / "canary.txt"
    canary.write_text("untouched")
    prelude = f"CANARY = {str(canary)!r}\nPROJECT = '/nonexistent'\n"
    for index in range(STUDENTS):
        folder = root / f"student{index:03d}"
        folder.mkdir()
        for name in NAMES:
            (folder / f"{name}.py").write_text(reference_source(name))
        kind = kind_of(index)
        if kind == "wrong":
            (folder / "gradient_clipping.py").write_text(WRONG_CLIPPING)
        elif kind == "hostile":
            source, _ = CORPUS[HOSTILE[(index // 5) % len(HOSTILE)]]
            (folder / "gradient_clipping.py").write_text(prelude + textwrap.dedent(source))
    cohort = grade_cohort(root, names=NAMES, seed=0, jobs=2,
                          limits=Limits(wall_seconds=1.0, cpu_seconds=1.0, memory_mb=512))
    out = root.parent / "grades.csv"
    write_csv(cohort, out)
    return cohort, out, canary


def test_every_student_has_a_row(graded):
    cohort, out, _ = graded
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == STUDENTS == len(cohort.students)
    assert {r["student"] for r in rows} == {f"student{i:03d}" for i in range(STUDENTS)}


def test_right_submissions_have_full_marks(graded):
    cohort, _, _ = graded
    for index in range(STUDENTS):
        result = cohort.students[f"student{index:03d}"]
        if kind_of(index) == "right":
            assert result.score == result.max_score, index
        else:  # wrong or hostile: only gradient_clipping loses points
            assert result.exercises["gradient_clipping"].score == 0, index
            assert all(result.exercises[n].status == "passed" for n in NAMES[1:]), index


def test_nothing_outside_the_submissions_changed(graded):
    _, _, canary = graded
    assert canary.read_text() == "untouched"
