"""Building rich consoles that respect NO_COLOR, pipes and narrow terminals."""

from __future__ import annotations

import os
from collections.abc import Callable
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


def tidy_piped(text: str) -> str:
    """Output for a pipe or file: no leading blank lines, no trailing spaces on any line."""
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""


def show_long(console: Console, render: Callable[[Console], None]) -> None:
    """Draw a screen that may be long: through a pager when it is taller than the terminal
    ($PAGER, else the system's), as it is when it fits, tidied when piped (never paged)."""
    with console.capture() as captured:
        render(console)
    text = captured.get()
    if not console.is_terminal:
        console.file.write(tidy_piped(text))
        console.file.flush()
        return
    text = text.lstrip("\n")
    if text.count("\n") >= console.height:
        from rich.text import Text

        # pydoc's pager: $MANPAGER or $PAGER, else less/more; plain output when not on a terminal.
        with console.pager(styles=True):
            console.print(Text.from_ansi(text), end="", soft_wrap=True)
        return
    console.file.write(text)
    console.file.flush()
