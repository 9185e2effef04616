"""Small wording helpers shared by every screen."""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 step', '2 steps'; `many` for irregular plurals ('1 pair of shoes' style wording)."""
    return f"{count} {word if count == 1 else (many or word + 's')}"
