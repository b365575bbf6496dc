"""Messages of the quiz checker (``grade quiz``): verdicts, refusal reasons, notes.

Item-specific questions and hints live in the item data (``quizzes/*.toml``).
"""
from rnn_grader.messages import Text

MESSAGES = {
    # verdicts
    "quiz.right": Text(en="Right.", ja="正解です。"),
    "quiz.wrong": Text(en="Not right.", ja="不正解です。"),
    "quiz.refused": Text(en="Could not read your answer: {reason}",
                         ja="解答を読み取れませんでした: {reason}"),
    "quiz.read_as": Text(en="read as: {expr}", ja="読み取り結果: {expr}"),
    "quiz.verdict_right": Text(en="RIGHT", ja="正解"),
    "quiz.verdict_wrong": Text(en="WRONG", ja="不正解"),
    "quiz.verdict_unread": Text(en="NOT READ", ja="読み取れず"),
    "quiz.how_to_answer": Text(en='Answer with: grade quiz {id} "ANSWER"',
                               ja='解答するには: grade quiz {id} "解答"'),
    "quiz.unknown_id": Text(en="Unknown quiz id {id!r}. `grade quiz --list` shows the ids.",
                            ja="クイズID {id!r} はありません。`grade quiz --list` で一覧を表示できます。"),
    "quiz.missing_args": Text(en="Give a quiz id and an answer, or use --list.",
                              ja="クイズIDと解答を指定するか、--list を使ってください。"),
    # how equality was decided
    "quiz.proved": Text(en="(Equality shown symbolically.)", ja="（記号計算で等しいことを確認しました。）"),
    "quiz.numeric_note": Text(
        en="(Symbolic simplification did not settle it within the {seconds} s limit; "
           "checked numerically at {points} random points instead.)",
        ja="（記号的な簡約では制限時間 {seconds} 秒以内に決着しなかったため、"
           "{points} 個の乱数点で数値的に確認しました。）"),
    "quiz.generic_hint": Text(
        en="Your expression is not equal to the expected one. Check each step of the derivation.",
        ja="式が正解と一致しません。導出の各ステップを見直してください。"),
    "quiz.choice_hint": Text(en="That is not the right choice.", ja="その選択肢は正しくありません。"),
    "quiz.word_hint": Text(en="That is not the expected term.", ja="期待される用語ではありません。"),
    "quiz.word_negated": Text(
        en="Your answer says what it is not (\"not …\", \"…ではない\"); say what it is.",
        ja="「〜ではない」のように否定の形になっています。何であるかを答えてください。"),
    "quiz.word_ambiguous": Text(en="Your answer names more than one candidate; give just one.",
                                ja="複数の候補が含まれています。一つだけ答えてください。"),
    "quiz.size_hint": Text(en="That size is not right; recompute (in + 2·pad − filter)/stride + 1.",
                           ja="サイズが違います。(入力 + 2×パディング − フィルタ)/ストライド + 1 を計算し直してください。"),
    "quiz.matrix_hint": Text(en="The matrix is not the expected one.",
                             ja="行列が正解と一致しません。"),
    "quiz.transpose_note": Text(en="(Read with one embedded vector per row, the transpose; also accepted.)",
                                ja="（1行に1つの埋め込みベクトルを並べた転置の形として読みました。これも正解です。）"),
    # refusal reasons
    "quiz.refused_empty": Text(en="the answer is empty.", ja="解答が空です。"),
    "quiz.refused_length": Text(en="the answer is longer than {limit} characters.",
                                ja="解答が {limit} 文字を超えています。"),
    "quiz.refused_char": Text(en="the character {char} is not allowed here.",
                              ja="文字 {char} はここでは使えません。"),
    "quiz.refused_control": Text(en="control characters (such as NUL) are not allowed.",
                                 ja="制御文字（NUL など）は使えません。"),
    "quiz.refused_dunder": Text(en="names starting with an underscore ({name}) are not allowed.",
                                ja="アンダースコアで始まる名前（{name}）は使えません。"),
    "quiz.refused_attribute": Text(en="attribute access with '.' is not allowed in a formula.",
                                   ja="数式の中で '.' による属性アクセスは使えません。"),
    "quiz.refused_string": Text(en="quotes and strings are not allowed in a formula.",
                                ja="数式の中で引用符や文字列は使えません。"),
    "quiz.refused_name": Text(en="unknown name {name}. Allowed names: {allowed}.",
                              ja="{name} は使えない名前です。使える名前: {allowed}。"),
    "quiz.refused_number": Text(en="the number {number} has too many digits (at most {limit}).",
                                ja="数 {number} の桁数が多すぎます（最大 {limit} 桁）。"),
    "quiz.refused_exponent": Text(en="an exponent is too large (its size may be at most {limit}).",
                                  ja="指数が大きすぎます（絶対値は {limit} 以下にしてください）。"),
    "quiz.refused_power": Text(en="a power of numbers would be too large to compute.",
                               ja="数のべき乗が大きすぎて計算できません。"),
    "quiz.refused_depth": Text(en="the formula is nested too deeply (more than {limit} levels).",
                               ja="数式の入れ子が深すぎます（{limit} 段を超えています）。"),
    "quiz.refused_tokens": Text(en="the formula has too many parts (more than {limit}).",
                                ja="数式の要素が多すぎます（{limit} 個を超えています）。"),
    "quiz.refused_syntax": Text(en="the formula is incomplete or malformed near {near}.",
                                ja="{near} の付近で数式が不完全か、書き方が正しくありません。"),
    "quiz.refused_undefined": Text(en="the formula is undefined (for example a division by zero).",
                                   ja="数式が定義されません（0 による割り算など）。"),
    "quiz.refused_unprocessable": Text(en="the formula could not be processed (a value is out of range).",
                                       ja="数式を処理できませんでした（値が範囲外です）。"),
    "quiz.refused_parens": Text(en="the parentheses do not match.", ja="括弧の対応が取れていません。"),
    "quiz.refused_function_arg": Text(en="the function {name} needs one argument, e.g. {name}(x).",
                                      ja="関数 {name} には引数が1つ必要です（例: {name}(x)）。"),
    "quiz.refused_equation": Text(
        en="the left side of '=' should name the asked quantity (for example {example}); "
           "or write only the right side.",
        ja="'=' の左辺は問われている量（例: {example}）にしてください。右辺だけを書いても構いません。"),
    "quiz.refused_matrix": Text(en="write the matrix row by row, e.g. [[1, 2], [3, 4]].",
                                ja="行列は行ごとに書いてください（例: [[1, 2], [3, 4]]）。"),
    "quiz.refused_choice": Text(en="answer with the number of one of the choices, e.g. 2, (2) or 2番.",
                                ja="選択肢の番号で答えてください（例: 2、(2)、2番）。"),
    "quiz.refused_expansion": Text(
        en="the formula would have more than {limit} terms when multiplied out; write it more simply.",
        ja="数式を展開すると {limit} 項を超えます。もっと簡単な形で書いてください。"),
    "quiz.refused_costly": Text(
        en="judging this answer needs more than {seconds} s or {megabytes} MB; write it more simply.",
        ja="この解答の判定には {seconds} 秒または {megabytes} MB を超える計算が必要です。もっと簡単な形で書いてください。"),
    "quiz.refused_undecided": Text(
        en="the formula cannot be evaluated at the test points (it overflows or is undefined there).",
        ja="数式を確認用の点で評価できません（値があふれるか、定義されません）。"),
    "quiz.refused_size": Text(en="write the size as 3, 3x3, 3×3 or (3, 3).",
                              ja="サイズは 3、3x3、3×3、(3, 3) のように書いてください。"),
}
