"""Reading a checklist answer: "2 5" or "2,5" picks items 2 and 5; `none` picks none.

The question itself is drawn by `render/checklist.py` (warning signs at a check-in and in
`assess --quick`, so both read the same way).
"""

from __future__ import annotations

NONE_WORDS = ("none", "-", "0")


def parse_numbers(text: str, count: int) -> list[int]:
    """'2 5' or '2,5' picks items 2 and 5 of a checklist of `count`; empty picks none."""
    picked: list[int] = []
    for part in text.replace(",", " ").split():
        if not part.isdigit() or not 1 <= int(part) <= count:
            raise ValueError(f"{part[:10]!r} is not one of 1 to {count}")
        if int(part) not in picked:
            picked.append(int(part))
    return picked
