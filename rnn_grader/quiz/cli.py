"""``grade quiz``: check one quiz answer, show one question, or list the quiz items.

The items come from ``source.quiz_source()``: the quiz data, or in the learner kit the
sealed items (judged without the answers, ``sealed.py``).

Exit codes (the contract): 0 right, 1 wrong or refused, 2 unknown id or missing arguments.
"""
from __future__ import annotations

import json
import sys

import click

from rnn_grader.messages import default_lang, msg
from rnn_grader.quiz.errors import UnknownQuiz
from rnn_grader.quiz.source import quiz_source


class AnswerCommand(click.Command):
    """A command whose positional arguments may start with ``-`` (``grade quiz ID "-z+1"``):
    only the command's own options are read as options, every other word is an argument."""

    def parse_args(self, ctx, args):
        flags, valued = set(), set()
        for param in self.get_params(ctx):
            if isinstance(param, click.Option):
                names = [*param.opts, *param.secondary_opts]
                (flags if param.is_flag or param.count else valued).update(names)
        options, positional, words = [], [], iter(args)
        for word in words:
            if word == "--":
                positional.extend(words)
            elif word in flags or ("=" in word and word.split("=", 1)[0] in valued):
                options.append(word)
            elif word in valued:
                options.append(word)
                options.extend(w for w in [next(words, None)] if w is not None)
            else:
                positional.append(word)
        return super().parse_args(ctx, [*options, "--", *positional])


def _print_list(source, lang: str, as_json: bool) -> None:
    """Every item in course order, its question in ``lang``."""
    entries = source.entries()
    if as_json:
        click.echo(json.dumps([{"id": i, "kind": kind, "question": question.render(lang)}
                               for i, kind, question in entries], ensure_ascii=False))
        return
    for item_id, kind, question in entries:
        click.echo(f"{item_id}  [{kind}]")
        for line in question.render(lang).splitlines():
            click.echo(f"    {line}")
        click.echo("")


def _print_question(source, item_id: str, lang: str, as_json: bool) -> None:
    kind, question = source.question(item_id)
    if as_json:
        click.echo(json.dumps({"id": item_id, "kind": kind, "question": question.render(lang)},
                              ensure_ascii=False))
        return
    click.echo(f"{item_id}  [{kind}]")
    click.echo(question.render(lang))
    click.echo("")
    click.echo(msg("quiz.how_to_answer", id=item_id).render(lang))


def _print_result(result, lang: str) -> None:
    verdict = msg("quiz.verdict_unread" if getattr(result, "refused", False)
                  else "quiz.verdict_right" if result.correct else "quiz.verdict_wrong")
    click.echo(f"{result.id}: {verdict.render(lang)}")
    click.echo(msg("quiz.read_as", expr=result.interpreted_as).render(lang))
    click.echo(result.message.render(lang))


@click.command("quiz", cls=AnswerCommand)
@click.argument("item_id", required=False, metavar="ITEM_ID")
@click.argument("answer", required=False, metavar="[ANSWER]")
@click.option("--list", "list_", is_flag=True, help="List every quiz id with its question, in course order.")
@click.option("--json", "as_json", is_flag=True,
              help='Print {"id", "correct", "interpreted_as", "message"} as JSON.')
@click.option("--lang", type=click.Choice(["ja", "en"]), default=default_lang, show_default="from LANG",
              help="Message language.")
def quiz(item_id, answer, list_, as_json, lang):
    """Check ANSWER to the quiz ITEM_ID (e.g. grade quiz chain_rule "2(x+y)"), show the
    question (ITEM_ID alone), or --list.  ANSWER may start with "-" (grade quiz ID "-z+1").

    Exit code 0: right (or question shown); 1: wrong or refused; 2: unknown id or no id.
    """
    source = quiz_source()
    if list_:
        _print_list(source, lang, as_json)
        return
    if item_id is None:
        raise click.UsageError(msg("quiz.missing_args").render(lang))
    try:
        if answer is None:
            _print_question(source, item_id, lang, as_json)
            return
        result = source.check(item_id, answer)
    except UnknownQuiz as unknown:
        click.echo(unknown.message.render(lang), err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps(result.to_json(lang), ensure_ascii=False))
    else:
        _print_result(result, lang)
    sys.exit(0 if result.correct else 1)
