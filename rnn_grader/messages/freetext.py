"""Messages of the free-text checker (記述式): points found or missing, review, cleaning.

Each item's point labels and hints live in its data (``quizzes/<id>.toml``).
"""
from rnn_grader.messages import Text

MESSAGES = {
    "quiz.freetext.score": Text(en="{score} of {max} points.", ja="{max} 点中 {score} 点です。"),
    "quiz.freetext.found": Text(en="Stated: {point}.", ja="書けている点: {point}。"),
    "quiz.freetext.missing": Text(en="Missing: {point}. {hint}", ja="足りない点: {point}。{hint}"),
    "quiz.freetext.contradicted": Text(
        en="Not credited: {point} is stated the other way round, negated, or of the wrong model. {hint}",
        ja="得点になりません: {point}が逆向き・否定・別のモデルについての文になっています。{hint}"),
    "quiz.freetext.half": Text(
        en="Half stated: {point} (only part of it is there, or it does not say of which model). {hint}",
        ja="半分だけ書けています: {point}（一部しか書かれていないか、どのモデルの話かが書かれていません）。{hint}"),
    "quiz.freetext.review": Text(
        en="This answer is flagged for review by an instructor; the score may change.",
        ja="この解答は講師の確認対象になりました。点数が変わることがあります。"),
    "quiz.freetext.reason.keywords": Text(
        en="It reads as a list of terms, not as sentences: terms alone earn no points.",
        ja="文ではなく用語の羅列として読み取りました。用語を並べただけでは得点になりません。"),
    "quiz.freetext.reason.off_topic": Text(
        en="Nothing in it is about what the question asks.",
        ja="設問の内容に関する記述が見つかりませんでした。"),
    "quiz.freetext.reason.salad": Text(
        en="Much of it could not be read as words.",
        ja="多くの部分を語として読み取れませんでした。"),
    "quiz.freetext.reason.points": Text(
        en="Some points are half stated or stated both ways.",
        ja="一部の点が半分だけ、または矛盾した形で書かれています。"),
    "quiz.freetext.empty": Text(en="The answer is empty.", ja="解答が空です。"),
    "quiz.freetext.cut": Text(en="The answer was cut to its first {limit} characters.",
                              ja="解答は先頭の {limit} 文字だけを読みました。"),
    "quiz.freetext.controls": Text(en="Control characters in the answer were removed.",
                                   ja="解答に含まれていた制御文字は取り除きました。"),
    # grade cohort: the instructor's review file
    "cohort.review_confirmed": Text(en="(Points confirmed by the instructor.)",
                                    ja="（講師が採点を確認しました。）"),
    "cohort.review_applied": Text(en="review: {count} free-text answers set from {path}.",
                                  ja="レビュー: {path} から記述式の解答 {count} 件の採点を反映しました。"),
    "cohort.review_skipped": Text(
        en="review: {count} entries name no graded free-text answer or point, skipped: {entries}",
        ja="レビュー: 採点済みの記述式の解答・観点に当たらない {count} 件を無視しました: {entries}"),
    "cohort.review_not_json": Text(en="review: {path} is not valid JSON (UTF-8); not applied.",
                                   ja="レビュー: {path} は正しい JSON (UTF-8) ではないため反映しません。"),
    "cohort.review_shape": Text(
        en='review: {path} must be {{"<student>": {{"<quiz id>": {{"<point id>": true|false}}}}}}; not applied.',
        ja='レビュー: {path} は {{"<学生>": {{"<問題 id>": {{"<観点 id>": true|false}}}}}} の形にしてください。反映しません。'),
    "cohort.review_too_large": Text(en="review: the file is too large (at most {limit} bytes); not applied.",
                                    ja="レビュー: ファイルが大きすぎます（上限 {limit} バイト）。反映しません。"),
    "cohort.summary.review": Text(
        en="free text: {points}/{max} points; {flagged} answers flagged for review (see the report).",
        ja="記述式: {max} 点中 {points} 点。講師の確認対象 {flagged} 件（レポート参照）。"),
    # the class report: answers to review
    "report.h.review": Text(en="Free-text answers to review", ja="確認が必要な記述式の解答"),
    "report.review.intro": Text(
        en="The checker was unsure of these answers. To confirm or change points, write them into "
           "{file} in the submissions folder (or pass --review FILE) and run grade cohort again; "
           "each row shows its entry.",
        ja="以下は自動採点が確信を持てなかった解答です。観点を確定・修正するには、提出フォルダの "
           "{file}（または --review FILE）に書いて grade cohort を再実行してください。各行にその書き方を示します。"),
    "report.review.none": Text(en="No answer is flagged for review.", ja="確認が必要な解答はありません。"),
    "report.review.caption": Text(en="Flagged free-text answers ({count})", ja="確認が必要な記述式の解答（{count} 件）"),
    "report.col.answer": Text(en="Answer", ja="解答"),
    "report.col.points": Text(en="Points found", ja="見つかった観点"),
    "report.col.entry": Text(en="Entry in review.json", ja="review.json の書き方"),
}
