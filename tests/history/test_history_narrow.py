"""`footback history` at 40, 60, 80 and 120 columns, with assessments, sessions, shoe checks and
check-ins: every row fits, no date, level or number is cut or split from its label, and notes and
"... not shown" lines hang under their own text."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from footback.core.sparkline import BLOCKS
from footback.daily.pain import checkin_verdicts
from footback.history.model import History
from footback.history.render import (
    MAX_ROWS,
    MAX_TREND_POINTS,
    ROWS_READ,
    checkins_page,
    history_page,
    when,
)
from footback.history.service import load_history
from footback.models.checkin import CheckIn
from footback.records.checkins import list_checkins, save_checkin
from footback.records.db import open_store
from footback.render.rows import draw_page
from tests.support.helpers import no_problem_answers
from tests.support.history_seed import NOW, add_assessment, add_check, at, seed_typical, seed_years
from tests.support.narrow import WIDTHS, assert_fits, assert_hangs, draw, whole

NOTE = "long walk at the weekend, sore heel in the morning after"
PAIR = "a very long name for my trail runners"


def _seed(folder: Path) -> None:
    """A typical month, a year of weekly assessments before it (a trend longer than 40 columns),
    an assessment stopped at a warning sign, a long pair name and check-ins with notes."""
    seed_typical(folder)
    with open_store(folder) as store:
        seed_years(store, years=1, end=NOW - timedelta(days=60))
        add_assessment(store, no_problem_answers() | {"back_pain": "often", "rf_both_legs": True}, at(0, 9))
        add_check(store, at(1), PAIR)
        save_checkin(store, CheckIn(day=NOW.date(), foot=7, back=8, note=NOTE, created_at=at(0, 21)))


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[History, list[CheckIn], object]:
    folder = tmp_path_factory.mktemp("narrow")
    _seed(folder)
    with open_store(folder) as store:
        history = load_history(store, now=NOW, limit=ROWS_READ)
        checkins, verdicts = list_checkins(store), checkin_verdicts(store, now=NOW)
    return history, checkins, verdicts


def _section(rows: list[str], heading: str) -> list[str]:
    start = rows.index(heading) + 1
    end = next((n for n in range(start, len(rows)) if rows[n] == ""), len(rows))
    return rows[start:end]


@pytest.mark.parametrize("width", WIDTHS)
def test_history_reads_whole_at_every_width(
    seeded: tuple[History, list[CheckIn], object], width: int
) -> None:
    history, checkins, verdicts = seeded

    def paint(console: object) -> None:
        draw_page(console, history_page(history, console.width))  # type: ignore[arg-type]
        draw_page(console, checkins_page(checkins, verdicts, MAX_ROWS))  # type: ignore[arg-type]

    rows = draw(width, paint)
    # The data file's path is left whole on one row on purpose, so that it can be copied.
    assert rows[0].startswith("Data file: ")
    assert_fits(rows[1:], width)

    assessments = _section(rows, "Assessments")
    for a in history.assessments[-MAX_ROWS:]:
        assert whole(assessments, when(a.created_at))  # the date and its time on one row
        for name in ("foot", "back", "link"):
            entry = a.score(name)
            if entry is not None:  # the score stays beside its level (and, as a block, its name)
                assert whole(assessments, f"{entry.score} {entry.level}")
    assert all(whole(assessments, name) for name in ("foot", "back", "link"))
    assert_hangs(rows, "emergency warning sign: new symptoms in both legs")

    sessions = _section(rows, "Stretch sessions")
    assert whole(sessions, "minutes")
    for s in history.sessions[-MAX_ROWS:]:
        assert whole(sessions, when(s.started_at))
    hidden = history.totals["sessions"] - MAX_ROWS
    assert_hangs(rows, f"... {hidden} earlier sessions not shown (use --since DATE or --json)")

    checks = _section(rows, "Shoe checks")
    assert whole(checks, "score")
    for c in history.shoe_checks:
        assert whole(checks, when(c.created_at))
    assert " ".join(" ".join(checks).split()).count(PAIR) == 1

    days = _section(rows, "Check-ins")
    assert whole(days, "foot") and whole(days, "back")
    for c in checkins[-MAX_ROWS:]:
        assert whole(days, c.day.isoformat())
    assert_hangs(rows, NOTE)
    assert_hangs(rows, f"... and {len(checkins) - MAX_ROWS} earlier (see --json)")


@pytest.mark.parametrize("width", WIDTHS)
def test_score_trends_show_the_newest_points_that_fit(
    seeded: tuple[History, list[CheckIn], object], width: int
) -> None:
    history = seeded[0]
    rows = draw(width, lambda console: draw_page(console, history_page(history, console.width)))
    points = len(history.trends["foot"])
    assert 40 - 8 < points <= MAX_TREND_POINTS  # more than fit beside the name at 40
    for name in ("foot", "back", "link"):
        n = next(n for n, row in enumerate(rows) if row.startswith(f"  {name}  ") and row[8] in BLOCKS)
        marks = rows[n][8:].split()[0]
        assert len(marks) == min(points, width - 8)
        # The first and last score, then the direction: under the marks if they wrap.
        text = rows[n][8:]
        for below in rows[n + 1 :]:
            if not below.startswith(" " * 8):
                break
            text += " " + below.strip()
        assert re.fullmatch(r"\S+ +\d+ -> \d+ \((rising|falling|no change)\)", text), text


@pytest.mark.parametrize("width", [80, 120])
def test_wide_terminals_keep_the_tables(seeded: tuple[History, list[CheckIn], object], width: int) -> None:
    history, checkins, verdicts = seeded

    def paint(console: object) -> None:
        draw_page(console, history_page(history, console.width))  # type: ignore[arg-type]
        draw_page(console, checkins_page(checkins, verdicts, MAX_ROWS))  # type: ignore[arg-type]

    rows = draw(width, paint)
    assert "date              foot      back      link" in rows
    assert "date              routine  minutes" in rows
    assert "day         foot  back  note" in rows
