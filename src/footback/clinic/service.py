"""`footback export --format fhir`: the command's one call, from typed options to a written Bundle."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from footback.clinic.bundle import FhirRequest, checked_name, export_fhir
from footback.core.dates import parse_since
from footback.core.text import safe_line
from footback.records.window import offset_of


def run_fhir_export(
    folder: Path, output: Path | None, *, since: str | None, name: str | None, now: datetime
) -> str | None:
    """Check the options and write the Bundle; the line that says what went into a file (None when
    it went to stdout, which gets only JSON)."""
    request = FhirRequest(
        since=parse_since(since) if since is not None else None,
        name=checked_name(name),
        offset_minutes=offset_of(now),
    )
    counts = export_fhir(folder, output, request)
    if output is None or str(output) == "-":
        return None
    held = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())) or "no records"
    return f"Exported a FHIR R4 Bundle ({held}) to {safe_line(str(output))}"
