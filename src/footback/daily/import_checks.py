"""What an import checks in a check-in that needs content: its warning signs are known ones."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from footback.core.text import excerpt
from footback.records.import_rules import RecordProblem, Row

if TYPE_CHECKING:
    from footback.records.import_rules import ImportChecks


@cache
def _sign_ids() -> frozenset[str]:
    from footback.assess.content import load_assess_content

    return frozenset(load_assess_content().red_flag_ids())


def _known_signs(field: str) -> Callable[[Row], None]:
    def check(row: Row) -> None:
        # The same ids `checkin --sign` accepts: the history and report look each one up.
        known = _sign_ids()
        if unknown := [s for s in row[field] if s not in known]:
            raise RecordProblem(field, f"{excerpt(unknown[0])} is not a warning-sign id")

    return check


def register(checks: ImportChecks) -> None:
    checks.add("checkins", _known_signs("warning_signs"))
    # A clinician's visit covers signs an assessment or a check-in reported: known ids only.
    checks.add("clinician_seen", _known_signs("signs"))
