"""What varies from run to run, as features see it: the clock, the terminal, the data folder.

The command line builds one `footback.cli.context.AppContext` per run; features take it through
the `Runtime` protocol below (features never import `cli/`), and tests hand in a fake one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO

if TYPE_CHECKING:
    from rich.console import Console


class Clock(Protocol):
    """Wall time (aware, local) for stamps and days; monotonic time and sleeping for timers."""

    def now(self) -> datetime: ...

    def monotonic(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        """Local time, in a time zone footback can store (core.dates.check_zone), else an error."""
        from footback.core.dates import check_zone

        try:
            now = datetime.now().astimezone()
        except ValueError:  # Python takes no offset of a day or more: say so in footback's words
            check_zone(timedelta(seconds=time.localtime().tm_gmtoff))
            raise
        check_zone(now.utcoffset() or timedelta(0))
        return now

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class Runtime(Protocol):
    """The outside world, handed to every interactive flow (the assessment, the check-in, the shoe
    check, the stretch player) as its one context; what the flow was asked to do is its request."""

    @property
    def data_dir(self) -> Path: ...

    @property
    def clock(self) -> Clock: ...

    @property
    def stdin_tty(self) -> bool: ...

    # Standard input was closed (`<&-`): there is nothing to ask questions on.
    @property
    def stdin_closed(self) -> bool: ...

    @property
    def stdout_tty(self) -> bool: ...

    @property
    def out(self) -> TextIO: ...

    def console(
        self, *, no_color: bool = False, stderr: bool = False, file: TextIO | None = None
    ) -> Console: ...

    def show_long(self, console: Console, render: Callable[[Console], None]) -> None: ...

    # The width `console()` draws at, for text written without rich.
    def columns(self) -> int: ...

    # The stretch player's key source (`footback.stretch.player.KeySource`); core names no feature.
    def open_keys(self, show_cursor: bool) -> AbstractContextManager[Any]: ...

    def read_line(self) -> str: ...

    def print_error(self, message: str) -> None: ...
