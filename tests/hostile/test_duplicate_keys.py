"""A JSON object naming a key twice: `{"foot": 3, "foot": 9}` in an import showed 3 to whoever
read the file and stored 9; `{"age": 30, "age": 90}` in an answers file scored age 90. Which of
two values counts is a guess: every JSON file footback reads refuses it in one line, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.helpers import no_problem_answers
from tests.support.hostile import digest, invoke, refused, seed_everything


@pytest.fixture
def export_text(home: Path, tmp_path: Path) -> str:
    seed_everything(home)
    result = invoke(["export"])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _import(tmp_path: Path, text: str) -> tuple[Path, object]:
    path = tmp_path / "backup.json"
    path.write_text(text, encoding="utf-8")
    target = tmp_path / "elsewhere"
    return target, invoke(["import", str(path)], env={"FOOTBACK_HOME": str(target)})


def test_the_export_itself_imports(export_text: str, tmp_path: Path) -> None:
    _, result = _import(tmp_path, export_text)
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('"foot": 3', '"foot": 3, "foot": 9', "'foot'"),
        ('"ended_by": "finished"', '"ended_by": "finished", "ended_by": "stopped"', "'ended_by'"),
    ],
    ids=["in a record", "nested"],
)
def test_a_key_given_twice_in_an_import_is_refused(
    export_text: str, tmp_path: Path, old: str, new: str, key: str
) -> None:
    assert old in export_text
    target, result = _import(tmp_path, export_text.replace(old, new, 1))
    refused(result, key, "twice")  # type: ignore[arg-type]
    assert not (target / "footback.sqlite3").exists()


@pytest.mark.parametrize("command", ["assess", "shoes-check"])
def test_a_key_given_twice_in_an_answers_file_is_refused(home: Path, tmp_path: Path, command: str) -> None:
    seed_everything(home)
    before = digest(home)
    answers = tmp_path / "answers.json"
    given = no_problem_answers()
    first = next(iter(given))
    twice = json.dumps(given)[:-1] + f", {json.dumps(first)}: {json.dumps(given[first])}}}"
    answers.write_text(twice if command == "assess" else '{"age_months": 1, "age_months": 30}')
    refused(invoke([command, "--answers", str(answers)]), "given twice", str(answers))
    assert digest(home) == before
