"""Messages of `grade experiments` (the study notes' hyperparameter experiment)."""
from rnn_grader.messages import Text

MESSAGES = {
    "experiments.title": Text(en="Your train under the study notes' settings ({iters} iterations, batch {batch}, seed {seed})",
                              ja="学習ノートの設定であなたの train を実行（{iters} 回、バッチ {batch}、seed {seed}）"),
    "experiments.progress": Text(en="training", ja="学習中"),
    "experiments.progress_at": Text(en="training ({setting} done)", ja="学習中（{setting} 完了）"),
    "experiments.column.setting": Text(en="setting", ja="設定"),
    "experiments.column.changes": Text(en="changed from the baseline", ja="基準からの変更"),
    "experiments.column.accuracy": Text(en="accuracy", ja="正解率"),
    "experiments.column.norm": Text(en="max |grad|", ja="最大勾配ノルム"),
    "experiments.baseline": Text(en="baseline", ja="基準"),
    "experiments.hidden_64": Text(en="hidden 64", ja="隠れ層 64"),
    "experiments.hidden_4": Text(en="hidden 4", ja="隠れ層 4"),
    "experiments.large_lr": Text(en="large lr", ja="大きな学習率"),
    "experiments.large_init": Text(en="large init", ja="大きな初期値"),
    "experiments.tanh": Text(en="tanh", ja="tanh に変更"),
    "experiments.relu": Text(en="relu", ja="relu に変更"),
    "experiments.relu_clip": Text(en="relu + clip", ja="relu＋クリップ"),
    "experiments.legend": Text(
        en="accuracy: the share of all 16 384 sums a + b (a, b < 128) the trained network adds without a wrong "
           "bit. max |grad|: the largest norm of all gradients together, before clipping. Every run starts "
           "from the same seed; compare each setting with the baseline (sigmoid, hidden=16, lr=0.1, init_std=1.0, "
           "no clipping).",
        ja="正解率: 学習後のネットワークが 1 ビットも間違えずに計算できた足し算 a + b（a, b < 128 の全 16 384 通り）の割合。"
           "最大勾配ノルム: 全勾配をまとめたノルムの最大値（クリッピング前）。どの実行も同じ seed から始まるので、"
           "各設定を基準（sigmoid、hidden=16、lr=0.1、init_std=1.0、クリッピングなし）と比べてください。"),
    "experiments.failed": Text(en="the module could not run: {error}", ja="モジュールを実行できませんでした: {error}"),
    "experiments.unknown": Text(en="{name} has no experiments; only {known} does.",
                                ja="{name} には実験がありません（実験があるのは {known} だけです）。"),
    "experiments.no_module": Text(en="no module {name}.py (or notebook {name}.ipynb) in {path}.",
                                  ja="{path} に {name}.py（またはノートブック {name}.ipynb）がありません。"),
}
