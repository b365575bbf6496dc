"""Grading a whole class: `grade cohort DIR`.

    from rnn_grader.cohort import grade_cohort, write_csv
    cohort = grade_cohort(Path("submissions"), seed=0, state_dir=Path("grades.csv.state"))
    write_csv(cohort, Path("grades.csv"))

Rooms: ``collect.py`` finds the students and reads their modules / notebooks
(``notebooks.py``) and quiz.json (``quizzes.py``); ``inputs.py`` prepares each student's
own inputs (course seed + folder name); ``run.py`` grades them in parallel sandboxes;
``state.py`` saves each finished student for resuming; ``gradebook.py`` writes the CSV and
JSON and summarizes each exercise; ``safe.py`` makes untrusted names and text safe for
them; ``cli.py`` is the click command.
"""
from rnn_grader.cohort.gradebook import ExerciseSummary, cohort_json, render_summary, summarize, write_csv
from rnn_grader.cohort.quizzes import QuizAnswer
from rnn_grader.cohort.run import Cohort, grade_cohort

__all__ = ["Cohort", "ExerciseSummary", "QuizAnswer", "cohort_json", "grade_cohort",
           "render_summary", "summarize", "write_csv"]
