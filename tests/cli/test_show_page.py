"""`AppContext.show_page`: written plain where rich would style nothing, drawn by rich elsewhere,
the same characters either way."""

from __future__ import annotations

import io

import pytest

from footback.cli.context import AppContext
from footback.render.page import Hang, Item, Line, Record, Rows, said
from footback.render.rows import draw_page

NOTE = "stiff morning, then a walk " * 3
PAGE: list[Item] = [
    Line(
        "Data file: /a/path/that/is/long/enough/to/pass/the/width/of/the/screen/footback.sqlite3",
        "dim",
        True,
        True,
    ),
    Line("Check-ins", "bold", outer=True),
    Rows(
        ("day", "foot", "back", "note"),
        [Record(["2026-12-07", "3", "4", NOTE], "2026-12-07", ["foot 3", "back 4"], NOTE)],
        wrap_last=True,
    ),
    Hang("  ", "... and 298 earlier (see --json)", "dim"),
]


def _shown(context: AppContext, page: list[Item]) -> str:
    out = io.StringIO()
    context.stdout = out
    context.show_page(lambda width: page, no_color=False)
    return out.getvalue()


def _drawn_by_rich(context: AppContext, page: list[Item]) -> str:
    out = io.StringIO()
    context.stdout = out
    context.show_long(context.console(), lambda console: draw_page(console, page))
    return out.getvalue()


@pytest.mark.parametrize("columns", ["30", "80", "200"])
def test_piped_the_page_is_the_text_rich_writes(
    context: AppContext, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.delenv("TERM")
    shown = _shown(context, PAGE)
    assert shown == _drawn_by_rich(context, PAGE)
    assert "stiff morning" in shown and "\x1b[" not in shown


@pytest.mark.parametrize(("name", "value"), [("FORCE_COLOR", "1"), ("TTY_COMPATIBLE", "1")])
def test_where_rich_styles_a_pipe_rich_draws_it(
    context: AppContext, monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    monkeypatch.setenv("TERM", "xterm-256color")
    shown = _shown(context, PAGE)
    assert "\x1b[1mCheck-ins" in shown  # bold, as rich draws it
    assert shown == _drawn_by_rich(context, PAGE)


def test_text_the_plain_writer_does_not_follow_is_drawn_by_rich(context: AppContext) -> None:
    page: list[Item] = [Line("a\ttab"), Rows(("note",), [Record(["tab\tin a cell"], "head", [])])]
    shown = _shown(context, page)
    assert shown == _drawn_by_rich(context, page)
    assert "a       tab" in shown  # rich expanded the tab


def test_the_width_is_the_one_rich_would_draw_at(context: AppContext) -> None:
    context.width = 40  # as COLUMNS beyond any screen is held (cli/context.py MAX_WIDTH)
    shown = _shown(context, PAGE)
    assert max(len(line) for line in shown.splitlines()[1:]) <= 40
    assert shown == _drawn_by_rich(context, PAGE)


@pytest.mark.parametrize("stderr", [False, True], ids=["stdout", "stderr"])
def test_lines_said_once_are_the_text_rich_writes(
    context: AppContext, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, stderr: bool
) -> None:
    monkeypatch.delenv("TERM")
    # Trailing spaces: a piped stdout loses them (render.console.TrimmedLines), stderr keeps them.
    page = said("Saved your check-in: foot 3, back 4.   ") + said("  advice that wraps, " * 6, "bold")
    written, drawn = io.StringIO(), io.StringIO()
    context.stdout = written
    context.print_page(page, no_color=False, stderr=stderr)
    plain = capsys.readouterr().err if stderr else written.getvalue()
    context.stdout = drawn
    draw_page(context.console(stderr=stderr), page)
    assert plain == (capsys.readouterr().err if stderr else drawn.getvalue())
    assert plain.startswith("Saved your check-in: foot 3, back 4." + ("   \n" if stderr else "\n"))
