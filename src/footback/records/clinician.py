"""The clinician_seen repository: a person's word, with its date, that a clinician has seen them.

Which assessments reported warning signs comes from the assessments repository; the rule that
decides what is still open is footback.core.safety's.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import NamedTuple

from footback.core.safety import Reported, Seen, Sign
from footback.models.assessment import RedFlagHit
from footback.records.assessments import SavedAssessment, latest_assessment, warning_assessments
from footback.records.db import Row, Store
from footback.records.fields import DamagedRow, as_int, as_text, parse_stamp, stamp_text
from footback.records.window import offset_of

WHAT = "clinician confirmation"


class SignReport(NamedTuple):
    """One assessment that reported warning signs."""

    assessment_id: int
    at: datetime
    signs: list[RedFlagHit]

    def reported(self) -> Reported:
        return Reported(self.at, tuple(Sign(f.id, f.severity, f.standing) for f in self.signs))


def _report(saved: SavedAssessment) -> SignReport:
    return SignReport(assessment_id=saved.id, at=saved.created_at, signs=saved.result.red_flags)


def save_seen(store: Store, now: datetime, assessment_id: int | None, sign_ids: list[str]) -> None:
    """Record that a clinician has seen the person about these signs."""
    with store.transaction() as conn:
        # The assessment's uid too: it names the assessment in an export, where row ids mean nothing.
        conn.execute(
            "INSERT INTO clinician_seen (seen_at, assessment_id, assessment_uid, signs, utc_offset)"
            " VALUES (?, ?, (SELECT uid FROM assessments WHERE id = ?), ?, ?)",
            (stamp_text(now), assessment_id, assessment_id, json.dumps(sorted(sign_ids)), offset_of(now)),
        )


def from_row(row: Row) -> Seen:
    """The one way a clinician_seen row becomes a model; raises a ValueError for a damaged one."""
    as_int(row[0])
    ids = json.loads(as_text(row[2]))
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise DamagedRow("signs is not a list of ids")
    return Seen(parse_stamp(row[1]), frozenset(ids))


def read_seen(store: Store) -> list[Seen]:
    """Every confirmation, oldest first."""
    return store.read(
        "SELECT id, seen_at, signs FROM clinician_seen ORDER BY seen_at, id", (), from_row, WHAT
    )


def sign_reports(store: Store, *, since: date | None = None, offset_minutes: int = 0) -> list[SignReport]:
    """Every assessment that reported a warning sign (from local day `since`), oldest first."""
    return [_report(s) for s in warning_assessments(store, since=since, offset_minutes=offset_minutes)]


def latest_report(store: Store) -> SignReport | None:
    """The latest assessment, when it reported a warning sign."""
    saved = latest_assessment(store)
    if saved is None or not saved.result.needs_clinician:
        return None
    return _report(saved)
