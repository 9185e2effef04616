"""Building crafted exports: a real export of the seed store with one field changed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from footback.cli.app import app
from tests.support.history_seed import seed_full
from tests.support.runner import CliRunner

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


def seed_daily_export(folder: Path) -> dict[str, Any]:
    """`seed_export` with two check-ins, a plan change and a clinician's visit in it too."""
    from datetime import timedelta

    from footback.models.checkin import CheckIn
    from footback.records.checkins import save_checkin
    from footback.records.db import open_store
    from tests.support.history_seed import NOW, at

    seed_full(folder)
    with open_store(folder) as store:
        for days in (2, 1):
            save_checkin(
                store, CheckIn(day=NOW.date() - timedelta(days=days), foot=3, back=4, created_at=at(days, 21))
            )
        with store.transaction() as conn:
            conn.execute(
                "INSERT INTO plan_changes (created_at, action, level, previous, reason)"
                " VALUES (?, ?, ?, ?, ?)",
                (at(6).isoformat(), "start", 1, None, "Your plan starts at level 1."),
            )
            uid = conn.execute("SELECT uid FROM assessments ORDER BY id DESC LIMIT 1").fetchone()[0]
            conn.execute(
                "INSERT INTO clinician_seen (seen_at, assessment_id, signs, assessment_uid)"
                " VALUES (?, ?, ?, ?)",
                (at(1).isoformat(), 3, '["rf_fever"]', uid),
            )
    result = runner.invoke(app, ["export"], env={"FOOTBACK_HOME": str(folder)})
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc
