"""Drawing a block of lines in place, rewriting only the lines that changed (the player's screen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


class LineScreen:
    """Draws a list of lines in place and rewrites only the lines that changed.

    rich's Live repaints every line on every refresh; here each frame is compared line by line
    with what is on the terminal, and only changed lines are rendered and written (cursor up,
    clear the line, write it, back down). A new size or line count repaints the block; with
    `home` (a screen of its own, e.g. the alternate screen) it is drawn from the top left.
    """

    def __init__(self, console: Console, *, home: bool = False) -> None:
        self._console = console
        self._home = home
        self._shown: list[Text] = []
        self._size: tuple[int, int] | None = None
        self.lines_written = 0  # for the redraw tests: how many lines went to the terminal

    def _ansi(self, line: Text) -> str:
        from rich.console import COLOR_SYSTEMS
        from rich.segment import Segment

        system = self._console.color_system
        # NO_COLOR (or --no-color) keeps bold, dim and reverse but drops every colour.
        colours = COLOR_SYSTEMS[system] if system is not None else None
        segments = line.render(self._console)
        if self._console.no_color:
            segments = Segment.remove_color(segments)
        out = []
        for segment in segments:
            if segment.style is None or colours is None:
                out.append(segment.text)
            else:
                out.append(segment.style.render(segment.text, color_system=colours))
        return "".join(out)

    def draw(self, lines: list[Text], size: tuple[int, int]) -> None:
        parts: list[str] = []
        count = len(self._shown)
        if size != self._size or len(lines) != count:
            parts.append(self._erase_codes())
            for line in lines:
                parts.append("\r\x1b[2K" + self._ansi(line) + "\n")
            self.lines_written += len(lines)
        else:
            # The cursor rests on the row below the block; `up` counts rows above it.
            up = 0
            for row, (old, new) in enumerate(zip(self._shown, lines, strict=True)):
                # Text equality ignores the base style: a recoloured row must still be redrawn.
                if old == new and old.style == new.style:
                    continue
                target = count - row
                # Down by line feeds (never at the bottom row, so nothing scrolls): a transcript
                # of the terminal then reads as whole lines.
                parts.append(f"\x1b[{target - up}A" if target > up else "\n" * (up - target))
                parts.append("\r\x1b[2K" + self._ansi(new))
                self.lines_written += 1
                up = target
            if up:
                parts.append("\n" * up)
        self._shown = lines
        self._size = size
        if parts:
            self._console.file.write("".join(parts))
            self._console.file.flush()

    def _erase_codes(self) -> str:
        if self._home:
            return "\x1b[H\x1b[J"
        count = len(self._shown)
        return f"\r\x1b[{count}A\x1b[J" if count else ""

    def clear(self) -> None:
        """Remove the block (the screen is transient) and leave the cursor where it began."""
        codes = self._erase_codes()
        self._shown = []
        if codes:
            self._console.file.write(codes)
            self._console.file.flush()
