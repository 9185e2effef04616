"""The per-day summary of stretch sessions (table `session_days`, migration 110): derived from
`stretch_sessions`, kept current by triggers, read instead of walking every session.

A session's local day is fixed once it kept a usable UTC offset (records/window.py): for those
that count (`stretch_sessions.counts_sql`), triggers on the table's INSERT, DELETE and UPDATE add
and take one from their day's `counted`, whoever writes (stretch, log, import, a hand edit, any
future writer), and migration 110 filled it once from the rows stored before. A session with no
usable kept offset (NULL: stored before migration 70; text or out of range: damaged) takes now's
offset, so its day is known only when read: it stays out of the summary and is read live, on the
partial index `stretch_sessions_no_offset` (only those rows), and merged in. A damaged stamp has
no day: left out, as the live sums leave it out.

Trust: the summary is read only when its table, index and triggers are exactly as migration 110
made them and every row is a real date with a count of at least one (`trusted`); otherwise (a
store read as it is before migration 110, a dropped trigger, a hand-edited value) each read falls
back to the live query over every session: slower, never different; the next open that can
write makes it again (`session_summary.repair`). The summary is never exported; import's inserts
keep it current through the triggers.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from footback.core.errors import StoreError
from footback.records import stretch_sessions as live
from footback.records.connection import DatabaseError, describe
from footback.records.session_summary import NO_OFFSET_SQL, TABLE, intact

if TYPE_CHECKING:
    from footback.records.db import Store


def trusted(store: Store) -> bool:
    """Whether the summary may be read: it is `session_summary.intact` (see the module's
    docstring). Asked once per open store: footback's own writes keep it so."""
    if store.summary_trusted is None:
        try:
            store.summary_trusted = intact(store.conn)
        except DatabaseError as exc:
            raise StoreError(f"cannot read {store.path}: {describe(exc)}") from None
    return store.summary_trusted


def weekly_counts_sql(store: Store, last: date, offset_minutes: int) -> tuple[str, tuple[str, ...]]:
    """Sessions that count in each local week up to day `last`, as a query to join with (columns
    `bucket`: the week's Monday, and `sessions`): `stretch_sessions.weekly_counts_sql` over every
    week, from the summary and the few sessions it leaves out."""
    if not trusted(store):
        return live.weekly_counts_sql(None, last, offset_minutes)
    rest, params = live.weekly_counts_sql(None, last, offset_minutes, only=NO_OFFSET_SQL)
    summary = (
        f"SELECT date(day, 'weekday 0', '-6 days') AS bucket, counted AS sessions FROM {TABLE} WHERE day <= ?"
    )
    sql = f"SELECT bucket, sum(sessions) AS sessions FROM ({summary} UNION ALL {rest}) GROUP BY 1"
    return sql, (last.isoformat(), *params)


def active_days(store: Store, first: date, last: date, offset_minutes: int) -> set[date]:
    """The local days first..last with at least one session that counts
    (`stretch_sessions.active_days`), from the summary and the sessions it leaves out."""
    if not trusted(store):
        return live.active_days(store, first, last, offset_minutes)
    rows = store.query(
        f"SELECT day FROM {TABLE} WHERE day >= ? AND day <= ?", (first.isoformat(), last.isoformat())
    )
    days = {date.fromisoformat(r[0]) for r in rows}
    return days | live.active_days(store, first, last, offset_minutes, only=NO_OFFSET_SQL)


def first_active_day(store: Store, last: date, offset_minutes: int) -> date | None:
    """The first local day up to `last` with a session that counts
    (`stretch_sessions.first_active_day`), from the summary and the sessions it leaves out."""
    if not trusted(store):
        return live.first_active_day(store, last, offset_minutes)
    row = store.query_one(f"SELECT min(day) FROM {TABLE} WHERE day <= ?", (last.isoformat(),))
    found = [date.fromisoformat(row[0])] if row and isinstance(row[0], str) else []
    rest = live.first_active_day(store, last, offset_minutes, only=NO_OFFSET_SQL)
    return min([*found, *([rest] if rest is not None else [])], default=None)
