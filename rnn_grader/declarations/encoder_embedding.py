"""encoder_embedding: the seq2seq encoder of the exam question, and embedding lookup.

The exam question asks for the blank ``e = ?``; its distractors ``E.T.dot(w)`` and ``E * w``
are misconceptions here (``w.dot(E.T)``, choice (3), equals ``E.dot(w)`` for a 1-D ``w`` and
is accepted).  Shape-mixing mistakes only run when some sizes coincide, so the first drawn
case has ``De == Dh == V``; the later cases have unequal sizes.  When a learner's function
raises, a misconception whose formula raises the very same error is still named, and a shape
error gets a reminder of every array's shape.
"""
import numpy as np

from rnn_grader.engine import Exercise, Misconception, Text, ValueCheck
from solutions.encoder_embedding import embedding_lookup, encode

ORDER = 6

# (De, Dh, V); the first one lets every shape-mixing mistake run (and be named by its value)
ENCODER_SHAPES = [(4, 4, 4), (3, 5, 7), (4, 4, 6), (5, 3, 5), (2, 6, 6), (6, 2, 4)]


# ----------------------------------------------------------------------------- inputs
def encoder_weights(rng, De, Dh, V):
    """E (De, V), W (Dh, De), U (Dh, Dh), b (Dh,): scaled so that tanh is not saturated."""
    E = rng.standard_normal((De, V))
    W = rng.normal(0.0, 0.7, (Dh, De))
    U = rng.normal(0.0, 0.7, (Dh, Dh))
    b = rng.normal(0.0, 0.5, Dh)
    return E, W, U, b


def sentences(rng):
    """One sentence per shape: n = 1..6 one-hot rows (the first: 4 distinct words)."""
    for k, (De, Dh, V) in enumerate(ENCODER_SHAPES):
        ids = rng.permutation(V)[:4] if k == 0 else rng.integers(0, V, int(rng.integers(1, 7)))
        yield (np.eye(V)[ids], *encoder_weights(rng, De, Dh, V))


def no_words(rng):
    """An empty sentence, words of shape (0, V): the state stays at zeros (Dh,)."""
    for De, Dh, V in [(3, 5, 4), (4, 2, 6)]:
        yield (np.zeros((0, V)), *encoder_weights(rng, De, Dh, V))


def lookups(rng):
    """ids as a Python list or an int64 array, repeats allowed; the first E is square."""
    for k, (De, V, n) in enumerate([(4, 4, 3), (3, 7, 5), (5, 6, 1), (2, 5, 4)]):
        E = rng.standard_normal((De, V))
        ids = rng.integers(0, V, n)
        if k == 1:
            ids[0] = V - 1                     # beyond De: E[ids] cannot take rows
        yield (ids.tolist() if k % 2 == 0 else ids.astype(np.int64)), E


# ----------------------------------------------------------------------------- wrong encoders
def encoder(embed=lambda E, w: E.dot(w), step=lambda W, U, b, e, h: np.tanh(W.dot(e) + U.dot(h) + b),
            start=lambda W, E: np.zeros(W.shape[0]), order=lambda words: words, keep_all=False,
            finish=lambda h: h):
    """An ``encode(words, E, W, U, b)`` with one of its parts replaced."""
    def run(words, E, W, U, b):
        h, states = start(W, E), []
        for w in order(words):
            h = step(W, U, b, embed(E, w), h)
            states.append(h)
        return np.array(states) if keep_all else finish(h)
    return run


def one_hot(ids, V):
    return np.eye(V)[ids]                      # (n, V)


HIDDEN_SIZE_FROM_E = Text(
    en="your state starts as zeros of the embedding size De (`E.shape[0]`), but h has the hidden "
       "size Dh: start from `np.zeros(Dh)` with Dh = `W.shape[0]` (or `b.shape[0]`). It only "
       "worked while De happened to equal Dh.",
    ja="隠れ状態を埋め込みの次元 De（`E.shape[0]`）のゼロで始めていますが、h の次元は隠れ層の Dh です。"
       "Dh = `W.shape[0]`（または `b.shape[0]`）として `np.zeros(Dh)` から始めてください。"
       "De と Dh が偶然等しいときだけ動いていました。")

ENCODE_WRONG = [
    Misconception("tanh_after_loop", encoder(step=lambda W, U, b, e, h: W.dot(e) + U.dot(h) + b, finish=np.tanh), Text(
        en="tanh is applied once, after the loop: inside it h = W e + U h + b stays linear. The "
           "nonlinearity belongs to every step, `h = np.tanh(W.dot(e) + U.dot(h) + b)`, so each "
           "new state is squashed before the next word reads it.",
        ja="tanh をループの後で 1 回だけ適用しています。ループの中の h = W e + U h + b は線形のままです。"
           "非線形変換は毎時刻のもので、`h = np.tanh(W.dot(e) + U.dot(h) + b)` のように各状態を次の単語で使う前に押しつぶします。")),
    Misconception("transposed_embedding", encoder(embed=lambda E, w: E.T.dot(w)), Text(
        en="your embedding is `E.T.dot(w)` (exam choice (2)): that takes a ROW of E and only runs "
           "when De == V. E is (De, V) and its column j is the embedding of word j, so "
           "`e = E.dot(w)` (choice (1)).",
        ja="埋め込みが `E.T.dot(w)`（試験の選択肢 (2)）になっています。これは E の「行」を取り出し、"
           "De == V のときしか動きません。E は (De, V) で、単語 j の埋め込みは E の列 j なので、"
           "`e = E.dot(w)`（選択肢 (1)）です。")),
    Misconception("elementwise_embedding", encoder(embed=lambda E, w: E * w), Text(
        en="your embedding is `E * w` (exam choice (4)): the element-wise product broadcasts to a "
           "(De, V) matrix that is zero except one column, so h becomes a matrix. Multiply the "
           "matrix by the vector instead: `e = E.dot(w)` (De,) (choice (1)).",
        ja="埋め込みが `E * w`（試験の選択肢 (4)）になっています。要素ごとの積はブロードキャストされて"
           "(De, V) の行列（1 列以外はゼロ）になり、h まで行列になってしまいます。行列とベクトルの積 "
           "`e = E.dot(w)`（形状 (De,)、選択肢 (1)）を使ってください。")),
    Misconception("swapped_W_U", encoder(step=lambda W, U, b, e, h: np.tanh(W.dot(h) + U.dot(e) + b)), Text(
        en="you computed `tanh(W.dot(h) + U.dot(e) + b)`: W and U are swapped. W (Dh, De) maps the "
           "embedding e to the hidden layer, U (Dh, Dh) maps the previous state h: "
           "`h = tanh(W.dot(e) + U.dot(h) + b)`.",
        ja="`tanh(W.dot(h) + U.dot(e) + b)` になっていて、W と U が逆です。W (Dh, De) は埋め込み e を、"
           "U (Dh, Dh) は前の状態 h を隠れ層へ写します: `h = tanh(W.dot(e) + U.dot(h) + b)`。")),
    Misconception("no_bias", encoder(step=lambda W, U, b, e, h: np.tanh(W.dot(e) + U.dot(h))), Text(
        en="the bias b is missing: each step is `h = tanh(W.dot(e) + U.dot(h) + b)`.",
        ja="バイアス b が抜けています。各ステップは `h = tanh(W.dot(e) + U.dot(h) + b)` です。")),
    Misconception("no_activation", encoder(step=lambda W, U, b, e, h: W.dot(e) + U.dot(h) + b), Text(
        en="the activation is missing: without tanh the encoder is linear and h can grow without "
           "bound. Apply `np.tanh` to `W.dot(e) + U.dot(h) + b` at every step.",
        ja="活性化関数がありません。tanh がないとエンコーダは線形になり、h が際限なく大きくなり得ます。"
           "毎ステップ `W.dot(e) + U.dot(h) + b` に `np.tanh` を適用してください。")),
    Misconception("no_recurrence", encoder(step=lambda W, U, b, e, h: np.tanh(W.dot(e) + b)), Text(
        en="your h depends only on the last word: the previous state is dropped (`U.dot(h)` "
           "missing, or h reset to zeros inside the loop). Start from zeros once, before the "
           "loop, and carry h from word to word through `U.dot(h)`.",
        ja="h が最後の単語だけで決まっています（`U.dot(h)` がない、またはループ内で h をゼロに戻している）。"
           "ゼロから始めるのはループの前の一度だけにして、`U.dot(h)` で h を次の単語へ引き継いでください。")),
    Misconception("all_states", encoder(keep_all=True), Text(
        en="you returned the hidden states of every word, shape (n, Dh). The encoder returns only "
           "the last state h, shape (Dh,): it summarizes the whole sentence.",
        ja="全単語の隠れ状態（形状 (n, Dh)）を返しています。エンコーダが返すのは最後の状態 h（形状 (Dh,)）"
           "だけで、これが文全体を要約します。")),
    Misconception("reversed_words", encoder(order=lambda words: words[::-1]), Text(
        en="you read the sentence from the last word to the first. The encoder reads the words "
           "in order, `for w in words`.",
        ja="文を最後の単語から逆順に読んでいます。エンコーダは単語を順番どおりに読みます（`for w in words`）。")),
    Misconception("last_word_dropped", encoder(order=lambda words: words[:-1]), Text(
        en="the last word is not used (an off-by-one in the loop, e.g. `range(len(words) - 1)`): "
           "every word must update h, `for w in words`.",
        ja="最後の単語が使われていません（`range(len(words) - 1)` のようなループの範囲の誤り）。"
           "すべての単語で h を更新してください（`for w in words`）。")),
    Misconception("hidden_size_from_embedding", encoder(start=lambda W, E: np.zeros(E.shape[0])),
                  HIDDEN_SIZE_FROM_E),
    Misconception("hidden_size_from_embedding",
                  encoder(start=lambda W, E: np.zeros(E.shape[0]),
                          step=lambda W, U, b, e, h: np.tanh(W @ e + U @ h + b)), HIDDEN_SIZE_FROM_E),
]

ROWS_NOT_COLUMNS = Text(
    en="you took ROWS of E (`E[ids]`, or one-hot rows times E). E is (De, V): the embedding of "
       "word j is its COLUMN `E[:, j]`, so the result is `E[:, ids].T` (= one-hot rows `.dot(E.T)`).",
    ja="E の「行」を取り出しています（`E[ids]`、または one-hot 行に E をそのまま掛けている）。E は (De, V) で、"
       "単語 j の埋め込みは「列」`E[:, j]` です。結果は `E[:, ids].T`（= one-hot 行 `.dot(E.T)`）です。")

LOOKUP_WRONG = [
    Misconception("rows_not_columns", lambda ids, E: E[ids], ROWS_NOT_COLUMNS),
    Misconception("rows_not_columns", lambda ids, E: one_hot(ids, E.shape[1]) @ E, ROWS_NOT_COLUMNS),
    Misconception("rows_not_columns", lambda ids, E: one_hot(ids, E.shape[1]).dot(E), ROWS_NOT_COLUMNS),
    Misconception("columns_not_transposed", lambda ids, E: E[:, ids], Text(
        en="you returned the columns side by side, shape (De, n): the right vectors but the "
           "wrong layout. One row per word is expected, shape (n, De): transpose, `E[:, ids].T`.",
        ja="列を横に並べたまま（形状 (De, n)）返しています。ベクトルは正しいのですが並べ方が違います。"
           "単語ごとに 1 行、形状 (n, De) にするため転置してください（`E[:, ids].T`）。")),
    Misconception("one_hot_not_embedded", lambda ids, E: one_hot(ids, E.shape[1]), Text(
        en="you returned the one-hot rows (n, V) themselves. They still have to be embedded: "
           "multiply by E.T, or take the columns of E directly, `E[:, ids].T`.",
        ja="one-hot 行 (n, V) をそのまま返しています。さらに埋め込む必要があります: E.T を掛けるか、"
           "E の列を直接取り出してください（`E[:, ids].T`）。")),
]

ENCODE_SHAPES_HINT = Text(
    en="reminder of the shapes: a word w is a one-hot row of words, (V,); E is (De, V), so its "
       "embedding is `e = E.dot(w)` (De,); W is (Dh, De) and multiplies e; U is (Dh, Dh) and "
       "multiplies h; b and h are (Dh,), with h starting at `np.zeros(Dh)`.",
    ja="形状の確認: 単語 w は words の one-hot 行で (V,)。E は (De, V) なので埋め込みは `e = E.dot(w)` で (De,)。"
       "W は (Dh, De) で e に、U は (Dh, Dh) で h に掛けます。b と h は (Dh,) で、h は `np.zeros(Dh)` から始めます。")
LOOKUP_SHAPES_HINT = Text(
    en="reminder of the shapes: E is (De, V), one COLUMN per word of the vocabulary; ids holds n "
       "ids in [0, V); the result is (n, De), e.g. `E[:, ids].T`.",
    ja="形状の確認: E は (De, V) で、語彙の単語ごとに 1「列」です。ids は [0, V) の ID が n 個。"
       "結果は (n, De) で、例えば `E[:, ids].T` です。")


EXERCISE = Exercise("encoder_embedding", Text(en="Encoder and word embedding", ja="エンコーダと単語埋め込み"), checks=[
    ValueCheck("encode_sentences", points=4, function="encode", inputs=sentences,
               reference=encode, misconceptions=ENCODE_WRONG, shape_hint=ENCODE_SHAPES_HINT,
               title=Text(en="encode: sentences of 1 to 6 words", ja="encode: 1〜6 単語の文")),
    ValueCheck("encode_no_words", points=1, function="encode", inputs=no_words,
               reference=encode, misconceptions=ENCODE_WRONG, shape_hint=ENCODE_SHAPES_HINT,
               title=Text(en="encode: no words gives zeros (Dh,)", ja="encode: 単語なしならゼロ (Dh,)")),
    ValueCheck("embedding_lookup", points=3, function="embedding_lookup", inputs=lookups,
               reference=embedding_lookup, misconceptions=LOOKUP_WRONG, shape_hint=LOOKUP_SHAPES_HINT,
               title=Text(en="embedding_lookup: ids as a list or an int array",
                          ja="embedding_lookup: ID のリストまたは整数配列")),
])
