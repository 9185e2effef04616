"""`footback report`: a one-page summary to take to a podiatrist or doctor."""

from __future__ import annotations

import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from footback.cli.boundary import command_boundary
from footback.cli.commands.options import OutputOption


class ReportFormat(StrEnum):
    md = "md"
    html = "html"


def report(
    *,
    fmt: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", help="md (Markdown text) or html (one file that prints well)."),
    ] = ReportFormat.md,
    output: OutputOption = None,
) -> None:
    """Make a one-page summary for a clinician: answers, factors, warning signs, trends, routines, shoes."""
    with command_boundary():
        run_report(fmt=fmt.value, output=output)


def run_report(*, fmt: str, output: Path | None, now: datetime | None = None) -> None:
    """The command body; `now` defaults to the local clock (the report's date and 30-day window)."""
    from footback.core.errors import FootbackError
    from footback.core.files import write_output
    from footback.core.paths import data_dir
    from footback.core.text import safe_document, safe_line
    from footback.records.db import open_existing_store
    from footback.report.build import build_report
    from footback.report.html import render_html
    from footback.report.markdown import render_markdown

    clock = now or datetime.now().astimezone()
    store = open_existing_store()
    if store is None:
        raise FootbackError("nothing is stored yet: run `footback assess` first, then `footback report`")
    with store:
        made = build_report(store, now=clock)
    # The last word on what leaves footback: whatever a record holds, no raw control character.
    text = safe_document(render_html(made) if fmt == "html" else render_markdown(made))
    write_output(output, text, data_dir())
    if output is not None and str(output) != "-":
        sys.stderr.write(f"Report written to {safe_line(str(output))}\n")
