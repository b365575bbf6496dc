"""Every quiz item: at least three right answers in different notations, two wrong ones.

The table is written here, independently of the item data, so that a wrong answer key or a
reader regression makes these tests fail.
"""
import pytest

from rnn_grader.quiz import check_answer, list_items

CURRICULUM_IDS = {
    "conv_output_5x5", "conv_output_formula", "rnn_third_weight", "chain_rule", "rnn_y1",
    "sigmoid_derivative", "sigmoid_derivative_max", "clip_choice", "lstm_forget_gate",
    "lstm_cell_choice", "gru_state", "gru_dh_dhprev", "lstm_param_count", "gru_param_count",
    "bptt_db", "bptt_delta_recursion", "birnn_choice", "seq2seq_choice", "encoder_choice",
    "vae_blank", "embedding_example", "vae_kl_normal",
}
EXPERIMENT_IDS = {  # what `grade experiments -e binary_addition` shows (the course's hands-on exercise)
    "experiment_relu_explodes", "experiment_clip_bounds", "experiment_sigmoid_damps",
}
FREETEXT_IDS = {  # the free-text items (記述式), tested in test_freetext.py
    "lstm_vs_gru", "lstm_cec_problems", "rnn_third_weight_text", "seq2seq_hred_vhred",
    "rnn_vs_word2vec", "seq2seq_vs_attention",
}

RIGHT = {
    "conv_output_5x5": ["3x3", "３×３", "(3, 3)", "3", "3 * 3"],
    "conv_output_formula": ["(H + 2P − F)/S + 1", "(h+2p-f)/s+1", "OH = 1 + (H - F + 2*P)/S",
                            "H/S + 2P/S - F/S + 1"],
    "rnn_third_weight": ["3", "（３）", "recurrent weight", "前の中間層から現在の中間層への重み"],
    "chain_rule": ["２（ｘ＋ｙ）", "2x+2y", "(y+x)*2", "dz/dx = 2(x+y)", "2·x + 2·y",
                   "2*(x+y)**1", "∂z/∂x = 2 (x + y)"],
    "rnn_y1": ["g(W_out f(W_in x₁ + W z₀ + b) + c)", "y₁ = g(c + Wout·f(b + Wz0 + Winx1))",
               "g(W_{out}*f(W_{in}*x_1+W*z_0+b)+c)"],
    "sigmoid_derivative": ["σ(x)(1−σ(x))", "sigmoid(x)*(1-sigmoid(x))", "exp(-x)/(1+exp(-x))^2",
                           "e^x/(1+e^x)²", "σ'(x) = σ(x) - σ(x)^2"],
    "sigmoid_derivative_max": ["2", "(2)", "２", "（２）", "1/4", "0.25"],
    "clip_choice": ["1", "(1)", "gradient * rate", "１"],
    "lstm_forget_gate": ["忘却ゲート", "forget gate", "Forget-Gate", "忘却ゲートが働く"],
    "lstm_cell_choice": ["input_gate * a + forget_gate * c", "forget_gate*c + a*input_gate",
                         "(3)", "i·a + f·c", "c = a×input_gate + c×forget_gate"],
    "gru_state": ["(1 − z)h + z·h̄", "h + z(h̄ - h)", "(1-z)*h + z*h_bar", "h_t = z\\bar{h} + (1-z)h"],
    "gru_dh_dhprev": ["1 − z", "-z+1", "(1-z)", "∂h_t/∂h_{t−1} = 1 - z"],
    "lstm_param_count": ["4(h(h + x) + h)", "4h^2+4hx+4h", "4h(x+h+1)", "4*(h**2 + h*x + h)"],
    "gru_param_count": ["3(h(h + x) + h)", "3h²+3hx+3h", "3h(x+h+1)", "3*(h*h + x*h + h)"],
    "bptt_db": ["δᵗ", "delta_t", "δ^t", "∂E/∂b = δ^{t}", "δ_t"],
    "bptt_delta_recursion": ["δᵗ·W·f'(u^{t−1})", "delta_t*W*f'(u_(t-1))",
                             "δ^{t-1} = f′(u^{t-1}) W δ^t", "W δ^{t} f'(u^{t-1})"],
    "birnn_choice": ["4", "(4)", "np.concatenate([h_f, h_b[::-1]], axis=1)", "４"],
    "seq2seq_choice": ["2", "(2)", "２", "（２）"],
    "encoder_choice": ["1", "(1)", "E.dot(w)", "１"],
    "vae_blank": ["確率分布", "probability distribution", "z∼N(0,1)", "正規分布"],
    "embedding_example": ["[[0,2,1,3],[4,6,5,7],[8,10,9,11]]", "[0 2 1 3; 4 6 5 7; 8 10 9 11]",
                          "0 2 1 3\n4 6 5 7\n8 10 9 11", "np.array([[0, 2, 1, 3], [4, 6, 5, 7], [8, 10, 9, 11]])"],
    "vae_kl_normal": ["(μ² + σ² − log σ² − 1)/2", "-1/2(1 + log(σ^2) - μ^2 - σ^2)",
                      "0.5*(mu**2 + sigma**2 - ln(sigma**2) - 1)", "(μ²+σ²−2logσ−1)/2"],
    "experiment_relu_explodes": ["3", "(3)", "relu", "ReLU", "３"],
    "experiment_clip_bounds": ["2", "（２）", "update step", "step size"],
    "experiment_sigmoid_damps": ["1", "(1)", "σ'(u) ≤ 1/4", "１"],
}

WRONG = {
    "conv_output_5x5": ["2x2", "5x5", "4"],
    "conv_output_formula": ["(H + 2P - F)/S", "(H + P - F)/S + 1", "(H-2P-F)/S+1"],
    "rnn_third_weight": ["1", "(4)", "W_out"],
    "chain_rule": ["2x+y", "2t", "(x+y)^2", "2(x+y)+1"],
    "rnn_y1": ["g(W_out f(W_in x_1 + W z_0 + b))", "f(W_out g(W_in x_1 + W z_0 + b) + c)"],
    "sigmoid_derivative": ["σ(x)²", "1-σ(x)", "σ(x)(1+σ(x))"],
    "sigmoid_derivative_max": ["1", "(4)", "0.35", "0.5"],
    "clip_choice": ["2", "(3)", "gradient / norm"],
    "lstm_forget_gate": ["入力ゲート", "output gate", "リセットゲート"],
    "lstm_cell_choice": ["forget_gate * a + input_gate * c", "(1)", "input_gate*a*forget_gate*c"],
    "gru_state": ["z h + (1 − z) h̄", "z h̄", "h + z h̄"],
    "gru_dh_dhprev": ["z", "1 + z", "(1-z)h"],
    "lstm_param_count": ["4h(h+x)", "3(h(h+x)+h)", "4(h+x)"],
    "gru_param_count": ["3h(h+x)", "4(h(h+x)+h)"],
    "bptt_db": ["δᵗ z^{t-1}", "δ^{t-1}", "1"],
    "bptt_delta_recursion": ["δᵗ W", "δᵗ f'(u^{t-1})", "δᵗ W f(u^{t-1})"],
    "birnn_choice": ["3", "(1)", "np.concatenate([h_f, h_b[::-1]], axis=0)"],
    "seq2seq_choice": ["1", "(4)", "3"],
    "encoder_choice": ["2", "(4)", "E.T.dot(w)"],
    "vae_blank": ["ノイズ", "weight", "入力ゲート"],
    "embedding_example": ["[[0,1,2,3],[4,5,6,7],[8,9,10,11]]", "[[0,2,1,3],[4,6,5,7]]"],
    "vae_kl_normal": ["(μ² + σ² − log σ² + 1)/2", "μ² + σ² − log σ² − 1", "(μ² + σ² − log σ − 1)/2"],
    "experiment_relu_explodes": ["2", "(1)", "tanh", "4"],
    "experiment_clip_bounds": ["1", "(3)", "loss"],
    "experiment_sigmoid_damps": ["3", "(2)", "small learning rate"],
}

HINTED = {  # a wrong answer whose targeted hint must appear (English text fragment)
    ("chain_rule", "2x+y"): "parentheses",
    ("chain_rule", "2t"): "substitute",
    ("sigmoid_derivative", "σ(x)²"): "Not σ(x)²",
    ("clip_choice", "(2)"): "norm 1",
    ("birnn_choice", "3"): "axis=0 stacks along time",
    ("gru_state", "z h + (1 − z) h̄"): "other convention",
    ("lstm_param_count", "4h(h+x)"): "forgot the biases",
    ("gru_dh_dhprev", "z"): "weighted by (1 − z)",
    ("experiment_relu_explodes", "tanh"): "still learns",
    ("experiment_clip_bounds", "1"): "unchanged",
    ("experiment_sigmoid_damps", "3"): "same learning rate",
}


def test_every_curriculum_item_exists_once():
    ids = [item.id for item in list_items()]
    assert len(ids) == len(set(ids)) == 31
    assert set(ids) == CURRICULUM_IDS | FREETEXT_IDS | EXPERIMENT_IDS


def test_every_item_has_a_bilingual_question_and_known_kind():
    for item in list_items():
        assert item.question.render("ja") != item.question.render("en")
        assert item.kind in {"expression", "choice", "word", "size", "matrix", "freetext"}


def test_table_covers_every_item():
    assert set(RIGHT) == set(WRONG) == CURRICULUM_IDS | EXPERIMENT_IDS
    assert all(len(RIGHT[i]) >= 3 and len(WRONG[i]) >= 2 for i in RIGHT)


@pytest.mark.parametrize("item_id,answer", [(i, a) for i in sorted(RIGHT) for a in RIGHT[i]])
def test_right_forms(item_id, answer):
    result = check_answer(item_id, answer)
    assert result.correct, (answer, result.interpreted_as, result.message.render("en"))
    assert result.interpreted_as


@pytest.mark.parametrize("item_id,answer", [(i, a) for i in sorted(WRONG) for a in WRONG[i]])
def test_wrong_forms(item_id, answer):
    result = check_answer(item_id, answer)
    assert not result.correct, (answer, result.interpreted_as)
    assert result.interpreted_as
    assert result.message.render("ja") != result.message.render("en")


@pytest.mark.parametrize("key,fragment", sorted(HINTED.items()))
def test_targeted_hints(key, fragment):
    result = check_answer(*key)
    assert fragment in result.message.render("en")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_choice_is_listed_once_in_the_learners_language(lang):
    """The choices are appended to the question from ``[[choices]]``: a question that also
    spelled them out would list them twice (once in English only)."""
    for item in list_items():
        if item.kind != "choice":
            continue
        question = item.question.render(lang)
        for choice in item.choices:
            assert question.count(f"({choice.label}) ") == 1, (item.id, choice.label)
