"""The report as read on a terminal (`footback report` without `--output`): drawn, not the
Markdown's own syntax. A pipe and `--output` get the text exactly as written (report.markdown)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def draw_report(out: Console, text: str, fmt: str) -> None:
    """Markdown drawn by rich: headings, tables, lists and the quoted caution as they read, wrapped
    at the console's width. No live links: a link in stored text stays text with its address.
    HTML (`--format html`) is for a browser: its lines, wrapped at words."""
    if fmt != "md":
        from footback.render.console import tell

        for line in text.splitlines():
            tell(out, line)
        return
    from rich.markdown import Markdown

    out.print(Markdown(text, hyperlinks=False))
