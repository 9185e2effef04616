"""`footback export`: your data, out (JSON and CSV for you, a FHIR Bundle for a clinic)."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from footback.cli.context import app_context
from footback.cli.options import OutputOption, format_for_output
from footback.core.errors import BadInputError
from footback.core.text import record_count, safe_line

# A file name's extension picks the format when --format is not given.
EXTENSIONS = {".json": "json", ".csv": "csv"}


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"
    fhir = "fhir"


def export(
    ctx: typer.Context,
    *,
    fmt: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="json (can be imported again), csv (for spreadsheets) or fhir (a FHIR R4 Bundle for a"
            " clinic's record system). Default: from the --output name (.json, .csv), else json.",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="DATE", help="fhir only: records from this date on (YYYY-MM-DD)."),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option("--name", help="fhir only: add a Patient with this name (footback never stores it)."),
    ] = None,
) -> None:
    app, given = app_context(ctx), fmt.value if fmt else None
    # A FHIR Bundle is JSON: `--format fhir --output clinic.json` is no contradiction.
    names = EXTENSIONS | {".json": "fhir"} if given == ExportFormat.fhir else EXTENSIONS
    chosen = format_for_output(given, output, names, ExportFormat.json.value)
    if chosen == ExportFormat.fhir:
        from footback.clinic.service import run_fhir_export

        said = run_fhir_export(app.data_dir, output, since=since, name=name, now=app.clock.now())
    elif since is not None or name is not None:
        raise BadInputError("--since and --name go with --format fhir (json and csv export everything)")
    else:
        said = run_export(app.data_dir, fmt=chosen, output=output)
    if said is not None:  # on stderr: stdout may be the export itself
        from footback.render.console import tell

        tell(app.console(stderr=True), said)


def run_export(folder: Path, *, fmt: str, output: Path | None) -> str | None:
    """Write the export; the line that says what went into a file (None: it went to stdout)."""
    from footback.cli.import_checks import import_checks
    from footback.records.transfer.export import export_all

    # Import's own checks, content ones included: a record it would refuse is exported marked damaged.
    counts = export_all(folder, fmt, output, import_checks())
    if output is None or str(output) == "-":
        return None
    # The daily records are named when there are any, so a backup of check-ins says it has them.
    daily = [t for t in ("checkins", "plan_changes") if counts.records.get(t)]
    exported = ", ".join(
        record_count(counts.records[t], t) for t in ("assessments", "stretch_sessions", "shoe_checks", *daily)
    )
    damaged = f' ({counts.damaged} damaged, marked "damaged")' if counts.damaged else ""
    return f"Exported {exported}{damaged} to {safe_line(str(output))}"
