"""A `kill` or a closed window: stop like Ctrl-C, so what must be saved is saved (a stretch
session) and what must be undone is undone (an import into a new store).

(Saying a line when the terminal may be gone is `footback.render.console.say`.)
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class Terminated(Exception):
    """SIGTERM or SIGHUP: stop like Ctrl-C, exit with 128 + the signal number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """A `kill` or a closed terminal still restores the terminal and saves the session."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may install signal handlers
        return
    caught = (signal.SIGTERM, signal.SIGHUP)
    previous = {sig: signal.signal(sig, raise_terminated) for sig in caught}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
