"""Running untrusted learner code: a warm worker process that forks one child per job.

    with Sandbox(slot=0) as box:
        replies = box.run_batch(sources, folder, [(module, calls), ...], Limits())

One reply per exercise: ``reply.status`` is ``ok``, ``timeout``, ``crashed``, ``exited``
or ``lost`` and ``reply.answer`` the decoded plain data the child sent back (never
unpickled, never evaluated); ``reply.disturbed`` says that the job was interrupted from
outside (twice: it is retried once), so the result must not be kept as final.  ``worker.py`` is the far side; ``isolation.py`` starts it
inside bubblewrap where that works; ``plain.py`` is the only format that crosses.
"""
__all__ = ["Limits", "JobReply", "Sandbox", "isolation_available"]
WHERE = {"Limits": "limits", "JobReply": "pool", "Sandbox": "pool", "isolation_available": "isolation"}


def __getattr__(name: str):
    """The names above, imported on first use: ``rnn_grader.sandbox.isolation`` alone stays
    cheap to import (`grade` starts its worker with it before loading anything else)."""
    if name not in WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{WHERE[name]}"), name)
