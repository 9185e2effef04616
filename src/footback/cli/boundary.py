"""The command boundary: FootbackError, usage errors and Ctrl-C become one line and an exit code."""

from __future__ import annotations

import contextlib
import errno
import functools
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Generic, ParamSpec, TypeVar

import typer
from typer.core import TyperGroup

from footback.cli.collector import resume_collector
from footback.core.errors import ExitCode, FootbackError
from footback.core.signals import Terminated


def print_error(message: str) -> None:
    """One line on stderr: newlines would break that promise, control characters shown as text."""
    from footback.core.text import safe_line

    # Messages quote file names, paths and keys typed by someone else: shown, never obeyed.
    flat = " ".join(_shortened(word) for word in safe_line(" ".join(message.split())).split(" "))
    sys.stderr.write(f"footback: error: {flat}\n")
    sys.stderr.flush()


# A word of an error line past this is cut in the middle (a value typed or read 100,000
# characters long would otherwise be echoed whole); the longest real path (4096 bytes) is cut too,
# keeping its start and its file name.
_LONGEST_WORD = 240


def _shortened(word: str) -> str:
    if len(word) <= _LONGEST_WORD:
        return word
    return f"{word[: _LONGEST_WORD * 2 // 3]}...{word[-(_LONGEST_WORD // 3) :]}"


@contextmanager
def command_boundary() -> Iterator[None]:
    """Wrap a command body so that user errors never show a traceback."""
    try:
        yield
    except FootbackError as exc:
        print_error(exc.message)
        for detail in exc.details:  # e.g. every problem in the content, one line each
            print_error(detail)
        raise typer.Exit(int(exc.exit_code)) from None
    except PermissionError as exc:
        # A data folder someone else owns, a config file only root can read: say which file.
        print_error(f"cannot use {exc.filename or 'a file'}: permission denied")
        raise typer.Exit(int(ExitCode.FAILURE)) from None
    except OSError as exc:
        # Standard output failed inside the command (a full disk, a closed pipe): said here, as
        # click would otherwise exit 1 on a closed pipe without a word, even after a save.
        if exc.errno not in _STDOUT_FAILED:
            raise
        _stdout_failed(exc)
        raise typer.Exit(int(ExitCode.FAILURE)) from None
    except KeyboardInterrupt:
        sys.stderr.write("\nfootback: interrupted\n")
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    except Terminated as exc:
        # A kill or a closed terminal outside the player (which handles its own): after the
        # command's clean-up ran, exit as the signal would have, 128 + its number.
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(f"\nfootback: stopped by signal {exc.signum}\n")
        raise typer.Exit(128 + exc.signum) from None


P = ParamSpec("P")
R = TypeVar("R")


class Bounded(Generic[P, R]):
    """A command run inside `command_boundary`: applied once, where the commands are registered
    (`cli/app.py`), so no command writes the boundary itself.

    `functools.update_wrapper` keeps the command's name, docstring, annotations and `__wrapped__`,
    so typer reads the command's own signature (its options) through it."""

    def __init__(self, command: Callable[P, R]) -> None:
        functools.update_wrapper(self, command)
        self.command = command

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        resume_collector()  # start-up is over (cli/collector.py)
        with command_boundary():
            return self.command(*args, **kwargs)


_NOT_ONE_OF = re.compile(r"'(?P<value>[^']*)' is not one of (?P<choices>.*?)\.?$")
# typer parses numbers with pydantic, whose wording says neither what a number option takes nor
# how: say it plainly and add the option's own help, which names its range.
_NOT_A_NUMBER = {
    "Input should be a valid integer, unable to parse string as an integer": "not a whole number",
    "Input should be a valid number, unable to parse string as a number": "not a number",
    "not a whole number": "not a whole number",  # cli/options.whole_number's own
}


def _nearest(value: str, choices: Sequence[str]) -> str:
    from footback.core.suggest import closest

    found = closest(value, list(choices))
    return f"; did you mean {found}?" if found else ""


def usage_line(exc: Any, fallback: str = "footback") -> str:
    """A click usage error as footback's one line: what is wrong, the nearest valid choice, --help
    (of the command, or of `fallback` when click did not say which command was being parsed)."""
    message = str(exc.format_message()).replace("Value error, ", "")
    possibilities = getattr(exc, "possibilities", None)
    if possibilities is not None:
        message = str(exc.message) + _nearest(str(exc.option_name), possibilities)
    elif (found := _NOT_ONE_OF.search(message)) is not None:
        choices = re.findall(r"'([^']*)'", found.group("choices"))
        message = message.rstrip(".") + _nearest(found.group("value"), choices)
    else:
        message = _plain_number_message(message, getattr(exc, "param", None))
    ctx = getattr(exc, "ctx", None)
    where = ctx.command_path if ctx is not None else fallback
    return f"{message.rstrip('.')} (see: {where} --help)"


def _plain_number_message(message: str, param: Any) -> str:
    """pydantic's number wording as a plain one, with the option's help (its range)."""
    for wording, plain in _NOT_A_NUMBER.items():
        if wording in message:
            help_text = getattr(param, "help", None)
            told = message.replace(wording, plain)
            return f"{told.rstrip('.')}; {help_text}" if help_text else told
    return message


# Set when stdin was closed at start (`<&-`) and stands in as an empty stream: the context reads it
# so that guided commands refuse at once instead of printing a question nobody can answer.
stdin_was_closed = False


def _register_standins() -> None:
    # Only for a stream that is not UTF-8: most runs never import the stand-ins (start-up).
    import codecs

    from footback.core.text import ascii_standins

    codecs.register_error("footback-ascii", ascii_standins)


def prepare_streams() -> str | None:
    """Make the standard streams safe to use; returns why the command cannot run, if it cannot.

    A closed stdin reads as empty (commands then act as with no terminal); a closed stderr writes
    nowhere; a closed stdout is refused, as nothing could be shown. A stream that is not UTF-8
    gets ASCII stand-ins for drawing characters instead of a UnicodeEncodeError.
    """
    import os

    global stdin_was_closed
    if sys.stdin is None:
        stdin_was_closed = True
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
        if stream is not None and not encoding.startswith("utf") and hasattr(stream, "reconfigure"):
            _register_standins()
            stream.reconfigure(errors="footback-ascii")
    if sys.stdout is None:
        return "standard output is closed; nothing can be shown (run it without >&-)"
    return None


# Files footback writes report these themselves; one that reaches the group came from stdout.
_DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
_STDOUT_FAILED = _DISK_FULL | {errno.EPIPE, errno.EBADF, errno.EIO}


def _stdout_failed(exc: OSError) -> None:
    """`footback export > backup.json` on a full disk, `footback log feet | true`: one line (for a
    closed pipe only when the command had saved something: the reader is gone, the person is
    not), saying what was saved before, as exit 1 otherwise means nothing was; and no second
    failure when Python flushes what is left of stdout at exit."""
    import contextlib
    import os

    from footback.records.changes import landed

    saved = landed()
    if saved or exc.errno in _DISK_FULL:
        told = f"; {_SAVED}" if saved else ""
        with contextlib.suppress(OSError, ValueError):  # stderr may be on the same full disk, or gone
            print_error(f"cannot write to standard output: {exc.strerror}{told}")
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


_SAVED = "what the command saved before that is stored (exit 1 here does not mean nothing was saved)"


class OneLineErrors(TyperGroup):
    """The app's group: usage errors are one line like every other error, never typer's box."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        from typer._click.exceptions import UsageError
        from typer.exceptions import Abort

        problem = prepare_streams()
        if problem is not None:
            print_error(problem)
            sys.exit(int(ExitCode.FAILURE)) if standalone_mode else None
            return int(ExitCode.FAILURE)
        try:
            code = super().main(
                args=args, prog_name=prog_name, complete_var=complete_var, standalone_mode=False, **extra
            )
        except UsageError as exc:
            print_error(usage_line(exc, self._named(args)))
            code = int(ExitCode.BAD_INPUT)
        except Abort:
            code = int(ExitCode.FAILURE)
        except OSError as exc:
            if exc.errno not in _STDOUT_FAILED:
                raise
            _stdout_failed(exc)
            code = int(ExitCode.FAILURE)
        code = code if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code

    def _named(self, args: Sequence[str] | None) -> str:
        """`footback COMMAND` for the command in `args`: click's "Option '--since' requires an
        argument" carries no context, and the help to see is the command's, not the app's."""
        words = list(sys.argv[1:] if args is None else args)
        first = words[0] if words else ""
        return f"footback {first}" if first in self.commands else "footback"
