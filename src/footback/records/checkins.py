"""Saving and reading daily check-ins (table `checkins`, one row per local day)."""

from __future__ import annotations

import json
from datetime import date

from footback.models.checkin import CheckIn
from footback.records.db import Row, Store
from footback.records.fields import (
    DamagedRow,
    as_int,
    as_optional_text,
    as_text,
    parse_day,
    parse_stamp,
    stamp_text,
)

WHAT = "check-in"
_COLUMNS = "day, foot, back, note, warning_signs, created_at"
# Key and timestamp first (Store.skip_damaged names a damaged record by them).
_READ_COLUMNS = "day, created_at, foot, back, note, warning_signs"


def from_row(row: Row) -> CheckIn:
    """The one way a checkins row becomes a model; raises a ValueError for a damaged one."""
    signs = json.loads(as_text(row[5]))
    if not isinstance(signs, list):
        raise DamagedRow("warning_signs is not a list")
    return CheckIn(
        day=parse_day(row[0]),
        created_at=parse_stamp(row[1]),
        foot=as_int(row[2]),
        back=as_int(row[3]),
        note=as_optional_text(row[4]),
        warning_signs=signs,
    )


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
                stamp_text(checkin.created_at),
            ),
        )
    return replaced is not None


def checkin_on(store: Store, day: date) -> CheckIn | None:
    """The check-in for one day, if any."""
    found = store.read(
        f"SELECT {_READ_COLUMNS} FROM checkins WHERE day = ?", (day.isoformat(),), from_row, WHAT
    )
    return found[0] if found else None


def latest_before(store: Store, day: date) -> CheckIn | None:
    """The most recent readable check-in before `day` (what 'last values' shows)."""
    sql = f"SELECT {_READ_COLUMNS} FROM checkins WHERE day < ? ORDER BY day DESC"
    return next(store.iter_read(sql, (day.isoformat(),), from_row, WHAT), None)


def list_checkins(store: Store, since: date | None = None) -> list[CheckIn]:
    """Check-ins oldest first, optionally from a day on."""
    if since is None:
        return store.read(f"SELECT {_READ_COLUMNS} FROM checkins ORDER BY day", (), from_row, WHAT)
    sql = f"SELECT {_READ_COLUMNS} FROM checkins WHERE day >= ? ORDER BY day"
    return store.read(sql, (since.isoformat(),), from_row, WHAT)
