"""A screen as plain values: lines, hanging lines and rows of records.

A feature builds its screen as a page once; `draw_page` draws it with rich (on a terminal, with
its styles) and `render/plain.py` writes the same characters without rich where nothing would be
styled (a pipe, a file), which saves a start-up importing and running rich's drawing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


@dataclass(frozen=True)
class Line:
    """A line of text wrapped at the width (`whole`: never wrapped, so a path can be copied).

    `style` styles the text; with `outer` it is given to the print call instead, as some screens
    always did (on a terminal the escape codes fall differently: kept as they were)."""

    text: str
    style: str = ""
    whole: bool = False
    outer: bool = False


@dataclass(frozen=True)
class Hang:
    """`render.console.Hanging`: a lead, then the text wrapped under itself."""

    lead: str
    text: str
    style: str = ""


@dataclass(frozen=True)
class Record:
    """One record: its table cells, and the same as a block (head, details, free text)."""

    cells: Sequence[str]
    head: str
    details: Sequence[str]
    text: str = ""


@dataclass(frozen=True)
class Rows:
    """Records under headers: a table when it fits, else one block each (`render.rows.draw_rows`)."""

    headers: Sequence[str]
    records: Sequence[Record]
    right: Sequence[str] = ()
    wrap_last: bool = False


Item = Line | Hang | Rows
BLANK = Line("")


def draw_page(console: Console, page: Sequence[Item]) -> None:
    """The page drawn with rich: the calls each screen made before it was a page."""
    from rich.text import Text

    from footback.render.console import hanging
    from footback.render.rows import Block, Row, draw_rows

    for item in page:
        if isinstance(item, Line):
            if item.outer and item.style:
                console.print(Text(item.text), style=item.style, soft_wrap=item.whole)
            else:
                console.print(Text(item.text, style=item.style), soft_wrap=item.whole)
        elif isinstance(item, Hang):
            console.print(hanging(item.lead, item.text, item.style))
        else:
            rows = [
                Row(
                    [Text(cell) for cell in record.cells],
                    Block(Text(record.head), [Text(part) for part in record.details], Text(record.text)),
                )
                for record in item.records
            ]
            draw_rows(console, item.headers, rows, right=item.right, wrap_last=item.wrap_last)
