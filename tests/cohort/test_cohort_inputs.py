"""Class 2 of issue 12: inputs per student.  Each student's hidden inputs are drawn from the
course seed and the student's id (the folder name), the same way the nbgrader hidden tests
draw them, so another student's outputs are worthless."""
from __future__ import annotations

import numpy as np

from cohort_builders import references, write_modules
from rnn_grader.cohort import grade_cohort
from rnn_grader.cohort.inputs import ClassInputs
from rnn_grader.engine import all_exercises, prepare, select
from rnn_grader.engine.seeds import student_seed
from solutions.gradient_clipping import gradient_clipping as reference

CLIP = "gradient_clipping"
REPLAY = '''import numpy as np

# alice's outputs, in the order the grader called her function
_OUTPUTS = {outputs!r}
_calls = iter(_OUTPUTS)


def gradient_clipping(grad, threshold):
    return np.array(next(_calls), dtype=float).reshape(np.shape(grad))
'''


def outputs_of(student: str, course_seed: int) -> list:
    """What a right solution returns on ``student``'s inputs, call by call (plain lists)."""
    prepared = prepare(all_exercises()[CLIP], student_seed(course_seed, student))
    return [reference(*call.args).tolist() for ready in prepared for call in ready.calls]


def test_replaying_another_students_outputs_scores_zero(tmp_path):
    replay = {CLIP: REPLAY.format(outputs=outputs_of("alice", 7))}
    write_modules(tmp_path / "class" / "alice", references([CLIP]))
    write_modules(tmp_path / "class" / "bob", replay)
    cohort = grade_cohort(tmp_path / "class", names=[CLIP], seed=7, jobs=2)
    assert cohort.students["alice"].all_passed
    assert cohort.students["bob"].score == 0.0                # alice's answers, bob's inputs
    # the control: the same replay handed in as alice gets full marks, so only the inputs differ
    write_modules(tmp_path / "control" / "alice", replay)
    assert grade_cohort(tmp_path / "control", names=[CLIP], seed=7, jobs=1).students["alice"].all_passed


def test_students_get_different_inputs_and_the_seed_says_which():
    inputs = ClassInputs(select([CLIP]), course_seed=7)
    alice, bob = inputs.of("alice"), inputs.of("bob")
    assert alice.seed == student_seed(7, "alice") and bob.seed == student_seed(7, "bob")
    first_grad = [np.asarray(mine.checks[CLIP][0].calls[0].args[0]) for mine in (alice, bob)]
    assert not np.array_equal(*first_grad)
    again = prepare(all_exercises()[CLIP], alice.seed)       # `grade --seed <alice's seed>` repeats it
    assert all(np.array_equal(a.calls[0].args[0], b.calls[0].args[0])
               for a, b in zip(again, alice.checks[CLIP]))


def test_checks_that_draw_nothing_are_prepared_once():
    """conv_output_size's first check has fixed cases: prepared once, shared by everyone;
    its other checks are drawn per student."""
    exercise = all_exercises()["conv_output_size"]
    inputs = ClassInputs([exercise], course_seed=0)
    a, b = inputs.of("a"), inputs.of("b")
    assert [index for _, index in inputs.fixed] == [0]
    assert a.checks[exercise.name][0] is b.checks[exercise.name][0]
    assert a.checks[exercise.name][1] is not b.checks[exercise.name][1]
    assert a.checks[exercise.name][1].calls != b.checks[exercise.name][1].calls


def test_the_cohort_result_carries_each_students_seed(tmp_path):
    for student in ("ann", "ben"):
        write_modules(tmp_path / student, references([CLIP]))
    cohort = grade_cohort(tmp_path, names=[CLIP], seed=3, jobs=1)
    assert {s: r.seed for s, r in cohort.students.items()} == {s: student_seed(3, s) for s in ("ann", "ben")}
    assert all(r.all_passed for r in cohort.students.values())


def test_an_nbgrader_courses_own_seed_is_the_default(tmp_path):
    """`grade cohort COURSE` (or COURSE/submitted) draws the inputs the hidden tests draw."""
    from rnn_grader.cohort.cli import course_seed

    course = tmp_path / "course"
    (course / "submitted").mkdir(parents=True)
    (course / "nbgrader_config.py").write_text("c = get_config()\n")
    (course / "course_seed.txt").write_text("424242\n")
    assert course_seed(course) == 424242 and course_seed(course / "submitted") == 424242
    assert course_seed(tmp_path) == 0
