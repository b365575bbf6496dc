"""Whether a call changed its arguments: decided in the grader, never in the child.

Learner code can patch anything in its own process, including the worker's code that
would compare the arguments before and after a call.  So the child only reports, for
every call, the digest of each argument after the call (``plain.value_digest``), and the
grader compares them with the digests of the arguments it sent (``plain.tree_digest`` of
the plain tree, or ``value_digest`` of its own values).  Input arrays are passed read-only
for good, so for one that is still read-only the child says so (``plain.READ_ONLY``) instead
of hashing it, and the grader hashes only what was reported otherwise.  The engine then sees
``args_after`` only for a call that changed something (``engine.compare.same_input``).
"""
from __future__ import annotations

import numpy as np

from rnn_grader.sandbox import plain


def judge_inputs(reply, calls) -> None:
    """Decide here, not in the child, whether each call changed its arguments.

    The child sends the digest of every argument after the call (``args_digest``); they
    are compared with the digests of the arguments as sent (``calls``: the exercise's calls,
    plain data or a ``plain.Raw`` tree).  A call that changed an argument, or whose digests
    are missing or malformed, gets ``args_after``: the arguments as sent, each changed one
    replaced by a marker (an ``args_after`` sent by the child is never believed).
    ``reply`` is a ``JobReply``; its decoded answer is changed in place."""
    answer = reply.answer
    if reply.status != "ok" or not isinstance(answer, dict) or not isinstance(answer.get("calls"), list):
        return
    for item, (args, kwargs, digest_of, decode, is_array) in zip(answer["calls"], sent_arguments(calls)):
        if not isinstance(item, dict):
            continue
        item.pop("args_after", None)
        got = item.pop("args_digest", None)
        if "value" not in item:  # it raised, or is missing: its arguments do not matter
            continue
        sent = [*args, kwargs]
        got = got if isinstance(got, list) and len(got) == len(sent) else [None] * len(sent)
        kept = [(theirs == plain.READ_ONLY and is_array(arg)) or theirs == digest_of(arg)
                for arg, theirs in zip(sent, got)]
        if all(kept):
            continue
        changed = plain.Unsupported("changed in place")
        after = [arg if same else changed for arg, same in zip(decode(args), kept)]
        item["args_after"] = [after, decode(kwargs) if kept[-1] else changed]


def sent_arguments(calls):
    """Per call: (positional arguments, keyword arguments, their digest function, a function
    that turns them into values, whether one is an array), read from plain data or from a
    ``plain.Raw`` tree.  An array is passed read-only, so the child may report it so
    (``plain.READ_ONLY``) instead of its digest."""
    if isinstance(calls, plain.Raw):
        try:
            trees = [call["$dict"] for call in calls.tree]
            return [(tree["args"]["$tuple"], tree["kwargs"], plain.tree_digest,
                     plain.from_plain, is_array_tree) for tree in trees]
        except (TypeError, KeyError):
            calls = plain.from_plain(calls.tree)
    return [(list(call["args"]), call["kwargs"], plain.value_digest, lambda v: v, is_array) for call in calls]


def is_array_tree(tree) -> bool:
    return isinstance(tree, dict) and "$array" in tree and tree.get("scalar") is not True


def is_array(value) -> bool:
    return type(value) is np.ndarray
