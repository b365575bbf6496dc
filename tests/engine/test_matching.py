"""Naming a misconception: ``wrong_values`` on the grader's side, ``named`` when judging."""
import numpy as np

from rnn_grader.engine import Misconception, Outcome, Text
from rnn_grader.engine.compare import compare_value, same_nan_pattern
from rnn_grader.engine.matching import named, wrong_values

T = Text(en="x", ja="x")


def same(got, wanted):
    return compare_value(got, wanted) is None


def test_a_value_is_named_when_reproduced_and_wrong():
    doubled = Misconception("doubled", lambda x: 2 * x, T)
    values = wrong_values([doubled], (np.arange(3.0),))
    assert named([doubled], values, Outcome(value=np.arange(3.0) * 2), np.arange(3.0), same) is doubled
    assert named([doubled], values, Outcome(value=np.arange(3.0) * 3), np.arange(3.0), same) is None


def test_a_formula_that_equals_the_answer_on_this_case_names_nothing():
    """At x = 0, 2x is also right: the evidence does not single the mistake out."""
    doubled = Misconception("doubled", lambda x: 2 * x, T)
    values = wrong_values([doubled], (np.zeros(3),))
    assert named([doubled], values, Outcome(value=np.zeros(3)), np.zeros(3), same) is None


def test_the_same_error_names_a_raising_formula():
    product = Misconception("matrix_product", lambda a, b: np.dot(a, b), T)
    values = wrong_values([product], (np.ones((2, 3)), np.ones((2, 3))))
    assert values[0][0] == "raised"
    raised = Outcome(error=values[0][1])
    assert named([product], values, raised, None, same) is product
    assert named([product], values, Outcome(error="ValueError: something else"), None, same) is None


def test_no_formula_no_value_and_a_match_of_its_own():
    structural = Misconception("structural", None, T)
    nan = Misconception("unstable", lambda x: np.array([np.nan, 1.0]), T, match=same_nan_pattern)
    values = wrong_values([structural, nan], (None,))
    assert values[0] is None
    got = Outcome(value=np.array([np.nan, 1.0 + 1e-12]))
    assert named([structural, nan], values, got, np.array([0.5, 0.5]), same) is nan


def test_formulas_get_copies_of_the_arguments():
    def mutating(x):
        x[0] = 99.0
        return x

    x = np.zeros(2)
    wrong_values([Misconception("m", mutating, T)], (x,))
    assert x[0] == 0.0


def test_a_misconception_value_is_computed_only_when_a_failing_case_needs_it():
    """``singled_out`` stops at a misconception's first unexplained failure, and a case the
    learner got right never computes any: an answer wrong on every case costs one value per
    misconception, not one per case; a blank stub (None everywhere) costs none."""
    from rnn_grader.engine.matching import lazy_wrong_values, singled_out

    computed = []

    def formula(name, factor):
        def wrong(x):
            computed.append(name)
            return factor * x
        return Misconception(name, wrong, T)

    misconceptions = [formula("doubled", 2.0), formula("tripled", 3.0)]
    cases = [(np.arange(1.0, 4.0) + k,) for k in range(5)]
    wrong = lazy_wrong_values(misconceptions, cases)
    blank = [(k, wrong[k], Outcome(value=None), cases[k][0]) for k in range(5)]
    assert singled_out(misconceptions, blank, same) is None
    assert computed == []                                        # None is no misconception's value
    zeros = [(k, wrong[k], Outcome(value=0.0 * cases[k][0]), cases[k][0]) for k in range(5)]
    assert singled_out(misconceptions, zeros, same) is None
    assert sorted(computed) == ["doubled", "tripled"]            # case 0 only, once each

    computed.clear()
    tripled = [(k, wrong[k], Outcome(value=3.0 * cases[k][0]), cases[k][0]) for k in range(5)]
    found = singled_out(misconceptions, tripled, same)
    assert found is not None and found[0].name == "tripled" and found[1] == 0
    assert computed.count("tripled") == 4 and computed.count("doubled") == 0   # case 0 of each was kept
