"""The command boundary: FootbackError and Ctrl-C become one line and an exit code."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer

from footback.core.errors import ExitCode, FootbackError

# Messages quote file names, paths and keys typed by someone else; an ESC or BEL in them must not
# drive the terminal, and a bidi override must not make the line read differently from what it is.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def print_error(message: str) -> None:
    """One line on stderr: newlines would break that promise, control characters shown as text."""
    flat = _UNSAFE.sub(_visible, " ".join(message.split()))
    sys.stderr.write(f"footback: error: {flat}\n")
    sys.stderr.flush()


@contextmanager
def command_boundary() -> Iterator[None]:
    """Wrap a command body so that user errors never show a traceback."""
    try:
        yield
    except FootbackError as exc:
        print_error(exc.message)
        raise typer.Exit(int(exc.exit_code)) from None
    except KeyboardInterrupt:
        sys.stderr.write("\nfootback: interrupted\n")
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
