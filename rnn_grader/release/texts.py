"""The kit's own files: its pyproject.toml (learner dependencies only) and its README."""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

LEARNER_DEPENDENCIES = ["numpy>=1.24", "sympy>=1.12", "click>=8.1", "rich>=13", "nbformat>=5.9"]


def grader_version() -> str:
    try:
        return version("rnn-grader")
    except PackageNotFoundError:
        return "0.0.0"


def kit_pyproject() -> str:
    dependencies = "\n".join(f'    "{d}",' for d in LEARNER_DEPENDENCIES)
    return f'''[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "rnn-grader-kit"
version = "{grader_version()}"
description = "Learner kit: self-check and quizzes for Deep Learning Day 3 (RNN, LSTM, GRU, seq2seq, attention, VAE)"
requires-python = ">=3.10"
dependencies = [
{dependencies}
]

[project.scripts]
grade = "rnn_grader.launch:main"

[tool.setuptools.packages.find]
include = ["rnn_grader*"]

[tool.setuptools.package-data]
"*" = ["*.json", "bank/*.json", "bank/*.bin.gz"]
'''


README = {
    "en": """# Deep Learning Day 3: exercises and self-check (learner kit)

```bash
pip install .          # installs the `grade` command (numpy, sympy, click, rich, nbformat)
grade                  # grades your modules in ./exercises
```

Fill in the `TODO` regions of `exercises/<name>.py`, then run `grade` (all exercises) or
`grade -e <name>` (one). A wrong answer is explained: the check that failed, the case, and
the misconception when the evidence singles one out. `grade --lang ja` switches to Japanese,
`grade --json` prints one JSON object, `grade quiz --list` lists the derivation quizzes and
`grade quiz <id> "<answer>"` checks one. In Jupyter or Colab: `import rnn_grader;
rnn_grader.check("<name>")` grades the functions defined in the notebook.

The self-check practises on inputs of its own (`--seed N` picks a practice set); your
instructor grades your submission on other inputs. Exit codes: 0 full marks, 1 points lost,
2 usage error.
""",
    "ja": """# Deep Learning Day 3: 演習とセルフチェック（受講者キット）

```bash
pip install .          # `grade` コマンドをインストール（numpy, sympy, click, rich, nbformat）
grade                  # ./exercises のモジュールを採点
```

`exercises/<name>.py` の `TODO` を埋めてから `grade`（全演習）または `grade -e <name>`（1 つ）を
実行します。誤りがあると、落ちたチェック、そのケース、そして根拠から特定できるときは誤解の内容を
説明します。`grade --lang en` で英語、`grade --json` で JSON を 1 つ出力、`grade quiz --list` で
導出問題の一覧、`grade quiz <id> "<答え>"` で解答を確認できます。Jupyter や Colab では
`import rnn_grader; rnn_grader.check("<name>")` でノートブックに定義した関数を採点します。

セルフチェックは練習用の入力で採点します（`--seed N` で練習セットを選べます）。提出物は講師が
別の入力で採点します。終了コード: 0 満点、1 減点あり、2 使い方の誤り。
""",
}


def kit_readme(lang: str) -> str:
    return README["ja" if lang == "ja" else "en"]
