"""Crafted imports of the kinds added since issue 11 (check-ins, plan history, the plan file) and of
hostile documents (duplicates, conflicts, deep nesting, oversized values, odd JSON): each refused
import is one line naming where, exit 2, nothing stored; each accepted one leaves readers clean.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.support.hostile import EVIL, READERS, clean, digest, invoke, refused, seed_everything


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("source") / "home"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FOOTBACK_HOME", str(folder))
        patch.setenv("FOOTBACK_CONFIG", str(folder.parent / "none.toml"))
        seed_everything(folder)
        result = invoke(["export"])
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


# (id, table, field, value, words the error must hold)
FIELDS: list[tuple[str, str, str, Any, str]] = [
    ("checkin day 2026-02-30", "checkins", "day", "2026-02-30", "checkins[0]: day"),
    ("checkin day year 1", "checkins", "day", "0001-01-01", "checkins[0]: day"),
    ("checkin day not text", "checkins", "day", 20250101, "checkins[0]: day"),
    ("checkin foot 11", "checkins", "foot", 11, "checkins[0]: foot"),
    ("checkin foot -1", "checkins", "foot", -1, "checkins[0]: foot"),
    ("checkin foot 3.5", "checkins", "foot", 3.5, "checkins[0]: foot"),
    ("checkin foot true", "checkins", "foot", True, "checkins[0]: foot"),
    ("checkin foot null", "checkins", "foot", None, "checkins[0]: foot"),
    ("checkin back text", "checkins", "back", "4", "checkins[0]: back"),
    ("checkin note escapes", "checkins", "note", EVIL, "checkins[0]: note"),
    ("checkin note huge", "checkins", "note", "n" * 100_000, "checkins[0]: note"),
    ("checkin note object", "checkins", "note", {"a": 1}, "checkins[0]: note"),
    ("checkin signs unknown", "checkins", "warning_signs", ["bogus"], "checkins[0]: warning_signs"),
    ("checkin signs not a list", "checkins", "warning_signs", "rf_fever", "checkins[0]: warning_signs"),
    ("checkin signs escapes", "checkins", "warning_signs", [EVIL], "checkins[0]: warning_signs"),
    ("checkin created year 9999", "checkins", "created_at", "9999-12-31T23:59:59+00:00", "created_at"),
    ("plan change action", "plan_changes", "action", "explode", "plan_changes[0]: action"),
    ("plan change action escapes", "plan_changes", "action", EVIL, "plan_changes[0]: action"),
    ("plan change level 0", "plan_changes", "level", 0, "plan_changes[0]: level"),
    ("plan change level 99", "plan_changes", "level", 99, "plan_changes[0]: level"),
    ("plan change level huge", "plan_changes", "level", 2**70, "plan_changes[0]: level"),
    ("plan change previous text", "plan_changes", "previous", "one", "plan_changes[0]: previous"),
    ("plan change reason escapes", "plan_changes", "reason", EVIL, "plan_changes[0]: reason"),
    ("plan change reason blank", "plan_changes", "reason", "", "plan_changes[0]: reason"),
    ("plan change date", "plan_changes", "created_at", "soon", "plan_changes[0]: created_at"),
    ("uid not text", "checkins", "uid", 5, "checkins[0]: uid"),
    ("uid huge", "plan_changes", "uid", "u" * 10_000, "plan_changes[0]: uid"),
    ("uid escapes", "plan_changes", "uid", EVIL, "plan_changes[0]: uid"),
    ("unknown field", "checkins", "mood", "great", "checkins[0]"),
    # qa-cli: a list column given text said "must be a JSON object"
    (
        "signs as text",
        "clinician_seen",
        "signs",
        "rf_fever",
        "signs: must be a JSON object or list, not 'rf_fever'",
    ),
    ("deep nesting in detail", "stretch_sessions", "detail", "DEEP", "nested too deeply"),
]
DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(("what", "table", "field", "value", "words"), FIELDS, ids=[f[0] for f in FIELDS])
def test_a_bad_field_of_a_newer_kind_is_refused(
    home: Path,
    tmp_path: Path,
    exported: dict[str, Any],
    what: str,
    table: str,
    field: str,
    value: Any,
    words: str,
) -> None:
    doc = json.loads(json.dumps(exported))
    doc[table][0][field] = value
    text = json.dumps(doc).replace('"DEEP"', DEEP)
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    refused(invoke(["import", str(path)]), words)
    assert not (home / "footback.sqlite3").exists()
    assert not (home / "plan.toml").exists()


def test_the_docs_example_of_a_refusal_is_what_import_says(
    home: Path, tmp_path: Path, exported: dict[str, Any]
) -> None:
    # qa-cli: the excerpt was repr'd after escaping, so docs/data.md's '\x1b]0;pwned\x07' came out
    # as '\\x1b]0;pwned\\x07'.
    doc = json.loads(json.dumps(exported))
    doc["stretch_sessions"][0]["routine"] = "\x1b]0;pwned\x07"
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = invoke(["import", str(path)])
    clean(result, codes=(2,))
    shown = "stretch_sessions[0]: routine: contains control characters '\\x1b]0;pwned\\x07'"
    assert result.stderr.strip().endswith(shown), result.stderr
    assert shown in (Path(__file__).parents[2] / "docs" / "data.md").read_text(encoding="utf-8")


def test_an_export_saved_with_a_byte_order_mark_imports(
    home: Path, tmp_path: Path, exported: dict[str, Any]
) -> None:
    # qa-cli: a backup saved again by a Windows editor was "not valid JSON at character 0".
    path = tmp_path / "backup.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(exported).encode())
    result = invoke(["import", str(path)])
    clean(result, codes=(0,))
    assert "Imported 3 assessments" in result.stdout, result.stdout


def _document(exported: dict[str, Any], change: str) -> str:
    doc = json.loads(json.dumps(exported))
    if change == "same check-in day twice, different pain":
        twin = dict(doc["checkins"][0], foot=9, uid="f" * 32)
        doc["checkins"].append(twin)
    elif change == "same uid twice, different content":
        doc["plan_changes"][1]["uid"] = doc["plan_changes"][0]["uid"]
    elif change == "plan text with escapes":
        doc["plan"] = (
            'name = "plan"\ndescription = "\\u001b]0;pwned\\u0007"\n' + doc["plan"].split("\n", 3)[-1]
        )
    elif change == "plan text not TOML":
        doc["plan"] = "{{{ not toml"
    elif change == "plan text huge":
        doc["plan"] = "# " + "x" * 3_000_000
    elif change == "plan not text":
        doc["plan"] = ["a"]
    elif change == "version 999":
        doc["version"] = 999
    elif change == "version text":
        doc["version"] = "2"
    elif change == "format wrong":
        doc["format"] = "something-else"
    elif change == "tables not lists":
        doc["checkins"] = {"a": 1}
    elif change == "records not objects":
        doc["plan_changes"] = [1, "two", None]
    elif change == "unknown top-level key":
        doc["\x1b]0;pwned\x07"] = []
    text = json.dumps(doc)
    if change == "duplicate keys":
        text = text.replace('"version": 2', '"version": 2, "version": 1', 1)
    elif change == "byte order mark":
        text = "\ufeff" + text
    elif change == "NaN literal":
        text = text.replace('"foot": 3', '"foot": NaN', 1)
    elif change == "trailing garbage":
        text += "\n{}"
    elif change == "top-level array":
        text = f"[{text}]"
    return text


DOCUMENTS = [
    "same check-in day twice, different pain",
    "same uid twice, different content",
    "plan text with escapes",
    "plan text not TOML",
    "plan text huge",
    "plan not text",
    "version 999",
    "version text",
    "format wrong",
    "tables not lists",
    "records not objects",
    "unknown top-level key",
    "duplicate keys",
    "byte order mark",
    "NaN literal",
    "trailing garbage",
    "top-level array",
]


@pytest.mark.parametrize("change", DOCUMENTS)
def test_a_hostile_document_is_refused_or_imported_cleanly(
    home: Path, tmp_path: Path, exported: dict[str, Any], change: str
) -> None:
    path = tmp_path / "doc.json"
    path.write_text(_document(exported, change), encoding="utf-8")
    result = invoke(["import", str(path)])
    clean(result, codes=(0, 2))
    if result.exit_code == 2:
        assert not (home / "footback.sqlite3").exists()
        assert not (home / "plan.toml").exists()
        return
    for args in [*READERS, ["stretch", "--routine", "plan", "--preview"]]:
        clean(invoke(args), codes=(0, 1, 2))


def test_a_conflicting_check_in_does_not_replace_the_stored_one(
    home: Path, tmp_path: Path, exported: dict[str, Any]
) -> None:
    """Import never overwrites: a check-in for a day already stored, with other numbers, is refused."""
    seed_everything(home)
    before = digest(home)
    doc = json.loads(json.dumps(exported))
    doc["checkins"][0].update(foot=9, back=9, uid="e" * 32)
    path = tmp_path / "conflict.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = invoke(["import", str(path)])
    clean(result, codes=(0, 2))
    if result.exit_code == 0:
        shown = invoke(["history", "--json"]).stdout
        assert '"foot": 9' not in shown
    else:
        assert digest(home) == before
