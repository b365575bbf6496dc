"""Messages of `grade release` (the learner kit)."""
MESSAGES = {
    "release.not_empty": {
        "en": "{path} is not empty: choose an empty folder, or add --force to replace it.",
        "ja": "{path} は空ではありません。空のフォルダを指定するか、置き換える場合は --force を付けてください。",
    },
    "release.written": {
        "en": "learner kit written to {path}: learners install it with `pip install {path}`.",
        "ja": "受講者キットを {path} に書き出しました。受講者は `pip install {path}` でインストールします。",
    },
    "kit.instructor_only": {
        "en": "`grade {command}` is for instructors: it is not part of the learner kit.",
        "ja": "`grade {command}` は講師用のコマンドで、受講者キットには含まれていません。",
    },
}
