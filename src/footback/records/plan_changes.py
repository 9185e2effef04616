"""The plan's level history (table `plan_changes`): every step up, back, stay or hand-set level."""

from __future__ import annotations

from typing import cast

from footback.plan.progression import Action, PlanChange
from footback.records.db import Row, Store
from footback.records.fields import DamagedRow, as_int, as_optional_int, as_text, parse_stamp, stamp_text

WHAT = "plan change"
# Timestamp first (Store.skip_damaged names a damaged record by it).
_COLUMNS = "created_at, action, level, previous, reason"
_ACTIONS = ("start", "up", "stay", "back", "manual", "stop")


def from_row(row: Row) -> PlanChange:
    """The one way a plan_changes row becomes a model; raises a ValueError for a damaged one."""
    action = as_text(row[1])
    if action not in _ACTIONS:
        raise DamagedRow(f"unknown action {action[:20]!r}")
    return PlanChange(
        created_at=parse_stamp(row[0]),
        action=cast(Action, action),
        level=as_int(row[2]),
        previous=as_optional_int(row[3]),
        reason=as_text(row[4]),
    )


def save_change(store: Store, change: PlanChange) -> None:
    with store.transaction() as conn:
        conn.execute(
            f"INSERT INTO plan_changes ({_COLUMNS}) VALUES (?, ?, ?, ?, ?)",
            (stamp_text(change.created_at), change.action, change.level, change.previous, change.reason),
        )


def latest_change(store: Store) -> PlanChange | None:
    """The most recent readable change, if any."""
    sql = f"SELECT {_COLUMNS} FROM plan_changes ORDER BY created_at DESC, id DESC"
    return next(store.iter_read(sql, (), from_row, WHAT), None)


def list_changes(store: Store) -> list[PlanChange]:
    """The plan's history, oldest first."""
    return store.read(f"SELECT {_COLUMNS} FROM plan_changes ORDER BY created_at, id", (), from_row, WHAT)
