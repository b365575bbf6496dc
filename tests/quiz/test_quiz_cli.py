"""``grade quiz``: exit codes, JSON fields, --list, --lang."""
import json

from click.testing import CliRunner

from rnn_grader.quiz import list_items
from rnn_grader.quiz.cli import quiz


def run(*args):
    return CliRunner().invoke(quiz, list(args))


def test_right_answer_exits_0_and_shows_reading():
    result = run("chain_rule", "２（ｘ＋ｙ）", "--lang", "en")
    assert result.exit_code == 0
    assert "2*x + 2*y" in result.output and "RIGHT" in result.output


def test_wrong_answer_exits_1_with_hint_in_japanese():
    result = run("chain_rule", "2x+y", "--lang", "ja")
    assert result.exit_code == 1
    assert "不正解" in result.output and "括弧" in result.output


def test_refused_answer_exits_1():
    result = run("chain_rule", "__import__('os')", "--json")
    assert result.exit_code == 1
    assert json.loads(result.output)["correct"] is False


def test_json_has_exactly_the_contract_fields():
    result = run("chain_rule", "2(x+y)", "--json", "--lang", "en")
    data = json.loads(result.output)
    assert set(data) == {"id", "correct", "interpreted_as", "message"}
    assert data == {"id": "chain_rule", "correct": True, "interpreted_as": "2*x + 2*y",
                    "message": data["message"]}
    assert isinstance(data["message"], str) and data["message"]


def test_unknown_id_exits_2():
    result = run("no_such_quiz", "1")
    assert result.exit_code == 2


def test_missing_answer_is_a_usage_error():
    assert run("chain_rule").exit_code == 2
    assert run().exit_code == 2


def test_list_shows_every_item_in_both_languages():
    result = run("--list", "--lang", "en")
    assert result.exit_code == 0
    for item in list_items():
        assert item.id in result.output
        assert item.question.render("ja").splitlines()[0] in result.output
        assert item.question.render("en").splitlines()[0] in result.output


def test_help():
    result = run("--help")
    assert result.exit_code == 0 and "--list" in result.output and "--lang" in result.output
