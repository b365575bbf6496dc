"""Writing the learner kit.

What ships (``shipped_files``): every module of ``rnn_grader`` except the instructor's
packages ``INSTRUCTOR_ONLY`` (declarations import references and compute right answers; the
cohort, nbgrader, report and release tools are the instructor's).  What is added:

    OUT_DIR/pyproject.toml           the kit's package: rnn-grader-kit, learner dependencies only
    OUT_DIR/README.md                how to install and use it (in the course language)
    OUT_DIR/exercises/<name>.py      the stubs
    OUT_DIR/rnn_grader/bank/         the practice bank: checks, and the prepared practice sets
    OUT_DIR/rnn_grader/quiz_items.json  the quiz items, sealed (no answer in the clear)

The kit is written to a temporary folder beside OUT_DIR and moved into place at the end, so
an interrupted release leaves nothing half-written.
"""
from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import rnn_grader
from rnn_grader.engine.bank import bank_files
from rnn_grader.engine.grading import practice_cases
from rnn_grader.engine.registry import BANK_FOLDER, all_exercises
from rnn_grader.release.texts import kit_pyproject, kit_readme

PACKAGE_DIR = Path(rnn_grader.__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
INSTRUCTOR_ONLY = ("declarations", "cohort", "nbgrader", "report", "release",
                   "quiz/freetext")   # free-text answers are graded with the instructor's tools
SEALED_QUIZ_FILE = "quiz_items.json"


class KitExists(FileExistsError):
    """OUT_DIR exists and is not empty (and overwriting was not asked for)."""


def shipped_files() -> list[Path]:
    """The package's files that go into the kit, relative to the package folder."""
    files = []
    for path in sorted(PACKAGE_DIR.rglob("*")):
        relative = path.relative_to(PACKAGE_DIR)
        if path.is_dir() or "__pycache__" in relative.parts or path.suffix != ".py":
            continue
        if any(relative.as_posix().startswith(f"{folder}/") for folder in (*INSTRUCTOR_ONLY, BANK_FOLDER)):
            continue
        files.append(relative)
    return files


def sealed_quiz_items() -> list:
    """Every quiz item that can be sealed, as plain data (``rnn_grader.quiz.sealed``)."""
    from rnn_grader.quiz.items import load_items
    from rnn_grader.quiz.sealed import seal_all

    return seal_all(load_items())


def write_into(folder: Path, lang: str) -> None:
    package = folder / "rnn_grader"
    for relative in shipped_files():
        target = package / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(PACKAGE_DIR / relative, target)
    (package / BANK_FOLDER).mkdir()
    for name, data in bank_files(all_exercises().values(), practice_cases).items():
        (package / BANK_FOLDER / name).write_bytes(data)
    (package / SEALED_QUIZ_FILE).write_text(json.dumps(sealed_quiz_items(), ensure_ascii=False), encoding="utf-8")
    stubs = folder / "exercises"
    stubs.mkdir()
    for name in all_exercises():
        shutil.copyfile(PROJECT_DIR / "exercises" / f"{name}.py", stubs / f"{name}.py")
    (folder / "pyproject.toml").write_text(kit_pyproject(), encoding="utf-8")
    (folder / "README.md").write_text(kit_readme(lang), encoding="utf-8")


def write_kit(out_dir: Path, *, lang: str = "en", overwrite: bool = False) -> Path:
    """Write the learner kit to ``out_dir`` (refused when it holds anything, unless
    ``overwrite``).  Returns ``out_dir``."""
    out_dir = Path(out_dir)
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())) and not overwrite:
        raise KitExists(str(out_dir))
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        write_into(building, lang)
        if out_dir.exists():
            old = out_dir.with_name(f".{out_dir.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            out_dir.rename(old) if out_dir.is_dir() else out_dir.unlink()
            shutil.rmtree(old, ignore_errors=True)
        building.rename(out_dir)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return out_dir
