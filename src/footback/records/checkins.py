"""Saving and reading daily check-ins (table `checkins`, one row per local day)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Generator
from datetime import date, datetime, timedelta
from itertools import islice

from footback.models.checkin import CheckIn, PainSums
from footback.records.db import Row, Store
from footback.records.fields import (
    READABLE_DAY_SQL,
    READABLE_STAMP_SQL,
    DamagedRow,
    as_int,
    as_optional_text,
    as_text,
    parse_day,
    parse_stamp,
    stamp_text,
)
from footback.records.window import kept_day_filter

WHAT = "check-in"
_COLUMNS = "day, foot, back, note, warning_signs, created_at"
# Key and timestamp first (Store.skip_damaged names a damaged record by them).
_READ_COLUMNS = "day, created_at, foot, back, note, warning_signs"
# A row `from_row` reads, said in SQL for the aggregates that never parse rows: the same checks on
# every column (core.dates' form and range for the day and the stamp: records/fields.py, whole
# pains 0-10, a note that is text, warning signs a JSON list of text), so a damaged record is left
# out of a sum as it is left out of a list; `[]` skips the JSON checks.
READABLE_SQL = (
    f"({READABLE_DAY_SQL}"
    " AND typeof(foot) = 'integer' AND foot BETWEEN 0 AND 10"
    " AND typeof(back) = 'integer' AND back BETWEEN 0 AND 10"
    " AND typeof(note) IN ('null', 'text')"
    " AND (warning_signs IS '[]' OR (typeof(warning_signs) = 'text' AND json_valid(warning_signs)"
    " AND json_type(warning_signs) = 'array'"
    " AND NOT EXISTS (SELECT 1 FROM json_each(warning_signs) WHERE type != 'text')))"
    f" AND {READABLE_STAMP_SQL})"
)


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
    """Every check-in oldest first, optionally from a day on (export and tests; the reading
    commands read only the days they show: `checkins_between`, `newest_checkins`)."""
    return list(oldest_checkins(store, since))


def oldest_checkins(store: Store, since: date | None = None) -> Generator[CheckIn, None, None]:
    """Readable check-ins oldest first, read lazily (`history --json` streams them)."""
    where, params = kept_day_filter(since)
    return store.iter_read(
        f"SELECT {_READ_COLUMNS} FROM checkins{where} ORDER BY day", params, from_row, WHAT
    )


def checkins_between(store: Store, first: date, last: date) -> list[CheckIn]:
    """The check-ins on days first..last, oldest first: a window's few rows, found on the day index."""
    sql = f"SELECT {_READ_COLUMNS} FROM checkins WHERE day >= ? AND day <= ? ORDER BY day"
    return store.read(sql, (first.isoformat(), last.isoformat()), from_row, WHAT)


def first_checkin_day(store: Store) -> date | None:
    """The day of the first readable check-in (the day index read in order, stopping there)."""
    with contextlib.closing(oldest_checkins(store)) as rows:
        first = next(rows, None)
    return None if first is None else first.day


def newest_checkins(store: Store, limit: int, since: date | None = None) -> list[CheckIn]:
    """The newest `limit` readable check-ins from day `since`, oldest first."""
    where, params = kept_day_filter(since)
    sql = f"SELECT {_READ_COLUMNS} FROM checkins{where} ORDER BY day DESC"
    with contextlib.closing(store.iter_read(sql, params, from_row, WHAT)) as rows:
        return list(islice(rows, limit))[::-1]


def checkins_saved_after(store: Store, after: datetime, *, days_before: int) -> list[CheckIn]:
    """The readable check-ins saved after `after`, and those of the `days_before` days before
    each of them, oldest first: the news since a moment with the days it is compared with. The
    stamps are compared in SQL as moments (julianday reads their offsets), then exactly here."""
    sql = f"SELECT {_READ_COLUMNS} FROM checkins WHERE julianday(created_at) >= julianday(?) ORDER BY day"
    news = [c for c in store.read(sql, (stamp_text(after),), from_row, WHAT) if c.created_at > after]
    found = {c.day: c for c in news}
    for checkin in news:
        earlier = checkins_between(store, checkin.day - timedelta(days=days_before), checkin.day)
        found.update((c.day, c) for c in earlier)
    return [found[day] for day in sorted(found)]


def count_checkins(store: Store, since: date | None = None) -> int:
    """How many readable check-ins are stored from day `since` on (counted in SQL)."""
    where, params = ("", ()) if since is None else (" AND day >= ?", (since.isoformat(),))
    row = store.query_one(f"SELECT count(*) FROM checkins WHERE {READABLE_SQL}{where}", params)
    return int(row[0]) if row else 0


def week_sums(
    store: Store, first_week: date, this_week: date, sessions: tuple[str, tuple[str, ...]], needed: int
) -> tuple[int, PainSums, PainSums]:
    """In one query over `sessions` (a query giving each week's Monday, `bucket`, and its
    `sessions`; read once): how many of its weeks are on target (at least `needed` sessions), and
    check-ins summed over the weeks on target and over the weeks below it, for the weeks from
    `first_week` to `this_week` (both Mondays; this week counts only once it is on target).
    Three rows, whatever is stored."""
    week = "date(day, 'weekday 0', '-6 days')"
    sessions_sql, sessions_params = sessions
    on = "coalesce(done.sessions, 0) >= ?"
    rows = store.query(
        f"WITH done AS MATERIALIZED ({sessions_sql}),"
        f" pain AS (SELECT {week} AS week, count(*) AS n, total(foot) AS foot, total(back) AS back"
        f" FROM checkins WHERE day >= ? AND day <= ? AND {READABLE_SQL} GROUP BY 1)"
        " SELECT NULL, count(*), 0, 0, 0 FROM done WHERE sessions >= ?"
        f" UNION ALL SELECT * FROM (SELECT {on}, count(*), total(pain.n), total(pain.foot), total(pain.back)"
        f" FROM pain LEFT JOIN done ON done.bucket = pain.week WHERE pain.week < ? OR {on} GROUP BY 1)",
        (
            *sessions_params,
            first_week.isoformat(),
            (this_week + timedelta(days=6)).isoformat(),
            needed,
            needed,
            this_week.isoformat(),
            needed,
        ),
    )
    sums = {r[0]: PainSums(int(r[1]), int(r[2]), float(r[3]), float(r[4])) for r in rows}
    weeks_on_target = sums[None].weeks if None in sums else 0
    return weeks_on_target, sums.get(1, PainSums()), sums.get(0, PainSums())
