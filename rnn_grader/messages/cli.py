"""Messages of the `grade` command's own output (the self-check, --list-checks, progress)."""
from rnn_grader.messages import Text

MESSAGES = {
    "table.exercise": Text(en="exercise", ja="演習"),
    "table.score": Text(en="score", ja="得点"),
    "table.status": Text(en="status", ja="状態"),
    "table.what": Text(en="what it asks", ja="内容"),
    "table.total": Text(en="Total: {score}/{max}", ja="合計: {score}/{max}"),
    "table.repeat": Text(en="seed {seed}: `{command}` repeats this run",
                         ja="seed {seed}。`{command}` で同じ入力を再現できます"),
    "table.output": Text(en="what your code printed during all of this exercise's calls (not only the case above):",
                         ja="この演習のすべての呼び出しでコードが出力した内容（上のケースの分だけではありません）:"),
    "table.output_more": Text(en="… and {count} more lines", ja="…ほか {count} 行"),
    "table.all_passed": Text(en="All exercises passed. Well done!", ja="すべての演習に合格しました。お見事です！"),
    "table.untouched": Text(
        en="Not started yet: {names}. Every call returned None, so the blanks are still empty: "
           "fill in the TODO regions, then run `grade` again.",
        ja="まだ手をつけていない演習: {names}。どの呼び出しも None を返したので、空欄がまだ埋まって"
           "いません。TODO の部分を実装してから、もう一度 `grade` を実行してください。"),
    # the status words of the table (the JSON keeps the contract's English words)
    "word.passed": Text(en="passed", ja="合格"),
    "word.failed": Text(en="failed", ja="不合格"),
    "word.error": Text(en="error", ja="エラー"),
    "word.timeout": Text(en="timeout", ja="時間切れ"),
    "word.memory": Text(en="memory", ja="メモリ超過"),
    "word.crashed": Text(en="crashed", ja="異常終了"),
    "word.missing": Text(en="missing", ja="未提出"),
    "word.untouched": Text(en="not started", ja="未着手"),
    # where the submission is
    "cli.unknown_exercise": Text(en="unknown exercise: {names}. Known: {known}",
                                 ja="不明な演習です: {names}。存在する演習: {known}"),
    "cli.missing_folder": Text(en="no such folder or notebook: {path}",
                               ja="フォルダまたはノートブックがありません: {path}"),
    "cli.no_exercises_here": Text(
        en="there is no folder `exercises/` here. Run `grade` in the folder that holds `exercises/`, "
           "or name a folder or notebook: `grade --submission PATH`.",
        ja="ここには `exercises/` フォルダがありません。`exercises/` を含むフォルダで `grade` を実行するか、"
           "`grade --submission パス` でフォルダまたはノートブックを指定してください。"),
    "cli.grading_here": Text(
        en="There is no folder `exercises/` here, but this folder holds exercise modules: "
           "grading them (as `grade --submission .` does).",
        ja="ここには `exercises/` フォルダはありませんが、このフォルダに演習のモジュールがあるので、"
           "それを採点します（`grade --submission .` と同じ）。"),
    # grade --list-checks
    "list.exercise": Text(en="{name}: {title} ({points} points)", ja="{name}: {title}（{points} 点）"),
    "list.check": Text(en="{points} pt  {title}", ja="{points} 点  {title}"),
    # rnn_grader.check in a notebook
    "notebook.no_code": Text(
        en="No code to grade: call `rnn_grader.check(\"{name}\")` in a Jupyter or Colab notebook, "
           "after running the cells that define the functions.",
        ja="採点するコードが見つかりません。関数を定義したセルを実行したあとで、Jupyter または Colab の"
           "ノートブックで `rnn_grader.check(\"{name}\")` を呼んでください。"),
}
