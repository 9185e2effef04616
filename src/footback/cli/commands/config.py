"""`footback config`: the effective settings and where each came from."""

import json
from typing import TYPE_CHECKING, Annotated

import typer

from footback.cli.context import app_context
from footback.cli.options import NoColorOption
from footback.core.text import safe_line

if TYPE_CHECKING:
    from rich.console import Console

    from footback.cli.config import Effective


def config(
    ctx: typer.Context,
    *,
    as_json: Annotated[bool, typer.Option("--json", help="Print the settings as JSON.")] = False,
    path_only: Annotated[bool, typer.Option("--path", help="Print only the config file's path.")] = False,
    no_color: NoColorOption = False,
) -> None:
    app = app_context(ctx)
    if path_only and as_json:  # stdout must be JSON with --json, and --path prints a bare path
        from footback.core.errors import BadInputError

        raise BadInputError("use --path (the file's path alone) or --json (everything as JSON), not both")
    if path_only:  # works even when the file is broken: that is when people look for it
        typer.echo(safe_line(str(app.config_path)))
        return
    effective = app.config
    _check_routine(effective)
    values = effective.settings.model_dump()
    if as_json:
        doc = {"path": str(effective.path), "settings": values, "origins": effective.origins}
        typer.echo(json.dumps(doc, indent=2))
        return
    _render(app.console(no_color=effective.colour_off(no_color)), effective, values)


def _check_routine(effective: "Effective") -> None:
    """A default_routine that names no routine is reported here too, not only by `stretch`."""
    if effective.settings.default_routine is None:
        return
    from footback.stretch import catalogue

    catalogue.check_default_routine(effective.settings.default_routine, effective.path)


def _render(out: "Console", effective: "Effective", values: dict[str, object]) -> None:
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    # soft_wrap: the path stays whole on one line, so it can be copied.
    out.print(Text(f"Config file: {safe_line(str(effective.path))}"), soft_wrap=True)
    if not effective.path.exists():
        out.print(Text("  (not created yet; defaults apply)", style="dim"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_column(style="dim", overflow="fold")
    for key, value in values.items():
        grid.add_row(key, "=", Text(json.dumps(value)), f"({effective.origins[key]})")
    out.print(Padding(grid, (0, 0, 0, 2), expand=False))
