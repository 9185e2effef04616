"""Rows of a screen on a terminal of any width: a table when it fits, else one block per row.

A table squeezed below its width cuts cells to "…" or splits a date over two rows; the screens
that list records draw the same rows as blocks instead (the row's date or name on a line, its
details two in), so nothing is cut at 40 columns and wide terminals keep their table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from footback.render.cells import cell_len
from footback.render.console import MIN_TEXT_WIDTH, Hanging

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.text import Text

    from footback.render.page import Item

# What rich puts between two columns of a table with the default padding (0, 1).
COLUMN_GAP = 2
# What sits under a block's first line starts this far in.
INDENT = "  "


def table_fits(rows: Sequence[Sequence[str | Text]], width: int, *, wrap_last: bool = False) -> bool:
    """Whether a table of these rows (the headers first; no box, no edge padding) fits `width`
    with every cell on one line; with `wrap_last` the last column (free text) may wrap instead,
    as long as it keeps MIN_TEXT_WIDTH columns (or its whole width, if that is less)."""
    from footback.render.cells import cell_len

    def length(cell: str | Text) -> int:
        return cell_len(cell if isinstance(cell, str) else cell.plain)

    widths = [max(length(row[n]) for row in rows) for n in range(len(rows[0]))]
    if wrap_last:
        widths[-1] = min(widths[-1], MIN_TEXT_WIDTH)
    return sum(widths) + COLUMN_GAP * (len(widths) - 1) <= width


def pack_groups(plains: Sequence[str], width: int) -> list[list[int]]:
    """Which details share each line: joined by ", ", a line broken only between details (a
    verdict stays whole); every line but the last ends with a comma. By index into `plains`."""
    groups: list[list[int]] = [[]]
    line = ""
    for index, part in enumerate(plains):
        if line and cell_len(line) + 2 + cell_len(part) > width:
            groups.append([])
            line = ""
        elif line:
            line += ", "
        line += part
        groups[-1].append(index)
    return groups


def packed(parts: Sequence[Text], width: int) -> list[Text]:
    """Details joined by commas, a line broken only between details (`pack_groups`)."""
    from rich.text import Text

    groups = pack_groups([part.plain for part in parts], width)
    lines = []
    for number, group in enumerate(groups):
        line = Text()
        for index in group:
            if line.plain:
                line.append(", ")
            line.append_text(parts[index])
        if number < len(groups) - 1:
            line.append(",")
        lines.append(line)
    return lines


class Block:
    """One row of a table drawn on its own: its head (a date, a name) on a line, then its details
    two in, joined by commas, then its free text two in; wrapped lines hang under their text."""

    def __init__(self, head: Text, details: Sequence[Text], text: Text | None = None) -> None:
        self.head = head
        self.details = details
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Hanging("", self.head)
        if self.details:
            for line in packed(self.details, options.max_width - len(INDENT)):
                yield Hanging(INDENT, line)
        if self.text is not None and self.text.plain:
            yield Hanging(INDENT, self.text)


@dataclass(frozen=True)
class Row:
    """One record as table cells, and as a block for a terminal too narrow for the table."""

    cells: Sequence[Text]
    block: Block


def draw_rows(
    console: Console,
    headers: Sequence[str],
    rows: Sequence[Row],
    *,
    right: Sequence[str] = (),
    wrap_last: bool = False,
) -> None:
    """A section's records: a table when it fits the width (the last column, free text, may wrap
    when `wrap_last`), else one block per record (its date, then its details two in)."""
    from rich.table import Table

    if not table_fits([headers, *(row.cells for row in rows)], console.width, wrap_last=wrap_last):
        for row in rows:
            console.print(row.block)
        return
    table = Table(box=None, pad_edge=False, show_edge=False)
    last = len(headers) - 1
    for n, header in enumerate(headers):
        table.add_column(header, justify="right" if header in right else "left", no_wrap=n < last)
    for row in rows:
        table.add_row(*row.cells)
    console.print(table)


def draw_page(console: Console, page: Sequence[Item]) -> None:
    """A page (`render.page`) drawn with rich: the calls each screen made before it was a page."""
    from rich.text import Text

    from footback.render.console import draw_line
    from footback.render.page import Rows

    for item in page:
        if not isinstance(item, Rows):
            draw_line(console, item)
            continue
        rows = [
            Row(
                [Text(cell) for cell in record.cells],
                Block(Text(record.head), [Text(part) for part in record.details], Text(record.text)),
            )
            for record in item.records
        ]
        draw_rows(console, item.headers, rows, right=item.right, wrap_last=item.wrap_last)
