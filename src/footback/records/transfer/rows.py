"""A stored row as data: which columns hold JSON, which stay inside one store, and its digest.

Low in records/transfer/: the migrations' uid backfill (uids.py) reads it, so it imports nothing
that imports the migrations.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

JSON_COLUMNS = frozenset({"answers", "result", "detail", "warning_signs", "signs", "activities", "ratings"})
# Columns that only mean something inside one store: never exported, filled in again on import
# (a confirmation's assessment row id; its assessment_uid is what travels).
INTERNAL_COLUMNS = {"clinician_seen": frozenset({"assessment_id"})}

# Columns added after uids existed (utc_offset: sessions' in migration 70, the other kinds' in
# migration 100): a record stored or exported before them has none, so an empty one is left out
# of the digest, which stays what it was.
LATER_COLUMNS = frozenset({"utc_offset"})

Row = dict[str, Any]


def canonical(row: Row) -> str:
    """A row's content: every value, with JSON columns compared by content, not spelling."""
    return json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_uid(row: Row) -> str:
    """The uid of a record that has none (stored before uids, or from an older export): its digest."""
    content = {k: v for k, v in row.items() if k != "uid" and not (k in LATER_COLUMNS and v is None)}
    return hashlib.sha256(canonical(content).encode("utf-8", "surrogatepass")).hexdigest()[:32]
