"""`footback checkin`: date rules, one per day, last values as defaults, warning signs, JSON."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from footback.cli.app import app
from footback.cli.context import AppContext
from footback.content.checklist import parse_numbers as parse_sign_numbers
from footback.core.errors import BadInputError, FootbackError
from footback.daily.checkin import check_note, parse_day, parse_pain
from footback.daily.checkin_flow import CheckinOutcome, CheckinRequest, run_checkin
from footback.models.checkin import CheckIn
from footback.records.assessments import list_assessments
from footback.records.checkins import list_checkins, save_checkin
from footback.records.db import Store, open_store
from tests.support.context import Cli, Lines, set_wall
from tests.support.runner import CliRunner

runner = CliRunner()
NOW = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)


@pytest.fixture
def store(home: Path) -> Iterator[Store]:
    with open_store(home) as opened:
        yield opened


def check_in(context: AppContext, request: CheckinRequest, *lines: str) -> tuple[CheckinOutcome, str]:
    """`run_checkin` on the fake context at NOW: on a terminal where `lines` are typed (with none:
    no terminal); the outcome, and everything shown (the questions included)."""
    out = io.StringIO()
    set_wall(context, NOW)
    context.stdout, context.stdin_tty, context.line_reader = out, bool(lines), Lines(list(lines))
    return run_checkin(context, request), out.getvalue()


def stored(store: Store, day: date, foot: int, back: int) -> None:
    save_checkin(store, CheckIn(day=day, foot=foot, back=back, created_at=NOW))


# ------------------------------------------------------------------ date rules


def test_date_defaults_to_today_accepts_past_refuses_future() -> None:
    today = date(2026, 3, 10)
    assert parse_day(None, today) == today
    assert parse_day("2026-03-01", today) == date(2026, 3, 1)
    assert parse_day("2026-03-10", today) == today
    with pytest.raises(BadInputError, match="in the future"):
        parse_day("2026-03-11", today)
    with pytest.raises(BadInputError, match="YYYY-MM-DD"):
        parse_day("10/03/2026", today)
    assert parse_day("2025-03-10", today) == date(2025, 3, 10)  # 365 days back
    with pytest.raises(BadInputError, match="more than 365 days ago"):
        parse_day("2025-03-09", today)


def test_note_is_trimmed_limited_and_plain() -> None:
    assert check_note("  long walk ") == "long walk"
    assert check_note("   ") is None
    with pytest.raises(BadInputError, match="too long"):
        check_note("x" * 501)
    with pytest.raises(BadInputError, match="control characters"):
        check_note("red \x1b[31m")


def test_sign_numbers() -> None:
    assert parse_sign_numbers("", 6) == []
    assert parse_sign_numbers("2 5,2", 6) == [2, 5]
    with pytest.raises(ValueError, match="1 to 6"):
        parse_sign_numbers("7", 6)


def test_one_checkin_per_day_second_needs_replace(store: Store, context: AppContext) -> None:
    check_in(context, CheckinRequest(foot=3, back=4))
    with pytest.raises(BadInputError, match="add --replace"):
        check_in(context, CheckinRequest(foot=1, back=1))
    outcome, _ = check_in(context, CheckinRequest(foot=1, back=2, replace=True))
    assert outcome.replaced
    assert [(c.foot, c.back) for c in list_checkins(store)] == [(1, 2)]


def test_second_checkin_asks_before_replacing(store: Store, context: AppContext) -> None:
    stored(store, NOW.date(), 3, 4)
    kept, shown = check_in(context, CheckinRequest(foot=1, back=1), "n")
    assert kept.checkin is None and shown.startswith("There is already a check-in") and "Replace it?" in shown
    assert [(c.foot, c.back) for c in list_checkins(store)] == [(3, 4)]
    check_in(context, CheckinRequest(foot=1, back=1), "y")
    assert [(c.foot, c.back) for c in list_checkins(store)] == [(1, 1)]


def test_interactive_shows_last_values_and_enter_keeps_them(store: Store, context: AppContext) -> None:
    stored(store, date(2026, 3, 8), 4, 6)
    outcome, shown = check_in(context, CheckinRequest(), "", "5", "", "")
    assert outcome.checkin is not None
    assert (outcome.checkin.foot, outcome.checkin.back, outcome.checkin.note) == (4, 5, None)
    assert "imaginable) [4]: " in shown and "imaginable) [6]: " in shown
    assert "Last check-in Sun 8 Mar 2026: foot 4, back 6." in shown


def test_interactive_reasks_a_bad_score(context: AppContext) -> None:
    outcome, shown = check_in(
        context, CheckinRequest(), "eleven", "11", "2", "3", "y", "", "sore after the walk"
    )
    assert outcome.checkin is not None and outcome.checkin.note == "sore after the walk"
    assert shown.count("Not understood") == 2


def test_a_score_typed_out_of_10_is_taken_as_assess_takes_it(context: AppContext) -> None:
    # `assess` takes "7/10" for its 0-10 pain question; the check-in refused "3/10".
    outcome, shown = check_in(context, CheckinRequest(), "3/10", " 6 / 10 ", "", "")
    assert outcome.checkin is not None and (outcome.checkin.foot, outcome.checkin.back) == (3, 6)
    assert "Not understood" not in shown


@pytest.mark.parametrize("typed", ["3/5", "2.5/10", "11/10", "-1/10"])
def test_a_score_out_of_another_scale_or_range_is_still_refused(typed: str) -> None:
    with pytest.raises(BadInputError, match=r"foot pain: .*0 .*10"):
        parse_pain(typed, "foot pain")


def test_no_terminal_and_no_scores_is_a_usage_error(context: AppContext) -> None:
    with pytest.raises(BadInputError, match="--foot N and --back N"):
        check_in(context, CheckinRequest(foot=2))


def test_input_ending_saves_nothing(store: Store, context: AppContext) -> None:
    with pytest.raises(FootbackError, match="nothing was saved"):
        check_in(context, CheckinRequest(), "3")
    assert list_checkins(store) == []


# ------------------------------------------------------------------ warning signs


def test_warning_sign_gives_assess_advice_and_history_entry(store: Store, context: AppContext) -> None:
    from footback.assess.content import load_assess_content
    from footback.assess.service import assess
    from footback.daily.signs import new_signs

    number = [s.id for s in new_signs(load_assess_content(), None)].index("rf_fever") + 1
    outcome, _ = check_in(context, CheckinRequest(), "2", "3", "y", str(number), "")
    assert outcome.checkin is not None and outcome.checkin.warning_signs == ["rf_fever"]
    saved = list_assessments(store)
    assert len(saved) == 1 and saved[0].result.urgent
    assert saved[0].result == assess(load_assess_content(), {"rf_fever": True})
    assert outcome.urgent == saved[0].result


# ------------------------------------------------------------------ command line


def test_cli_json_prints_what_was_stored() -> None:
    result = runner.invoke(app, ["checkin", "--foot", "3", "--back", "5", "--note", "walk", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["stored"]["foot"] == 3 and doc["stored"]["back"] == 5 and doc["stored"]["note"] == "walk"
    assert doc["replaced"] is False and doc["warning_signs"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--foot", "11", "--back", "2"], "--foot: 11 is out of range"),
        (["--foot", "1", "--back", "-1"], "--back: -1 is out of range"),
        (["--foot", "1", "--back", "2", "--date", "2999-01-01"], "in the future"),
        (["--foot", "1", "--back", "2", "--sign", "rf_fevr"], "did you mean 'rf_fever'"),
        (["--foot", "1"], "no terminal to ask on"),
    ],
)
def test_cli_bad_input_is_one_line_exit_2_nothing_stored(home: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["checkin", *args])
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    with open_store(home) as store:
        assert list_checkins(store) == []


def test_cli_past_date_and_replace(cli: Cli) -> None:
    # The fake clock's today is Tue 4 Mar 2025.
    assert cli.invoke(["checkin", "--foot", "1", "--back", "2", "--date", "2025-02-03"]).exit_code == 0
    again = cli.invoke(["checkin", "--foot", "4", "--back", "4", "--date", "2025-02-03"])
    assert again.exit_code == 2 and "--replace" in again.stderr
    replaced = cli.invoke(["checkin", "--foot", "4", "--back", "4", "--date", "2025-02-03", "--replace"])
    assert replaced.exit_code == 0 and "Replaced your check-in for Mon 3 Feb 2025" in replaced.stdout
    doc = json.loads(cli.invoke(["checkin", "--foot", "5", "--back", "5", "--replace", "--json"]).stdout)
    assert doc["replaced"] is False and doc["stored"]["day"] == "2025-03-04"  # nothing to replace today


def test_date_reaches_back_365_days_and_no_further(cli: Cli, home: Path) -> None:
    # A typo a decade back would become the start of every progress verdict (and year 1 crashed history).
    for day, code in (("2024-03-04", 0), ("2024-03-03", 2), ("0001-01-01", 2)):
        result = cli.invoke(["checkin", "--foot", "1", "--back", "2", "--date", day])
        assert result.exit_code == code, result.output
        if day == "2024-03-03":
            assert "more than 365 days ago" in result.stderr and "since 2024-03-04" in result.stderr
    assert cli.invoke(["history"]).exit_code == 0
    with open_store(home) as store:
        assert [c.day.isoformat() for c in list_checkins(store)] == ["2024-03-04"]


# ------------------------------------------------------------------ the same rule as assess (issue 10)


def test_every_checklist_sign_alone_gives_the_triage_assess_gives() -> None:
    from footback.assess.content import load_assess_content
    from footback.assess.service import assess
    from footback.daily.signs import checkin_answers, offered_signs, result_for, warning_signs

    content = load_assess_content()
    pregnant = {"pregnant": True}  # so that the pregnancy signs are offered too
    assert {s.id for s in offered_signs(content, pregnant)} == {s.id for s in warning_signs(content)}
    for sign in offered_signs(content, pregnant):
        at_checkin = result_for(content, checkin_answers(content, [sign.id], pregnant))
        # The same answers through assess: only this sign, back pain unknown.
        in_assess = assess(content, pregnant | {sign.id: True})
        assert at_checkin.triage == in_assess.triage != "self_care", sign.id
        assert sign.id in [f.id for f in at_checkin.red_flags], sign.id  # never dropped


def test_a_checkin_sign_is_combined_with_the_persons_diabetes_from_the_latest_assessment(
    home: Path, cli: Cli
) -> None:
    from datetime import timedelta

    from footback.records.assessments import latest_assessment
    from tests.support.context import WALL
    from tests.support.helpers import no_problem_answers
    from tests.support.history_seed import add_assessment

    with open_store(home) as store:
        answers = no_problem_answers() | {"diabetes": True, "pregnant": True, "age": 40}
        add_assessment(store, answers, WALL - timedelta(days=2))
    result = cli.invoke(["checkin", "--foot", "6", "--back", "2", "--sign", "rf_hot_swollen_foot", "--json"])
    assert result.exit_code == 0, result.output  # saved; the advice is on screen, as in assess
    assert json.loads(result.stdout)["warning_signs"][0]["id"] == "diabetic_foot_emergency"
    with open_store(home) as store:
        saved = latest_assessment(store)
    assert saved is not None
    assert saved.result.triage == "emergency"  # diabetes + a red, hot, swollen foot (NICE NG19)
    assert "diabetic_foot_emergency" in [f.id for f in saved.result.red_flags]
    # The history entry keeps the facts later commands read (pregnancy for the back steps).
    assert saved.answers == {
        "age": 40,
        "pregnant": True,
        "diabetes": True,
        "foot_numbness": False,
        "rf_hot_swollen_foot": True,
    }


def test_the_replace_question_shows_its_y_n_on_a_terminal(cli: Cli) -> None:
    # rich read "[y/N]" as markup: the terminal showed "Replace it? :".
    from tests.support.context import press

    press(cli.context, [])
    assert cli.invoke(["checkin", "--foot", "3", "--back", "2"]).exit_code == 0
    cli.context.line_reader = Lines(["yes", "4", "1", "", ""])  # typed on the terminal
    again = cli.invoke(["checkin"])
    assert again.exit_code == 0, again.output
    assert "Replace it? [y/N]: " in again.output and "foot 4, back 1" in again.output


# ------------------------------------------------------------------ a big jump in pain (issue 20, item 14)


@pytest.mark.parametrize(
    ("before", "now", "advised"),
    [
        ((1, 2), (1, 10), True),  # back 2 -> 10
        ((1, 4), (1, 7), True),  # exactly 7, exactly 3 up
        ((1, 4), (1, 6), False),  # 2 up, but below 7
        ((1, 5), (1, 7), False),  # 7, but only 2 up
        ((3, 1), (7, 1), True),  # the foot too
        ((8, 8), (8, 8), False),  # severe but unchanged: no jump
    ],
)
def test_a_big_jump_in_pain_gets_advice_to_see_a_gp(
    cli: Cli, before: tuple[int, int], now: tuple[int, int], advised: bool
) -> None:
    first = ["checkin", "--date", "2025-03-02", "--foot", str(before[0]), "--back", str(before[1])]
    assert cli.invoke(first).exit_code == 0
    args = ["--date", "2025-03-03", "--foot", str(now[0]), "--back", str(now[1])]
    result = cli.invoke(["checkin", *args])
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert ("see a GP soon" in out) is advised
    if advised:
        back = now[1] != before[1]
        part, was, is_now = ("back", before[1], now[1]) if back else ("foot", before[0], now[0])
        assert f"Your {part} pain went from {was} to {is_now}" in out
    doc = json.loads(cli.invoke(["checkin", *args, "--replace", "--json"]).stdout)
    assert (doc["advice"] is not None) is advised


def test_with_a_warning_sign_the_jump_gives_the_warning_sign_advice_only(cli: Cli) -> None:
    assert cli.invoke(["checkin", "--date", "2025-03-02", "--foot", "1", "--back", "2"]).exit_code == 0
    args = ["--date", "2025-03-03", "--foot", "1", "--back", "10", "--sign", "rf_fever"]
    result = cli.invoke(["checkin", *args])
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "URGENT" in out and "see a GP soon" not in out
