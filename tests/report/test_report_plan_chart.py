"""The report's second part: the saved plan's steps with their figures, and the chart of pain and
sessions per day (issue 14 requirement 1, issue 13 requirement 2)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from footback.daily.progress_service import chart_series, load_progress
from footback.records.db import open_store
from footback.report.build import Report, build_report, load_report_text
from footback.report.daychart import chart_summary, day_chart_svg
from footback.report.html import render_html
from footback.report.markdown import fence, render_markdown
from footback.stretch.catalogue import load_file
from footback.stretch.figure import figure_rows
from tests.support.history_seed import NOW, seed_full, seed_typical

PRE = re.compile(r'<pre role="img" aria-label="([^"]*)">(.*?)</pre>', re.DOTALL)


def _built(home: Path) -> Report:
    with open_store(home) as store:
        return build_report(store, now=NOW, folder=home)


def _drawings(page: str) -> list[str]:
    """Every figure as a person sees it: tags gone, entities read."""
    return [html.unescape(re.sub(r"<[^>]+>", "", body)) for _, body in PRE.findall(page)]


def test_every_plan_step_shows_its_figure_for_each_side_as_the_player_draws_it(home: Path) -> None:
    seed_typical(home)
    page = render_html(_built(home))
    plan = load_file(home / "plan.toml")
    expected = ["\n".join(figure_rows(step, side)) for step in plan.steps for side in step.sides]
    assert all(step.figure for step in plan.steps) and len(plan.steps) >= 6
    assert _drawings(page) == expected
    # Left is drawn as stored with L at the working limb; right is mirrored with R.
    two_sided = next(step for step in plan.steps if step.each_side)
    assert figure_rows(two_sided, "left") != figure_rows(two_sided, "right")
    assert page.count('<b class="work">L</b>') >= 1 and page.count('<b class="work">R</b>') >= 1
    assert "<figcaption>LEFT FOOT</figcaption>" in page and "<figcaption>RIGHT FOOT</figcaption>" in page
    assert "LEFT FOOT: Left foot across your right knee" in page
    labels = [html.unescape(label) for label, _ in PRE.findall(page)]
    assert (
        "Plantar fascia-specific stretch, left foot, "
        "Left foot across your right knee: pull the left toes back" in labels
    )


def test_markdown_draws_each_figure_in_a_code_block(home: Path) -> None:
    seed_typical(home)
    text = render_markdown(_built(home))
    assert "## The plan's steps" in text
    block = text.split("### Plantar fascia-specific stretch", 1)[1].split("###", 1)[0]
    assert "```\nLEFT FOOT" in block and "RIGHT FOOT" in block
    assert "L<" in block and ">R" in block  # the working foot, each side, mirrored
    assert "- LEFT FOOT: Left foot across your right knee" in block


HOSTILE_PLAN = """
name = "mine"
description = "hostile"

[[steps]]
name = "<script>alert(1)</script> stretch"
seconds = 10
each_side = true
limb = "foot"
side_text = { left = "<img src=x onerror=alert(1)>", right = "right & fine" }
instructions = "Do it."
figure = '''
 <b>@</b>
 ```</pre><script>x</script>
 & "quoted" 'q'
'''
"""


def test_hostile_plan_text_and_figures_stay_text(home: Path) -> None:
    seed_full(home)
    (home / "plan.toml").write_text(HOSTILE_PLAN, encoding="utf-8")
    page = render_html(_built(home))
    body = page.split("<body>", 1)[1]
    assert "<script" not in body and "<img" not in body and "</pre><script" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; stretch" in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body
    left = _drawings(page)[0].splitlines()
    assert left == [" <b>L</b>", " ```</pre><script>x</script>", " & \"quoted\" 'q'"]
    assert ' &lt;b&gt;<b class="work">L</b>&lt;/b&gt;' in body
    text = render_markdown(_built(home))
    drawing = text.split("## The plan's steps", 1)[1]
    # A fence longer than the figure's own backticks: the drawing cannot close its code block.
    assert "````\nLEFT FOOT" in drawing and drawing.count("````") == 2
    assert "\\<script\\>alert(1)\\</script\\> stretch" in text


def test_fence_outgrows_any_backtick_run() -> None:
    assert fence(["plain"]) == "```"
    assert fence(["a ``` b", "`````"]) == "``````"


def test_a_broken_or_paused_plan_is_said_and_the_report_still_made(home: Path) -> None:
    seed_full(home)
    text = load_report_text()
    (home / "plan.toml").write_text("name = 3\n", encoding="utf-8")
    page = render_html(_built(home))
    assert "The saved plan could not be read:" in page and "<pre" not in page
    assert "The saved plan could not be read:" in render_markdown(_built(home))
    seed_typical(home / "other")
    with open_store(home / "other") as store:
        from tests.support.helpers import no_problem_answers
        from tests.support.history_seed import add_assessment, at

        add_assessment(store, no_problem_answers() | {"rf_fever": True}, at(0, 9))
    made = _built(home / "other")
    assert made.plan is not None and made.plan.paused
    assert text.plan_paused in html.unescape(render_html(made))
    assert text.plan_paused in render_markdown(made).replace("\\", "")


def test_no_saved_plan_no_steps_section(home: Path) -> None:
    seed_full(home)
    made = _built(home)
    assert made.plan is None
    assert 'id="steps"' not in render_html(made) and "## The plan's steps" not in render_markdown(made)


def test_the_chart_draws_the_series_progress_json_gives(home: Path) -> None:
    seed_typical(home)
    with open_store(home) as store:
        series = chart_series(store, NOW)
    assert series == load_progress(home, NOW, review_days=7).series  # what `footback progress --json` prints
    made = _built(home)
    assert made.chart == series
    svg = day_chart_svg(series, made.text.headings.chart, chart_summary(series, made.text))
    # One marker per check-in and body part, one bar per day with sessions, a line per run of days.
    checkins = sum(v is not None for v in series.foot)
    assert svg.count("<circle") == checkins and svg.count("<rect x") == checkins
    assert svg.count('class="sessions"') == sum(1 for n in series.sessions if n)
    runs = "".join("1" if v is not None else " " for v in series.foot).split()
    assert len(runs) == 6  # the seed misses every fifth day
    assert svg.count('data-pain="foot"') == sum(1 for run in runs if len(run) > 1)


def test_the_chart_is_accessible_self_contained_and_deterministic(home: Path) -> None:
    seed_typical(home)
    page = render_html(_built(home))
    assert render_html(_built(home)) == page
    chart = page.split('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 190"', 1)[1].split(
        "</svg>", 1
    )[0]
    assert 'role="img" aria-labelledby="day-title day-desc"' in chart
    assert '<title id="day-title">Pain and practice per day</title>' in chart
    summary = (
        "Foot pain: 23 check-ins, first 6, last 3, lowest 3, highest 6. Back pain: 23 check-ins, "
        "first 5, last 2, lowest 2, highest 5. Routines: 17 sessions on 17 of 28 days."
    )
    assert f'<desc id="day-desc">{summary}</desc>' in chart
    assert f'<p class="fallback">{summary}</p>' in page  # the text fallback, visible
    assert "script" not in page.lower() and "href" not in page and "url(" not in page
    assert re.findall(r"https?://[^\"]+", page) == ["http://www.w3.org/2000/svg"] * page.count("xmlns=")


def test_markdown_chart_is_sparklines_with_the_same_words(home: Path) -> None:
    seed_typical(home)
    text = render_markdown(_built(home))
    assert "## Pain and practice per day" in text
    assert re.search(r"- foot pain: `[▁-█ ]{28}`", text)
    assert "Routines: 17 sessions on 17 of 28 days." in text


def test_no_checkins_and_no_sessions_no_chart(home: Path) -> None:
    with open_store(home) as store:
        from tests.support.helpers import no_problem_answers
        from tests.support.history_seed import add_assessment, at

        add_assessment(store, no_problem_answers(), at(1))
    made = _built(home)
    assert made.chart is None and 'id="day-chart"' not in render_html(made)


def test_the_command_shows_the_saved_plan_from_the_data_folder(home: Path) -> None:
    from footback.cli.app import app
    from tests.support.runner import CliRunner

    seed_typical(home)
    result = CliRunner().invoke(app, ["report", "--format", "html"])
    assert result.exit_code == 0, result.stderr
    assert 'id="steps"' in result.stdout and '<b class="work">L</b>' in result.stdout
