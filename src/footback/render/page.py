"""A screen as plain values: lines, hanging lines and rows of records.

A feature builds its screen as a page once; `render.rows.draw_page` draws it with rich (on a
terminal, with its styles) and `render/plain.py` writes the same characters without rich where
nothing would be styled (a pipe, a file), which saves a start-up importing and running rich's
drawing. Plain values only (NamedTuples: a frozen dataclass costs about 0.5 ms to make at every
start-up, a NamedTuple about 0.1 ms); this module imports nothing else of footback's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple


class Line(NamedTuple):
    """A line of text wrapped at the width (`whole`: never wrapped, so a path can be copied).

    `style` styles the text; with `outer` it is given to the print call instead, as some screens
    always did (on a terminal the escape codes fall differently: kept as they were)."""

    text: str
    style: str = ""
    whole: bool = False
    outer: bool = False


class Hang(NamedTuple):
    """`render.console.Hanging`: a lead, then the text wrapped under itself."""

    lead: str
    text: str
    style: str = ""


class Record(NamedTuple):
    """One record: its table cells, and the same as a block (head, details, free text)."""

    cells: Sequence[str]
    head: str
    details: Sequence[str]
    text: str = ""


class Rows(NamedTuple):
    """Records under headers: a table when it fits, else one block each (`render.rows.draw_rows`)."""

    headers: Sequence[str]
    records: Sequence[Record]
    right: Sequence[str] = ()
    wrap_last: bool = False


Item = Line | Hang | Rows
BLANK = Line("")


# The lead of a choice as the interview and the checklist write it: "  4) ", "  y) ", " 10) ".
_ITEM = re.compile(r" +\w{1,3}\) ")


def said(text: str, style: str = "") -> list[Line | Hang]:
    """A text as the question flows say it (`render.console.ConsoleScreen.say`): each line as
    given; an indented one wraps under its own indent, a choice ("  4) text") under its text."""
    items: list[Line | Hang] = []
    for row in text.split("\n"):
        body = row.lstrip(" ")
        if len(row) == len(body) or not body:
            items.append(Line(row, style))
            continue
        item = _ITEM.match(row)
        lead = item.group(0) if item else row[: len(row) - len(body)]
        # Wrapped by word (not by the console) so each wrapped line starts under the first.
        items.append(Hang(lead, row[len(lead) :], style))
    return items
