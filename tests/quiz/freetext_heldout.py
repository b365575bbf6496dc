"""A second set of hand-written answers, written after the checker was tuned on
``freetext_answers.py``.  First measurement: 63/68 points agreed (92.6%), every miss an
under-credit; the general causes (whereas read as a plural, "of"-subjects, 無視) were then fixed."""

C, P, N, R, K, O, E = "complete", "partial", "negated", "reversed", "keywords", "off_topic", "english"

CASES = {
    "lstm_vs_gru": [
        (C, "LSTMに比べてGRUはパラメータが少なく高速に動く。LSTMは3つのゲートと記憶セルを持つが、GRUはリセットゲートと更新ゲートの2つだけだ。",
         {"gru_fewer_params": True, "gates": True}, False),
        (P, "GRUはLSTMを簡略化したモデルで、計算量が少ない。", {"gru_fewer_params": True, "gates": False}, False),
        (N, "GRUの方が計算が速いということはない。", {"gru_fewer_params": False, "gates": False}, None),
        (R, "GRUよりLSTMのほうが軽い。", {"gru_fewer_params": False, "gates": False}, False),
        (E, "GRU is simpler and faster than LSTM because it uses only two gates (reset and update), whereas LSTM uses three gates plus a cell.",
         {"gru_fewer_params": True, "gates": True}, False),
        (E, "LSTM is not heavier than GRU.", {"gru_fewer_params": False, "gates": False}, None),
        (K, "GRU 高速 LSTM 低速 ゲート", {"gru_fewer_params": False, "gates": False}, True),
    ],
    "lstm_cec_problems": [
        (C, "LSTMはパラメータが多いので学習に時間がかかる。CECには学習機能がなく、重みが一律になってしまう。",
         {"lstm_many_params": True, "cec_cannot_learn": True}, False),
        (P, "CECは自分では学習できない。", {"lstm_many_params": False, "cec_cannot_learn": True}, False),
        (N, "LSTMの計算負荷が大きいわけではない。", {"lstm_many_params": False, "cec_cannot_learn": False}, None),
        (R, "LSTMはGRUより計算量が少ない。", {"lstm_many_params": False, "cec_cannot_learn": False}, False),
        (E, "The problem of LSTM is its large number of parameters; the CEC lacks any learning ability.",
         {"lstm_many_params": True, "cec_cannot_learn": True}, False),
        (O, "活性化関数にはReLUがよく使われる。", {"lstm_many_params": False, "cec_cannot_learn": False}, True),
    ],
    "rnn_third_weight_text": [
        (C, "ひとつ前の時刻の中間層の状態から、現在の中間層へかけられる重み。", {"hidden_to_hidden": True, "previous_step": True}, False),
        (P, "隠れ層同士を結ぶ重み", {"hidden_to_hidden": True, "previous_step": False}, False),
        (R, "出力層から中間層へ戻る重み", {"hidden_to_hidden": False, "previous_step": False}, None),
        (E, "The weight W that feeds the previous hidden state into the current hidden layer.",
         {"hidden_to_hidden": True, "previous_step": True}, False),
        (E, "The hidden-to-hidden weight.", {"hidden_to_hidden": True, "previous_step": False}, False),
        (K, "中間層 前の時刻 重み W", {"hidden_to_hidden": False, "previous_step": False}, True),
    ],
    "seq2seq_hred_vhred": [
        (C, "seq2seqは文脈を無視して一問一答で返すが、HREDはそれまでの会話の文脈を考慮して返答する。VHREDはVAEの考え方を取り入れ、HREDよりも多様な返答ができる。",
         {"hred_context": True, "vhred_diversity": True}, False),
        (P, "VHREDはHREDにVAEの潜在変数を加えたもの。", {"hred_context": False, "vhred_diversity": True}, False),
        (N, "HREDは過去の発話の文脈を使わない。", {"hred_context": False, "vhred_diversity": False}, None),
        (E, "HRED takes the dialogue history into account, unlike seq2seq; VHRED produces more diverse replies than HRED.",
         {"hred_context": True, "vhred_diversity": True}, False),
        (O, "勾配クリッピングは勾配爆発を防ぐ。", {"hred_context": False, "vhred_diversity": False}, True),
    ],
    "rnn_vs_word2vec": [
        (C, "RNNは時系列を扱うモデル、word2vecは単語の分散表現を得る手法。word2vecは重みが語彙数×次元数なので、現実的な計算資源で学習できる。",
         {"word2vec_vectors": True, "word2vec_cost": True}, False),
        (P, "word2vecは各単語を固定長のベクトルで表現する。", {"word2vec_vectors": True, "word2vec_cost": False}, False),
        (R, "word2vecは計算量が大きく、現実的ではない。", {"word2vec_vectors": False, "word2vec_cost": False}, None),
        (E, "word2vec turns each word into a dense vector and can be trained with realistic resources.",
         {"word2vec_vectors": True, "word2vec_cost": True}, False),
        (K, "word2vec 分散表現 語彙 次元", {"word2vec_vectors": False, "word2vec_cost": False}, True),
    ],
    "seq2seq_vs_attention": [
        (C, "seq2seqは入力系列を1つの固定長ベクトルに圧縮するため長文が苦手だが、Attentionは出力の各単語がどの入力単語と関係するかを学習するので長文にも対応できる。",
         {"fixed_length": True, "relevance": True}, False),
        (P, "seq2seqは固定長のベクトルしか扱えない。", {"fixed_length": True, "relevance": False}, False),
        (N, "Attentionは入力と出力の対応関係を学習しない。", {"fixed_length": False, "relevance": False}, None),
        (E, "Plain seq2seq struggles with long sentences, while attention learns which source words are relevant to each target word.",
         {"fixed_length": True, "relevance": True}, False),
        (E, "Attention also squeezes everything into a fixed-length vector.", {"fixed_length": False, "relevance": False}, None),
    ],
}
