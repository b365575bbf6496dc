"""Messages of the HTML class report (`grade cohort DIR --report report.html`)."""
from rnn_grader.messages import Text

MESSAGES = {
    # page
    "report.title": Text(en="Class report", ja="クラス成績レポート"),
    "report.subtitle": Text(
        en="Students: {students}. Exercises: {exercises}. Seed {seed}. Graded in {seconds} s.",
        ja="学生 {students} 人、演習 {exercises} 題、シード {seed}、採点時間 {seconds} 秒。"),
    "report.no_isolation": Text(
        en="These submissions were graded without a sandbox (bubblewrap was not available).",
        ja="この採点はサンドボックスなしで行われました（bubblewrap が使えませんでした）。"),
    "report.contents": Text(en="Contents", ja="目次"),
    "report.no_students": Text(en="No student was graded.", ja="採点された学生はいません。"),
    # section headings
    "report.h.overview": Text(en="Overview", ja="概要"),
    "report.h.distribution": Text(en="Score distribution", ja="得点分布"),
    "report.h.misconceptions": Text(en="Misconceptions", ja="よくある誤解"),
    "report.h.not_run": Text(en="Submissions that did not run", ja="実行できなかった提出"),
    "report.h.students": Text(en="Students", ja="学生一覧"),
    "report.h.quiz": Text(en="Quiz", ja="確認テスト"),
    "report.h.quiz_items": Text(en="Per item", ja="問題ごと"),
    "report.h.quiz_students": Text(en="Per student", ja="学生ごと"),
    "report.h.class_total": Text(en="Whole class (total score)", ja="クラス全体（合計点）"),
    # overview
    "report.overview.caption": Text(
        en="Each exercise: class mean, full marks, wrong answers, and submissions that did not run.",
        ja="演習ごとのクラス平均、満点の人数、誤答の人数、実行できなかった提出の数。"),
    "report.col.exercise": Text(en="Exercise", ja="演習"),
    "report.col.max": Text(en="Max", ja="配点"),
    "report.col.mean": Text(en="Mean", ja="平均"),
    "report.col.median": Text(en="Median", ja="中央値"),
    "report.col.full": Text(en="Full marks", ja="満点"),
    "report.col.failed": Text(en="Wrong answers", ja="誤答"),
    "report.col.not_run": Text(en="Did not run", ja="実行不可"),
    "report.col.top": Text(en="Most common misconception", ja="最も多い誤解"),
    "report.col.student": Text(en="Student", ja="学生"),
    "report.col.total": Text(en="Total", ja="合計"),
    "report.col.quiz": Text(en="Quiz", ja="確認テスト"),
    "report.col.status": Text(en="Status", ja="状態"),
    "report.col.message": Text(en="Message", ja="メッセージ"),
    "report.col.misconception": Text(en="Misconception", ja="誤解"),
    "report.col.students": Text(en="Students", ja="人数"),
    "report.col.explanation": Text(en="Explanation for the class", ja="クラスへの説明"),
    "report.col.item": Text(en="Item", ja="問題"),
    "report.col.question": Text(en="Question", ja="設問"),
    "report.col.right": Text(en="Right", ja="正解"),
    "report.col.answered": Text(en="Answered", ja="回答数"),
    "report.col.read_as": Text(en="Read as", ja="解釈"),
    "report.stats": Text(
        en="mean {mean} / {max}, median {median}, full marks {full} of {students}",
        ja="平均 {mean} / {max}、中央値 {median}、満点 {full} / {students} 人"),
    # charts
    "report.chart.score": Text(en="score", ja="得点"),
    "report.chart.students": Text(en="students", ja="人数"),
    "report.chart.histogram": Text(
        en="Histogram of the scores for {what}, out of {max}.",
        ja="{what} の得点分布（{max} 点満点）のヒストグラム。"),
    "report.chart.bin": Text(en="score {range}: {count} student(s)", ja="得点 {range}: {count} 人"),
    "report.chart.bars": Text(
        en="Bar chart: how many students hit each misconception of {what}.",
        ja="棒グラフ: {what} の誤解ごとの人数。"),
    "report.chart.bar": Text(en="{name}: {count} student(s)", ja="{name}: {count} 人"),
    # misconceptions
    "report.misc.intro": Text(
        en="A student is counted once per misconception named in any of their checks. The most "
           "common one is listed first: address it in the next lecture.",
        ja="いずれかのチェックで誤解が特定された学生を、誤解ごとに 1 回数えています。最も多い誤解を先頭に"
           "並べています。次の講義で取り上げてください。"),
    "report.misc.caption": Text(
        en="Misconceptions of {exercise}, most common first.",
        ja="{exercise} の誤解（多い順）。"),
    "report.misc.none": Text(
        en="No known misconception was recognized in this exercise.",
        ja="この演習では既知の誤解は見つかりませんでした。"),
    "report.misc.unknown": Text(
        en="(no explanation declared for this name)", ja="（この名前の説明は宣言されていません）"),
    "report.misc.top": Text(en="most common", ja="最多"),
    "report.misc.unnamed": Text(
        en="Wrong answers that matched no known misconception: {count}.",
        ja="ほかに {count} 人の誤答は既知の誤解に当てはまりませんでした。"),
    # did not run
    "report.not_run.intro": Text(
        en="These submissions lost points because they did not run to the end (time or memory "
           "limit, crash, exception, refused or missing), not because of a wrong answer. They are "
           "not counted as wrong answers above.",
        ja="以下の提出は、答えが間違っていたのではなく、最後まで実行できなかったため（時間・メモリ制限、"
           "クラッシュ、例外、受理不可、未提出）に失点しました。上の誤答には数えていません。"),
    "report.not_run.none": Text(en="Every submission ran to the end.", ja="すべての提出が最後まで実行されました。"),
    "report.not_run.caption": Text(en="{status}: {count}", ja="{status}: {count} 件"),
    "report.output": Text(en="printed output", ja="出力"),
    # statuses
    "report.status.passed": Text(en="passed", ja="合格"),
    "report.status.failed": Text(en="wrong answer", ja="誤答"),
    "report.status.error": Text(en="error or refused", ja="エラー・受理不可"),
    "report.status.timeout": Text(en="time limit", ja="時間切れ"),
    "report.status.memory": Text(en="memory limit", ja="メモリ超過"),
    "report.status.crashed": Text(en="crashed", ja="クラッシュ"),
    "report.status.missing": Text(en="missing", ja="未提出"),
    # students
    "report.students.caption": Text(
        en="Scores of every student. Select a column heading to sort.",
        ja="全学生の得点。列見出しを選ぶと並べ替えます。"),
    # quiz
    "report.quiz.intro": Text(
        en="{students} students handed in quiz answers.",
        ja="{students} 人が確認テストの回答を提出しました。"),
    "report.quiz.items_caption": Text(
        en="How many students answered each quiz item right.",
        ja="問題ごとの正解者数。"),
    "report.quiz.students_caption": Text(
        en="Quiz score of each student who handed in answers.",
        ja="回答を提出した学生ごとの確認テストの得点。"),
    "report.quiz.other": Text(
        en="unknown item ids or refused files", ja="不明な問題 ID・受理できないファイル"),
    "report.quiz.wrong": Text(en="Wrong or refused answers", ja="不正解・受理できなかった回答"),
}
