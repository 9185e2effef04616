"""The one error family footback raises for problems a person can act on."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, documented in the README."""

    OK = 0
    FAILURE = 1
    BAD_INPUT = 2
    INTERRUPTED = 130


class FootbackError(Exception):
    """A problem reported as one line on stderr, without a traceback."""

    exit_code: ExitCode = ExitCode.FAILURE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadInputError(FootbackError):
    """A bad answers, routine or config file, or a bad option value."""

    exit_code = ExitCode.BAD_INPUT


class ContentError(FootbackError):
    """footback's own content in data/ is missing or invalid (a packaging bug)."""


class StoreError(FootbackError):
    """The history store cannot be opened, read or written."""


class MissingAnswersError(BadInputError):
    """Answers are missing and there is no terminal to ask them on."""
