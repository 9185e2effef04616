"""Round three of crafted imports: numbers too long to convert, misleading messages, dates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from footback.cli.app import app
from footback.core.paths import db_path
from tests.hostile.crafted import seed_daily_export as seed_export
from tests.hostile.crafted import write
from tests.support.runner import CliRunner

runner = CliRunner()


def _one_line_refusal(result: object, *words: str) -> None:
    assert result.exit_code == 2, result.output  # type: ignore[attr-defined]
    err = result.stderr  # type: ignore[attr-defined]
    assert err.startswith("footback: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and len(err) < 300, err
    for word in words:
        assert word in err, err


@pytest.mark.parametrize(
    ("field", "literal"),
    [("foot", "9" * 5000), ("foot", "-" + "9" * 5000), ("foot", "1" + "0" * 5000 + ".5")],
    ids=["5000 nines", "negative", "long float"],
)
def test_a_number_thousands_of_digits_long_is_one_line(
    home: Path, tmp_path: Path, field: str, literal: str
) -> None:
    doc = seed_export(tmp_path / "elsewhere")
    doc["checkins"][0][field] = "LONG"
    path = write(doc, tmp_path / "long.json", raw={"LONG": literal})
    result = runner.invoke(app, ["import", str(path)])
    _one_line_refusal(result, "long.json")
    assert not db_path(home).exists()


def test_a_number_of_30_digits_is_still_out_of_range(home: Path, tmp_path: Path) -> None:
    doc = seed_export(tmp_path / "elsewhere")
    doc["checkins"][0]["foot"] = "LONG"
    path = write(doc, tmp_path / "long.json", raw={"LONG": "9" * 30})
    _one_line_refusal(runner.invoke(app, ["import", str(path)]), "checkins[0]: foot")


def test_a_table_that_is_null_says_it_must_be_a_list(home: Path, tmp_path: Path) -> None:
    doc = seed_export(tmp_path / "elsewhere")
    doc["checkins"] = None
    result = runner.invoke(app, ["import", str(write(doc, tmp_path / "null.json"))])
    _one_line_refusal(result, "checkins: must be a list of records", "null")
    assert "not valid JSON" not in result.stderr


def test_a_file_without_schema_says_so(home: Path, tmp_path: Path) -> None:
    doc = seed_export(tmp_path / "elsewhere")
    del doc["schema"]
    result = runner.invoke(app, ["import", str(write(doc, tmp_path / "noschema.json"))])
    _one_line_refusal(result, "no schema field")
    assert "newer" not in result.stderr


@pytest.mark.parametrize("schema", ["7", 1.5, True, -1])
def test_a_schema_that_is_not_a_version_says_so(home: Path, tmp_path: Path, schema: object) -> None:
    doc = seed_export(tmp_path / "elsewhere")
    doc["schema"] = schema
    result = runner.invoke(app, ["import", str(write(doc, tmp_path / "badschema.json"))])
    _one_line_refusal(result, "schema")
    assert "newer" not in result.stderr


def test_a_newer_schema_still_says_newer(home: Path, tmp_path: Path) -> None:
    doc = seed_export(tmp_path / "elsewhere")
    doc["schema"] = 10_000
    result = runner.invoke(app, ["import", str(write(doc, tmp_path / "newer.json"))])
    _one_line_refusal(result, "newer footback")


def test_the_seed_export_still_imports(home: Path, tmp_path: Path) -> None:
    doc = seed_export(tmp_path / "elsewhere")
    result = runner.invoke(app, ["import", str(write(doc, tmp_path / "ok.json"))])
    assert result.exit_code == 0, result.output
    assert json.loads(runner.invoke(app, ["export"]).stdout)["checkins"] == doc["checkins"]


LONG = "9" * 5000


@pytest.mark.parametrize(
    ("name", "text", "args"),
    [
        ("a.toml", f"age = {LONG}\n", ["assess", "--answers", "{path}"]),
        ("a.json", f'{{"age": {LONG}}}', ["assess", "--answers", "{path}"]),
        ("s.json", f'{{"foot": -{LONG}}}', ["shoes-check", "--answers", "{path}"]),
        ("r.toml", f'name = "x"\n[[steps]]\nname = "a"\nseconds = {LONG}\n', ["stretch", "--file", "{path}"]),
        ("config.toml", f"lead_in = {LONG}\n", ["config"]),
    ],
    ids=["answers toml", "answers json", "shoe answers json", "routine file", "config file"],
)
def test_a_number_thousands_of_digits_long_in_any_input_file_is_one_line(
    tmp_path: Path, name: str, text: str, args: list[str]
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, [a.replace("{path}", str(path)) for a in args])
    _one_line_refusal(result, name, "a number longer than 100 characters")


def test_a_number_thousands_of_digits_long_in_the_exported_plan_is_one_line(
    home: Path, tmp_path: Path
) -> None:
    doc = seed_export(tmp_path / "elsewhere")
    doc["plan"] = f'name = "plan"\n[[steps]]\nname = "a"\nseconds = {LONG}\n'
    result = runner.invoke(app, ["import", str(write(doc, tmp_path / "plan.json"))])
    _one_line_refusal(result, "plan: invalid TOML", "a number longer")
