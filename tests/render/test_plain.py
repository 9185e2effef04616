"""The plain writer gives, character for character, what rich draws for the same page without
styles: generated lines, hanging lines and rows (tables and blocks) at widths from 1 to 200,
with wide, combining and zero-width characters, control codes rich drops, and long words."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from footback.render.page import Hang, Item, Line, Record, Rows
from footback.render.plain import Unmodelled, clean, page_lines
from footback.render.rows import draw_page

# Words of every kind rich measures differently: wide (CJK, emoji), combining, zero width
# joiner and variation selector, control codes it drops, spaces of other widths, long words.
PIECES = [
    "a", "feet", "finished", "stopped (0 of 4 steps, 2 skipped)", "warning sign;", "Ünïcödé",
    "日本語", "テキスト", "e\u0301", "👍", "👩\u200d💻", "\u2764\ufe0f", "\u200b", "\x07", "\r",
    "\x1b[31mred", "\\x1b", "-", "…", "averyveryverylongwordwithoutanybreakinsideitatall",
    "\u3000", "\u00a0", "x" * 30, "1", "12.5", "  ", "▁▂▅█", "0 -> 62",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=12).map(
    lambda words: "".join(w + (" " if n % 3 else "") for n, w in enumerate(words))
)
cells = st.lists(st.sampled_from(PIECES), max_size=3).map(" ".join)


def rich_text(page: list[Item], width: int) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, highlight=False, emoji=False)
    draw_page(console, page)
    return out.getvalue()


def plain_text(page: list[Item], width: int) -> str:
    return "".join(line + "\n" for line in page_lines(page, width))


@st.composite
def records(draw: st.DrawFn, columns: int) -> Record:
    return Record(
        cells=[draw(cells) for _ in range(columns)],
        head=draw(cells),
        details=draw(st.lists(cells, max_size=4)),
        text=draw(texts),
    )


@st.composite
def rows(draw: st.DrawFn) -> Rows:
    headers = draw(
        st.lists(st.sampled_from(["date", "foot", "", "minutes", "日付", "note"]), min_size=1, max_size=5)
    )
    return Rows(
        headers=headers,
        records=draw(st.lists(records(len(headers)), min_size=1, max_size=4)),
        right=draw(st.lists(st.sampled_from(headers), max_size=2)),
        wrap_last=draw(st.booleans()),
    )


items = st.one_of(
    st.builds(Line, texts, st.sampled_from(["", "bold", "dim"]), st.booleans(), st.booleans()),
    st.builds(
        Hang, st.sampled_from(["", "  ", "  1) ", "  - ", "lead "]), texts, st.sampled_from(["", "dim"])
    ),
    rows(),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=st.lists(items, min_size=1, max_size=4), width=st.integers(1, 200))
def test_a_page_is_written_as_rich_draws_it(page: list[Item], width: int) -> None:
    try:
        plain = plain_text(page, width)
    except Unmodelled:
        return  # drawn by rich instead (tested below)
    assert plain == rich_text(page, width)


@pytest.mark.parametrize("width", [20, 40, 80, 120, 200])
def test_the_tables_of_the_screens_at_common_widths(width: int) -> None:
    page: list[Item] = [
        Rows(
            ("date", "routine", "minutes", ""),
            [
                Record(
                    ["2026-12-07 07:00", "feet", "4.8", "finished"],
                    "2026-12-07 07:00",
                    ["feet", "4.8 minutes"],
                ),
                Record(
                    ["2026-12-06", "日本語のルーチン", "12.0", "logged, not timed"],
                    "2026-12-06",
                    ["x"],
                    "note",
                ),
            ],
            right=("minutes",),
            wrap_last=True,
        ),
        Rows(
            ("day", "foot", "back", "note"),
            [Record(["2026-12-07", "3", "4", "a long note " * 12], "d", [])],
            wrap_last=True,
        ),
    ]
    assert plain_text(page, width) == rich_text(page, width)


@pytest.mark.parametrize("text", ["a\tb", "line\u2028break", "x\x85y"])
def test_what_it_does_not_follow_is_refused(text: str) -> None:
    with pytest.raises(Unmodelled):
        clean(text)
    with pytest.raises(Unmodelled):
        page_lines([Rows(("a",), [Record([text], "h", [])])], 80)


def test_the_control_codes_dropped_are_richs() -> None:
    from rich.control import STRIP_CONTROL_CODES

    controls = [c for c in range(32) if c not in (9, 0x1C, 0x1D, 0x1E)]  # those are refused
    assert clean("".join(map(chr, controls))) == "".join(
        chr(c) for c in controls if c not in STRIP_CONTROL_CODES
    )


def test_what_is_measured_without_rich_is_one_cell_each_in_rich() -> None:
    from rich.cells import cell_len as rich_cell_len

    from footback.render.cells import cell_len, one_cell_each

    # Every character the writer measures as one cell without asking rich: printable ASCII and
    # the 32 block elements of the sparklines, each one cell in rich too.
    own = [chr(c) for c in range(0x30000) if one_cell_each(chr(c))]
    assert len(own) == 95 + 32
    assert all(rich_cell_len(c) == 1 == cell_len(c) for c in own)
    # Outside that set rich measures: a wide, a zero-width and a control character.
    others = ("日", "\u200b", "\x1b", "\u25fd")
    assert [cell_len(c) for c in others] == [rich_cell_len(c) for c in others]
