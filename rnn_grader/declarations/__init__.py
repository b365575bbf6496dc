"""One module per exercise: what to draw, what to check, which mistakes to name.

Each module defines ``EXERCISE`` (a ``rnn_grader.engine.Exercise``) and ``ORDER`` (its place in
the curriculum).  The learner stub is ``exercises/<name>.py``, the reference
``solutions/<name>.py``.
"""
