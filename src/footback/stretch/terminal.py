"""Talking to a terminal that may go away mid-routine: signals, a closed window, a hangup."""

from __future__ import annotations

import errno
import signal
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, TypeVar

from footback.core.text import safe_line

if TYPE_CHECKING:
    from rich.console import Console

T = TypeVar("T")


class Terminated(Exception):
    """SIGTERM or SIGHUP during play: stop like Ctrl-C, exit with 128 + the signal number."""

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


# What writing to (or restoring) a terminal raises once its window was closed.
TERMINAL_GONE = frozenset({errno.EIO, errno.ENXIO, errno.EBADF, errno.EPIPE, errno.ENOTTY})


def terminal_gone(exc: BaseException) -> bool:
    """An OSError, or a termios.error (not an OSError), saying the terminal is no longer there."""
    if isinstance(exc, OSError):
        return exc.errno in TERMINAL_GONE
    code = exc.args[0] if exc.args else None
    return type(exc).__module__ == "termios" and code in TERMINAL_GONE


@contextmanager
def quiet_if_gone(cm: AbstractContextManager[T]) -> Iterator[T]:
    """Enter `cm`; if leaving it fails because the terminal is gone, give up on it quietly.

    Closing the window mid-routine makes rich's `Live.stop` and restoring the key settings raise
    `OSError(EIO)`: that must never stop the session from being saved.
    """
    value = cm.__enter__()
    try:
        yield value
    except BaseException as exc:
        try:
            if cm.__exit__(type(exc), exc, exc.__traceback__):
                return
        except Exception as gone:
            if not terminal_gone(gone):
                raise
        raise
    try:
        cm.__exit__(None, None, None)
    except Exception as gone:
        if not terminal_gone(gone):
            raise


def say(console: Console, line: str, *, whole: bool = False) -> None:
    """One line to the person; `whole` keeps a line that holds a path unwrapped, so it can be copied."""
    from rich.text import Text

    with suppress(OSError):  # after a hangup there is no one to tell; the session is saved
        console.print(Text(line), soft_wrap=whole)


def say_where(console: Console, path: Path) -> None:
    from rich.text import Text

    # soft_wrap: the path stays whole on one line, so it can be copied.
    with suppress(OSError):
        console.print(Text(f"Data file: {safe_line(str(path))}"), soft_wrap=True)
