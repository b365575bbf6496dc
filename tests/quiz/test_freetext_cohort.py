"""Free-text answers in `grade cohort`: points counted, flagged answers listed in the report,
the instructor's review.json applied on the next run."""
import json
from types import SimpleNamespace

from rnn_grader.cohort.quizzes import QuizAnswer, grade_quiz
from rnn_grader.cohort.review import apply_review, load_review, review_cohort, review_lines
from rnn_grader.report import sections
from rnn_grader.report.stats import quiz_points

ANSWERS = {
    "lstm_vs_gru": "GRUのほうがパラメータが少ない。GRUはリセットゲートを持つ。",
    "seq2seq_vs_attention": "seq2seq Attention 固定長 長文 関連",
    "chain_rule": "2*(x+y)",
}


def graded():
    return grade_quiz(json.dumps(ANSWERS, ensure_ascii=False).encode("utf-8"))


def test_quiz_json_free_text_answers_carry_their_points():
    answers = graded()
    gru = answers["lstm_vs_gru"]
    assert (gru.score, gru.max_score, gru.review, gru.correct) == (1.0, 2.0, True, False)
    assert gru.points == (("gru_fewer_params", True), ("gates", False))
    assert answers["seq2seq_vs_attention"].score == 0 and answers["seq2seq_vs_attention"].review
    assert answers["chain_rule"].max_score is None and answers["chain_rule"].correct
    assert quiz_points(answers) == (2.0, 5.0)
    data = gru.to_json("en")
    assert data["points"] == [{"id": "gru_fewer_params", "found": True}, {"id": "gates", "found": False}]


def test_saved_records_keep_the_free_text_fields():
    for answer in graded().values():
        assert QuizAnswer.from_record(json.loads(json.dumps(answer.to_record()))) == answer


def test_review_file_sets_points_and_reports_what_it_skipped(tmp_path):
    cohort = SimpleNamespace(quiz={"alice": graded()})
    path = tmp_path / "review.json"
    path.write_text(json.dumps({"alice": {"lstm_vs_gru": {"gates": True, "nope": True}, "chain_rule": {"a": True}},
                                "zoe": {"lstm_vs_gru": {}}}), encoding="utf-8")
    report = review_cohort(cohort, path)
    gru = cohort.quiz["alice"]["lstm_vs_gru"]
    assert (gru.score, gru.correct, gru.review, gru.confirmed) == (2.0, True, False, True)
    assert report.applied == 1
    assert sorted(report.skipped) == ["alice/chain_rule", "alice/lstm_vs_gru/nope", "zoe/lstm_vs_gru"]
    assert len(review_lines(report, path)) == 2


def test_a_confirmation_can_also_take_a_point_away():
    quiz = {"alice": graded()}
    apply_review(quiz, {"alice": {"lstm_vs_gru": {"gru_fewer_params": False}}})
    assert quiz["alice"]["lstm_vs_gru"].score == 0.0


def test_a_bad_or_missing_review_file_is_reported_not_fatal(tmp_path):
    assert load_review(tmp_path / "none.json") == ({}, None)
    for content in ("{bad", '{"alice": ["x"]}', '{"alice": {"q": {"p": "yes"}}}'):
        (tmp_path / "r.json").write_text(content, encoding="utf-8")
        review, error = load_review(tmp_path / "r.json")
        assert review == {} and error is not None


def test_report_lists_flagged_answers_with_points_and_their_review_entry():
    cohort = SimpleNamespace(quiz={"<b>alice": graded()})
    html = sections.review(cohort, "en")
    assert "lstm_vs_gru" in html and "seq2seq_vs_attention" in html and "chain_rule" not in html
    assert "✓\u00a0<code>gru_fewer_params</code>" in html and "✗\u00a0<code>gates</code>" in html
    assert "<b>alice" not in html and "&lt;b&gt;alice" in html
    apply_review(cohort.quiz, {"<b>alice": {"lstm_vs_gru": {}, "seq2seq_vs_attention": {}}})
    assert "No answer is flagged" in sections.review(cohort, "en")
    assert sections.review(SimpleNamespace(quiz={"bob": {"chain_rule": graded()["chain_rule"]}}), "en") == ""
