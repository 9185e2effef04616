"""`footback export`, `footback import` and `footback forget`: your data, out, in and gone."""

from __future__ import annotations

import contextlib
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from footback.cli.boundary import command_boundary
from footback.cli.commands.options import OutputOption, format_for_output
from footback.cli.context import AppContext, app_context
from footback.core.text import plural, record_count, safe_line

# A file name's extension picks the format when --format is not given.
EXTENSIONS = {".json": "json", ".csv": "csv"}


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"


def export(
    ctx: typer.Context,
    *,
    fmt: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="json (can be imported again) or csv (for spreadsheets)."
            " Default: from the --output name (.json, .csv), else json.",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
) -> None:
    """Write everything footback has stored: assessments, sessions, shoes and your plan."""
    with command_boundary():
        chosen = format_for_output(fmt.value if fmt else None, output, EXTENSIONS, ExportFormat.json.value)
        run_export(app_context(ctx).data_dir, fmt=chosen, output=output)


def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A JSON file made by `footback export --format json`.")],
) -> None:
    """Restore a JSON export; records already stored are not added twice."""
    with command_boundary():
        run_import(app_context(ctx).data_dir, file)


def forget(
    ctx: typer.Context,
    *,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete everything footback has stored (after asking; --yes skips the question)."""
    with command_boundary():
        run_forget(app_context(ctx), yes=yes)


def run_export(folder: Path, *, fmt: str, output: Path | None) -> None:
    from footback.core.files import output_stream
    from footback.plan.build import plan_path
    from footback.records.db import open_existing_store
    from footback.records.transfer import write_csv, write_json

    plan_file = plan_path(folder)
    plan_text = plan_file.read_text(encoding="utf-8") if plan_file.is_file() else None
    store = open_existing_store(folder)
    with contextlib.ExitStack() as stack:
        if store is not None:
            stack.enter_context(store)
        out = stack.enter_context(output_stream(output, folder))
        counts = write_json(store, plan_text, out) if fmt == "json" else write_csv(store, out)
    if output is None or str(output) == "-":
        return
    exported = ", ".join(
        record_count(counts.records[t], t) for t in ("assessments", "stretch_sessions", "shoe_checks")
    )
    damaged = f' ({counts.damaged} damaged, marked "damaged")' if counts.damaged else ""
    sys.stderr.write(f"Exported {exported}{damaged} to {safe_line(str(output))}\n")


def run_import(folder: Path, file: Path) -> None:
    from footback.core.files import write_private
    from footback.plan.build import plan_path
    from footback.records.transfer import import_into_store

    counts, where = import_into_store(file, folder)
    plan_text = counts.plan_text
    restored = ""
    if isinstance(plan_text, str):
        target = plan_path(folder)
        if not target.exists():
            write_private(target, plan_text)
            restored = " Your plan was restored."
        elif target.read_text(encoding="utf-8") != plan_text:
            restored = " Your current plan was kept (the export's plan differs)."
    added = ", ".join(record_count(n, t) for t, n in counts.added.items() if n) or "nothing new"
    present = sum(counts.present.values())
    updated = sum(counts.updated.values())
    extra = f" {present} already stored." if present else ""
    extra += f" {record_count(updated, 'shoe_pairs')} updated." if updated else ""
    skipped = "was" if counts.damaged == 1 else "were"
    extra += (
        f" {plural(counts.damaged, 'record')} marked damaged {skipped} skipped." if counts.damaged else ""
    )
    typer.echo(f"Imported {added} into {safe_line(str(where))}.{extra}{restored}")


def run_forget(app: AppContext, *, yes: bool) -> None:
    """Delete the store, its journals and the plan; refuses without a yes it can trust."""
    from footback.core.errors import BadInputError
    from footback.records.db import open_existing_store
    from footback.records.transfer import count_records, forget_files, stored_files

    folder = app.data_dir
    # Opening proves the file is footback's: a foreign file at that path is never deleted.
    store = open_existing_store(folder)
    counts: dict[str, int] = {}
    if store is not None:
        with store:
            counts = count_records(store)
    files = stored_files(folder)
    if not files:
        typer.echo(f"Nothing is stored in {safe_line(str(folder))}.")
        return
    summary = ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in counts.items()) or "your plan"
    if not yes:
        if not app.stdin_tty:
            raise BadInputError("forget deletes all your data; run it in a terminal to confirm, or add --yes")
        typer.echo(f"This deletes everything footback stored in {safe_line(str(folder))}: {summary}.")
        typer.echo("Consider `footback export --output backup.json` first. This cannot be undone.")
        # input(), not typer.confirm: confirm turns Ctrl-C into "Aborted!" and exit 1, and Ctrl-C
        # must reach the command boundary (exit 130) like everywhere else.
        try:
            typer.echo("Delete it all? [y/N]: ", nl=False)
            reply = app.read_line()
        except EOFError:
            reply = ""
        if reply.strip().lower() not in ("y", "yes"):
            typer.echo("Nothing was deleted.")
            return
    gone = forget_files(files)
    with contextlib.suppress(OSError):
        folder.rmdir()  # only when empty: files someone else put there stay
    names = ", ".join(path.name for path in gone)
    typer.echo(f"Deleted {summary} from {safe_line(str(folder))} ({names}).")
