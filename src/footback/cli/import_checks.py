"""The import's registry of content checks: each feature adds the checks of the records it owns."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from footback.records.import_rules import ImportChecks


def import_checks() -> ImportChecks:
    """Every feature's import checks (records/ defines the registry and knows no feature)."""
    from footback.assess import import_checks as assess
    from footback.daily import import_checks as daily
    from footback.records.import_rules import ImportChecks
    from footback.shoes import import_checks as shoes
    from footback.stretch import import_checks as stretch

    checks = ImportChecks()
    for feature in (assess, daily, shoes, stretch):
        feature.register(checks)
    return checks
