"""`footback prompt SHELL`: what is due, shown in the shell prompt without starting footback."""

from typing import Annotated

import typer

from footback.cli.context import app_context


def prompt(
    ctx: typer.Context,
    shell: Annotated[str, typer.Argument(metavar="SHELL", help="bash, zsh or fish.")],
) -> None:
    from footback.daily.prompt_state import state_path, write_state
    from footback.daily.shell_prompt import snippet

    app = app_context(ctx)
    code = snippet(shell, state_path(app.data_dir.absolute()))
    # The state file is made now, so the prompt is right from the next line on.
    write_state(app.data_dir, app.clock.now())
    app.out.write(code)
