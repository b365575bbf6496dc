"""Notebooks: grading the functions a learner wrote in Jupyter or Colab.

    import rnn_grader
    rnn_grader.check("gradient_clipping")     # in a notebook cell

Rooms: ``cells.py`` takes a notebook file's code cells (as `grade cohort` does);
``definitions.py`` keeps only the definitions of notebook code; ``sources.py`` reads what
`grade --submission PATH` grades (modules, notebooks, one notebook); ``kernel.py`` finds
the code a running kernel executed; ``check.py`` is ``check()`` itself; ``html.py``
renders a result for the notebook.  Nothing here is imported by ``import rnn_grader``.
"""
