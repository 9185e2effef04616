"""Checks for a screen drawn at a given width: rows that fit, nothing cut, wrapped text hanging."""

from __future__ import annotations

import io
from collections.abc import Callable

from rich.console import Console

WIDTHS = [40, 60, 80, 120]


def draw(width: int, paint: Callable[[Console], None]) -> list[str]:
    """The rows a colourless console of `width` columns shows, trailing padding removed."""
    console = Console(file=io.StringIO(), width=width, color_system=None)
    paint(console)
    return [row.rstrip() for row in console.file.getvalue().rstrip("\n").split("\n")]  # type: ignore[attr-defined]


def assert_fits(rows: list[str], width: int) -> None:
    """Every row fits the width and nothing is cut to an ellipsis."""
    assert all(len(row) <= width for row in rows), [row for row in rows if len(row) > width]
    assert not [row for row in rows if "…" in row]


def whole(rows: list[str], text: str) -> bool:
    """`text` appears whole within one row."""
    return any(text in row for row in rows)


def assert_hangs(rows: list[str], text: str) -> int:
    """`text` is drawn whole, in order, from where it starts: each row it wraps onto starts at the
    column where it started (under its own text, never under a lead or at the margin). Returns
    the number of rows it wrapped onto."""
    start = text.split()[0]
    for n, row in enumerate(rows):
        column = row.find(start)
        if column < 0 or not text.startswith(row[column:].strip()):
            continue
        got = row[column:].strip()
        wrapped = 0
        while len(got) < len(text) and n + wrapped + 1 < len(rows):
            wrapped += 1
            below = rows[n + wrapped]
            indent = len(below) - len(below.lstrip(" "))
            assert indent == column, f"{below!r} is not under {row!r} (column {column})"
            got += " " + below.strip()
        assert got == text, (got, text)
        return wrapped
    raise AssertionError(f"{text!r} does not start on any row:\n" + "\n".join(rows))
