"""Messages of the `grade` command's own output."""
from rnn_grader.messages import Text

MESSAGES = {
    "table.exercise": Text(en="exercise", ja="演習"),
    "table.score": Text(en="score", ja="得点"),
    "table.status": Text(en="status", ja="状態"),
    "table.total": Text(en="Total: {score}/{max}   (seed {seed}: `grade --seed {seed}` repeats this run)",
                        ja="合計: {score}/{max}   （seed {seed}。`grade --seed {seed}` で同じ入力を再現できます）"),
    "table.output": Text(en="what your code printed:", ja="コードが出力した内容:"),
    "table.all_passed": Text(en="All exercises passed. Well done!", ja="すべての演習に合格しました。お見事です！"),
    "cli.unknown_exercise": Text(en="unknown exercise: {names}. Known: {known}",
                                 ja="不明な演習です: {names}。存在する演習: {known}"),
    "cli.missing_folder": Text(en="no such folder: {path}", ja="フォルダがありません: {path}"),
}
