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
