"""The sealed judge (the learner kit's quiz checker): same verdicts and readings as the clear
checker on every item's right and wrong forms, and no answer in the sealed data."""
import json

import pytest
import sympy
from test_quiz_items import HINTED, RIGHT, WRONG

from rnn_grader.quiz import check_answer, items, list_items
from rnn_grader.quiz.kinds import expression
from rnn_grader.quiz.normalize import normalize_words
from rnn_grader.quiz.sealed import SealedQuiz, check_sealed, seal_all, seal_item

SEALED = seal_all(list_items(), salt="test-salt")
SEALABLE = [i for i in list_items() if i.kind != "freetext"]


@pytest.fixture(autouse=True)
def no_answer_data(monkeypatch):
    """The kit has no quizzes/*.toml: judging from sealed data must not read them."""
    def refuse(*args, **kwargs):
        raise AssertionError("the sealed judge read the quiz data")

    monkeypatch.setattr(items, "load_items", refuse)
    monkeypatch.setattr(items, "_data_files", refuse)


def test_every_sealable_item_is_sealed_and_json():
    assert set(SEALED) == {i.id for i in SEALABLE} and len(SEALED) >= 22
    assert json.loads(json.dumps(SEALED, allow_nan=False)) == SEALED
    assert list(seal_all({i.id: i for i in SEALABLE}, salt="test-salt")) == list(SEALED)


@pytest.mark.parametrize("item_id,answer", [(i, a) for i in sorted(RIGHT) for a in RIGHT[i]])
def test_right_forms_accepted_with_the_same_reading(item_id, answer, monkeypatch):
    monkeypatch.undo()
    clear = check_answer(item_id, answer)
    result = check_sealed(SEALED[item_id], answer, "ja")
    assert result.correct, (answer, result.interpreted_as, result.message.render("en"))
    assert result.interpreted_as == clear.interpreted_as


@pytest.mark.parametrize("item_id,answer", [(i, a) for i in sorted(WRONG) for a in WRONG[i]])
def test_wrong_forms_refused_with_the_same_reading(item_id, answer, monkeypatch):
    monkeypatch.undo()
    clear = check_answer(item_id, answer)
    result = check_sealed(SEALED[item_id], answer, "en")
    assert not result.correct, (answer, result.interpreted_as)
    assert result.interpreted_as == clear.interpreted_as
    assert result.message.render("en") == clear.message.render("en")
    assert result.message.render("ja") == clear.message.render("ja")


@pytest.mark.parametrize("key,fragment", sorted(HINTED.items()))
def test_targeted_hints(key, fragment):
    item_id, answer = key
    assert fragment in check_sealed(SEALED[item_id], answer).message.render("en")


@pytest.mark.parametrize("item_id,answer,right", [
    ("vae_blank", "確率分布ではない", False), ("vae_blank", "正規分布ではなく一様分布", False),
    ("vae_blank", "not a probability distribution", False), ("vae_blank", "確率分布を導入したもの", True),
    ("lstm_forget_gate", "入力ゲートではなく忘却ゲート", True), ("lstm_forget_gate", "忘却ゲートではないか", True),
    ("seq2seq_choice", "選択肢2", True), ("seq2seq_choice", "③", False), ("gru_dh_dhprev", "1−1・z", True),
    ("chain_rule", "2・(x+y)", True), ("embedding_example", "[[0,2,1,3],[4,6,5,7],[8,10,9,11]", False),
    ("embedding_example", "[[0,4,8],[2,6,10],[1,5,9],[3,7,11]]", True),
    ("conv_output_5x5", "(3x3", False), ("lstm_cell_choice", "3番", True),
])
def test_issue_cases_judged_alike(item_id, answer, right):
    result = check_sealed(SEALED[item_id], answer)
    assert result.correct is right, (answer, result.message.render("en"))


def test_word_echo_is_the_learners_text():
    result = check_sealed(SEALED["lstm_forget_gate"], "  出力ゲート ")
    assert result.interpreted_as == "出力ゲート"
    assert check_sealed(SEALED["vae_blank"], "ゲート").interpreted_as == "ゲート"


def test_refusals_and_bounds_hold_in_the_sealed_judge():
    for answer in ["__import__('os')", "(x+y+t)^100", "10^10^10", "2(x+"]:
        result = check_sealed(SEALED["chain_rule"], answer)
        assert result.refused and not result.correct, answer
        assert "Could not read your answer" in result.message.render("en")


def _leaves(data, skip=("question", "hint")):
    """Every string and number of the sealed data, outside the texts a learner sees anyway."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in skip:
                yield from _leaves(value, skip)
    elif isinstance(data, list):
        for value in data:
            yield from _leaves(value, skip)
    else:
        yield data


@pytest.mark.parametrize("item", SEALABLE, ids=lambda i: i.id)
def test_sealed_data_holds_no_answer(item, monkeypatch):
    monkeypatch.undo()
    sealed = seal_item(item, salt="s")
    for choice in sealed.get("choices", ()):  # a choice's text is the question's own line
        assert "text" not in choice or choice["text"] in sealed["question"]["en"]
    strings = {leaf for leaf in _leaves(sealed, skip=("question", "hint", "text"))
               if isinstance(leaf, str)}
    dump = json.dumps(sorted(strings), ensure_ascii=False) + json.dumps(
        [leaf for leaf in _leaves(sealed) if not isinstance(leaf, str)])
    assert not {"answer", "synonyms", "accept", "expr"} & set(sealed)
    full = json.dumps(sealed, ensure_ascii=False)
    for wrong in item.wrong:  # hints often give the answer away: sealed with their wrong form
        assert wrong.hint.en not in full and wrong.hint.ja not in full
    if item.kind == "expression":
        expected = expression._expected(item)
        assert sympy.srepr(expected) not in dump
        if not expected.is_Symbol:  # a bare symbol's name is in the question's vocabulary
            assert str(item.answer) not in dump and str(expected) not in dump
            assert str(item.answer).replace(" ", "") not in dump.replace(" ", "")
    if item.kind == "word":
        for word in item.synonyms:
            assert word not in strings and normalize_words(word) not in strings
    if item.kind == "choice":
        right = next(c for c in item.choices if c.label == int(item.answer))
        for word in right.accept:
            assert word not in strings
        assert item.answer not in [leaf for leaf in _leaves(sealed, skip=("question", "hint", "label", "lengths", "order", "format"))
                                   if isinstance(leaf, int)]
    if item.kind in ("size", "matrix"):
        assert json.dumps(item.answer) not in dump
        assert "{}x{}".format(*item.answer[:2]) not in dump


def test_a_hint_opens_only_with_its_wrong_answer():
    from rnn_grader.quiz.sealed import open_hint, seal_hint
    from rnn_grader.messages import Text

    sealed = seal_hint("salt", "size:2x2", Text(en="Did you forget the padding?", ja="パディング？"))
    assert open_hint("salt", "size:2x2", sealed).en == "Did you forget the padding?"
    assert open_hint("salt", "size:5x5", sealed) is None
    assert open_hint("other", "size:2x2", sealed) is None


def test_a_different_salt_gives_different_hashes():
    item = {i.id: i for i in SEALABLE}["vae_blank"]
    a, b = seal_item(item), seal_item(item)
    assert a["salt"] != b["salt"] and a["right"]["hashes"] != b["right"]["hashes"]


def test_sealed_quiz_lists_in_course_order_and_refuses_unknown_ids():
    quiz = SealedQuiz(dict(reversed(list(SEALED.items()))))
    orders = [SEALED[i]["order"] for i, _, _ in quiz.entries()]
    assert orders == sorted(orders)
    assert quiz.check("chain_rule", "2x+2y").correct
    with pytest.raises(KeyError):
        quiz.check("no_such_quiz", "1")


def test_grade_quiz_runs_on_the_sealed_items_when_the_data_is_absent(tmp_path, monkeypatch):
    """The learner kit: no quizzes/*.toml, only rnn_grader/quiz_items.json."""
    from click.testing import CliRunner

    from rnn_grader.quiz import source
    from rnn_grader.quiz.cli import quiz

    path = tmp_path / "quiz_items.json"
    path.write_text(json.dumps(SEALED, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(items, "_data_files", lambda: [])
    monkeypatch.setattr(source, "sealed_path", lambda: path)
    assert isinstance(source.quiz_source(), SealedQuiz)

    def run(*args):
        return CliRunner().invoke(quiz, list(args))

    right = run("gru_dh_dhprev", "-z+1", "--json", "--lang", "en")
    assert right.exit_code == 0 and json.loads(right.output)["interpreted_as"] == "1 - z"
    wrong = run("gru_dh_dhprev", "z", "--lang", "en")
    assert wrong.exit_code == 1 and "weighted by (1 − z)" in wrong.output
    unread = run("chain_rule", "2(x+", "--lang", "ja")
    assert unread.exit_code == 1 and "読み取れず" in unread.output
    listed = run("--list", "--lang", "en")
    assert listed.exit_code == 0 and listed.output.index("conv_output_5x5") < listed.output.index("vae_kl_normal")
    shown = run("chain_rule", "--lang", "ja")
    assert shown.exit_code == 0 and "連鎖律" in shown.output
    assert run("no_such_quiz", "1").exit_code == 2
