"""Where a command stored its data, said the same way by every command."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console


def where_line(db_path: Path, *, saved: bool) -> str:
    """Where a command stored its data, or that it stored nothing."""
    from footback.core.text import safe_line

    # A FOOTBACK_HOME with control characters in it is shown, never obeyed.
    return f"Saved to {safe_line(str(db_path))}" if saved else "Not saved (--no-save)."


def say_where(console: Console, db_path: Path, *, saved: bool) -> None:
    from rich.text import Text

    # soft_wrap: a long path stays whole on one line, so it can be copied.
    console.print(Text(where_line(db_path, saved=saved), style="dim"), soft_wrap=True)


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
    # A real terminal only: FORCE_COLOR makes rich treat a pipe as a terminal, but a pipe is never paged.
    isatty = getattr(console.file, "isatty", None)
    if not console.is_terminal or not (isatty and isatty()):
        console.file.write(tidy_piped(text))
        console.file.flush()
        return
    text = text.lstrip("\n")
    if text.count("\n") >= console.height:
        from rich.text import Text

        # pydoc's pager: $MANPAGER or $PAGER, else less/more. Without styles: a plain `less`
        # shows escape codes as text, and every bar carries its number and level anyway.
        with _less_keeps_the_screen(), console.pager(styles=False):
            console.print(Text.from_ansi(text), end="", soft_wrap=True)
        return
    console.file.write(text)
    console.file.flush()


@contextmanager
def _less_keeps_the_screen() -> Iterator[None]:
    """`less` with no LESS of the person's own: -X, so the page read last stays on the screen
    after q (by default less clears it, and the result was gone); -F and -R as git sets them."""
    if "LESS" in os.environ:
        yield
        return
    os.environ["LESS"] = "-FRX"
    try:
        yield
    finally:
        os.environ.pop("LESS", None)


class TrimmedLines:
    """A text stream for a pipe or file that drops the spaces rich pads lines with (tables and
    panels fill the width): every finished line loses its trailing spaces. An unfinished line
    is passed on untouched when flushed, so nothing is lost or reordered."""

    def __init__(self, file: TextIO) -> None:
        self._file = file
        self._pending = ""

    def write(self, text: str) -> int:
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        if lines:
            self._file.write("\n".join(line.rstrip(" ") for line in lines) + "\n")
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self._file.write(self._pending)
            self._pending = ""
        self._file.flush()

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:
        return getattr(self._file, "encoding", None) or "utf-8"

    def fileno(self) -> int:
        return self._file.fileno()
