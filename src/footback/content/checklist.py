"""Reading a checklist answer: "2 5" or "2,5" picks items 2 and 5; `n` (or `none`) picks none; and the
interview's checklist step (`ask_group`: yes-or-no questions of one group asked at once).

The question itself is drawn by `render/checklist.py` (warning signs at a check-in and in
`assess --quick`, so both read the same way).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from footback.content.questions import Question
from footback.content.rules import Group

# What picks "none of these": the key shown on screen ("n for none of these") and the word itself.
# Nothing else: a letter is taken only when it is shown as that answer's key (issue 24 item 4).
NONE_WORDS = ("n", "none")


def parse_numbers(text: str, count: int) -> list[int]:
    """'2 5' or '2,5' picks items 2 and 5 of a checklist of `count`; empty picks none."""
    picked: list[int] = []
    for part in text.replace(",", " ").split():
        if not part.isdigit() or not 1 <= int(part) <= count:
            raise ValueError(f"{part[:10]!r} is not one of 1 to {count}")
        if int(part) not in picked:
            picked.append(int(part))
    return picked


class _Terminal(Protocol):
    """Where a group step is asked (the interview's terminal): say a styled line, a blank line, ask."""

    def say(self, text: str, style: str = "", /) -> None: ...

    def blank(self) -> None: ...

    def ask(self, prompt: str, /) -> str: ...


def _show_group(
    terminal: _Terminal, group: Group, members: Sequence[Question], progress: str, kept: Sequence[str] | None
) -> None:
    terminal.blank()
    terminal.say(progress, "dim")
    terminal.say(group.text, "bold")
    terminal.say(f"  Why: {group.why}", "dim")
    _show_items(terminal, group, members)
    if kept is not None:
        numbers = " ".join(str(i) for i, q in enumerate(members, start=1) if q.id in kept)
        terminal.say(f"  Enter keeps: {numbers or 'none of these'}")
    terminal.say("  ? more help, b back, n for none of these", "dim")


def _show_items(terminal: _Terminal, group: Group, members: Sequence[Question]) -> None:
    digits = len(str(len(members)))
    for number, q in enumerate(members, start=1):
        text = q.item if group.wording == "item" and q.item else q.text
        terminal.say(f"  {number:>{digits}}) {text}")


def ask_group(
    terminal: _Terminal, group: Group, members: Sequence[Question], progress: str, kept: Sequence[str] | None
) -> list[str] | None:
    """One checklist step of the interview: the ids of the questions ticked (answered yes), or
    None for `b`. Enter keeps `kept` (none when None). EOFError passes through to the caller."""
    _show_group(terminal, group, members, progress, kept)
    while True:
        raw = terminal.ask("> ").strip()
        if raw == "":
            return list(kept or [])
        if raw.lower() in NONE_WORDS:
            return []
        if raw.lower() == "b":
            return None
        if raw == "?":
            helped = [(i, q.help) for i, q in enumerate(members, start=1) if q.help]
            for number, text in helped:
                terminal.say(f"  {number}) {text}")
            if not helped:
                terminal.say(f"  {group.why}")
            continue
        try:
            return [members[n - 1].id for n in parse_numbers(raw, len(members))]
        except ValueError as exc:
            terminal.say(f"  Not understood: {exc}. Type their numbers, or press Enter for none.", "yellow")
            _show_items(terminal, group, members)
