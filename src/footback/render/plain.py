"""Pages written as plain text: the characters rich draws for them where nothing is styled (a
pipe, a file), without importing rich's console, text or table modules (about 40 ms of a
`history` run with a year of data went to importing and running them).

Each function follows the rich code it stands for, named in its docstring. Text of one-column
characters (ASCII, the sparklines) is measured and broken into lines here; any other text with
rich's own `rich.cells` and `rich._wrap` (small modules that draw nothing), so wide and combining
characters break where rich breaks them. `tests/render/test_plain.py` compares the writer with rich
on generated pages and widths.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from footback.render.cells import cell_len, one_cell_each
from footback.render.console import MIN_TEXT_WIDTH
from footback.render.page import Hang, Item, Line, Record, Rows
from footback.render.rows import INDENT, pack_groups, table_fits

# rich.text.Text drops these when it is made (rich.control.STRIP_CONTROL_CODES).
_STRIPPED = dict.fromkeys((7, 8, 11, 12, 13))
# Tabs (rich expands them) and the line breaks only str.splitlines knows (rich measures table
# cells with it): not followed here, so a page holding one is drawn by rich instead.
_UNMODELLED = re.compile("[\t\x1c-\x1e\x85\u2028\u2029]")
_TRAILING_SPACE = re.compile(r"\s+$")
# A word and the spaces after it, as rich's wrapping reads them (rich._wrap.re_word).
_WORD = re.compile(r"\s*\S+\s*")


class Unmodelled(ValueError):
    """The page holds something this writer does not follow rich on: draw it with rich."""


def clean(text: str) -> str:
    """The text as a rich Text holds it (control codes it drops are dropped)."""
    cleaned = text.translate(_STRIPPED)
    if _UNMODELLED.search(cleaned):
        raise Unmodelled(repr(cleaned))
    return cleaned


def _truncated(text: str, width: int, overflow: str, *, pad: bool = False) -> str:
    """rich `Text.truncate`."""
    length = cell_len(text)
    if length > width:
        from rich.cells import set_cell_size

        text = set_cell_size(text, width - 1) + "…" if overflow == "ellipsis" else set_cell_size(text, width)
    if pad and length < width:
        text += " " * (width - length)
    return text


def _justified(text: str, width: int, justify: str, overflow: str) -> str:
    """rich `Lines.justify` for one line ('default' leaves it as it is)."""
    if justify == "left":
        return _truncated(text, width, overflow, pad=True)
    if justify == "right":
        text = _truncated(text.rstrip(), width, overflow)
        return " " * (width - cell_len(text)) + text
    if justify != "default":
        raise Unmodelled(justify)
    return text


def _rstrip_end(text: str, size: int) -> str:
    """rich `Text.rstrip_end`: trailing whitespace beyond `size` characters (not cells) goes."""
    excess = len(text) - size
    found = _TRAILING_SPACE.search(text)
    if excess > 0 and found is not None:
        return text[: len(text) - min(len(found.group(0)), excess)]
    return text


def _breaks(line: str, width: int, *, fold: bool) -> list[int]:
    """Where rich breaks a line (`rich._wrap.divide_line`); worked out here, without rich, for a
    line of one-cell characters (the usual one), where a word's cells are its length."""
    if not one_cell_each(line):
        from rich._wrap import divide_line

        return divide_line(line, width, fold=fold)
    breaks: list[int] = []
    offset = 0  # cells used on the current line
    for word in _WORD.finditer(line):
        start, end = word.span()
        length = len(word.group(0).rstrip())
        if width - offset >= length:
            offset += end - start
        elif length > width:  # longer than any line: folded (or cropped) where it starts
            if start:
                breaks.append(start)
            if fold:
                breaks += range(start + width, end, width)
            offset = (end - start) % width or width if fold else end - start
        elif offset and start:
            breaks.append(start)
            offset = end - start
    return breaks


def wrap(
    text: str, width: int, *, justify: str = "default", overflow: str = "fold", no_wrap: bool = False
) -> list[str]:
    """rich `Text.wrap` for a text without styles (already through `clean`)."""
    lines: list[str] = []
    for line in text.split("\n"):
        if no_wrap:
            pieces = [line]
        elif cell_len(line) <= width:  # every word fits: rich's divide_line breaks nothing
            pieces = [_rstrip_end(line, width)]
        else:
            bounds = [0, *_breaks(line, width, fold=overflow == "fold"), len(line)]
            pieces = [_rstrip_end(line[a:b], width) for a, b in pairwise(bounds)]
        lines += [
            _truncated(_justified(piece, width, justify, overflow), width, overflow) for piece in pieces
        ]
    return lines


def printed(text: str, width: int) -> list[str]:
    """What `console.print` of an unstyled line gives at `width`: wrapped by word."""
    return wrap(clean(text), width)


def hang_lines(lead: str, text: str, width: int) -> list[str]:
    """`render.console.Hanging` as lines: the text wrapped under itself after the lead."""
    text = clean(text)
    hang = cell_len(lead)
    if width - hang < MIN_TEXT_WIDTH:
        indent = len(lead) - len(lead.lstrip(" "))
        parts = wrap(lead.lstrip(" ") + text, max(width - indent, 1))
        drawn = [" " * indent + part.rstrip() for part in parts]
    else:
        parts = wrap(text, width - hang)
        drawn = [(lead if n == 0 else " " * hang) + part.rstrip() for n, part in enumerate(parts)]
    # Each line is a Text the console prints (and wraps) again at its own width.
    return [line for each in drawn for line in wrap(each, width)]


def packed(parts: Sequence[str], width: int) -> list[str]:
    """`render.rows.packed` for plain parts (`pack_groups` decides the lines)."""
    groups = pack_groups(parts, width)
    lines = []
    for number, group in enumerate(groups):
        line = ""
        for index in group:
            line += (", " if line else "") + parts[index]
        lines.append(line + ("," if number < len(groups) - 1 else ""))
    return lines


def block_lines(record: Record, width: int) -> list[str]:
    """`render.rows.Block` as lines: the head, then the details and the text two in."""
    lines = hang_lines("", record.head, width)
    if record.details:
        for line in packed([clean(part) for part in record.details], width - len(INDENT)):
            lines += hang_lines(INDENT, line, width)
    if clean(record.text):
        lines += hang_lines(INDENT, record.text, width)
    return lines


def _column_width(cells: Sequence[str], max_width: int, extra: int) -> int:
    """rich `Table._measure_column`'s maximum (through `Padding` and `Text` measures)."""
    if max_width < 1:
        return 0
    widest = 0
    for cell in cells:
        drawn = max_width if max_width - extra < 1 else min(cell_len(cell) + extra, max_width)
        widest = max(widest, drawn if drawn >= 1 else 0)
    return min(widest, max_width)


def _cell_lines(cell: str, width: int, pads: tuple[int, int], justify: str, no_wrap: bool) -> list[str]:
    """One table cell drawn in `width` columns: rich `Padding` around a `Text` (overflow ellipsis),
    each line brought to the inner width as `Segment.adjust_line_length` does."""
    left, right = pads
    inner = width - left - right
    if inner < 1:  # rich's console renders nothing in no room: the row's blank fills the cell
        return []
    lines = []
    for line in wrap(cell, inner, justify=justify, overflow="ellipsis", no_wrap=no_wrap):
        length = cell_len(line)
        if length > inner:
            from rich.cells import set_cell_size

            line = set_cell_size(line, inner)
        lines.append(" " * left + line + " " * (inner - length if length < inner else 0) + " " * right)
    return lines


def table_lines(
    headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[str], width: int
) -> list[str]:
    """`render.rows.draw_rows`'s table (rich `Table(box=None, pad_edge=False, show_edge=False)`,
    every column but the last kept on one line) as lines, padding included."""
    count = len(headers)
    grid = [[clean(cell) for cell in row] for row in [headers, *rows]]
    if any("\n" in cell for row in grid for cell in row):
        raise Unmodelled("a line break in a cell")
    pads = [(0 if n == 0 else 1, 0 if n == count - 1 else 1) for n in range(count)]
    columns = [[row[n] for row in grid] for n in range(count)]
    widths = [_column_width(cells, width, sum(pads[n])) or 1 for n, cells in enumerate(columns)]
    if sum(widths) > width:
        # Only the last column may wrap: rich takes the excess from it (Table._collapse_widths).
        widths[-1] -= min(sum(widths) - width, widths[-1])
        if sum(widths) > width:
            raise Unmodelled("a table wider than the screen")
        widths = [_column_width(cells, widths[n], sum(pads[n])) for n, cells in enumerate(columns)]
    lines = []
    for row in grid:
        cells = [
            _cell_lines(cell, widths[n], pads[n], "right" if headers[n] in right else "left", n < count - 1)
            for n, cell in enumerate(row)
        ]
        for k in range(max(1, *(len(lines_of) for lines_of in cells))):
            lines.append("".join(c[k] if k < len(c) else " " * widths[n] for n, c in enumerate(cells)))
    return lines


def rows_lines(rows: Rows, width: int) -> list[str]:
    """`render.rows.draw_rows` as lines: a table when it fits, else one block per record."""
    headers = list(rows.headers)
    cells = [[clean(cell) for cell in record.cells] for record in rows.records]
    if not table_fits([headers, *cells], width, wrap_last=rows.wrap_last):
        return [line for record in rows.records for line in block_lines(record, width)]
    return table_lines(headers, cells, rows.right, width)


def page_lines(page: Sequence[Item], width: int) -> list[str]:
    """Every line of a page as rich prints it at `width` without styles (trailing spaces kept)."""
    lines: list[str] = []
    for item in page:
        if isinstance(item, Line):
            lines += clean(item.text).split("\n") if item.whole else printed(item.text, width)
        elif isinstance(item, Hang):
            lines += hang_lines(item.lead, item.text, width)
        else:
            lines += rows_lines(item, width)
    return lines
