"""`footback import`: a JSON export back in."""

from pathlib import Path
from typing import Annotated

import typer

from footback.cli.context import app_context
from footback.core.text import plural, record_count, safe_line

PLAN_RESTORED = {
    "restored": " Your plan was restored.",
    "kept": " Your current plan was kept (the export's plan differs).",
    None: "",
}


def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A JSON file made by `footback export --format json`.")],
) -> None:
    from footback.render.console import tell

    app = app_context(ctx)
    tell(app.console(), run_import(app.data_dir, file))


def run_import(folder: Path, file: Path) -> str:
    """Import the file; the line that says what came in."""
    from footback.cli.import_checks import import_checks
    from footback.records.transfer.importer import import_into_store, restore_plan

    counts, where = import_into_store(file, folder, import_checks())
    plan = restore_plan(folder, counts.plan_text if isinstance(counts.plan_text, str) else None)
    restored = PLAN_RESTORED[plan]
    added = ", ".join(record_count(n, t) for t, n in counts.added.items() if n) or "nothing new"
    present = sum(counts.present.values())
    updated = sum(counts.updated.values())
    extra = f" {present} already stored." if present else ""
    extra += f" {record_count(updated, 'shoe_pairs')} updated." if updated else ""
    if counts.days_kept:
        kept = record_count(counts.days_kept, "checkins")
        extra += f" {kept} for a day that already has one: the stored one kept."
    skipped = "was" if counts.damaged == 1 else "were"
    extra += (
        f" {plural(counts.damaged, 'record')} marked damaged {skipped} skipped." if counts.damaged else ""
    )
    extra += " The export's plan was marked damaged and not restored." if counts.plan_damaged else ""
    return f"Imported {added} into {safe_line(str(where))}.{extra}{restored}"
