"""Issue 13 point 7: robust quiz input (middle dot, choice numbers, negation, malformed
matrices, faithful echo, unreadable answers said so)."""
import pytest

from rnn_grader.quiz import check_answer
from rnn_grader.quiz.kinds.labels import read_label
from rnn_grader.quiz.kinds.words import PlainWords, match
from rnn_grader.quiz.normalize import normalize_words


@pytest.mark.parametrize("item_id,answer", [
    ("chain_rule", "2・(x+y)"), ("chain_rule", "2･x＋2・y"), ("gru_state", "(1−z)・h + z・h̄"),
    ("lstm_param_count", "4・h・(h+x+1)"), ("conv_output_5x5", "3・3"),
])
def test_middle_dot_multiplies(item_id, answer):
    assert check_answer(item_id, answer).correct


@pytest.mark.parametrize("text,label", [
    ("3", 3), ("(3)", 3), ("（３）", 3), ("③", 3), ("3番", 3), ("３番", 3), ("3番目", 3),
    ("選択肢3", 3), ("選択肢（3）", 3), ("3です", 3), ("3番です", 3), ("答えは3", 3), ("[3]", 3),
    ("option 3", 3), ("3.", 3), ("3。", 3),
    ("33", None), ("3x", None), ("(3", None), ("3)", None), ("3ではない", None), ("", None),
])
def test_choice_numbers(text, label):
    assert read_label(text) == label


@pytest.mark.parametrize("answer,right", [("2番", True), ("選択肢2", True), ("2です", True),
                                          ("②", True), ("(2)", True), ("3番", False), ("④", False)])
def test_choice_forms_are_judged(answer, right):
    result = check_answer("seq2seq_choice", answer)
    assert result.correct is right and not result.refused
    assert check_answer("lstm_cell_choice", "3番").correct  # a formula item with choices


@pytest.mark.parametrize("answer", [
    "確率分布ではない", "確率分布ではありません", "確率分布じゃない", "正規分布ではなく一様分布",
    "not a probability distribution", "Not a distribution", "non-gaussian distribution",
    "確率分布を導入しない", "確率分布以外",
])
def test_a_negated_right_word_is_not_right(answer):
    result = check_answer("vae_blank", answer)
    assert not result.correct, answer
    assert "not" in result.message.render("en") or "negat" in result.message.render("en")
    assert result.message.render("ja") != result.message.render("en")


@pytest.mark.parametrize("item_id,answer", [
    ("vae_blank", "確率分布を導入したもの"), ("vae_blank", "ノイズではなく確率分布"),
    ("vae_blank", "a probability distribution, not noise"), ("lstm_forget_gate", "忘却ゲートではないか"),
    ("lstm_forget_gate", "入力ゲートではなく忘却ゲート"), ("lstm_forget_gate", "not the input gate but the forget gate"),
])
def test_negating_a_wrong_word_keeps_a_right_answer(item_id, answer):
    assert check_answer(item_id, answer).correct, answer


def test_negation_is_found_by_position():
    groups = [("a", PlainWords(["forget gate"])), ("b", PlainWords(["input gate"]))]
    assert match("input gate, not forget gate", groups).key == "b"
    assert match("input gate, not forget gate", groups).negated == {"a"}
    assert match("forget gate", groups).negated == frozenset()


@pytest.mark.parametrize("answer", [
    "[[0,2,1,3],[4,6,5,7],[8,10,9,11]", "[[0,2,1,3],4,6,5,7],[8,10,9,11]]",
    "[0,2,1,3],[4,6,5,7],[8,10,9,11]]", "[[0,2,1,3],[4,6,5,7],[8,10,9,11)]", "[[[0,2,1,3]]]",
    "[[0,2,1,3],[4,6,5,7]]]", "[[0,2,1,3] [4,6,5,7] 1 [8,10,9,11]]", "[0 2 1 3; 4 6 5 7; 8 10 9 11",
])
def test_malformed_matrix_is_refused(answer):
    result = check_answer("embedding_example", answer)
    assert result.refused and not result.correct, answer


@pytest.mark.parametrize("answer", ["[[0,2,1,3],[4,6,5,7],[8,10,9,11]]", "((0,2,1,3),(4,6,5,7),(8,10,9,11))",
                                    "[ [0, 2, 1, 3], [4, 6, 5, 7], [8, 10, 9, 11], ]"])
def test_well_formed_matrix_is_read(answer):
    assert check_answer("embedding_example", answer).correct


@pytest.mark.parametrize("item_id,answer,shown", [
    ("vae_blank", "ゲート", "ゲート"), ("lstm_forget_gate", "  忘却ゲート ", "忘却ゲート"),
    ("lstm_forget_gate", "Forget-Gate", "Forget-Gate"), ("lstm_forget_gate", "出力ゲート", "出力ゲート"),
    ("vae_blank", "ｶﾞｳｽ", "ｶﾞｳｽ"), ("chain_rule", "2(x+\x01", "2(x+\\u0001"),
])
def test_the_learners_text_is_echoed_as_typed(item_id, answer, shown):
    assert check_answer(item_id, answer).interpreted_as == shown


def test_a_long_vowel_mark_is_not_dropped():
    assert normalize_words("忘却ゲート") == "忘却ゲート" != normalize_words("忘却ゲト")
    assert normalize_words("Forget-Gate") == normalize_words("forget gate") == "forgetgate"


@pytest.mark.parametrize("item_id,answer", [("chain_rule", "2(x+"), ("seq2seq_choice", "わからない"),
                                            ("conv_output_5x5", "three"), ("embedding_example", "E[:, [0,2,1,3]]")])
def test_unreadable_answers_are_refused_not_wrong(item_id, answer):
    result = check_answer(item_id, answer)
    assert result.refused and not result.correct
    assert result.message.render("en").startswith("Could not read your answer: ")
    assert result.message.render("ja").startswith("解答を読み取れませんでした: ")
    assert "Not right" not in result.message.render("en")
