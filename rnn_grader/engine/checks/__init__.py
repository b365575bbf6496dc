"""The kinds of check an exercise can declare, one file each.

* ``ValueCheck``            -- compare with the reference on drawn inputs (``value.py``)
* ``PropertyCheck``         -- a property of the result must hold (``property.py``)
* ``GradientCheck``         -- a dict of gradients against central differences (``gradient.py``)
* ``ConsistentGradientCheck`` -- gradients judged against the reference's AND the learner's own
                               forward (``consistent_gradient.py``)
* ``SeedDependenceCheck``   -- a random function depends on its generator only (``seed_dependence.py``)
"""
from rnn_grader.engine.checks.calling import CallingCheck, describe_case
from rnn_grader.engine.checks.consistent_gradient import ConsistentGradientCheck
from rnn_grader.engine.checks.gradient import GradientCheck
from rnn_grader.engine.checks.property import NamingPropertyCheck, PropertyCheck
from rnn_grader.engine.checks.seed_dependence import SeedDependenceCheck
from rnn_grader.engine.checks.value import ValueCheck

KINDS = {kind.__name__: kind for kind in (ValueCheck, PropertyCheck, NamingPropertyCheck, GradientCheck,
                                           ConsistentGradientCheck, SeedDependenceCheck)}

__all__ = ["CallingCheck", "ConsistentGradientCheck", "GradientCheck", "KINDS", "NamingPropertyCheck",
           "PropertyCheck", "SeedDependenceCheck", "ValueCheck", "describe_case"]
