"""One way to hand a command its inputs: `def name(app: AppContext, request: NameOptions) -> None`.

The options are declared once, as the fields of a frozen dataclass (`Annotated[..., typer.Option()]`
with their defaults). At registration (`cli/app.py`) `with_request` gives typer a function whose
signature lists those fields as options; when typer calls it, the run's `AppContext` and one
instance of the dataclass are built and handed to the command. A command with a few options may
still take them as typer parameters (`ctx: typer.Context, *, json: ...`): it is passed on as it is.
"""

import dataclasses
import functools
import inspect
import typing
from collections.abc import Callable
from typing import Any

import typer

from footback.cli.context import app_context


def request_type(command: Callable[..., Any]) -> type | None:
    """The dataclass of `command(app, request)`, or None for a command that takes typer parameters."""
    if list(inspect.signature(command).parameters) != ["app", "request"]:
        return None
    found = typing.get_type_hints(command).get("request")
    return found if isinstance(found, type) and dataclasses.is_dataclass(found) else None


def with_request(command: Callable[..., Any]) -> Callable[..., Any]:
    """`command` as typer can call it: `(ctx, **options)` when it takes `(app, request)`."""
    options = request_type(command)
    if options is None:
        return command
    hints = typing.get_type_hints(options, include_extras=True)
    empty = inspect.Parameter.empty
    params = [inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)]
    for field in dataclasses.fields(options):
        default = field.default if field.default is not dataclasses.MISSING else empty
        kind = inspect.Parameter.KEYWORD_ONLY
        params.append(inspect.Parameter(field.name, kind, default=default, annotation=hints[field.name]))

    @functools.wraps(command)
    def run(ctx: typer.Context, **given: Any) -> Any:
        return command(app_context(ctx), options(**given))

    # typer reads these (inspect.signature, typing.get_type_hints): the dataclass's fields.
    run.__signature__ = inspect.Signature(params, return_annotation=None)  # type: ignore[attr-defined]
    run.__annotations__ = {"ctx": typer.Context, **{p.name: p.annotation for p in params[1:]}}
    return run
