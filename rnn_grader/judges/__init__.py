"""Judging code of an exercise that needs no answer: properties of a result, comparisons.

A declaration (``rnn_grader/declarations/<name>.py``) may compute right answers (it imports the
reference); what a check needs at judging time must not.  Such code lives here, one module per
exercise that needs any, and ships to learners with the kit (``grade release``): a check's
judging attributes may only refer to functions of ``rnn_grader.engine`` and of this package
(``rnn_grader.engine.bank`` refuses anything else when the kit is written).
"""
