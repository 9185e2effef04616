"""The question flows' screen on a rich console (the interview itself never imports rich)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


class ConsoleScreen:
    """`content.interview.Terminal` on a rich console: plain text lines (never markup), and input."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def say(self, text: str, style: str = "") -> None:
        from rich.text import Text

        self.console.print(Text(text, style=style))

    def blank(self) -> None:
        self.console.line()

    def ask(self, prompt: str) -> str:
        return self.console.input(prompt)
