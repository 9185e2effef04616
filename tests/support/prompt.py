"""What the shell functions of `footback prompt` show, read in Python the way they read it.

The in-process agreement tests use this; `tests/daily/test_prompt_shells.py` (slow) checks that the
real bash, zsh and fish functions show the same as this for the same file."""

from __future__ import annotations

import re

NUMBER = re.compile(r"[0-9]+")
# What footback writes as an item, and the only text the shells show: printable ASCII.
ITEM = re.compile(r"[ -~]+")


def shown(text: str, now: int) -> str:
    """The line the prompt shows for this state file at `now` (seconds since the epoch), or ''."""
    lines = text.split("\n")
    head = lines[0].split()
    if len(head) != 4 or head[:2] != ["footback-due", "1"] or not all(NUMBER.fullmatch(w) for w in head[2:]):
        return ""
    if not int(head[2]) <= now < int(head[3]):
        return ""
    items: list[str] = []
    for line in lines[1:]:
        start, _, item = line.partition(" ")
        if NUMBER.fullmatch(start) and int(start) <= now and ITEM.fullmatch(item) and item not in items:
            items.append(item)
    return "footback due: " + ", ".join(items) if items else ""
