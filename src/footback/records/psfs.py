"""Saving and reading Patient-Specific Functional Scale rating sets (table `psfs_ratings`)."""

from __future__ import annotations

import json

from footback.models.psfs import PsfsRating
from footback.records.db import Row, Store
from footback.records.fields import DamagedRow, as_text, parse_day, parse_stamp, stamp_text

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
