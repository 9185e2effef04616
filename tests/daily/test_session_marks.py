"""The sessions line of `progress` (and the report's Markdown chart): a day without a session is
blank, as a day without a check-in is blank on the pain lines (walk item 11)."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

from rich.console import Console

from footback.daily.render import render_progress, session_marks, spark_gaps
from footback.records.db import open_store
from footback.report.build import build_report
from footback.report.markdown import render_markdown
from tests.daily.test_progress import TODAY, checkin, stored
from tests.support.history_seed import NOW, seed_typical


def test_a_day_without_a_session_is_blank_and_one_session_is_a_mark() -> None:
    assert session_marks([0, 1, 0, 3, 0]) == " ▃ █ "  # scale 0 to 3 (at least 3)
    assert session_marks([0, 0]) == "  "


def test_the_progress_screen_marks_only_the_days_with_a_session(home: Path) -> None:
    days = [TODAY - timedelta(days=20), TODAY - timedelta(days=3)]
    result = stored(home, [checkin(TODAY, 3, 4)], days)
    console = Console(file=io.StringIO(), width=80, color_system=None)
    render_progress(console, result)
    rows = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    line = next(row for row in rows if row.startswith("  sessions  "))[len("  sessions  ") :]
    foot = next(row for row in rows if row.startswith("  foot      "))[len("  foot      ") :]
    assert line.rstrip() == session_marks(result.series.sessions).rstrip()
    assert len(line.replace(" ", "")) == 2 and len(foot.replace(" ", "")) == 1  # two marks, one check-in
    assert line[7] != " " and line[24] != " "  # 20 and 3 days before the last of 28 days


def test_the_reports_chart_marks_as_many_days_as_it_says(home: Path) -> None:
    seed_typical(home)
    with open_store(home) as store:
        text = render_markdown(build_report(store, now=NOW, folder=home))
    line = next(row for row in text.splitlines() if row.startswith("- sessions: `"))
    assert "Routines: 17 sessions on 17 of 28 days." in text
    assert len(line.split("`")[1].replace(" ", "")) == 17
    assert spark_gaps([0], 3) == "▁"  # the pain lines' 0 (no pain) is still a mark
