"""The code a learner has run: the cells a Jupyter / Colab kernel executed, or the script.

In a kernel, IPython keeps every executed cell's source, in order, in ``In`` (magics
already turned into Python).  Outside IPython, the running script (``__main__``) is read.
"""
from __future__ import annotations

import sys


def shell():
    """The running IPython shell, or None (IPython not imported means none is running)."""
    if "IPython" not in sys.modules:
        return None
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return get_ipython()


def in_kernel() -> bool:
    """Running in a Jupyter or Colab kernel (which can show HTML), not a terminal IPython."""
    return getattr(shell(), "kernel", None) is not None


def executed_cells() -> list[tuple[int | None, str]] | None:
    """``(execution count, source)`` of every cell the learner ran, oldest first (the count is
    None for a script, read whole); None when there is no way to know them."""
    running = shell()
    if running is not None:
        history = running.user_ns.get("In") or getattr(running.history_manager, "input_hist_parsed", [])
        return [(count, str(cell)) for count, cell in enumerate(history) if cell]
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if path and path.endswith(".py"):
        try:
            with open(path, encoding="utf-8") as handle:
                return [(None, handle.read())]
        except OSError:
            return None
    return None
