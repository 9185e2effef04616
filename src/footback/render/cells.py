"""How many columns a text takes on a terminal, as rich measures it, without importing rich for
the usual text."""

from __future__ import annotations

import re

# Characters rich measures as one cell each (within rich.cells' single-cell ranges): printable
# ASCII and the sparklines' block elements (core/sparkline.py). A text of only these is measured
# (and, in render/plain.py, wrapped) without importing rich at all.
_ONE_CELL_EACH = re.compile("[\x20-\x7e\u2580-\u259f]*")


def one_cell_each(text: str) -> bool:
    """Whether every character of the text takes one column (as rich measures it)."""
    return _ONE_CELL_EACH.fullmatch(text) is not None


def cell_len(text: str) -> int:
    """rich's `cell_len`: the columns a text takes (wide characters two, zero-width ones none)."""
    if one_cell_each(text):
        return len(text)
    from rich.cells import cell_len as rich_cell_len

    return rich_cell_len(text)
