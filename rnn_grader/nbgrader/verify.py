"""`grade verify COURSE_DIR`: nbgrader's scores checked against the sandbox, and corrected.

    result = verify_course(Path("course"))                 # after `nbgrader autograde day3`
    result.differ     -> [Difference(student, notebook, nbgrader=8.0, sandbox=0.0), ...]
    verify_course(Path("course"), write=True)              # the sandbox's scores into the gradebook

Under `nbgrader autograde` a student's code runs in the same kernel as the hidden tests, so
it can reach them: import the references, replace the check functions, patch numpy, read the
expected values from the kernel's memory.  Here every notebook of ``COURSE/submitted/`` is
graded again by `grade cohort` (each student in a sandbox child, on the student's own inputs:
``course_seed.txt`` and the student id, as the hidden tests draw them) and compared with the
notebook's score in ``COURSE/gradebook.db``, read through nbgrader's own API.

``write``: for each notebook that differs, every graded cell of it gets the sandbox's score of
its check as nbgrader's ``manual_score`` (the score nbgrader uses over the autograder's), so
`nbgrader export` and `nbgrader generate_feedback` give the sandbox's scores.  A rerun then
finds no difference.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rnn_grader.cohort import Cohort, grade_cohort
from rnn_grader.safe import safe_name
from rnn_grader.engine import all_exercises
from rnn_grader.nbgrader.course import ASSIGNMENT
from rnn_grader.nbgrader.hidden import read_course_seed
from rnn_grader.sandbox import Limits

GRADEBOOK = "gradebook.db"
TOLERANCE = 1e-4  # partial credit is a float in both; the CSV shows 4 decimals


class NotACourse(ValueError):
    """COURSE_DIR has no gradebook.db (autograde has not run) or no submitted/ folder."""


@dataclass(frozen=True)
class Difference:
    """One notebook whose nbgrader score is not the sandbox's."""

    student: str
    notebook: str
    nbgrader: float
    sandbox: float

    def to_json(self) -> dict:
        return {"student": safe_name(self.student), "notebook": safe_name(self.notebook),
                "nbgrader": self.nbgrader, "sandbox": self.sandbox}


@dataclass
class Verification:
    """``notebooks``: how many were compared; ``differ``: those whose scores differ (sorted by
    student, notebook); ``written``: True when the sandbox's scores were put in the gradebook."""

    notebooks: int
    differ: list[Difference] = field(default_factory=list)
    written: bool = False
    cohort: Cohort | None = None

    def to_json(self) -> dict:
        return {"notebooks": self.notebooks, "differ": [d.to_json() for d in self.differ]}


def gradebook_url(course: Path) -> str:
    return f"sqlite:///{(Path(course) / GRADEBOOK).resolve()}"


def nbgrader_scores(course: Path) -> dict[str, dict[str, float]]:
    """``{student id: {notebook: score}}`` of the assignment, for the notebooks that are
    declared exercises, read with ``nbgrader.api.Gradebook``."""
    from nbgrader.api import Gradebook, MissingEntry

    known, scores = all_exercises(), {}
    with Gradebook(gradebook_url(course)) as gradebook:
        try:
            assignment = gradebook.find_assignment(ASSIGNMENT)
        except MissingEntry:
            return {}
        for submission in assignment.submissions:
            scores[submission.student.id] = {nb.name: float(nb.score) for nb in submission.notebooks
                                             if nb.name in known}
    return scores


def sandbox_scores(course: Path, names: list[str], *, jobs: int | None, limits: Limits) -> Cohort:
    """Every submission graded again by `grade cohort` on each student's own inputs."""
    return grade_cohort(Path(course), names=names, seed=read_course_seed(course), jobs=jobs, limits=limits)


def verify_course(course: Path, *, write: bool = False, jobs: int | None = None,
                  limits: Limits = Limits()) -> Verification:
    """Compare every autograded notebook with the sandbox; with ``write``, correct the
    gradebook.  NotACourse when COURSE has no gradebook or no submissions; CourseSeedMissing
    (``hidden.py``) when it has no course seed."""
    course = Path(course)
    if not (course / GRADEBOOK).is_file() or not (course / "submitted").is_dir():
        raise NotACourse(str(course))
    graded = nbgrader_scores(course)
    names = sorted({name for notebooks in graded.values() for name in notebooks})
    if not names:
        return Verification(0)
    cohort = sandbox_scores(course, names, jobs=jobs, limits=limits)
    result = Verification(sum(len(notebooks) for notebooks in graded.values()), cohort=cohort)
    for student, notebooks in sorted(graded.items()):
        mine = cohort.students.get(safe_name(student))
        for name, score in sorted(notebooks.items()):
            sandbox = mine.exercises[name].score if mine is not None else 0.0
            if abs(sandbox - score) > TOLERANCE:
                result.differ.append(Difference(student, name, score, sandbox))
    if write and result.differ:
        write_scores(course, result.differ, cohort)
        result.written = True
    return result


def check_scores(cohort: Cohort, student: str, notebook: str) -> dict[str, float]:
    """``{grade cell id: the sandbox's score}`` of one notebook: cell ``<exercise>_<check>``
    gets that check's score (0 for an exercise that did not run, e.g. a missing function)."""
    result = cohort.students.get(safe_name(student))
    exercise = result.exercises.get(notebook) if result is not None else None
    earned = {f"{notebook}_{c.name}": c.score for c in (exercise.checks if exercise else [])}
    return {f"{notebook}_{check.name}": float(earned.get(f"{notebook}_{check.name}", 0.0))
            for check in all_exercises()[notebook].checks}


def write_scores(course: Path, differ: list[Difference], cohort: Cohort) -> None:
    """The sandbox's check scores as nbgrader's manual scores of the differing notebooks."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(gradebook_url(course)) as gradebook:
        for difference in differ:
            for cell, score in check_scores(cohort, difference.student, difference.notebook).items():
                try:
                    grade = gradebook.find_grade(cell, difference.notebook, ASSIGNMENT, difference.student)
                except MissingEntry:
                    continue
                grade.manual_score = min(score, float(grade.max_score))
                grade.needs_manual_grade = False
        gradebook.db.commit()
