"""Step figures: small line drawings of a pose, drawn for the left side and mirrored for the right.

Pure text in, text out (no rich), so the live screen, `--preview` and the HTML report all draw
the same picture. The `@` in a stored figure marks the working foot or leg; it is drawn as the
side's letter (L or R), so the picture says which side works even without colour.
"""

from __future__ import annotations

from footback.stretch.routine_file import FIGURE_MARK, Step

_PAIRS = [
    "()",
    "[]",
    "{}",
    "<>",
    "/\\",
    "╱╲",
    "┌┐",
    "└┘",
    "├┤",
    "╭╮",
    "╰╯",
    "┏┓",
    "┗┛",
    "┣┫",
    "▌▐",
    "▖▗",
    "▘▝",
    "▙▟",
    "▛▜",
]
_MIRROR = {pair[0]: pair[1] for pair in _PAIRS} | {pair[1]: pair[0] for pair in _PAIRS}


def mirror(rows: list[str]) -> list[str]:
    """Flip a drawing left to right: rows reversed within a common width, strokes swapped."""
    width = max((len(row) for row in rows), default=0)
    flipped = ["".join(_MIRROR.get(char, char) for char in reversed(row.ljust(width))) for row in rows]
    # The same left margin as the original (mirroring twice gives the drawing back).
    extra = _margin(flipped) - _margin(rows)
    return [row[extra:].rstrip() if extra >= 0 else " " * -extra + row.rstrip() for row in flipped]


def _margin(rows: list[str]) -> int:
    return min((len(row) - len(row.lstrip()) for row in rows if row.strip()), default=0)


def side_letter(side: str | None) -> str:
    """What the working-limb mark is drawn as: L, R, or `*` for a one-sided step."""
    return {"left": "L", "right": "R"}.get(side or "", "*")


def marked_rows(step: Step, side: str | None) -> list[str]:
    """The step's figure for `side` (left as stored, right mirrored) with the working-limb mark
    still `FIGURE_MARK`, for drawings that show the mark in their own way (the HTML report)."""
    if step.figure is None:
        return []
    rows = step.figure.split("\n")
    return mirror(rows) if side == "right" else rows


def figure_rows(step: Step, side: str | None) -> list[str]:
    """The step's figure for `side` (left as stored, right mirrored), or [] when it has none.

    The working-limb mark becomes L or R; a one-sided step's mark is drawn as `*`.
    """
    letter = side_letter(side)
    return [row.replace(FIGURE_MARK, letter) for row in marked_rows(step, side)]


def figure_width(step: Step) -> int:
    """Columns the figure takes (the same for both sides)."""
    return max((len(row) for row in figure_rows(step, None)), default=0)
