"""`rnn_grader.check("NAME")` in a real Jupyter kernel (nbclient), and in a plain script."""
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

CELLS = [
    "import numpy as np\nimport rnn_grader",
    # wrong: divides by the norm (a named misconception); a try-out print in the same cell
    "def gradient_clipping(grad, threshold):\n    return grad / np.linalg.norm(grad)\n\n"
    "print(gradient_clipping(np.ones(3), 1.0))",
    # first wrong, then redefined right in a later cell: the kernel's latest definition counts
    "def lstm_cell_update(c_prev, a, input_gate, forget_gate):\n    return a",
    "def lstm_cell_update(c_prev, a, input_gate, forget_gate):\n    return input_gate * a + forget_gate * c_prev",
    # hangs
    "def gru_update(h_prev, h_bar, z):\n    while True:\n        pass",
    "this cell does not parse",
    "rnn_grader.check('gradient_clipping', lang='en', seed=1)",
    "rnn_grader.check('lstm_cell_update', lang='ja', seed=1)",
    "started = __import__('time').monotonic()\nrnn_grader.check('gru_update', lang='en', seed=1)\n"
    "print('waited', round(__import__('time').monotonic() - started))",
    # execution count 10: raises on its 4th line, after a warning on its 3rd
    "def birnn_concat(hs_f, hs_b):\n    import warnings\n    warnings.warn('look here')\n"
    "    raise ValueError('not yet')",
    "rnn_grader.check('birnn_concat', lang='en', seed=1)",
]


def html_of(cell) -> str:
    return "".join(o.get("data", {}).get("text/html", "") for o in cell.outputs if o.output_type == "display_data")


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kernel")
    book = nbformat.v4.new_notebook()
    book.cells = [nbformat.v4.new_code_cell(source) for source in CELLS]
    client = nbclient.NotebookClient(book, timeout=120, kernel_name="python3", allow_errors=True,
                                     resources={"metadata": {"path": str(folder)}})
    started = time.monotonic()
    client.execute(env={"RNN_GRADER_HISTORY": str(folder / "history.json"), "PATH": "/usr/bin:/bin",
                        "LANG": "C.UTF-8"})
    return book, time.monotonic() - started


def test_a_wrong_function_is_named_in_an_html_table(executed):
    html = html_of(executed[0].cells[6])
    assert "<table" in html and "gradient_clipping" in html and "0/8" in html
    assert "<code>grad / norm</code>" in html  # the misconception, named


def test_the_table_comes_with_a_text_version(executed):
    """Frontends and exports that show no HTML (a terminal console, nbconvert --to markdown)
    get the terminal's text of the same result."""
    plain = "".join(o.get("data", {}).get("text/plain", "") for o in executed[0].cells[6].outputs
                    if o.output_type == "display_data")
    assert "gradient_clipping" in plain and "0/8" in plain and "grad / norm" in plain
    assert "<table" not in plain and "IPython.core.display.HTML" not in plain


def test_places_are_named_by_cell_and_line(executed):
    """An error and a warning are placed in the cell the learner ran (execution count 10), at
    the line of that cell, not at a line of the module joined from every cell."""
    cell = executed[0].cells[10]
    html = html_of(cell)
    assert "raised ValueError: not yet" in html and "(cell [10], line 4)" in html, html
    assert "cell [10], line 3: UserWarning: look here" in html
    assert "notebook-cells" not in html


def test_the_latest_definition_is_graded_in_japanese(executed):
    html = html_of(executed[0].cells[7])
    assert "6/6" in html and "合格" in html and "すべての演習に合格しました" in html


def test_a_hang_stops_at_the_time_limit_and_the_kernel_goes_on(executed):
    cell = executed[0].cells[8]
    assert "timeout" in html_of(cell)
    waited = next(o.text for o in cell.outputs if o.output_type == "stream")
    assert int(waited.split()[1]) < 30
    assert executed[1] < 90


def test_check_in_a_plain_script_prints_text(tmp_path):
    script = tmp_path / "work.py"
    script.write_text("import numpy as np\nimport rnn_grader\n\n"
                      "def gradient_clipping(grad, threshold):\n    return np.clip(grad, -threshold, threshold)\n\n"
                      "rnn_grader.check('gradient_clipping', lang='en', seed=2)\n")
    run = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "RNN_GRADER_HISTORY": str(tmp_path / "h.json"),
                              "PYTHONPATH": str(ROOT)})
    assert "Total: " in run.stdout and "you clipped each element" in run.stdout, run.stderr
    assert "<table" not in run.stdout


def test_import_rnn_grader_stays_light():
    code = ("import sys, rnn_grader; heavy = [m for m in sys.modules if m.split('.')[0] in "
            "('numpy', 'click', 'rich', 'nbformat', 'IPython') or m.startswith('rnn_grader.')]; print(heavy)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == "[]" and callable(__import__("rnn_grader").check)
