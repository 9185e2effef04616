"""Warning signs in the store: what each assessment reported, and when a clinician saw the person."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from footback.assess.model import AssessmentResult, RedFlagHit
from footback.core.safety import Reported, Seen, Sign
from footback.records.assessments import unreadable
from footback.records.db import Store
from footback.records.history import parse_stamp


@dataclass(frozen=True)
class SignReport:
    """One assessment that reported warning signs."""

    assessment_id: int
    at: datetime
    signs: list[RedFlagHit]

    def reported(self) -> Reported:
        return Reported(self.at, tuple(Sign(f.id, f.severity, f.standing) for f in self.signs))


def save_seen(store: Store, now: datetime, assessment_id: int | None, sign_ids: list[str]) -> None:
    """Record that a clinician has seen the person about these signs."""
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO clinician_seen (seen_at, assessment_id, signs) VALUES (?, ?, ?)",
            (now.isoformat(timespec="seconds"), assessment_id, json.dumps(sorted(sign_ids))),
        )


def read_seen(store: Store) -> list[Seen]:
    """Every confirmation, oldest first; a damaged signs list counts as none."""
    rows = store.query("SELECT seen_at, signs FROM clinician_seen ORDER BY seen_at, id")
    seen = []
    for at, signs in rows:
        try:
            ids = json.loads(signs)
        except ValueError:
            ids = []
        clean = frozenset(i for i in ids if isinstance(i, str)) if isinstance(ids, list) else frozenset()
        seen.append(Seen(parse_stamp(at), clean))
    return seen


def _report(store: Store, row: tuple[int, str, str]) -> SignReport:
    try:
        result = AssessmentResult.model_validate_json(row[2])
    except ValueError:
        raise unreadable(store, row[1]) from None
    return SignReport(assessment_id=row[0], at=parse_stamp(row[1]), signs=result.red_flags)


def sign_reports(store: Store) -> list[SignReport]:
    """Every assessment that reported a warning sign, oldest first."""
    rows = store.query(
        "SELECT id, created_at, result FROM assessments WHERE urgent = 1 ORDER BY created_at, id"
    )
    return [_report(store, row) for row in rows]


def latest_report(store: Store) -> SignReport | None:
    """The latest assessment, when it reported a warning sign."""
    row = store.conn.execute(
        "SELECT id, created_at, urgent, result FROM assessments ORDER BY created_at DESC, id DESC LIMIT 1"
    ).fetchone()
    if row is None or not row[2]:
        return None
    return _report(store, (row[0], row[1], row[3]))
