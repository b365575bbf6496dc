"""Messages of `grade cohort`: the instructor's output and what a student's row may say."""
from rnn_grader.messages import Text

MESSAGES = {
    # warnings and errors for the instructor
    "cohort.no_isolation": Text(
        en="running without isolation: bubblewrap (bwrap) cannot start a sandbox on this machine, "
           "so submissions run as ordinary processes with resource limits only and could read or "
           "change your files. Grade untrusted submissions where `bwrap` works.",
        ja="隔離なしで実行しています: このマシンでは bubblewrap (bwrap) でサンドボックスを起動できないため、"
           "提出物はリソース制限だけをかけた通常のプロセスとして動き、あなたのファイルを読み書きできてしまいます。"
           "信頼できない提出物は `bwrap` が動く環境で採点してください。"),
    "cohort.no_students": Text(
        en="no student folders in {path} (expected {path}/<student>/<exercise>.py or .ipynb).",
        ja="{path} に学生のフォルダがありません（{path}/<学生>/<演習>.py または .ipynb の形を想定しています）。"),
    "cohort.report_missing": Text(
        en="--report needs the report writer (rnn_grader.report), which cannot be imported here: {error}",
        ja="--report にはレポート作成モジュール (rnn_grader.report) が必要ですが、import できません: {error}"),
    "cohort.written": Text(
        en="gradebook written to {path}",
        ja="成績表を {path} に書き出しました"),
    "cohort.report_written": Text(
        en="report written to {path}",
        ja="レポートを {path} に書き出しました"),
    "cohort.progress": Text(en="grading", ja="採点中"),
    # what a student's result may say
    "cohort.bad_notebook": Text(
        en="the notebook `{file}` could not be read ({error}); submit the notebook as saved by Jupyter.",
        ja="ノートブック `{file}` を読み込めませんでした（{error}）。Jupyter で保存したノートブックを提出してください。"),
    "cohort.bad_folder": Text(
        en="your folder could not be read ({error}); ask the instructor to check its permissions.",
        ja="提出フォルダを読み込めませんでした（{error}）。講師にフォルダのアクセス権を確認してもらってください。"),
    "cohort.bad_file": Text(
        en="the file `{file}` could not be read ({error}).",
        ja="ファイル `{file}` を読み込めませんでした（{error}）。"),
    "cohort.internal": Text(
        en="the grader itself failed on this exercise ({error}); please tell the instructor. "
           "Your other exercises were graded normally.",
        ja="この演習の採点中に採点システム側でエラーが起きました（{error}）。講師に知らせてください。"
           "ほかの演習は通常どおり採点されています。"),
    # quiz.json
    "cohort.quiz_refused": Text(
        en="quiz.json was not graded: {reason}",
        ja="quiz.json は採点されませんでした: {reason}"),
    "cohort.quiz_not_json": Text(
        en="it is not valid JSON (UTF-8).",
        ja="正しい JSON (UTF-8) ではありません。"),
    "cohort.quiz_not_object": Text(
        en='it must be one object {{"<quiz id>": "<answer>", ...}} with text answers.',
        ja='{{"<問題 id>": "<解答>", ...}} の形の 1 つのオブジェクトで、解答は文字列にしてください。'),
    "cohort.quiz_too_large": Text(
        en="it is too large (at most {limit} bytes).",
        ja="大きすぎます（上限 {limit} バイト）。"),
    "cohort.quiz_too_many": Text(
        en="it has too many answers (at most {limit}).",
        ja="解答の数が多すぎます（上限 {limit} 個）。"),
    "cohort.quiz_unknown": Text(
        en="there is no quiz with this id.",
        ja="この id の問題はありません。"),
    "cohort.quiz_failed": Text(
        en="the answer could not be checked ({error}).",
        ja="解答をチェックできませんでした（{error}）。"),
    # the summary printed at the end
    "cohort.summary.exercise": Text(en="exercise", ja="演習"),
    "cohort.summary.full": Text(en="full marks", ja="満点"),
    "cohort.summary.mean": Text(en="mean", ja="平均"),
    "cohort.summary.misconception": Text(en="most common misconception", ja="最も多い誤解"),
    "cohort.summary.quiz": Text(en="quiz: answers right {right}/{answers} (students: {students})",
                                ja="小テスト: {answers} 件中 {right} 件正解（{students} 人）"),
    "cohort.summary.total": Text(
        en="students: {students}, with full marks: {full}; graded {graded} in {seconds} s "
           "({per} s per student), {resumed} taken from saved state; seed {seed}.",
        ja="{students} 人中 {full} 人が満点。{graded} 人を {seconds} 秒で採点（1 人あたり {per} 秒）、"
           "{resumed} 人は保存済みの結果を使用。seed {seed}。"),
}
