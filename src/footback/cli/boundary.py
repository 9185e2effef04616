"""The command boundary: FootbackError and Ctrl-C become one line and an exit code."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer

from footback.core.errors import ExitCode, FootbackError
from footback.core.text import safe_line


def print_error(message: str) -> None:
    """One line on stderr: newlines would break that promise, control characters shown as text."""
    # Messages quote file names, paths and keys typed by someone else: shown, never obeyed.
    flat = safe_line(" ".join(message.split()))
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
