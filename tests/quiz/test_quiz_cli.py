"""``grade quiz``: exit codes, JSON fields, --list, --lang."""
import json

import pytest
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


def test_id_alone_shows_the_question_in_the_chosen_language():
    result = run("chain_rule", "--lang", "en")
    assert result.exit_code == 0
    item = {i.id: i for i in list_items()}["chain_rule"]
    assert item.question.render("en") in result.output
    assert item.question.render("ja") not in result.output
    assert 'grade quiz chain_rule "ANSWER"' in result.output
    assert run("no_such_quiz").exit_code == 2


def test_no_id_is_a_usage_error():
    assert run().exit_code == 2


@pytest.mark.parametrize("answer,right", [("-z+1", True), ("-z + 1", True), ("-1+z", False),
                                          ("−z+1", True), ("-z", False)])
def test_answers_starting_with_a_minus_are_answers(answer, right):
    for args in (("gru_dh_dhprev", answer, "--json"), ("--json", "gru_dh_dhprev", answer),
                 ("gru_dh_dhprev", "--lang", "en", answer, "--json")):
        result = run(*args)
        assert result.exit_code == (0 if right else 1), (args, result.output)
        assert json.loads(result.output)["correct"] is right


def test_list_is_in_the_chosen_language_and_in_course_order():
    items = list_items()
    for lang, other in (("en", "ja"), ("ja", "en")):
        result = run("--list", "--lang", lang)
        assert result.exit_code == 0
        positions = [result.output.index(item.id + "  [") for item in items]
        assert positions == sorted(positions)
        for item in items:
            assert item.question.render(lang).splitlines()[0] in result.output
            assert item.question.render(other).splitlines()[0] not in result.output
    ids = [item.id for item in items]
    assert ids[:4] == ["conv_output_5x5", "conv_output_formula", "rnn_third_weight", "chain_rule"]
    assert ids.index("vae_blank") < ids.index("embedding_example") < ids.index("vae_kl_normal")


def test_unreadable_answer_says_so_not_wrong():
    result = run("chain_rule", "2(x+", "--lang", "en")
    assert result.exit_code == 1
    assert "NOT READ" in result.output and "WRONG" not in result.output
    assert "Could not read your answer" in result.output
    result = run("chain_rule", "2(x+", "--lang", "ja")
    assert "読み取れず" in result.output and "不正解" not in result.output
    data = json.loads(run("chain_rule", "2(x+", "--json", "--lang", "en").output)
    assert data["correct"] is False and data["message"].startswith("Could not read your answer")
    wrong = run("chain_rule", "2x+y", "--lang", "en")
    assert "WRONG" in wrong.output and "NOT READ" not in wrong.output


def test_help():
    result = run("--help")
    assert result.exit_code == 0 and "--list" in result.output and "--lang" in result.output
