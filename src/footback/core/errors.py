"""The one error family footback raises for problems a person can act on."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, documented in the README (Exit codes and errors)."""

    OK = 0
    FAILURE = 1
    BAD_INPUT = 2
    INTERRUPTED = 130


class FootbackError(Exception):
    """A problem reported as one line on stderr (plus one line per detail), without a traceback."""

    exit_code: ExitCode = ExitCode.FAILURE

    def __init__(self, message: str, details: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class BadInputError(FootbackError):
    """A bad answers, routine or config file, or a bad option value."""

    exit_code = ExitCode.BAD_INPUT


class ContentError(FootbackError):
    """The content in data/ (TOML files people edit) is missing or invalid.

    Carries every problem found, each naming its file and key, so one run shows all there is to fix.
    """

    def __init__(self, *problems: str) -> None:
        self.problems = problems
        if len(problems) == 1:
            super().__init__(problems[0])
        else:
            super().__init__(f"{len(problems)} problems in footback's content (data/):", problems)


class StoreError(FootbackError):
    """The history store cannot be opened, read or written."""


class MissingAnswersError(BadInputError):
    """Answers are missing and there is no terminal to ask them on."""
