"""Only the definitions of notebook code are graded: what runs at the top level is dropped."""
import textwrap

from rnn_grader.notebook.definitions import cells_definitions, cells_module, defined_functions, definitions

NOTEBOOK_CODE = textwrap.dedent('''\
    import numpy as np
    import matplotlib.pyplot as plt
    import rnn_grader
    from math import pi

    @staticmethod
    def helper(x):
        return sigmoid(x) * pi

    sigmoid = lambda x: 1 / (1 + np.exp(-x))
    EPS = 1e-8
    y = helper(3); print(y)
    data = np.zeros(3); rnn_grader.check("x")
    for i in range(3):
        print(i)
    plt.plot(data)
    z = "あいう"; w = helper(2)
    ''')


def run(source: str) -> dict:
    namespace: dict = {}
    exec(compile(source, "<notebook>", "exec"), namespace)
    return namespace


def test_definitions_keep_functions_imports_and_constants_only():
    kept = definitions(NOTEBOOK_CODE)
    namespace = run(kept)
    assert {"np", "pi", "helper", "sigmoid", "EPS", "data", "z"} <= set(namespace)
    assert not {"plt", "rnn_grader", "y", "i", "w"} & set(namespace)
    assert "print" not in kept and "check" not in kept and "plt" not in kept


def test_line_numbers_are_kept():
    kept = definitions(NOTEBOOK_CODE)
    assert len(kept.splitlines()) == len(NOTEBOOK_CODE.splitlines())
    for number, line in enumerate(NOTEBOOK_CODE.splitlines()):
        if line.startswith(("def ", "sigmoid", "    return")):
            assert kept.splitlines()[number] == line


def test_unparsable_source_is_left_for_the_sandbox_to_report():
    broken = "def f(:\n    pass\nprint(1)"
    assert definitions(broken) == broken


def test_executed_cells_later_definitions_win_and_broken_cells_are_skipped():
    cells = ["import numpy as np", "def f(x):\n    return 1", "def f(x) return 2", "def f(x):\n    return 3",
             "get_ipython().run_line_magic('time', 'f(1)')", "f(2)"]
    namespace = run(cells_definitions(cells))
    assert namespace["f"](0) == 3


def test_defined_functions():
    assert defined_functions(NOTEBOOK_CODE) == {"helper"}
    assert defined_functions("def (") == set()


def test_each_line_of_the_joined_module_knows_its_cell():
    cells = [(3, "import numpy as np"), (4, "print(1)"), (5, "def f(x) return 2"),
             (7, "x = 1\ndef f(x):\n    y = x + 1\n    return 1 / 0")]
    source, origins = cells_module(cells)
    lines = source.splitlines()
    assert lines[0] == "import numpy as np" and origins[1] == (3, 1)
    raising = next(number for number, line in enumerate(lines, 1) if "1 / 0" in line)
    assert origins[raising] == (7, 4)                 # cell 7, its 4th line
    assert {label for label, _ in origins.values()} == {3, 4, 7}   # the broken cell adds nothing
