"""`footback report`: the two-page clinician summary in Markdown and self-contained HTML."""

from __future__ import annotations

import re
import stat
from pathlib import Path

from footback.cli.app import app
from footback.cli.commands.report import run_report
from footback.records.db import open_store
from footback.report.build import build_report, load_report_text
from footback.report.html import render_html
from footback.report.markdown import render_markdown
from tests.support.helpers import no_problem_answers
from tests.support.history_seed import NOW, add_assessment, add_check, at, seed_full
from tests.support.runner import CliRunner

runner = CliRunner()


def _report(home: Path, **kwargs: object) -> str:
    with open_store(home) as store:
        made = build_report(store, now=NOW)
    return render_html(made) if kwargs.get("html") else render_markdown(made)


def test_markdown_has_every_part_a_clinician_needs(home: Path) -> None:
    seed_full(home)
    text = _report(home)
    words = load_report_text()
    assert text.startswith(f"# {words.title}")
    assert "Made 2025-03-13 20:00" in text
    assert words.not_diagnosis.split(".")[0] in text
    assert "## Latest assessment (2025-03-12)" in text
    assert "| foot | 62 | high |" in text and "| back | 52 | high |" in text
    assert "Heel pain with the first steps" in text  # a factor with its points and source
    assert "| Does your heel hurt most with the first steps in the morning or after sitting? | yes |" in text
    assert "How often do your feet hurt? | often" in text
    assert "How often does your lower back hurt?" in text
    assert "Keele" in text  # the STarT Back copyright line
    assert "- back: `▁▂▅` 0 to 52" in text
    # Sessions on 5 distinct days of the last 30 (the one 45 days ago is outside the window).
    assert "Routines on 5 of the last 30 days (17%): 5 sessions, 22 minutes" in text
    assert "| trail runners | 2025-03-09 | good | 100 |" in text
    assert "## Evidence notes" in text and "NICE" in text
    assert words.no_red_flags in text


def test_urgent_assessment_puts_the_warning_signs_first(home: Path) -> None:
    with open_store(home) as store:
        add_assessment(store, no_problem_answers() | {"rf_fever": True}, at(1))
    text = _report(home)
    words = load_report_text()
    assert words.urgent in text
    assert "- **urgent**:" in text and "fever" in text


def test_answers_that_matter_leave_out_no_problem_answers(home: Path) -> None:
    with open_store(home) as store:
        add_assessment(store, no_problem_answers(), at(1))
    text = _report(home)
    assert load_report_text().no_answers in text
    assert "| question | answer |" not in text


def test_html_is_one_self_contained_file(home: Path) -> None:
    seed_full(home)
    page = _report(home, html=True)
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>footback summary for a clinician (2025-03-13)</title>" in page
    assert "<script" not in page.lower()
    assert not re.search(r"\b(src|href)\s*=", page, re.I)
    assert "url(" not in page and "@import" not in page
    assert "default-src 'none'" in page
    assert page.count('<polyline class="series"') == 3
    assert "@media print" in page and "@page" in page
    assert "62" in page and "moderate" in page


def test_html_escapes_stored_text(home: Path) -> None:
    with open_store(home) as store:
        add_assessment(store, no_problem_answers(), at(2))
        add_check(store, at(1), "<script>alert(1)</script>")
    page = _report(home, html=True)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_markdown_escapes_stored_text(home: Path) -> None:
    with open_store(home) as store:
        add_check(store, at(1), "a | b *c*")
    assert "| a \\| b \\*c\\* |" in _report(home)


def test_output_file_is_private_and_the_format_is_chosen(home: Path, tmp_path: Path) -> None:
    seed_full(home)
    out = tmp_path / "summary.html"
    run_report(home, fmt="html", output=out, now=NOW)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text().startswith("<!DOCTYPE html>")
    result = runner.invoke(app, ["report", "--format", "md"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# ")


def test_report_with_nothing_stored_is_a_clear_error(home: Path) -> None:
    result = runner.invoke(app, ["report"])
    assert result.exit_code == 1
    assert "footback assess" in result.stderr
    assert not home.exists()


def test_report_to_a_folder_is_a_usage_error(home: Path, tmp_path: Path) -> None:
    seed_full(home)
    result = runner.invoke(app, ["report", "--output", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a folder" in result.stderr


def test_bad_format_is_a_usage_error(home: Path) -> None:
    assert runner.invoke(app, ["report", "--format", "pdf"]).exit_code == 2


def test_one_session_and_a_one_day_streak_are_said_in_the_singular(home: Path) -> None:
    # "Practice: 1 sessions in the last 7 days ...; streak 1 days" and "1 sessions, 5 minutes".
    from footback.models.checkin import CheckIn
    from footback.records.checkins import save_checkin
    from tests.support.history_seed import add_session

    with open_store(home) as store:
        add_assessment(store, no_problem_answers(), at(2))
        add_session(store, at(0))
        save_checkin(store, CheckIn(day=NOW.date(), foot=3, back=2, created_at=at(0, 21)))
    text = " ".join(_report(home).split())
    assert "Routines on 1 of the last 30 days (3%): 1 session, 5 minutes" in text
    assert "Practice: 1 session in the last 7 days" in text and "streak 1 day." in text
    assert "1 sessions" not in text and "1 days" not in text


def test_the_report_shows_questions_without_the_terminals_press_enter_hint(home: Path) -> None:
    # "Your age in years (optional, press Enter to skip)" reached the clinician's report.
    with open_store(home) as store:
        add_assessment(store, no_problem_answers() | {"age": 45, "height_cm": 170.0}, at(1))
    text = _report(home)
    assert "| Your age in years | 45 years |" in text and "| Your height in cm | 170 cm |" in text
    assert "press Enter" not in text and "press Enter" not in _report(home, html=True)


def test_the_html_report_names_the_fhir_export_in_one_line(home: Path) -> None:
    seed_full(home)
    page = _report(home, html=True)
    (line,) = [ln for ln in page.splitlines() if "footback export --format fhir" in ln]
    assert 'id="fhir-export"' in line and "FHIR R4 Bundle" in line


def test_the_html_report_names_the_article_where_it_is_first_cited(home: Path) -> None:
    """Issue 20, item 8: '(the article)' alone never says what it is."""
    with open_store(home) as store:
        answers = no_problem_answers() | {
            "back_pain": "often",
            "back_pain_weeks": 20,
            "back_worse_after_standing": True,
            "foot_pain": "sometimes",
            "footwear": "worn_out",
        }
        add_assessment(store, answers, at(0))  # type: ignore[arg-type]
    page = _report(home, html=True)
    named = "a podiatry clinic&#x27;s web article: expert opinion"
    assert page.count(named) == 1
    assert page.index(named) < page.index(">the article<")
