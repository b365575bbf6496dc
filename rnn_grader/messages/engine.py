"""Messages of the grading engine: comparisons, calls and exercise statuses."""
from rnn_grader.messages import Text

MESSAGES = {
    # comparisons: got / expected
    "compare.none": Text(
        en="it returned None: the blank is still empty (or a `return` is missing).",
        ja="None が返りました。空欄がまだ埋まっていないか、`return` を書き忘れています。"),
    "compare.type": Text(
        en="it returned {got}, but {expected} is expected.",
        ja="戻り値が {got} ですが、{expected} を返す必要があります。"),
    "compare.shape": Text(
        en="the result has shape {got}, but shape {expected} is expected.",
        ja="結果の形状が {got} ですが、期待される形状は {expected} です。"),
    "compare.dtype": Text(
        en="the result has dtype {got}; use {expected} (do not round or cast to int/float32).",
        ja="結果の dtype が {got} です。{expected} にしてください（整数や float32 に変換しないこと）。"),
    "compare.nonfinite": Text(
        en="the result contains NaN or inf where the right answer is finite "
           "(a division by zero, or an overflow in exp?).",
        ja="正解は有限の値なのに、結果に NaN または inf が含まれています（ゼロ除算や exp のオーバーフローでは？）。"),
    "compare.values": Text(
        en="the values are wrong (relative error {error}).",
        ja="値が正しくありません（相対誤差 {error}）。"),
    "compare.int": Text(
        en="it returned {got}, but the answer is {expected}.",
        ja="戻り値は {got} ですが、正解は {expected} です。"),
    "compare.sequence": Text(
        en="it returned {got}, but a tuple of {expected} values is expected.",
        ja="戻り値が {got} ですが、{expected} 個の値のタプルを返す必要があります。"),
    "compare.item": Text(
        en="item {index} of the returned tuple: {detail}",
        ja="戻り値のタプルの {index} 番目: {detail}"),
    "compare.first_difference": Text(
        en="first difference at index {index}{where}: expected {expected}, got {got}.",
        ja="最初に食い違うのはインデックス {index}{where} です: 正解 {expected}、あなたの値 {got}。"),
    "compare.time_step": Text(en=" (time step t = {t})", ja="（時刻 t = {t}）"),
    "compare.unreadable": Text(
        en="the returned value could not be examined ({error}).",
        ja="戻り値を調べられませんでした（{error}）。"),
    # calls
    "case.with": Text(
        en="{function}({case}):",
        ja="{function}({case}) のとき:"),
    "call.missing_function": Text(
        en="the function `{function}` is not defined in your code (the module, or the notebook cells you ran).",
        ja="関数 `{function}` があなたのコード（モジュール、または実行したノートブックのセル）に定義されていません。"),
    "call.memory": Text(
        en="`{function}` ran out of memory (the limit is there to stop runaway allocations).",
        ja="`{function}` がメモリ制限を超えました（巨大な配列を作っていませんか）。"),
    "call.raised": Text(
        en="`{function}` raised {error}{where}.",
        ja="`{function}` で例外 {error} が発生しました{where}。"),
    "call.where": Text(en=" ({place})", ja="（{place}）"),
    "place.line": Text(en="line {line}", ja="{line} 行目"),
    "place.cell_line": Text(en="cell [{cell}], line {line}", ja="セル [{cell}] の {line} 行目"),
    "call.modified_input": Text(
        en="`{function}` changed its input `{name}` in place; work on a copy "
           "(e.g. `x = x.copy()`, or `x = x * c` instead of `x *= c`).",
        ja="`{function}` が入力 `{name}` を書き換えました。コピーに対して計算してください"
           "（`x = x.copy()` や、`x *= c` ではなく `x = x * c`）。"),
    "call.modified_input_readonly": Text(
        en="`{function}` tried to change one of its inputs in place ({error}); the grader passes "
           "inputs read-only. Work on a copy (e.g. `x = x.copy()`, or `x = x * c` instead of `x *= c`).",
        ja="`{function}` が入力のどれかをその場で書き換えようとしました（{error}）。採点では入力を読み取り専用で"
           "渡しています。コピーに対して計算してください（`x = x.copy()` や、`x *= c` ではなく `x = x * c`）。"),
    # gradient checks
    "gradient.wrong": Text(
        en="your gradient for `{key}` is wrong: {detail}",
        ja="`{key}` の勾配が正しくありません: {detail}"),
    "gradient.right": Text(
        en="your gradients for {keys} are right.",
        ja="{keys} の勾配は正しいです。"),
    "gradient.missing_key": Text(
        en="the key is missing from the returned dict.",
        ja="返された dict にこのキーがありません。"),
    "gradient.rel_error": Text(
        en="it differs from the numeric gradient (central differences of the loss), relative error {error}.",
        ja="数値勾配（損失の中心差分）と一致しません。相対誤差 {error}。"),
    # exercise statuses
    "check.lost": Text(
        en="[{title}] {score}/{points} points:",
        ja="［{title}］ {score}/{points} 点:"),
    "check.all_none": Text(
        en="{functions}: every call returned None, so the blanks are still empty. Fill in the TODO region.",
        ja="{functions}: どの呼び出しも None を返しました。空欄がまだ埋まっていません。TODO の部分を実装してください。"),
    "status.no_module": Text(
        en="no module `{name}.py` was found in the submission.",
        ja="提出物に `{name}.py` が見つかりません。"),
    "status.no_function": Text(
        en="your code (the module, or the notebook cells you ran) does not define {functions}.",
        ja="あなたのコード（モジュール、または実行したノートブックのセル）に {functions} が定義されていません。"),
    "status.timeout": Text(
        en="stopped after {seconds} s: an endless loop, or far too much work (at import or in a call).",
        ja="{seconds} 秒で打ち切りました。無限ループか、計算量が多すぎます（import 時または関数呼び出し時）。"),
    "status.memory": Text(
        en="the module ran out of memory while being imported.",
        ja="モジュールの import 中にメモリ制限を超えました。"),
    "status.crashed": Text(
        en="the Python process crashed (signal {signal}), e.g. through ctypes or runaway recursion.",
        ja="Python プロセスがクラッシュしました（シグナル {signal}）。ctypes や深すぎる再帰などが原因です。"),
    "status.exited": Text(
        en="the code ended the process (exit code {code}) before returning: "
           "do not call sys.exit / os._exit / quit in an exercise.",
        ja="値を返す前にプロセスが終了しました（終了コード {code}）。演習で sys.exit / os._exit / quit を呼ばないでください。"),
    "status.lost": Text(
        en="the sandbox lost this exercise's run; nothing came back.",
        ja="サンドボックスでの実行結果が返ってきませんでした。"),
    "status.import_error": Text(
        en="the module could not be imported: {error}{where}.",
        ja="モジュールを import できませんでした: {error}{where}。"),
    "status.too_large": Text(
        en="your functions returned more than the grader reads ({mb} MB of answers for one exercise): does a loop "
           "run past its limit (max_len, the number of steps)? Return only what the exercise asks for.",
        ja="関数が返した値が大きすぎて採点できません（1 つの演習の答えは {mb} MB まで）。ループが上限（max_len や"
           "ステップ数）を超えて回っていませんか。演習が求める値だけを返してください。"),
    "status.forged": Text(
        en="the result channel was tampered with; the result is not accepted.",
        ja="結果の受け渡し経路が改ざんされたため、結果は受け付けられません。"),
}
