"""Big type for the live screen: countdown digits and state words readable from the floor.

Glyphs are drawn on a 3x5 grid. A drawing is a block: every row keeps its full width (spaces
included), so centring moves the whole block and a glyph's left strokes stay on the left.
"""

from __future__ import annotations

from collections.abc import Mapping

ROWS = 5

# Digits: each cell two characters wide so they read as square.
DIGITS = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", "###", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
}

# Letters for the state words (GET READY, HOLD, ROLL, MOVE, REST, SWITCH SIDES, PAUSED) and the
# sides (LEFT or RIGHT, FOOT, LEG or KNEE): one character a cell, so "GET READY  RIGHT FOOT"
# still fits 80 columns.
LETTERS = {
    "A": (" # ", "# #", "###", "# #", "# #"),
    "C": (" ##", "#  ", "#  ", "#  ", " ##"),
    "D": ("## ", "# #", "# #", "# #", "## "),
    "E": ("###", "#  ", "## ", "#  ", "###"),
    "F": ("###", "#  ", "## ", "#  ", "#  "),
    "G": (" ##", "#  ", "# #", "# #", " ##"),
    "H": ("# #", "# #", "###", "# #", "# #"),
    "I": ("###", " # ", " # ", " # ", "###"),
    "K": ("# #", "# #", "## ", "# #", "# #"),
    "L": ("#  ", "#  ", "#  ", "#  ", "###"),
    "M": ("# #", "###", "###", "# #", "# #"),
    "N": ("#  #", "## #", "# ##", "#  #", "#  #"),  # four wide: three would read as M
    "O": ("###", "# #", "# #", "# #", "###"),
    "P": ("## ", "# #", "## ", "#  ", "#  "),
    "R": ("## ", "# #", "## ", "# #", "# #"),
    "S": (" ##", "#  ", " # ", "  #", "## "),
    "T": ("###", " # ", " # ", " # ", " # "),
    "U": ("# #", "# #", "# #", "# #", "###"),
    "V": ("# #", "# #", "# #", "# #", " # "),
    "W": ("# #", "# #", "###", "###", "# #"),
    "Y": ("# #", "# #", " # ", " # ", " # "),
    " ": ("  ", "  ", "  ", "  ", "  "),
}


def _draw(text: str, font: Mapping[str, tuple[str, ...]], cell: int, fill: str) -> list[str]:
    rows = [""] * ROWS
    for number, char in enumerate(text):
        glyph = font[char]
        gap = " " * cell if number else ""
        for row in range(ROWS):
            rows[row] += gap + glyph[row].replace("#", fill * cell).replace(" ", " " * cell)
    return rows


def big_digits(text: str, fill: str = "█") -> list[str]:
    """`text` (digits and colons) five rows tall, drawn in `fill`; every row the same width."""
    return _draw(text, DIGITS, 2, fill)


def big_word(text: str, fill: str = "█") -> list[str]:
    """A state word five rows tall; letters the font lacks are an error (the words are fixed)."""
    return _draw(text.upper(), LETTERS, 1, fill)


def can_draw_word(text: str) -> bool:
    return all(char in LETTERS for char in text.upper())


def block_width(rows: list[str]) -> int:
    return max((len(row) for row in rows), default=0)


def centre_block(rows: list[str], width: int) -> list[str]:
    """Centre the drawing as one block (not row by row), right ends trimmed."""
    pad = " " * max(0, (width - block_width(rows)) // 2)
    return [(pad + row).rstrip() for row in rows]


def beside(left: list[str], right: list[str], gap: int) -> list[str]:
    """Two blocks side by side, each vertically centred on the taller one."""
    height = max(len(left), len(right))
    lw = block_width(left)

    def padded(rows: list[str], wide: int) -> list[str]:
        top = (height - len(rows)) // 2
        body = [row.ljust(wide) for row in rows]
        return [" " * wide] * top + body + [" " * wide] * (height - top - len(rows))

    rows_l, rows_r = padded(left, lw), padded(right, block_width(right))
    return [a + " " * gap + b for a, b in zip(rows_l, rows_r, strict=True)]
