"""Check-ins and plan history in export, import and forget; older (version 1) exports still import."""

from __future__ import annotations

import json
from pathlib import Path

from footback.cli.app import app
from footback.core.paths import db_path
from footback.records.checkins import list_checkins
from footback.records.db import open_store
from tests.support.context import Cli
from tests.support.runner import CliRunner

runner = CliRunner()


def test_checkins_round_trip_and_are_not_duplicated(cli: Cli, home: Path, tmp_path: Path) -> None:
    assert cli.invoke(["checkin", "--foot", "2", "--back", "5", "--date", "2025-02-01"]).exit_code == 0
    out = tmp_path / "backup.json"
    assert runner.invoke(app, ["export", "--output", str(out)]).exit_code == 0
    assert runner.invoke(app, ["import", str(out)]).exit_code == 0  # already there: nothing added
    with open_store(home) as store:
        assert len(list_checkins(store)) == 1
    assert runner.invoke(app, ["forget", "--yes"]).exit_code == 0
    assert not db_path(home).exists()
    assert runner.invoke(app, ["import", str(out)]).exit_code == 0
    with open_store(home) as store:
        assert [(c.foot, c.back) for c in list_checkins(store)] == [(2, 5)]


def test_a_version_1_export_still_imports(home: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text(
        json.dumps(
            {
                "format": "footback-export",
                "version": 1,
                "schema": 3,
                "assessments": [],
                "stretch_sessions": [],
            }
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", str(old)])
    assert result.exit_code == 0, result.output


def test_a_bad_checkin_in_an_export_is_refused_with_its_field(home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    record = {
        "day": "2025-02-01",
        "foot": 11,
        "back": 1,
        "note": None,
        "warning_signs": [],
        "created_at": "2025-02-01T08:00:00+00:00",
    }
    bad.write_text(
        json.dumps({"format": "footback-export", "version": 2, "schema": 3, "checkins": [record]}),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", str(bad)])
    assert result.exit_code == 2 and "foot" in result.stderr


def test_history_lists_checkins_with_the_progress_verdicts(cli: Cli, home: Path) -> None:
    for day, foot in (("2025-01-01", 7), ("2025-01-02", 7)):
        args = ["checkin", "--foot", str(foot), "--back", "3", "--date", day, "--note", "stiff"]
        assert cli.invoke(args).exit_code == 0
    screen = cli.invoke(["history"])
    assert screen.exit_code == 0, screen.output
    assert "Check-ins" in screen.stdout and "2025-01-02  7     3     stiff" in screen.stdout
    assert "foot pain: too little data" in screen.stdout
    doc = json.loads(cli.invoke(["history", "--json"]).stdout)
    assert [c["day"] for c in doc["checkins"]] == ["2025-01-01", "2025-01-02"]
    assert doc["progress"]["foot_pain"]["verdict"] == "too little data"
    since = json.loads(cli.invoke(["history", "--json", "--since", "2025-01-02"]).stdout)
    assert [c["day"] for c in since["checkins"]] == ["2025-01-02"]


def test_report_shows_checkin_verdicts_and_the_plan_history(home: Path, tmp_path: Path) -> None:
    from datetime import date, timedelta

    today = date.today()
    days = [today - timedelta(days=n) for n in (20, 19, 18, 2, 1)]
    for day, foot in zip(days, (7, 7, 7, 3, 3), strict=True):
        args = ["checkin", "--foot", str(foot), "--back", "4", "--date", day.isoformat()]
        assert runner.invoke(app, args).exit_code == 0
    answers = tmp_path / "a.json"
    from tests.support.helpers import back_pain_answers

    answers.write_text(json.dumps(back_pain_answers()), encoding="utf-8")
    assert runner.invoke(app, ["assess", "--answers", str(answers), "--json"]).exit_code == 0
    assert runner.invoke(app, ["plan", "--level", "2"]).exit_code == 0
    markdown = runner.invoke(app, ["report"])
    assert markdown.exit_code == 0, markdown.output
    assert "## Daily check-ins: pain beside practice" in markdown.stdout
    assert "Foot pain (0-10): better: 7.0 at the start, 3.0 in the last 7 days (-4.0)." in markdown.stdout
    assert "not proof" in markdown.stdout
    assert "| 2 | Level 2, set by hand. |" in markdown.stdout
    html = runner.invoke(app, ["report", "--format", "html"])
    assert html.exit_code == 0 and 'id="daily"' in html.stdout and 'id="plan"' in html.stdout


def test_export_and_forget_name_the_check_ins_and_plan_changes(cli: Cli, tmp_path: Path) -> None:
    from tests.support.helpers import back_pain_answers

    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(back_pain_answers()), encoding="utf-8")
    assert cli.invoke(["assess", "--answers", str(answers), "--json"]).exit_code == 0
    assert cli.invoke(["plan", "--level", "2"]).exit_code == 0
    assert cli.invoke(["checkin", "--foot", "2", "--back", "5"]).exit_code == 0
    out = tmp_path / "backup.json"
    exported = cli.invoke(["export", "--output", str(out)])
    # A backup of check-ins must say it has them (it listed only assessments, sessions, shoe checks).
    # The lines are wrapped at words (tests/cli/test_message_lines.py): read as one.
    assert "1 check-in, 1 plan change to" in " ".join(exported.stderr.split()), exported.stderr
    forgot = " ".join(cli.invoke(["forget", "--yes"]).stdout.split())
    assert "1 check-in, 1 plan change" in forgot and "checkins" not in forgot


def test_importing_a_check_in_for_a_day_that_has_another_says_the_stored_one_was_kept(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    assert cli.invoke(["checkin", "--foot", "2", "--back", "2", "--date", "2025-02-01"]).exit_code == 0
    out = tmp_path / "backup.json"
    assert cli.invoke(["export", "--output", str(out)]).exit_code == 0
    assert "1 already stored" in cli.invoke(["import", str(out)]).stdout  # the same check-in
    assert cli.invoke(["forget", "--yes"]).exit_code == 0
    assert cli.invoke(["checkin", "--foot", "7", "--back", "7", "--date", "2025-02-01"]).exit_code == 0
    result = cli.invoke(["import", str(out)])
    assert result.exit_code == 0
    said = " ".join(result.stdout.split())  # wrapped at words (tests/cli/test_message_lines.py)
    assert "1 check-in for a day that already has one: the stored one kept." in said
    assert "already stored" not in result.stdout
    with open_store(home) as store:
        assert [(c.foot, c.back) for c in list_checkins(store)] == [(7, 7)]
