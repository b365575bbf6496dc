"""A fourth set of hand-written answers, written after the checker was tuned on the other sets.
First measurement: 36/38 points agreed (94.7%), both misses flagged for review and neither a
false credit; the two general causes (possessive 's, "instead of X") were then fixed."""

C, P, N, R, K, O, E = "complete", "partial", "negated", "reversed", "keywords", "off_topic", "english"

CASES = {
    "lstm_vs_gru": [
        (C, "GRUはLSTMを簡略化したもので、ゲートはリセットゲートと更新ゲートの2つです。LSTMは入力・出力・忘却の3ゲートを持ちます。GRUの方が計算量が少なくて済みます。",
         {"gru_fewer_params": True, "gates": True}, False),
        (R, "LSTMの方がパラメータが少なく、GRUは計算が重いです。", {"gru_fewer_params": False, "gates": False}, False),
        (N, "GRUのパラメータ数はLSTMより少ないわけではありません。", {"gru_fewer_params": False, "gates": False}, None),
        (E, "The GRU is a lighter version of the LSTM with fewer parameters.", {"gru_fewer_params": True, "gates": False}, False),
    ],
    "lstm_cec_problems": [
        (C, "LSTMの課題：パラメータが多く計算負荷が大きい。CECの課題：それ自体に学習能力がない。",
         {"lstm_many_params": True, "cec_cannot_learn": True}, False),
        (N, "CECは学習能力がないわけではない。", {"lstm_many_params": False, "cec_cannot_learn": False}, None),
        (E, "LSTM is slow because it has a lot of parameters, and the CEC is not able to learn.",
         {"lstm_many_params": True, "cec_cannot_learn": True}, False),
    ],
    "rnn_third_weight_text": [
        (C, "過去の中間層の出力を現在の中間層に伝える重みです。", {"hidden_to_hidden": True, "previous_step": True}, False),
        (R, "中間層から出力層への重みです。", {"hidden_to_hidden": False, "previous_step": False}, None),
        (E, "The recurrent weight W applied to the hidden state of the previous step.",
         {"hidden_to_hidden": True, "previous_step": True}, False),
    ],
    "seq2seq_hred_vhred": [
        (C, "seq2seqは直前の発話だけから応答するのに対して、HREDは過去の複数の発話の文脈を使って応答します。HREDは短くありきたりな応答になりがちなので、VHREDでは潜在変数を導入して応答を多様にしています。",
         {"hred_context": True, "vhred_diversity": True}, False),
        (R, "HREDは文脈を使わず、seq2seqは文脈を使う。", {"hred_context": False, "vhred_diversity": False}, None),
        (E, "HRED, unlike seq2seq, conditions its reply on the previous utterances; VHRED's replies are less generic.",
         {"hred_context": True, "vhred_diversity": True}, False),
    ],
    "rnn_vs_word2vec": [
        (C, "word2vecはRNNと違い、単語を低次元のベクトルに埋め込む手法で、語彙数×埋め込み次元の重みで済むので計算が現実的になります。",
         {"word2vec_vectors": True, "word2vec_cost": True}, False),
        (N, "word2vecの計算量が少ないとは言えない。", {"word2vec_vectors": False, "word2vec_cost": False}, None),
        (E, "word2vec is cheaper to train than an RNN and gives each word a vector.",
         {"word2vec_vectors": True, "word2vec_cost": True}, False),
    ],
    "seq2seq_vs_attention": [
        (C, "seq2seqでは入力文を固定長のベクトルに変換するので長文の翻訳精度が下がります。Attentionでは出力の単語ごとに入力のどの単語が重要かを学習します。",
         {"fixed_length": True, "relevance": True}, False),
        (R, "seq2seqは長い文でも問題なく翻訳できるが、Attentionは固定長ベクトルに押し込む。", {"fixed_length": False, "relevance": False}, None),
        (E, "Attention lets the decoder look at the relevant encoder states instead of one fixed-length vector.",
         {"fixed_length": False, "relevance": True}, None),
    ],
}
