"""Single key presses from a terminal: cbreak mode, waits with a timeout, arrows and Esc.

The terminal is put back exactly as it was (and the cursor shown) on every way out,
including Ctrl-C, which cbreak mode still delivers as a signal.
"""

from __future__ import annotations

import os
import select
import sys
import termios
import tty
from types import TracebackType
from typing import Any, TextIO

from footback.stretch.player import Key

ESC = 0x1B
ESC_WAIT = 0.05  # an arrow key's bytes can arrive a moment after its Esc
SHOW_CURSOR = "\x1b[?25h"

_SEQUENCES = {b"\x1b[C": Key.SKIP, b"\x1bOC": Key.SKIP, b"\x1b[D": Key.BACK, b"\x1bOD": Key.BACK}
_SINGLE = {
    b" ": Key.PAUSE,
    b"n": Key.SKIP,
    b"N": Key.SKIP,
    b"p": Key.BACK,
    b"P": Key.BACK,
    b"q": Key.STOP,
    b"Q": Key.STOP,
    b"\x1b": Key.STOP,
    b"\x04": Key.STOP,  # Ctrl-D: "end of input" stops, as it would at any other prompt
    b"\r": Key.ENTER,
    b"\n": Key.ENTER,
}


def parse_keys(data: bytes) -> list[Key]:
    """The keys in a burst of input; unknown keys and escape sequences are ignored."""
    keys: list[Key] = []
    i = 0
    while i < len(data):
        if data[i] == ESC and data[i + 1 : i + 2] in (b"[", b"O"):
            j = i + 2
            # A CSI/SS3 sequence ends at its first byte in 0x40-0x7e.
            while j < len(data) and not 0x40 <= data[j] <= 0x7E:
                j += 1
            found = _SEQUENCES.get(data[i : j + 1])
            if found is not None:
                keys.append(found)
            i = j + 1
            continue
        single = _SINGLE.get(data[i : i + 1])
        if single is not None:
            keys.append(single)
        i += 1
    return keys


class TerminalKeys:
    """A `KeySource` on a terminal file descriptor; use it as a context manager."""

    def __init__(self, fd: int | None = None, out: TextIO | None = None, *, show_cursor: bool = True):
        self._fd = sys.stdin.fileno() if fd is None else fd
        self._out = out if out is not None else sys.stdout
        self._show_cursor = show_cursor
        self._saved: list[Any] | None = None
        self._pending: list[Key] = []
        self._closed = False

    def __enter__(self) -> TerminalKeys:
        self._saved = termios.tcgetattr(self._fd)
        try:
            tty.setcbreak(self._fd, termios.TCSANOW)
        except BaseException:
            self._restore()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._restore()

    def _restore(self) -> None:
        try:
            if self._saved is not None:
                termios.tcsetattr(self._fd, termios.TCSADRAIN, self._saved)
                self._saved = None
        finally:
            if self._show_cursor:
                try:
                    self._out.write(SHOW_CURSOR)
                    self._out.flush()
                except (OSError, ValueError):
                    pass  # output already closed: nothing left to restore on it

    def read(self, timeout: float) -> Key | None:
        """Wait up to `timeout` seconds (sleeping in select) for one key."""
        if self._pending:
            return self._pending.pop(0)
        if self._closed:
            # Input ended: still sleep, never spin.
            select.select([], [], [], timeout)
            return None
        ready, _, _ = select.select([self._fd], [], [], max(0.0, timeout))
        if not ready:
            return None
        data = os.read(self._fd, 64)
        if not data:
            self._closed = True
            return None
        if data[-1] == ESC:
            more, _, _ = select.select([self._fd], [], [], ESC_WAIT)
            if more:
                data += os.read(self._fd, 64)
        keys = parse_keys(data)
        self._pending = keys[1:]
        return keys[0] if keys else None
