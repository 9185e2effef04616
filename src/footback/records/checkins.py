"""Saving and reading daily check-ins (table `checkins`, one row per local day)."""

from __future__ import annotations

import json
from datetime import date, datetime

from footback.daily.checkin import CheckIn
from footback.records.db import Store, damaged_record

_COLUMNS = "day, foot, back, note, warning_signs, created_at"


def _row(store: Store, row: tuple[str, int, int, str | None, str, str]) -> CheckIn:
    # One policy for a damaged row: a clear StoreError naming the day, never a traceback.
    try:
        return CheckIn(
            day=date.fromisoformat(row[0]),
            foot=row[1],
            back=row[2],
            note=row[3],
            warning_signs=json.loads(row[4]),
            created_at=datetime.fromisoformat(row[5]),
        )
    except (ValueError, TypeError):
        raise damaged_record(store.path, "check-in", row[0]) from None


def save_checkin(store: Store, checkin: CheckIn) -> bool:
    """Store a check-in, replacing any for the same day; True when one was replaced."""
    with store.transaction() as conn:
        replaced = conn.execute("SELECT 1 FROM checkins WHERE day = ?", (checkin.day.isoformat(),)).fetchone()
        conn.execute(
            f"INSERT INTO checkins ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (day) DO UPDATE SET foot = excluded.foot, back = excluded.back,"
            " note = excluded.note, warning_signs = excluded.warning_signs, created_at = excluded.created_at",
            (
                checkin.day.isoformat(),
                checkin.foot,
                checkin.back,
                checkin.note,
                json.dumps(checkin.warning_signs),
                checkin.created_at.isoformat(timespec="seconds"),
            ),
        )
    return replaced is not None


def checkin_on(store: Store, day: date) -> CheckIn | None:
    """The check-in for one day, if any."""
    rows = store.query(f"SELECT {_COLUMNS} FROM checkins WHERE day = ?", (day.isoformat(),))
    return _row(store, rows[0]) if rows else None


def latest_before(store: Store, day: date) -> CheckIn | None:
    """The most recent check-in before `day` (what 'last values' shows)."""
    rows = store.query(
        f"SELECT {_COLUMNS} FROM checkins WHERE day < ? ORDER BY day DESC LIMIT 1", (day.isoformat(),)
    )
    return _row(store, rows[0]) if rows else None


def list_checkins(store: Store, since: date | None = None) -> list[CheckIn]:
    """Check-ins oldest first, optionally from a day on."""
    if since is None:
        rows = store.query(f"SELECT {_COLUMNS} FROM checkins ORDER BY day")
    else:
        rows = store.query(
            f"SELECT {_COLUMNS} FROM checkins WHERE day >= ? ORDER BY day", (since.isoformat(),)
        )
    return [_row(store, r) for r in rows]
