"""`footback config`: the effective settings and where each came from."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from footback.boundary import command_boundary


def config(
    *,
    as_json: Annotated[bool, typer.Option("--json", help="Print the settings as JSON.")] = False,
    path_only: Annotated[bool, typer.Option("--path", help="Print only the config file's path.")] = False,
) -> None:
    """Show the effective settings, where each came from, and the config file's path."""
    with command_boundary():
        from footback.config import load_settings

        effective = load_settings()
        if path_only:
            typer.echo(str(effective.path))
            return
        values = effective.settings.model_dump()
        if as_json:
            doc = {"path": str(effective.path), "settings": values, "origins": effective.origins}
            typer.echo(json.dumps(doc, indent=2))
            return
        exists = "" if effective.path.exists() else " (not created yet; defaults apply)"
        typer.echo(f"Config file: {effective.path}{exists}")
        width = max(len(k) for k in values)
        for key, value in values.items():
            shown = json.dumps(value)
            typer.echo(f"  {key:<{width}} = {shown:<8}  ({effective.origins[key]})")
