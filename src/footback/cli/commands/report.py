"""`footback report`: a two-page summary to take to a podiatrist or doctor."""

from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from footback.cli.context import app_context
from footback.cli.options import OutputOption, format_for_output

# A file name's extension picks the format when --format is not given.
EXTENSIONS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


class ReportFormat(StrEnum):
    md = "md"
    html = "html"


def report(
    ctx: typer.Context,
    *,
    fmt: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="md (Markdown text) or html (one file that prints well)."
            " Default: from the --output name (.html, .md), else md.",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
) -> None:
    chosen = format_for_output(fmt.value if fmt else None, output, EXTENSIONS, ReportFormat.md.value)
    app = app_context(ctx)
    from footback.render.console import tell

    if output is None and app.stdout_tty:  # to read on the screen: drawn, paged, wrapped at words
        from footback.report.build import load_report_text
        from footback.report.screen import draw_report

        text = report_text(app.data_dir, fmt=chosen, now=app.clock.now())
        app.show_long(app.console(), lambda out: draw_report(out, text, chosen))
        tell(app.console(stderr=True), load_report_text().on_screen)
        return
    said = run_report(app.data_dir, fmt=chosen, output=output, now=app.clock.now())
    if said is not None:  # on stderr: stdout may be the report itself
        tell(app.console(stderr=True), said)


def run_report(folder: Path, *, fmt: str, output: Path | None, now: datetime) -> str | None:
    """The command body; `now` (local) dates the report and ends its 30-day window. Returns the
    line that says where it went (None: to stdout)."""
    from footback.core.files import write_output
    from footback.core.text import safe_line

    write_output(output, report_text(folder, fmt=fmt, now=now), folder)
    if output is None or str(output) == "-":
        return None
    return f"Report written to {safe_line(str(output))}"


def report_text(folder: Path, *, fmt: str, now: datetime) -> str:
    """The whole report in `fmt`, made safe to show or write."""
    from footback.core.errors import FootbackError
    from footback.core.text import safe_document
    from footback.records.db import read_store
    from footback.report.build import build_report
    from footback.report.html import render_html
    from footback.report.markdown import render_markdown

    made = read_store(folder, lambda store: build_report(store, now=now, folder=folder))
    if made is None:
        raise FootbackError("nothing is stored yet: run `footback assess` first, then `footback report`")
    # The last word on what leaves footback: whatever a record holds, no raw control character.
    return safe_document(render_html(made) if fmt == "html" else render_markdown(made))
