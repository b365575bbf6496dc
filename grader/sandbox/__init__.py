"""Running untrusted learner code: a warm worker process that forks one child per job.

    with Sandbox(slot=0) as box:
        reply = box.run(job, Limits())      # job: plain data (modules, module, calls)

``reply.status`` is ``ok``, ``timeout``, ``crashed`` or ``lost`` and ``reply.answer`` the
decoded plain data the child sent back (never unpickled, never evaluated).
"""
from grader.sandbox.limits import Limits
from grader.sandbox.pool import JobReply, Sandbox
from grader.sandbox.isolation import isolation_available

__all__ = ["Limits", "JobReply", "Sandbox", "isolation_available"]
