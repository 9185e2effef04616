"""The application context: everything that comes from outside, resolved once per run.

Only `cli/` reads environment variables and the config file. The root callback builds one
`AppContext` (or takes the one a test hands to `CliRunner.invoke(obj=...)`); commands read it
through `app_context(ctx)` and pass plain values, or the context itself, down.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import typer

from footback.cli import boundary
from footback.core.paths import HOME_ENV
from footback.core.runtime import Clock, SystemClock

if TYPE_CHECKING:
    from rich.console import Console

    from footback.cli.config import Effective
    from footback.render.page import Item
    from footback.stretch.player import KeySource

APP_NAME = "footback"

CONFIG_ENV = "FOOTBACK_CONFIG"


def _expanded(value: str, name: str) -> Path:
    """`value` with a leading `~` or `~user` expanded; one that names no known home folder
    (`~nobody-here/x`, or `~` with HOME unset and no account entry) was a traceback in every
    command: now one usage line, exit 2."""
    try:
        return Path(value).expanduser()
    except RuntimeError:
        raise typer.BadParameter(
            f"{name}={value!r}: the home folder its '~' names is not known here; give the full path"
        ) from None


def data_dir_from(environ: Mapping[str, str]) -> Path:
    """The folder for all stored data: `$FOOTBACK_HOME`, else the platform's user data dir."""
    override = environ.get(HOME_ENV)
    if override:
        return _expanded(override, HOME_ENV)
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def config_path_from(environ: Mapping[str, str]) -> Path:
    """The config file: `$FOOTBACK_CONFIG`, else the platform's user config dir."""
    override = environ.get(CONFIG_ENV)
    if override:
        return _expanded(override, CONFIG_ENV)
    import platformdirs

    return platformdirs.user_config_path(APP_NAME, appauthor=False) / "config.toml"


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _terminal_keys(show_cursor: bool) -> AbstractContextManager[KeySource]:
    from footback.stretch.keys import TerminalKeys

    return TerminalKeys(show_cursor=show_cursor)


# -X: the page read last stays on the screen after q (by default less clears it, and the result
# was gone); -F and -R as git sets them; -Ps: the prompt says the keys (less's own is a bare ':'
# that a new user does not know to answer; `\:` is a colon, `?e...:...`. the end's own prompt).
LESS_OPTIONS = "-FRX -Ps?e(END) q\\: quit:space\\: next page, b\\: back, q\\: quit.$"


@contextmanager
def _less_keeps_the_screen() -> Iterator[None]:
    """`less` with no LESS of the person's own: `LESS_OPTIONS`."""
    if "LESS" in os.environ:
        yield
        return
    os.environ["LESS"] = LESS_OPTIONS
    try:
        yield
    finally:
        os.environ.pop("LESS", None)


# rich pads lines to COLUMNS: a huge value would overflow (or fill memory) instead of drawing.
MAX_WIDTH = 1000
# What rich assumes when it knows no size. rich drew nothing at COLUMNS=0 (every command printed
# an empty screen, exit 0) and raised at COLUMNS or LINES of a digit int() cannot read ('²').
UNKNOWN_WIDTH, UNKNOWN_HEIGHT = 80, 25


def _sane_size(value: str | None, unknown: int, largest: int | None = None) -> int | None:
    """COLUMNS or LINES as rich should take it: None when rich reads it right itself (it then asks
    the terminal again after a resize); `unknown` for a value rich would take as 0 or fail on;
    `largest` for one beyond any screen."""
    if value is None:
        return None
    try:
        size = int(value)
    except ValueError:
        return unknown if value.isdigit() else None  # rich reads what isdigit() accepts with int()
    if largest is not None and size > largest:
        return largest
    return unknown if size == 0 and value.isdigit() else None


def _sane_width(columns: str | None) -> int | None:
    return _sane_size(columns, UNKNOWN_WIDTH, MAX_WIDTH)


@dataclass
class AppContext:
    """Paths, settings, clock, terminal facts, a console factory and the input sources of one run."""

    data_dir: Path
    config_path: Path
    # NO_COLOR was set: colour is off whatever the config says.
    no_color_env: bool = False
    clock: Clock = field(default_factory=SystemClock)
    stdin_tty: bool = False
    # Standard input was closed (`<&-`): there is nothing to ask questions on.
    stdin_closed: bool = False
    stdout_tty: bool = False
    # The terminal's width when known; None lets rich ask the terminal (COLUMNS included).
    width: int | None = None
    # Streams are looked up at use time unless given: a test runner swaps sys.stdout per call.
    stdout: TextIO | None = None
    keys: Callable[[bool], AbstractContextManager[KeySource]] = _terminal_keys
    line_reader: Callable[[], str] = input

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> AppContext:
        """The real context: environment variables and the terminal, read once."""
        return cls(
            data_dir=data_dir_from(environ),
            config_path=config_path_from(environ),
            no_color_env=bool(environ.get("NO_COLOR")),
            stdin_tty=_isatty(sys.stdin),
            stdin_closed=boundary.stdin_was_closed or sys.stdin is None,
            stdout_tty=_isatty(sys.stdout),
            width=_sane_width(environ.get("COLUMNS")),
        )

    @cached_property
    def config(self) -> Effective:
        """The config file's settings, read on first use (a bad file is a command's error, not --help's)."""
        from footback.cli.config import load_settings

        return load_settings(self.config_path, no_color_env=self.no_color_env)

    def colour_off(self, no_color_flag: bool) -> bool:
        return self.config.colour_off(no_color_flag)

    @property
    def db_path(self) -> Path:
        from footback.core.paths import db_path

        return db_path(self.data_dir)

    @property
    def out(self) -> TextIO:
        return self.stdout if self.stdout is not None else sys.stdout

    def _given_width(self) -> int | None:
        """The width given, else COLUMNS where rich would misread it (`_sane_width`, read at use)."""
        return self.width if self.width is not None else _sane_width(os.environ.get("COLUMNS"))

    def console(self, *, no_color: bool = False, stderr: bool = False, file: TextIO | None = None) -> Console:
        """A console for output; colour is off with `--no-color`, the config or `NO_COLOR`."""
        from footback.render.console import console_type

        if file is None and not stderr and self.stdout is not None:
            file = self.stdout
        if not stderr and not self.stdout_tty:
            from footback.render.console import TrimmedLines

            # Piped or redirected: no trailing spaces from rich's padding on any line.
            file = TrimmedLines(file or sys.stdout)  # type: ignore[assignment]
        return console_type()(
            file=file,
            stderr=stderr,
            no_color=no_color or self.no_color_env,
            width=self._given_width(),
            height=_sane_size(os.environ.get("LINES"), UNKNOWN_HEIGHT),
            highlight=False,
            emoji=False,
            markup=True,
        )

    def show_long(self, console: Console, render: Callable[[Console], None]) -> None:
        """`footback.render.console.show_long`, with the pager's options set as cli/ knows them."""
        from footback.render.console import show_long

        show_long(console, render, _less_keeps_the_screen)

    def show_page(self, build: Callable[[int], Sequence[Item]], *, no_color: bool) -> None:
        """A long screen built as a page for the width: as `show_long` would show it (drawn by rich,
        paged on a terminal), or written without rich where rich would style and page nothing."""
        from footback.render.rows import draw_page

        lines = self._plain_lines(build)
        if lines is None:
            console = self.console(no_color=no_color)
            self.show_long(console, lambda drawn: draw_page(drawn, build(drawn.width)))
            return
        from footback.render.console import tidy_piped

        self.out.write(tidy_piped("".join(line + "\n" for line in lines)))
        self.out.flush()

    def print_page(self, page: Sequence[Item], *, no_color: bool, stderr: bool = False) -> None:
        """A few lines said once (never paged): drawn by rich, or written without rich where rich
        would style nothing on that stream."""
        from footback.render.rows import draw_page

        lines = self._plain_lines(lambda width: page, stderr=stderr)
        if lines is None:
            draw_page(self.console(no_color=no_color, stderr=stderr), page)
            return
        # A piped standard output loses rich's trailing padding (render.console.TrimmedLines).
        trim = not stderr and not self.stdout_tty
        stream = sys.stderr if stderr else self.out
        stream.write("".join((line.rstrip(" ") if trim else line) + "\n" for line in lines))
        stream.flush()

    def _plain_lines(
        self, build: Callable[[int], Sequence[Item]], *, stderr: bool = False
    ) -> list[str] | None:
        """The page's lines as rich writes them where it styles nothing (render/plain.py); None
        where it would style them (a terminal, FORCE_COLOR, TTY_COMPATIBLE=1) or where the page
        holds text render/plain.py does not follow (a tab in stored text, say)."""
        if self._is_terminal(os.environ, stderr=stderr):
            return None
        from footback.render.plain import Unmodelled, page_lines

        width = self.columns(stderr=stderr)
        try:
            return page_lines(build(width), width)
        except Unmodelled:
            return None

    def columns(self, *, stderr: bool = False) -> int:
        """The width `console()` (on stderr: `console(stderr=True)`) draws at, found as rich finds
        it but without importing rich (plain text is wrapped to it): the width given or COLUMNS; 80
        on a dumb terminal; else the first terminal among stdin, stdout and stderr; else 80."""
        environ = os.environ
        width = self._given_width()
        if width is None and environ.get("COLUMNS", "").isdigit():
            width = int(environ["COLUMNS"])
        if width is not None and environ.get("LINES", "").isdigit():
            return width  # rich asks nothing more when both are known
        if environ.get("TERM", "").lower() in ("dumb", "unknown") and self._is_terminal(
            environ, stderr=stderr
        ):
            return 80
        if width is not None:
            return width
        for descriptor in (0, 1, 2):
            try:
                width = os.get_terminal_size(descriptor).columns
            except (AttributeError, ValueError, OSError):  # not a terminal
                continue
            break
        return width or 80

    def _is_terminal(self, environ: Mapping[str, str], *, stderr: bool = False) -> bool:
        # rich's rule: TTY_COMPATIBLE, then FORCE_COLOR, then whether the console's stream is a terminal.
        if environ.get("TTY_COMPATIBLE", "") in ("0", "1"):
            return environ["TTY_COMPATIBLE"] == "1"
        if (force := environ.get("FORCE_COLOR")) is not None:
            return force != ""
        return _isatty(sys.stderr) if stderr else self.stdout_tty and _isatty(self.out)

    def open_keys(self, show_cursor: bool) -> AbstractContextManager[KeySource]:
        return self.keys(show_cursor)

    def read_line(self) -> str:
        return self.line_reader()

    def print_error(self, message: str) -> None:
        from footback.cli.boundary import print_error

        print_error(message)


def app_context(ctx: typer.Context) -> AppContext:
    """The run's context, built by the root callback."""
    found = ctx.find_object(AppContext)
    if found is None:  # a command invoked without the root callback (never from the CLI)
        found = AppContext.from_environ(os.environ)
        ctx.obj = found
    return found
