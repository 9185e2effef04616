"""Records read with their stable uids, oldest first and lazily: for an export that names each record.

The FHIR export derives every resource id from a record's uid, so exporting the same store twice
gives the same file; it reads here one record (or one day of practice) at a time.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, TypeVar

from footback.records import assessments, checkins, psfs, stretch_sessions
from footback.records.fields import as_text, parse_stamp
from footback.records.window import day_filter, kept_day_filter, local_day_sql

if TYPE_CHECKING:
    from footback.models.checkin import CheckIn
    from footback.models.psfs import PsfsRating
    from footback.records.assessments import SavedAssessment
    from footback.records.db import Row, Store


T = TypeVar("T")


def _replacing_bad_bytes(data: bytes) -> str:
    return data.decode("utf-8", "replace")


@contextlib.contextmanager
def _text_as_read(store: Store) -> Iterator[None]:
    """Stored text that is not UTF-8 (written by another tool) reads with U+FFFD for its bad bytes.

    Otherwise one bad note would stop the whole export; the pain scores beside it are still good."""
    previous = store.conn.text_factory
    store.conn.text_factory = _replacing_bad_bytes
    try:
        yield
    finally:
        store.conn.text_factory = previous


def _read(
    store: Store, sql: str, params: tuple[object, ...], parse: Callable[[Row], T], what: str
) -> Iterator[T]:
    with _text_as_read(store):
        yield from store.iter_read(sql, params, parse, what)


def checkins_with_uids(store: Store, since: date | None = None) -> Iterator[tuple[str, CheckIn]]:
    """Readable check-ins oldest first (from day `since`), each with its uid."""
    where, params = kept_day_filter(since)
    # The uid goes last: `from_row` reads the columns before it, and a damaged row is named by them.
    sql = f"SELECT {checkins._READ_COLUMNS}, uid FROM checkins{where} ORDER BY day"

    def parse(row: Row) -> tuple[str, CheckIn]:
        return as_text(row[-1]), checkins.from_row(row)

    return _read(store, sql, params, parse, checkins.WHAT)


def assessments_with_uids(
    store: Store, since: date | None = None, offset_minutes: int = 0
) -> Iterator[tuple[str, SavedAssessment]]:
    """Readable assessments oldest first (from local day `since`), each with its uid."""
    where, params = day_filter("created_at", since, offset_minutes)
    sql = f"SELECT {assessments._COLUMNS}, uid FROM assessments{where} ORDER BY created_at, id"

    def parse(row: Row) -> tuple[str, SavedAssessment]:
        return as_text(row[-1]), assessments.from_row(row)

    return _read(store, sql, params, parse, assessments.WHAT)


def ratings_with_uids(store: Store, since: date | None = None) -> Iterator[tuple[str, PsfsRating]]:
    """Readable function rating sets (PSFS) oldest first (from day `since`), each with its uid."""
    where, params = kept_day_filter(since)
    sql = f"SELECT {psfs._READ_COLUMNS}, uid FROM psfs_ratings{where} ORDER BY day, created_at, id"

    def parse(row: Row) -> tuple[str, PsfsRating]:
        return as_text(row[-1]), psfs.from_row(row)

    return _read(store, sql, params, parse, psfs.WHAT)


@dataclass(frozen=True)
class PracticeDay:
    """The sessions that count on one local day, summed in SQL."""

    day: date
    timed: int  # played and timed by footback's player
    logged: int  # done away from the terminal and logged (`footback log`)
    seconds: float
    routines: tuple[str, ...]  # sorted, each once


def practice_days(store: Store, since: date | None = None, offset_minutes: int = 0) -> Iterator[PracticeDay]:
    """Each local day with sessions that count (a step done, or finished with none skipped),
    oldest first: one row a day."""
    where, params = day_filter("started_at", since, offset_minutes)
    counts = stretch_sessions._COUNTS_SQL
    where = f"{where} AND {counts}" if where else f" WHERE {counts}"
    day = local_day_sql("started_at", offset_minutes)
    # A logged session (`footback log`): the repository's own rule; a damaged detail is not logged.
    logged = stretch_sessions._LOGGED_SQL
    # Only text names: a BLOB in a damaged row failed the whole query ("JSON cannot hold BLOB values").
    routine = "CASE WHEN typeof(routine) = 'text' THEN routine END"
    sql = (
        f"SELECT {day} AS d, count(*), total({logged}), total({stretch_sessions.SECONDS_SQL}),"
        f" json_group_array(DISTINCT {routine}) FROM stretch_sessions{where}"
        " GROUP BY d HAVING d IS NOT NULL ORDER BY d"
    )
    with _text_as_read(store):
        for row in store.iter_query(sql, params):
            names = json.loads(str(row[4]))
            routines = tuple(sorted({n for n in names if isinstance(n, str)}))
            told = int(row[2])
            yield PracticeDay(
                date.fromisoformat(str(row[0])), int(row[1]) - told, told, float(row[3]), routines
            )


def newest_stamp(store: Store, since: date | None = None, offset_minutes: int = 0) -> datetime | None:
    """When the newest record an export from local day `since` holds was made (None when it holds none)."""
    parts: list[str] = []
    params: list[object] = []
    for table, column in (("assessments", "created_at"), ("stretch_sessions", "started_at")):
        where, more = day_filter(column, since, offset_minutes)
        parts.append(f"SELECT max({column}) FROM {table}{where}")
        params += more
    for table in ("checkins", "psfs_ratings"):
        where, more = kept_day_filter(since)
        parts.append(f"SELECT max(created_at) FROM {table}{where}")
        params += more
    found: list[datetime] = []
    for row in store.iter_query(" UNION ALL ".join(parts), tuple(params)):
        try:
            found.append(parse_stamp(row[0]))
        except (ValueError, TypeError):
            continue  # no record of that kind, or a damaged stamp (its record is skipped too)
    return max(found, default=None)
