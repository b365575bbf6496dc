"""Messages of the nbgrader course: notebook text, test cells' samples, the `grade nbgrader` command."""
from rnn_grader.messages import Text

MESSAGES = {
    # notebook text (markdown cells)
    "nbgrader.task_heading": Text(en="Task", ja="課題"),
    "nbgrader.maths_heading": Text(en="Maths", ja="数式"),
    "nbgrader.task": Text(
        en="Implement {functions} in the code cell below. Replace each `{stub}` block with your "
           "code and keep the function names and arguments. numpy float64 arrays; the functions "
           "must not modify their inputs.",
        ja="下のコードセルで {functions} を実装してください。`{stub}` の部分をあなたのコードで置き換え、"
           "関数名と引数は変えないでください。配列は numpy の float64 です。関数は入力を書き換えてはいけません。"),
    "nbgrader.tests_intro": Text(
        en="Then run the test cells. Each prints a sample on practice inputs; the graded tests are "
           "hidden and run on other random inputs when your notebook is graded.",
        ja="そのあとテストセルを実行してください。各セルは練習用の入力での確認結果を表示します。"
           "採点用のテストは隠されていて、提出後の採点時に別のランダムな入力で実行されます。"),
    "nbgrader.checks_heading": Text(en="Graded checks", ja="採点項目"),
    "nbgrader.check_item": Text(en="{title}: {points} points", ja="{title}: {points} 点"),
    # test cells (comments and printed samples)
    "nbgrader.test_cell": Text(
        en="Graded check: {title} ({points} points)",
        ja="採点項目: {title}（{points} 点）"),
    # grade verify
    "nbgrader.verify.not_a_course": Text(
        en="{path} is not an autograded nbgrader course: it needs gradebook.db and submitted/ "
           "(run `nbgrader autograde day3` in it first).",
        ja="{path} は自動採点済みの nbgrader コースではありません。gradebook.db と submitted/ が必要です"
           "（先にそのフォルダで `nbgrader autograde day3` を実行してください）。"),
    "nbgrader.verify.differs": Text(
        en="{student} / {notebook}: nbgrader {nbgrader}, sandbox {sandbox}",
        ja="{student} / {notebook}: nbgrader {nbgrader} 点、サンドボックス {sandbox} 点"),
    "nbgrader.verify.summary": Text(
        en="{notebooks} notebooks compared, {differ} with scores that differ from the sandbox's.",
        ja="{notebooks} 件のノートブックを照合し、{differ} 件でサンドボックスと点数が異なりました。"),
    "nbgrader.verify.written": Text(
        en="the sandbox's scores of {count} notebooks were written to gradebook.db (as manual "
           "scores); `nbgrader export` and `nbgrader generate_feedback` now use them.",
        ja="{count} 件のノートブックについて、サンドボックスの点数を gradebook.db に（手動採点の点として）"
           "書き込みました。`nbgrader export` と `nbgrader generate_feedback` はこの点数を使います。"),
    "nbgrader.no_course_seed": Text(
        en="the hidden tests need the course seed: no course folder with {file} was found at or "
           "above {path}. Run the course's notebooks from the course folder that `grade nbgrader` "
           "wrote (nbgrader does so), or write the course again.",
        ja="隠しテストにはコースの seed が必要ですが、{path} とその上のフォルダに {file} のあるコースフォルダが"
           "見つかりません。`grade nbgrader` が書き出したコースフォルダでノートブックを実行してください"
           "（nbgrader はそうします）。またはコースを書き出し直してください。"),
    "nbgrader.hidden_note": Text(
        en="The graded test is hidden in your copy; it runs when the notebook is graded.",
        ja="採点用のテストはこのノートブックでは隠されています。採点時に実行されます。"),
    "nbgrader.sample_passed": Text(
        en="[{title}] practice inputs: passed (the graded test uses other inputs).",
        ja="［{title}］ 練習用の入力: 合格（採点では別の入力を使います）。"),
    "nbgrader.sample_failed": Text(
        en="[{title}] practice inputs: not passed yet.",
        ja="［{title}］ 練習用の入力: まだ合格していません。"),
    "nbgrader.code_stub": Text(en="YOUR CODE HERE", ja="ここにコードを書いてください (YOUR CODE HERE)"),
    # the `grade nbgrader` command
    "nbgrader.written": Text(
        en="Wrote the nbgrader course to {path}: {count} notebooks in source/{assignment}/ and nbgrader_config.py.",
        ja="nbgrader のコースを {path} に書き出しました: source/{assignment}/ のノートブック {count} 個と nbgrader_config.py。"),
    "nbgrader.next_steps": Text(
        en="Next, from {path}: `nbgrader generate_assignment {assignment}`; after collecting the "
           "submissions: `nbgrader autograde {assignment}`, `grade verify . --write` (grades them again "
           "in the sandbox and corrects the gradebook) and `nbgrader export`. Keep course_seed.txt "
           "secret: the hidden tests draw each student's inputs from it.",
        ja="次に {path} で `nbgrader generate_assignment {assignment}` を実行します。提出物を集めたら "
           "`nbgrader autograde {assignment}`、`grade verify . --write`（サンドボックスで採点し直し、"
           "成績簿を訂正します）、`nbgrader export` を実行してください。course_seed.txt は秘密にしてください。"
           "隠しテストは各学生の入力をこれから作ります。"),
    "nbgrader.no_solution": Text(
        en="exercise `{name}` has no reference solutions/{name}.py: its notebook is skipped.",
        ja="演習 `{name}` には参照解答 solutions/{name}.py がないため、ノートブックを作りません。"),
}
