"""`footback progress`: is this helping? Pain, practice and the two side by side."""

from typing import Annotated

import typer

from footback.cli.context import app_context
from footback.cli.options import NoColorOption


def progress(
    ctx: typer.Context,
    *,
    as_json: Annotated[bool, typer.Option("--json", help="Print the verdicts and series as JSON.")] = False,
    no_color: NoColorOption = False,
) -> None:
    from footback.content.loader import sources
    from footback.core.cited import citing
    from footback.core.text import safe_json
    from footback.daily.progress_service import load_progress
    from footback.daily.render import progress_page
    from footback.plan.content import review_days

    app = app_context(ctx)
    result = load_progress(app.data_dir, app.clock.now(), review_days=review_days())
    if as_json:
        typer.echo(safe_json(result.model_dump_json(indent=2, context=citing(sources()))))
        return
    # Taller than 80x24 once a plan and a few check-ins exist: paged on a terminal, like assess.
    app.show_page(lambda _width: progress_page(result), no_color=app.colour_off(no_color))
