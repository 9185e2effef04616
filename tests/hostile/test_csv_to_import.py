"""footback's CSV export handed to `import` (which reads the JSON export) is named for what it is,
not reported as broken JSON (issue 21: misleading import messages)."""

from __future__ import annotations

from pathlib import Path

from tests.support.hostile import digest, invoke, refused, seed_everything


def test_footbacks_own_csv_export_given_to_import_is_named_as_such(home: Path, tmp_path: Path) -> None:
    seed_everything(home)
    exported = invoke(["export", "--format", "csv"])
    assert exported.exit_code == 0, exported.stderr
    path = tmp_path / "backup.csv"
    path.write_text(exported.stdout, encoding="utf-8")
    before = digest(home)
    refused(invoke(["import", str(path)]), "CSV export", "--format json")
    assert digest(home) == before
