"""rnn-grader: auto-graded exercises and quizzes for Deep Learning Day 3 (recurrent networks).

Where things live:
    rnn_grader/engine/        the generic grading engine (declarations, comparisons, scoring)
    rnn_grader/declarations/  one small module per exercise: inputs, checks, misconceptions
    rnn_grader/sandbox/       running untrusted learner code in an isolated child process
    rnn_grader/messages/      the bilingual (ja/en) message catalog
    rnn_grader/quiz/          the sympy-based quiz checker
    rnn_grader/nbgrader/      writing the nbgrader course
    rnn_grader/cohort/        grading a whole class
    rnn_grader/cli.py         the `grade` command (a thin click layer)
"""
