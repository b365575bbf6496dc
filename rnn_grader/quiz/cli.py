"""``grade quiz``: check one quiz answer, or list the quiz items.

Exit codes (the contract): 0 right, 1 wrong or refused, 2 unknown id or missing arguments.
"""
from __future__ import annotations

import json
import sys

import click

from rnn_grader.messages import default_lang, msg
from rnn_grader.quiz.check import check_answer, list_items
from rnn_grader.quiz.errors import UnknownQuiz


def _print_list(lang: str, as_json: bool) -> None:
    items = list_items()
    if as_json:
        click.echo(json.dumps([{"id": i.id, "kind": i.kind, "question": i.question.render(lang)}
                               for i in items], ensure_ascii=False))
        return
    other = "en" if lang == "ja" else "ja"
    for item in items:
        click.echo(f"{item.id}  [{item.kind}]")
        for language in (lang, other):
            for line in item.question.render(language).splitlines():
                click.echo(f"    {line}")
        click.echo("")


def _print_result(result, lang: str) -> None:
    verdict = msg("quiz.verdict_right" if result.correct else "quiz.verdict_wrong")
    click.echo(f"{result.id}: {verdict.render(lang)}")
    click.echo(msg("quiz.read_as", expr=result.interpreted_as).render(lang))
    click.echo(result.message.render(lang))


@click.command("quiz")
@click.argument("item_id", required=False, metavar="ITEM_ID")
@click.argument("answer", required=False, metavar="ANSWER")
@click.option("--list", "list_", is_flag=True, help="List every quiz id with its question (ja and en).")
@click.option("--json", "as_json", is_flag=True,
              help='Print {"id", "correct", "interpreted_as", "message"} as JSON.')
@click.option("--lang", type=click.Choice(["ja", "en"]), default=default_lang, show_default="from LANG",
              help="Message language.")
def quiz(item_id, answer, list_, as_json, lang):
    """Check ANSWER to the quiz ITEM_ID (e.g. grade quiz chain_rule "2(x+y)"), or --list.

    Exit code 0: right; 1: wrong or refused; 2: unknown id or missing arguments.
    """
    if list_:
        _print_list(lang, as_json)
        return
    if item_id is None or answer is None:
        raise click.UsageError(msg("quiz.missing_args").render(lang))
    try:
        result = check_answer(item_id, answer)
    except UnknownQuiz as unknown:
        click.echo(unknown.message.render(lang), err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps(result.to_json(lang), ensure_ascii=False))
    else:
        _print_result(result, lang)
    sys.exit(0 if result.correct else 1)
