"""The plan's level history (table `plan_changes`): every step up, back, stay or hand-set level."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import closing
from datetime import date, datetime, timedelta
from itertools import islice

from footback.core.dates import FUTURE_GRACE
from footback.models.plan_change import ACTIONS, PlanChange
from footback.records.db import Row, Store
from footback.records.fields import DamagedRow, as_int, as_optional_int, as_text, parse_stamp, stamp_text
from footback.records.window import kept_offset, local_time, offset_of

WHAT = "plan change"
_COLUMNS = "created_at, action, level, previous, reason"
# Key, then timestamp: Store.skip_damaged names a damaged record by them.
_READ_COLUMNS = f"id, {_COLUMNS}, utc_offset"


def from_row(row: Row) -> PlanChange:
    """The one way a plan_changes row becomes a model; raises a ValueError for a damaged one."""
    action = as_text(row[2])
    if action not in ACTIONS:
        raise DamagedRow(f"unknown action {action[:20]!r}")
    return PlanChange(
        created_at=parse_stamp(row[1]),
        action=action,
        level=as_int(row[3]),
        previous=as_optional_int(row[4]),
        reason=as_text(row[5]),
        utc_offset=kept_offset(row[6]),
    )


def save_change(store: Store, change: PlanChange) -> None:
    """Store one step of the plan's history, with the UTC offset of its clock (its local day)."""
    with store.transaction() as conn:
        conn.execute(
            f"INSERT INTO plan_changes ({_COLUMNS}, utc_offset) VALUES (?, ?, ?, ?, ?, ?)",
            (
                stamp_text(change.created_at),
                change.action,
                change.level,
                change.previous,
                change.reason,
                offset_of(change.created_at),
            ),
        )


def latest_change(store: Store, today: date) -> PlanChange | None:
    """The most recent readable change, if any, not dated after `today` (with the grace of
    core.dates.FUTURE_GRACE, and a day more for time zones: stamps compare as text).

    A change stored while the clock ran ahead (2038) would otherwise stay "the latest" and
    strand the weekly review for years once the clock is back."""
    bound = (today + FUTURE_GRACE + timedelta(days=1)).isoformat()
    sql = f"SELECT {_READ_COLUMNS} FROM plan_changes WHERE created_at < ? ORDER BY created_at DESC, id DESC"
    return next(store.iter_read(sql, (bound,), from_row, WHAT), None)


def list_changes(store: Store) -> list[PlanChange]:
    """The plan's history, oldest first."""
    return store.read(f"SELECT {_READ_COLUMNS} FROM plan_changes ORDER BY created_at, id", (), from_row, WHAT)


def newest_changes(store: Store, limit: int, actions: Sequence[str] | None = None) -> list[PlanChange]:
    """The newest `limit` readable changes (only of these `actions`, when given), oldest first
    (read newest first on the index)."""
    where = "" if actions is None else f" WHERE action IN ({', '.join('?' * len(actions))})"
    sql = f"SELECT {_READ_COLUMNS} FROM plan_changes{where} ORDER BY created_at DESC, id DESC"
    with closing(store.iter_read(sql, tuple(actions or ()), from_row, WHAT)) as rows:
        return list(islice(rows, limit))[::-1]


def change_day(change: PlanChange, now: datetime) -> date:
    """The local day a change was made: on the clock it was made by, kept with it (records/window.py)."""
    return local_time(change.created_at, change.utc_offset, now).date()
