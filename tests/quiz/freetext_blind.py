"""A third set of hand-written answers, written after the checker was tuned on the first two.
First measurement: 46/52 points agreed (88.5%), every miss an under-credit (none credited
wrongly); the general causes (a lexicon word read as a verb alone, "Xだけだと", "Xを使うと",
note-style "LSTM: ...", -es plurals) were then fixed."""

C, P, N, R, K, O, E = "complete", "partial", "negated", "reversed", "keywords", "off_topic", "english"

CASES = {
    "lstm_vs_gru": [
        (C, "GRUはLSTMの入力ゲートと忘却ゲートを更新ゲートにまとめた構造で、LSTMよりパラメータ数が少ない。",
         {"gru_fewer_params": True, "gates": False}, True),
        (P, "LSTMは計算コストが高い。", {"gru_fewer_params": True, "gates": False}, False),
        (R, "パラメータ数はGRUの方が多い。", {"gru_fewer_params": False, "gates": False}, None),
        (N, "LSTMのパラメータ数が多いとは限らない。", {"gru_fewer_params": False, "gates": False}, None),
        (E, "GRU needs fewer weights and trains more quickly than LSTM.", {"gru_fewer_params": True, "gates": False}, False),
        (E, "LSTM is the lighter model.", {"gru_fewer_params": False, "gates": False}, None),
    ],
    "lstm_cec_problems": [
        (C, "LSTMはパラメータ数が多く計算コストが大きいこと、CECは重みが時間に関係なく一定で学習ができないこと。",
         {"lstm_many_params": True, "cec_cannot_learn": True}, False),
        (P, "CECだけだと学習能力がないので、ゲートが必要になる。", {"lstm_many_params": False, "cec_cannot_learn": True}, False),
        (R, "LSTMはパラメータが少ないので計算が速い。", {"lstm_many_params": False, "cec_cannot_learn": False}, False),
        (E, "LSTM: too many parameters, heavy computation. CEC: no ability to learn.",
         {"lstm_many_params": True, "cec_cannot_learn": True}, False),
    ],
    "rnn_third_weight_text": [
        (C, "前時刻の隠れ状態から次の時刻の隠れ状態への重み", {"hidden_to_hidden": True, "previous_step": True}, False),
        (C, "中間層の出力を次の時刻の中間層の入力として使うときの重み", {"hidden_to_hidden": True, "previous_step": True}, False),
        (R, "入力から中間層への重み", {"hidden_to_hidden": False, "previous_step": False}, None),
        (E, "The weight between the hidden layer at t-1 and the hidden layer at t.", {"hidden_to_hidden": True, "previous_step": True}, False),
    ],
    "seq2seq_hred_vhred": [
        (C, "HREDはseq2seqと違い、過去の発話の文脈を考慮して応答する。VHREDはHREDにVAEの潜在変数を導入し、応答の多様性を高めた。",
         {"hred_context": True, "vhred_diversity": True}, False),
        (P, "HREDは文脈を踏まえられるが、返答がありきたりになりがち。", {"hred_context": True, "vhred_diversity": False}, True),
        (R, "VHREDよりHREDの方が多様な応答ができる。", {"hred_context": False, "vhred_diversity": False}, None),
        (E, "seq2seq ignores the context; HRED uses it. VHRED adds a latent variable.",
         {"hred_context": True, "vhred_diversity": True}, False),
    ],
    "rnn_vs_word2vec": [
        (C, "word2vecは単語の埋め込みを学習するもので、RNNに比べて現実的な計算量で学習できる。", {"word2vec_vectors": True, "word2vec_cost": True}, False),
        (P, "word2vecは単語を分散表現に変換する。", {"word2vec_vectors": True, "word2vec_cost": False}, False),
        (R, "RNNの方がword2vecより計算が軽い。", {"word2vec_vectors": False, "word2vec_cost": False}, False),
        (E, "Unlike an RNN, word2vec learns word embeddings with a weight matrix of vocabulary size times embedding size.",
         {"word2vec_vectors": True, "word2vec_cost": True}, False),
    ],
    "seq2seq_vs_attention": [
        (C, "seq2seqは固定長のベクトルに情報を詰め込むため長い文で精度が落ちるが、Attentionは入力と出力の単語の関連度を学習する。",
         {"fixed_length": True, "relevance": True}, False),
        (P, "Attentionを使うと長い文でも翻訳できる。", {"fixed_length": False, "relevance": False}, True),
        (R, "seq2seqは長文に強く、Attentionは短文向けである。", {"fixed_length": False, "relevance": False}, None),
        (E, "seq2seq encodes the whole sentence into one vector of fixed size; attention focuses on the input words that matter for each output word.",
         {"fixed_length": True, "relevance": True}, False),
    ],
}
