"""Building rich consoles that respect NO_COLOR, pipes and narrow terminals."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console


def make_console(*, stderr: bool = False, no_color: bool = False, file: TextIO | None = None) -> Console:
    """A console for output; colour is off with `--no-color` or `NO_COLOR`."""
    from rich.console import Console

    plain = no_color or bool(os.environ.get("NO_COLOR"))
    return Console(
        file=file,
        stderr=stderr,
        no_color=plain,
        highlight=False,
        emoji=False,
        markup=True,
    )


def where_line(*, saved: bool) -> str:
    """Where a command stored its data, or that it stored nothing."""
    from footback.core.paths import db_path

    return f"Saved to {db_path()}" if saved else "Not saved (--no-save)."


def say_where(console: Console, *, saved: bool) -> None:
    from rich.text import Text

    # soft_wrap: a long path stays whole on one line, so it can be copied.
    console.print(Text(where_line(saved=saved), style="dim"), soft_wrap=True)
