"""The one console module: lines, questions, long screens and pipes on a rich console.

- drawing: `Hanging` text, `ConsoleScreen` (the question flows' screen; the interview itself never
  imports rich), `ask_yes_no`, `plain_input`;
- a message line wrapped at words (`tell`), and said when the terminal may be gone (`say`,
  `terminal_gone`, `quiet_if_gone`);
- where a command stored its data (`where_line`, `say_where`);
- long screens and pipes: `show_long` pages a screen taller than the terminal; piped, `TrimmedLines`
  and `tidy_piped` drop rich's trailing padding.

The ASCII stand-ins on a stream that is not UTF-8 are set up once per run with the standard
streams (`cli/boundary.py` `prepare_streams`), so every console here inherits them.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from footback.core.text import safe_line

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.text import Text

    from footback.render.page import Hang, Line

T = TypeVar("T")

# Narrower than this, a hanging line would be mostly breaks: the lead then wraps with the text.
MIN_TEXT_WIDTH = 20


class Hanging:
    """A lead ('  1) ', '  - ', '  ') then a text whose wrapped lines start under the text, not
    under the lead (a hanging indent), wrapped by word at the width it is drawn at; no line ends
    in spaces."""

    def __init__(self, lead: str, text: Text) -> None:
        self.lead = lead
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.cells import cell_len
        from rich.text import Text

        hang = cell_len(self.lead)
        if options.max_width - hang < MIN_TEXT_WIDTH:
            # Too narrow to hang under the text: the lead's words go first on the line and every
            # line starts under the lead's own indent, so nothing overflows the width.
            indent = len(self.lead) - len(self.lead.lstrip(" "))
            joined = Text(self.lead.lstrip(" ")) + self.text
            for line in joined.wrap(console, max(options.max_width - indent, 1)):
                line.rstrip()
                yield Text(" " * indent) + line
            return
        for number, line in enumerate(self.text.wrap(console, options.max_width - hang)):
            line.rstrip()
            yield Text(self.lead if number == 0 else " " * hang) + line


def draw_line(console: Console, item: Line | Hang) -> None:
    """A page's line (`render.page`) drawn with rich."""
    from rich.text import Text

    from footback.render.page import Hang

    if isinstance(item, Hang):
        console.print(hanging(item.lead, item.text, item.style))
    elif item.outer and item.style:
        console.print(Text(item.text), style=item.style, soft_wrap=item.whole)
    else:
        console.print(Text(item.text, style=item.style), soft_wrap=item.whole)


def plain_input(console: Console, prompt: str) -> str:
    """A line typed after `prompt`, shown as written: as markup, rich took "[y/n]" for a style
    and printed "Replace it? :"."""
    from rich.text import Text

    return console.input(Text(prompt))


def ask_yes_no(console: Console, question: str) -> bool:
    """A yes/no question: y, yes, n or no in any case, as everywhere else; input ending
    (Ctrl-D) is a no, so a question after a warning sign can always be left."""
    from footback.content.questions import NO, YES

    while True:
        try:
            reply = plain_input(console, f"{question} [y/n]: ").strip().lower()
        except EOFError:
            console.line()
            return False
        if reply in YES:
            return True
        if reply in NO:
            return False
        console.print(hanging("  ", "Not understood: answer y (yes) or n (no).", "yellow"))


def hanging(lead: str, text: str, style: str = "") -> Hanging:
    """`Hanging` for a plain string (never markup) in one style; the lead is never styled."""
    from rich.text import Text

    return Hanging(lead, Text(text, style=style))


class ConsoleScreen:
    """`content.interview.Terminal` on a rich console: plain text lines (never markup), and input."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def say(self, text: str, style: str = "") -> None:
        """A line as given; an indented line keeps its indent on every line it wraps onto."""
        from footback.render.page import said

        for item in said(text, style):
            draw_line(self.console, item)

    def blank(self) -> None:
        self.console.line()

    def ask(self, prompt: str) -> str:
        return plain_input(self.console, prompt)


# ---------------------------------------------------------------- a terminal that may be gone


@cache
def console_type() -> type[Console]:
    """rich's Console, except that a closed pipe is the OSError it is: rich's own answer is a
    silent exit 1, even after a command saved something, and footback's boundary says so."""
    import os

    from rich.console import Console

    class PipeConsole(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    return PipeConsole


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


def tell(console: Console, line: str, *, whole: bool = False) -> None:
    """One message line (never markup), wrapped at words to the console's width, no line ending in
    a space. A word longer than a line (a long path) is never broken by footback: it starts a line
    of its own and the terminal folds it where it must, so it is still copied as one. `whole`
    leaves the whole line unwrapped."""
    from rich.text import Text

    if whole:
        console.print(Text(line), soft_wrap=True)
        return
    # overflow "ignore": divided at spaces only, and a long word is neither folded nor cut.
    for row in Text(line, overflow="ignore").wrap(console, console.width):
        row.rstrip()
        console.print(row, soft_wrap=True)


def say(console: Console, line: str, *, whole: bool = False) -> None:
    """`tell`, when the terminal may be gone: after a hangup there is no one to tell, and what
    mattered is saved, so a failed write is dropped."""
    with suppress(OSError):
        tell(console, line, whole=whole)


# ---------------------------------------------------------------- where data went


def where_line(db_path: Path, *, saved: bool) -> str:
    """Where a command stored its data, or that it stored nothing."""
    # A FOOTBACK_HOME with control characters in it is shown, never obeyed.
    return f"Saved to {safe_line(str(db_path))}" if saved else "Not saved (--no-save)."


def say_where(console: Console, db_path: Path, *, saved: bool) -> None:
    from rich.text import Text

    # soft_wrap: a long path stays whole on one line, so it can be copied.
    console.print(Text(where_line(db_path, saved=saved), style="dim"), soft_wrap=True)


# ---------------------------------------------------------------- long screens and pipes


def tidy_piped(text: str) -> str:
    """Output for a pipe or file: no leading blank lines, no trailing spaces on any line."""
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""


def show_long(
    console: Console,
    render: Callable[[Console], None],
    around_pager: Callable[[], AbstractContextManager[object]] = nullcontext,
) -> None:
    """Draw a screen that may be long: through a pager when it is taller than the terminal
    ($PAGER, else the system's), as it is when it fits, tidied when piped (never paged).
    `around_pager` is entered while the pager runs (cli/ sets the pager's options there)."""
    with console.capture() as captured:
        render(console)
    text = captured.get()
    # A real terminal only: FORCE_COLOR makes rich treat a pipe as a terminal, but a pipe is never paged.
    isatty = getattr(console.file, "isatty", None)
    if not console.is_terminal or not (isatty and isatty()):
        console.file.write(tidy_piped(text))
        console.file.flush()
        return
    text = text.lstrip("\n")
    if text.count("\n") >= console.height:
        from rich.text import Text

        # pydoc's pager: $MANPAGER or $PAGER, else less/more. Without styles: a plain `less`
        # shows escape codes as text, and every bar carries its number and level anyway.
        with around_pager(), console.pager(styles=False):
            console.print(Text.from_ansi(text), end="", soft_wrap=True)
        return
    console.file.write(text)
    console.file.flush()


class TrimmedLines:
    """A text stream for a pipe or file that drops the spaces rich pads lines with (tables and
    panels fill the width): every finished line loses its trailing spaces. An unfinished line
    is passed on untouched when flushed, so nothing is lost or reordered."""

    def __init__(self, file: TextIO) -> None:
        self._file = file
        self._pending = ""

    def write(self, text: str) -> int:
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        if lines:
            self._file.write("\n".join(line.rstrip(" ") for line in lines) + "\n")
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self._file.write(self._pending)
            self._pending = ""
        self._file.flush()

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:
        return getattr(self._file, "encoding", None) or "utf-8"

    def fileno(self) -> int:
        return self._file.fileno()
