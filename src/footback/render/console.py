"""The question flows' screen on a rich console (the interview itself never imports rich)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.text import Text

# Narrower than this, a hanging line would be mostly breaks: the lead then wraps with the text.
MIN_TEXT_WIDTH = 20


class Hanging:
    """A lead ('  1) ', '  - ', '  ') then a text whose wrapped lines start under the text, not
    under the lead (a hanging indent), wrapped by word at the width it is drawn at; no line ends
    in spaces."""

    def __init__(self, lead: str, text: Text) -> None:
        self.lead = lead
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.cells import cell_len
        from rich.text import Text

        hang = cell_len(self.lead)
        if options.max_width - hang < MIN_TEXT_WIDTH:
            # Too narrow to hang under the text: the lead's words go first on the line and every
            # line starts under the lead's own indent, so nothing overflows the width.
            indent = len(self.lead) - len(self.lead.lstrip(" "))
            joined = Text(self.lead.lstrip(" ")) + self.text
            for line in joined.wrap(console, max(options.max_width - indent, 1)):
                line.rstrip()
                yield Text(" " * indent) + line
            return
        for number, line in enumerate(self.text.wrap(console, options.max_width - hang)):
            line.rstrip()
            yield Text(self.lead if number == 0 else " " * hang) + line


def plain_input(console: Console, prompt: str) -> str:
    """A line typed after `prompt`, shown as written: as markup, rich took "[y/n]" for a style
    and printed "Replace it? :"."""
    from rich.text import Text

    return console.input(Text(prompt))


def ask_yes_no(console: Console, question: str) -> bool:
    """A yes/no question: y, yes, n or no in any case, as everywhere else; input ending
    (Ctrl-D) is a no, so a question after a warning sign can always be left."""
    from footback.content.questions import NO, YES

    while True:
        try:
            reply = plain_input(console, f"{question} [y/n]: ").strip().lower()
        except EOFError:
            console.line()
            return False
        if reply in YES:
            return True
        if reply in NO:
            return False
        console.print(hanging("  ", "Not understood: answer y (yes) or n (no).", "yellow"))


def hanging(lead: str, text: str, style: str = "") -> Hanging:
    """`Hanging` for a plain string (never markup) in one style; the lead is never styled."""
    from rich.text import Text

    return Hanging(lead, Text(text, style=style))


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
            self.console.print(hanging(" " * indent, body, style))

    def blank(self) -> None:
        self.console.line()

    def ask(self, prompt: str) -> str:
        return plain_input(self.console, prompt)
