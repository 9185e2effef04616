"""Saving played routines to the history store (table `stretch_sessions`)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from footback.stretch.player import SessionSummary

if TYPE_CHECKING:
    from footback.records.db import Store


def save_session(
    store: Store, summary: SessionSummary, started_at: datetime, extra: dict[str, Any] | None = None
) -> int:
    """Insert one session row; returns its id."""
    detail = {
        "ended_by": summary.ended_by,
        "paused_seconds": round(summary.paused_seconds, 3),
        "speed": summary.speed,
        "steps_total": summary.steps_total,
        "steps": summary.steps,
        **(extra or {}),
    }
    with store.transaction() as conn:
        cursor = conn.execute(
            """
            INSERT INTO stretch_sessions (started_at, routine, planned_seconds, actual_seconds,
                steps_done, steps_skipped, finished, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            (
                started_at.isoformat(timespec="seconds"),
                summary.routine,
                round(summary.planned_seconds, 3),
                round(summary.actual_seconds, 3),
                summary.steps_done,
                summary.steps_skipped,
                int(summary.finished),
                json.dumps(detail, sort_keys=True),
            ),
        )
        row_id = cursor.lastrowid
    return int(row_id or 0)


def recent_sessions(store: Store, limit: int = 20) -> list[dict[str, Any]]:
    """The latest sessions, newest first, as plain dicts."""
    cursor = store.conn.execute(
        """
        SELECT id, started_at, routine, planned_seconds, actual_seconds, steps_done,
            steps_skipped, finished, detail
        FROM stretch_sessions ORDER BY started_at DESC, id DESC LIMIT ?
        """,
        (limit,),
    )
    names = [column[0] for column in cursor.description]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    for row in rows:
        row["finished"] = bool(row["finished"])
        row["detail"] = json.loads(row["detail"])
    return rows
