"""Free-text items (記述式): per-point verdicts on hand-written answers, statements not keywords,
the contract's JSON fields and exit codes, and odd input."""
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))
import freetext_blind  # noqa: E402
import freetext_blind2  # noqa: E402
import freetext_heldout  # noqa: E402
from freetext_answers import CASES  # noqa: E402

from rnn_grader.quiz import check_answer  # noqa: E402
from rnn_grader.quiz.check import get_item  # noqa: E402
from rnn_grader.quiz.cli import quiz  # noqa: E402
from rnn_grader.quiz.freetext.clean import MAX_CHARS  # noqa: E402
from rnn_grader.quiz.freetext.grade import grade  # noqa: E402
from rnn_grader.quiz.freetext.rubric import parse_rubric  # noqa: E402

ALL = [(item_id, *case) for item_id, cases in CASES.items() for case in cases]
MORE = [(item_id, *case) for module in (freetext_heldout, freetext_blind, freetext_blind2)
        for item_id, cases in module.CASES.items() for case in cases]


def verdicts(item_id: str, answer: str):
    result = grade(get_item(item_id).rubric, answer)
    return {v.id: v.found for v in result.points}, result


def test_at_least_fifteen_answers_per_item_of_every_kind():
    for item_id, cases in CASES.items():
        kinds = {kind for kind, *_ in cases}
        assert len(cases) >= 15, item_id
        assert {"complete", "partial", "negated", "reversed", "keywords", "off_topic", "english"} <= kinds
        assert set(cases[0][2]) == {p.id for p in get_item(item_id).rubric.points}


@pytest.mark.parametrize("item_id,kind,answer,expected,review", ALL + MORE,
                         ids=[f"{c[0]}-{i}-{c[1]}" for i, c in enumerate(ALL + MORE)])
def test_points_and_review_agree_with_the_hand_verdicts(item_id, kind, answer, expected, review):
    found, result = verdicts(item_id, answer)
    assert found == expected
    if review is not None:
        assert result.review is review, result.reasons


def test_negated_and_reversed_statements_are_never_credited():
    for item_id, kind, answer, expected, _ in ALL + MORE:
        if kind in ("negated", "reversed"):
            found, _ = verdicts(item_id, answer)
            credited = {p for p, f in found.items() if f and not expected[p]}
            assert not credited, (item_id, answer)


def test_keyword_lists_earn_nothing_and_are_flagged():
    lists = [(i, a) for i, kind, a, *_ in ALL + MORE if kind == "keywords"]
    assert len(lists) >= 6
    for item_id, answer in lists:
        _, result = verdicts(item_id, answer)
        assert result.score == 0 and result.review and "keywords" in result.reasons, answer


@pytest.mark.parametrize("answer", [
    "GRUのほうがパラメータが少ない", "GRUのほうがパラメーターが少ない", "ＧＲＵのほうがﾊﾟﾗﾒｰﾀが少ない",
    "LSTMはパラメータ数が多い", "GRUはLSTMより軽い", "LSTMの方が計算量が多い", "LSTMの方が計算コストが大きい",
    "GRU has fewer parameters", "LSTM is heavier than GRU", "Compared with LSTM, GRU is faster"])
def test_one_statement_in_many_wordings(answer):
    found, _ = verdicts("lstm_vs_gru", answer)
    assert found["gru_fewer_params"] is True


@pytest.mark.parametrize("answer", [
    "GRUのほうがパラメータが少ないわけではない", "LSTMのほうがパラメータが少ない", "GRUはLSTMより重い",
    "GRUはパラメータが少なくない", "LSTMよりGRUの方がパラメータが多い", "GRU does not have fewer parameters",
    "GRU has more parameters than LSTM", "LSTM is lighter", "It is not true that GRU is faster"])
def test_negated_reversed_or_misattributed_is_not_credited(answer):
    found, _ = verdicts("lstm_vs_gru", answer)
    assert found["gru_fewer_params"] is False


def test_json_has_the_contract_fields_and_the_exit_code_follows():
    runner = CliRunner()
    full = ("GRUのほうがパラメータが少ない。LSTMは入力・忘却・出力ゲートを持ち、"
            "GRUはリセットゲートと更新ゲートを持つ。")
    right = runner.invoke(quiz, ["lstm_vs_gru", full, "--json", "--lang", "ja"])
    data = json.loads(right.output)
    assert right.exit_code == 0 and data["correct"] is True
    assert {"id", "correct", "interpreted_as", "message", "score", "max_score", "points", "review"} <= set(data)
    assert data["score"] == data["max_score"] == 2.0
    assert data["points"] == [{"id": "gru_fewer_params", "found": True}, {"id": "gates", "found": True}]
    half = runner.invoke(quiz, ["lstm_vs_gru", "GRU has fewer parameters.", "--json", "--lang", "en"])
    data = json.loads(half.output)
    assert half.exit_code == 1 and data["correct"] is False and data["score"] == 1.0
    assert "Missing: the gates each model has" in data["message"]


def test_hints_name_what_is_missing_without_the_model_answer():
    result = check_answer("lstm_vs_gru", "GRU has fewer parameters.")
    text = result.message.render("en") + result.message.render("ja")
    for answer_word in ("リセットゲート", "更新ゲート", "reset gate", "update gate"):
        assert answer_word not in text


def test_an_item_that_is_not_a_freetext_item_has_no_free_text_fields():
    data = check_answer("chain_rule", "2*(x+y)").to_json("en")
    assert "points" not in data and "review" not in data


@pytest.mark.parametrize("answer", [
    "", "\x00\x01\x1b[31m", "🙂" * 50, "a" * 20000, "。" * 500, "GRU" * 3000, "(((((" * 100,
    "中間層\u202eから中間層\u200bへ", "ＧＲＵ は fewer パラメータ を持つ。LSTMは多い", "\ud800", "\n\n\t\r"])
def test_odd_input_never_crashes(answer):
    result = check_answer("lstm_vs_gru", answer)
    data = result.to_json("ja")
    assert data["max_score"] == 2.0 and 0 <= data["score"] <= 2.0
    json.dumps(data, ensure_ascii=False)


def test_a_long_answer_is_cut_with_a_message():
    answer = "GRUのほうがパラメータが少ない。" + "とても長い説明。" * 400
    result = check_answer("lstm_vs_gru", answer)
    assert f"first {MAX_CHARS} characters" in result.message.render("en")
    assert result.extra["points"][0]["found"] is True


def test_control_characters_are_removed_and_said():
    result = check_answer("lstm_vs_gru", "GRUのほうが\x00パラメータが\x1b少ない")
    assert result.extra["points"][0]["found"] is True
    assert "制御文字" in result.message.render("ja")


def test_mixed_scripts_in_one_sentence():
    found, _ = verdicts("lstm_vs_gru", "GRU is lighter than LSTMで、LSTMは3つのゲート、GRUは2つのゲートを持つ。")
    assert found == {"gru_fewer_params": True, "gates": True}


def test_off_topic_and_word_salad_are_flagged():
    for answer in ("今日は晴れです。", "asdf qwer zxcv uiop"):
        _, result = verdicts("seq2seq_vs_attention", answer)
        assert result.review and result.score == 0


def test_a_rubric_naming_an_unknown_concept_is_refused():
    data = {"id": "x", "points": [{"id": "p", "label": {"ja": "a", "en": "a"}, "hint": {"ja": "b", "en": "b"},
                                   "claims": [{"subject": "no_such_concept"}]}]}
    with pytest.raises(ValueError, match="unknown concepts"):
        parse_rubric(data)
