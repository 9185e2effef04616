"""Where a command stored its data, said the same way by every command."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def where_line(db_path: Path, *, saved: bool) -> str:
    """Where a command stored its data, or that it stored nothing."""
    return f"Saved to {db_path}" if saved else "Not saved (--no-save)."


def say_where(console: Console, db_path: Path, *, saved: bool) -> None:
    from rich.text import Text

    # soft_wrap: a long path stays whole on one line, so it can be copied.
    console.print(Text(where_line(db_path, saved=saved), style="dim"), soft_wrap=True)
