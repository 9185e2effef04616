"""One checklist question: numbered items, the person types the numbers that apply.

Used for the warning signs at a check-in and in `assess --quick`, so both read the same way:
"2 5" or "2,5" picks items 2 and 5; Enter keeps the default (none unless one is given); `n`
(or `none`) picks none. Input comes from an injected `ask`; EOFError passes through to the caller.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from footback.content.checklist import NONE_WORDS, parse_numbers

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


def ask_checklist(
    ask: Callable[[str], str],
    console: Console,
    question: str,
    items: Sequence[tuple[str, str]],
    default: Sequence[str] = (),
) -> list[str]:
    """The ids of the items picked. `items` are (id, text); `default` ids are kept on Enter."""
    from rich.text import Text

    from footback.render.console import hanging

    ids = [item_id for item_id, _ in items]
    kept = [item_id for item_id in ids if item_id in default]
    digits = len(str(len(items)))
    # Numbers right-aligned and a long sign wrapped under its own text: every text starts in one
    # column, so the numbers stand clear.
    block: list[RenderableType] = [Text(question, style="bold")]
    for number, (_, text) in enumerate(items, start=1):
        mark = "  (yes last time)" if ids[number - 1] in kept else ""
        block.append(hanging(f"  {number:>{digits}}) ", f"{text}{mark}"))
    if kept:
        numbers = " ".join(str(ids.index(k) + 1) for k in kept)
        block.append(Text(f"  Enter keeps {numbers}; n for none of these.", style="dim"))
    for part in block:
        console.print(part)
    rows = sum(len(console.render_lines(part, console.options, pad=False)) for part in block)
    if rows + 1 > console.height:
        # The question has scrolled off the top by now: say it again just above the prompt.
        console.print(Text(question, style="bold"))
    while True:
        raw = ask("> ").strip()
        if raw == "":
            return kept
        if raw.lower() in NONE_WORDS:
            return []
        try:
            return [ids[n - 1] for n in parse_numbers(raw, len(ids))]
        except ValueError as exc:
            again = "n" if kept else "press Enter"
            console.print(hanging("  ", f"Not understood: {exc}. Try again, or {again} for none.", "yellow"))
