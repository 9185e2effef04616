"""`footback forget`: everything footback stored, gone (after asking)."""

from typing import Annotated

import typer

from footback.cli.context import AppContext, app_context
from footback.core.text import record_count, safe_line


def forget(
    ctx: typer.Context,
    *,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    run_forget(app_context(ctx), yes=yes)


def run_forget(app: AppContext, *, yes: bool) -> None:
    """Delete every file footback wrote (records/folder.py); refuses without a yes it can trust."""
    from footback.core.errors import BadInputError
    from footback.records.transfer.forget import forget_all, stored
    from footback.render.console import tell

    folder = app.data_dir
    console = app.console()
    files, counts = stored(folder)
    if not files:
        tell(console, f"Nothing is stored in {safe_line(str(folder))}.")
        return
    # What is there, not every kind of record footback could keep ("0 shoe pairs" says nothing).
    summary = ", ".join(record_count(n, t) for t, n in counts.items() if n) or "its files"
    if not yes:
        if not app.stdin_tty:
            raise BadInputError("forget deletes all your data; run it in a terminal to confirm, or add --yes")
        tell(console, f"This deletes everything footback stored in {safe_line(str(folder))}: {summary}.")
        tell(console, "Consider `footback export --output backup.json` first. This cannot be undone.")
        # A plain line read, not typer.confirm: confirm turns Ctrl-C into "Aborted!" and exit 1,
        # and Ctrl-C must reach the command boundary (exit 130) like everywhere else.
        typer.echo("Delete it all? [y/N]: ", nl=False)
        try:
            reply = app.read_line()
        except EOFError:
            reply = ""
        if reply.strip().lower() not in ("y", "yes"):
            tell(console, "Nothing was deleted.")
            return
    gone = forget_all(folder, files)
    names = ", ".join(path.name for path in gone)
    tell(console, f"Deleted {summary} from {safe_line(str(folder))} ({names}).")
