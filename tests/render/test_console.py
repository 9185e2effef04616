"""The one console module: pipes lose rich's padding, and a gone terminal never stops a command."""

from __future__ import annotations

import errno
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from rich.console import Console

from footback.render.console import (
    TrimmedLines,
    quiet_if_gone,
    say,
    say_where,
    terminal_gone,
    where_line,
)


def test_trimmed_lines_drop_trailing_spaces_and_keep_unfinished_lines() -> None:
    out = io.StringIO()
    stream = TrimmedLines(out)
    stream.write("a table row   \nhalf a ")
    assert out.getvalue() == "a table row\n"
    stream.write("line  \n")
    stream.write("prompt> ")
    stream.flush()  # an unfinished line goes on as it is
    assert out.getvalue() == "a table row\nhalf a line\nprompt> "
    assert not stream.isatty() and stream.encoding


@pytest.mark.parametrize("code", [errno.EIO, errno.ENXIO, errno.EBADF, errno.EPIPE, errno.ENOTTY])
def test_these_errors_mean_the_terminal_is_gone(code: int) -> None:
    assert terminal_gone(OSError(code, "gone"))


def test_other_errors_do_not_mean_the_terminal_is_gone() -> None:
    assert not terminal_gone(OSError(errno.ENOSPC, "disk full"))
    assert not terminal_gone(ValueError(errno.EIO))


class _Broken(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError(errno.EIO, "the window was closed")


def test_saying_a_line_to_a_gone_terminal_is_quiet() -> None:
    say(Console(file=_Broken()), "Finished.")  # no error: the session is saved already


def test_a_line_is_said_and_a_path_kept_whole() -> None:
    out = io.StringIO()
    console = Console(file=out, width=20, color_system=None)
    say(console, "Data file: /a/very/long/path/to/footback.db", whole=True)
    assert out.getvalue() == "Data file: /a/very/long/path/to/footback.db\n"


@contextmanager
def _leaving_fails(code: int) -> Iterator[str]:
    yield "entered"
    raise OSError(code, "on leaving")


def test_leaving_a_gone_terminal_is_quiet_and_other_failures_are_not() -> None:
    with quiet_if_gone(_leaving_fails(errno.EIO)) as value:
        assert value == "entered"
    with pytest.raises(OSError, match="on leaving"), quiet_if_gone(_leaving_fails(errno.ENOSPC)):
        pass


def test_where_data_went_is_said_the_same_way_everywhere(tmp_path: Path) -> None:
    db = tmp_path / "footback.db"
    assert where_line(db, saved=True) == f"Saved to {db}"
    assert where_line(db, saved=False) == "Not saved (--no-save)."
    out = io.StringIO()
    say_where(Console(file=out, width=10, color_system=None), db, saved=True)
    assert out.getvalue() == f"Saved to {db}\n"
