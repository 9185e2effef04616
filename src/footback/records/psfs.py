"""Saving and reading Patient-Specific Functional Scale rating sets (table `psfs_ratings`)."""

from __future__ import annotations

import contextlib
import json

from footback.models.psfs import PsfsRating
from footback.records.db import Row, Store
from footback.records.fields import (
    READABLE_DAY_SQL,
    READABLE_STAMP_SQL,
    DamagedRow,
    as_text,
    parse_day,
    parse_stamp,
    stamp_text,
)

WHAT = "function rating"
_COLUMNS = "day, activities, ratings, created_at"
# Key and timestamp first (Store.skip_damaged names a damaged record by them).
_READ_COLUMNS = "id, created_at, day, activities, ratings"


def from_row(row: Row) -> PsfsRating:
    """The one way a psfs_ratings row becomes a model; raises a ValueError for a damaged one."""
    activities = json.loads(as_text(row[3]))
    ratings = json.loads(as_text(row[4]))
    if not isinstance(activities, list) or not isinstance(ratings, list):
        raise DamagedRow("activities and ratings must be lists")
    return PsfsRating(
        created_at=parse_stamp(row[1]), day=parse_day(row[2]), activities=activities, ratings=ratings
    )


def save_rating(store: Store, rating: PsfsRating) -> None:
    """Store one rating set."""
    with store.transaction() as conn:
        conn.execute(
            f"INSERT INTO psfs_ratings ({_COLUMNS}) VALUES (?, ?, ?, ?)",
            (
                rating.day.isoformat(),
                json.dumps(rating.activities, ensure_ascii=False),
                json.dumps(rating.ratings),
                stamp_text(rating.created_at),
            ),
        )


def list_ratings(store: Store) -> list[PsfsRating]:
    """Every readable rating set, oldest first."""
    sql = f"SELECT {_READ_COLUMNS} FROM psfs_ratings ORDER BY day, created_at, id"
    return store.read(sql, (), from_row, WHAT)


_OLDEST_FIRST = " ORDER BY day, created_at, id"
_NEWEST_FIRST = " ORDER BY day DESC, created_at DESC, id DESC"


def _plain_sql(activities: int) -> str:
    """Whether a rating set whose activities are the first's (`_same_activities`) is one
    `from_row` surely reads, in SQL: the first's own checks hold for its activities, so only the
    ratings (as many whole numbers 0-10 in JSON), the day and the stamp are left (core.dates:
    records/fields.py). Sets it reads in other spellings (4.0, "4", true: pydantic's lax ints) are
    few and parsed one by one. CASE, not AND: SQLite may run the JSON functions of an AND's later
    terms on a row that holds no JSON, an error for the whole read."""
    ints = "SELECT 1 FROM json_each(ratings) WHERE type != 'integer' OR value NOT BETWEEN 0 AND 10"
    return (
        "CASE WHEN typeof(ratings) = 'text' AND json_valid(ratings) THEN json_type(ratings) = 'array'"
        f" AND json_array_length(ratings) = {activities:d} AND NOT EXISTS ({ints})"
        f" AND {READABLE_DAY_SQL} AND {READABLE_STAMP_SQL} ELSE 0 END"
    )


def _same_activities(first: PsfsRating, stored: str) -> tuple[str, tuple[object, ...]]:
    """An SQL test (and its parameters) that holds for every row whose activities read as exactly
    the first set's: its very text (`stored`), or a JSON list of as many texts, each equal to its
    own (json_extract unescapes: another spelling of the same names)."""
    clauses = ["json_type(activities) = 'array' AND json_array_length(activities) = ?"]
    params: list[object] = [stored, len(first.activities)]
    for index, name in enumerate(first.activities):
        clauses.append(
            f"json_type(activities, '$[{index}]') = 'text' AND json_extract(activities, '$[{index}]') = ?"
        )
        params.append(name)
    valid = "typeof(activities) = 'text' AND json_valid(activities)"
    return f"(activities IS ? OR CASE WHEN {valid} THEN {' AND '.join(clauses)} ELSE 0 END)", tuple(params)


def rating_span(store: Store) -> tuple[PsfsRating, PsfsRating, int] | None:
    """The first readable rating set, the latest readable set rating the same activities, and how
    many readable sets rate them (the first included): what `function_change` shows of every set,
    counted in SQL; only sets stored in another spelling are parsed (None when no set is readable)."""
    sql = f"SELECT {_READ_COLUMNS} FROM psfs_ratings"
    stored: list[str] = []

    def keep(row: Row) -> PsfsRating:
        rating = from_row(row)
        stored.append(str(row[3]))
        return rating

    with contextlib.closing(store.iter_read(sql + _OLDEST_FIRST, (), keep, WHAT)) as rows:
        first = next(rows, None)
    if first is None:
        return None
    same, params = _same_activities(first, stored[0])
    plain_sql = _plain_sql(len(first.activities))
    row = store.query_one(
        f"SELECT count(*), total(plain) FROM (SELECT {plain_sql} AS plain FROM psfs_ratings WHERE {same})",
        params,
    )
    plain = int(row[1]) if row else 0
    other = int(row[0]) - plain if row else 0
    if other:  # few: sets written by hand or by another program
        others = store.iter_read(f"{sql} WHERE {same} AND NOT ({plain_sql})", params, from_row, WHAT)
        plain += sum(1 for r in others if r.activities == first.activities)
    with contextlib.closing(store.iter_read(sql + _NEWEST_FIRST, (), from_row, WHAT)) as rows:
        latest = next((r for r in rows if r.activities == first.activities), first)
    return first, latest, plain
