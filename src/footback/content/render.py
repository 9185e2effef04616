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
        """A line as given; an indented line keeps its indent on every line it wraps onto."""
        from rich.text import Text

        for row in text.split("\n"):
            body = row.lstrip(" ")
            indent = len(row) - len(body)
            if not indent or not body:
                self.console.print(Text(row, style=style))
                continue
            # Wrapped by word here (not by the console) so each wrapped line starts under the first.
            for line in Text(body, style=style).wrap(self.console, max(self.console.width - indent, 20)):
                line.rstrip()
                self.console.print(Text(" " * indent) + line)

    def blank(self) -> None:
        self.console.line()

    def ask(self, prompt: str) -> str:
        return self.console.input(prompt)
