"""Building crafted exports: a real export of the seed store with one field changed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from footback.cli.app import app
from tests.support.history_seed import seed_full

runner = CliRunner()


def seed_export(folder: Path) -> dict[str, Any]:
    """The seed store's export, made in `folder` (not the test's own data folder)."""
    seed_full(folder)
    result = runner.invoke(app, ["export"], env={"FOOTBACK_HOME": str(folder)})
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def write(doc: dict[str, Any], path: Path, *, raw: dict[str, str] | None = None) -> Path:
    """Write `doc`; `raw` replaces quoted placeholders with literal JSON text (1e999, NaN)."""
    text = json.dumps(doc)
    for placeholder, literal in (raw or {}).items():
        text = text.replace(json.dumps(placeholder), literal)
    path.write_text(text, encoding="utf-8")
    return path
