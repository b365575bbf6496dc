"""Messages of the progress across runs (after the self-check's table, and `grade progress`)."""
from rnn_grader.messages import Text

MESSAGES = {
    "progress.now_passing": Text(en="Now passing (not last time): {names}. Well done!",
                                 ja="前回は不合格で、今回合格した演習: {names}。よくできました！"),
    "progress.now_failing": Text(en="Passing last time, not any more: {names}.",
                                 ja="前回は合格していたのに、今回は不合格の演習: {names}。"),
    "progress.overcome": Text(en="Misconception overcome in {exercise}: {headline}",
                              ja="{exercise} の誤解を克服しました: {headline}"),
    "progress.more": Text(en="`{command}` shows each exercise's progress.",
                          ja="`{command}` で演習ごとの経過を確認できます。"),
    "progress.none": Text(en="No run of `grade` is remembered for {path} yet.",
                          ja="{path} の `grade` の実行記録はまだありません。"),
    "progress.header": Text(en="{path}: {runs} runs remembered, from {first} to {last} (UTC).",
                            ja="{path}: 記録された実行 {runs} 回（{first} から {last} まで、UTC）。"),
    "progress.row": Text(en="{name}: {status} now (runs: {runs}); {since}",
                         ja="{name}: {runs} 回の実行で現在「{status}」。{since}"),
    "progress.passed_since": Text(en="passing since run {run}.", ja="{run} 回目から合格。"),
    "progress.not_yet": Text(en="not passing yet.", ja="まだ合格していません。"),
    "progress.met": Text(en="Misconceptions you met (✓ overcome, ✗ still there):",
                         ja="これまでに見つかった誤解（✓ 克服済み、✗ 未克服）:"),
}
