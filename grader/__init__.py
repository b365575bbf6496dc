"""rnn-grader: auto-graded exercises and quizzes for Deep Learning Day 3 (recurrent networks).

Where things live:
    grader/engine/        the generic grading engine (declarations, comparisons, scoring)
    grader/declarations/  one small module per exercise: inputs, checks, misconceptions
    grader/sandbox/       running untrusted learner code in an isolated child process
    grader/messages/      the bilingual (ja/en) message catalog
    grader/quiz/          the sympy-based quiz checker
    grader/nbgrader/      writing the nbgrader course
    grader/cohort/        grading a whole class
    grader/cli.py         the `grade` command (a thin click layer)
"""
