"""After a warning sign: history, report, stretch and plan remember it and ask, and never need a lie."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from footback.assess.gate import ClinicianQuestion, open_gate, pass_gate
from footback.cli.context import AppContext
from footback.core.errors import BadInputError
from footback.core.safety import Reported, Seen, Sign, cleared, open_signs
from footback.history.service import load_history
from footback.records.clinician import read_seen
from footback.records.db import open_store
from footback.report.build import build_report
from footback.report.markdown import render_markdown
from tests.stretch.test_stretch_cli import sessions
from tests.support.context import WALL, Cli, press
from tests.support.helpers import no_problem_answers
from tests.support.history_seed import add_assessment, heel_and_back_answers
from tests.support.runner import CliRunner

DAY = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
NOW = WALL  # the fake context's wall clock
FEET = ["stretch", "--routine", "feet", "--lead-in", "0"]


def fever() -> dict[str, object]:
    return no_problem_answers() | {"rf_fever": True}


def seed(home: Path, *answers: dict[str, object]) -> None:
    with open_store(home) as store:
        for days, given in enumerate(answers):
            add_assessment(store, given, DAY + timedelta(days=days - len(answers) + 1))  # type: ignore[arg-type]


# ------------------------------------------------------------------ the rule for "seen since"


def test_an_emergency_or_episodic_sign_needs_a_visit_after_it_was_reported() -> None:
    episode = Sign("rf_fever", "urgent")
    earlier = [Seen(DAY - timedelta(days=30), frozenset({"rf_fever"}))]
    assert not cleared(episode, DAY, earlier)
    assert cleared(episode, DAY, [Seen(DAY + timedelta(hours=1), frozenset({"rf_fever"}))])
    emergency = Sign("rf_both_legs", "emergency", standing=True)
    assert not cleared(emergency, DAY, [Seen(DAY - timedelta(days=1), frozenset({"rf_both_legs"}))])


def test_a_standing_sign_stays_cleared_once_a_clinician_has_seen_the_person() -> None:
    cancer = Sign("rf_cancer_history", "urgent", standing=True)
    seen = [Seen(DAY - timedelta(days=60), frozenset({"rf_cancer_history"}))]
    assert open_signs(Reported(DAY, (cancer,)), seen) == []
    assert open_signs(Reported(DAY, (cancer,)), []) == [cancer]


# ------------------------------------------------------------------ history


def test_history_keeps_a_warning_sign_assessment_as_such(home: Path, cli: Cli) -> None:
    seed(home, heel_and_back_answers(), fever(), heel_and_back_answers())
    with open_store(home) as store:
        history = load_history(store, now=NOW)
    flagged = history.assessments[1]
    assert flagged.urgent and flagged.triage == "urgent" and flagged.warning_signs == ["fever with the pain"]
    assert flagged.foot is None and flagged.back is None and flagged.link is None
    assert all(len(series) == 2 for series in history.trends.values())  # no 0 in the trends
    assert 0 not in history.trends["foot"]
    shown = cli.invoke(["history"])
    assert shown.exit_code == 0
    assert "urgent warning sign: fever with the pain" in " ".join(shown.stdout.split())
    data = json.loads(cli.invoke(["history", "--json"]).stdout)
    assert data["assessments"][1]["foot"] is None and data["assessments"][1]["warning_signs"]


def test_history_with_only_warning_signs_draws_no_trend(home: Path, cli: Cli) -> None:
    seed(home, fever())
    shown = cli.invoke(["history"])
    assert shown.exit_code == 0, shown.output
    assert "no scored assessment yet" in shown.stdout


def test_since_last_time_skips_a_warning_sign_assessment(home: Path, tmp_path: Path, cli: Cli) -> None:
    seed(home, heel_and_back_answers(), fever())
    path = tmp_path / "a.json"
    path.write_text(json.dumps(heel_and_back_answers()), encoding="utf-8")
    result = cli.invoke(["assess", "-a", str(path)])
    assert result.exit_code == 0
    assert "(compared with 2025-02-28)" in result.stdout  # the scored one, not the fever one
    assert "(no change)" in result.stdout


# ------------------------------------------------------------------ report


def test_the_report_lists_every_warning_sign_and_whether_a_clinician_was_seen(home: Path, cli: Cli) -> None:
    seed(
        home,
        heel_and_back_answers(),
        fever(),
        no_problem_answers() | {"back_pain": "often", "back_pain_weeks": 10, "rf_both_legs": True},
    )
    with open_store(home) as store:
        gate = open_gate(store)
        assert gate is not None
        from footback.assess.gate import record_seen

        record_seen(store, gate, DAY + timedelta(hours=3))
        report = build_report(store, now=NOW)
    assert [(w.triage, w.signs) for w in report.warnings] == [
        ("urgent", ["fever with the pain"]),
        ("emergency", ["new symptoms in both legs"]),
    ]
    assert report.warnings[0].seen_at is None
    assert report.warnings[1].seen_at == DAY + timedelta(hours=3)
    text = render_markdown(report)
    assert "Warning signs reported in this period" in text
    assert "2025-02-28, **urgent**: fever with the pain; no clinician visit recorded since" in text
    assert "seen by a clinician since, in the person's words (recorded 2025-03-01)" in text
    assert "was not scored" in text  # the latest assessment stopped at a warning sign
    assert len(report.trends) == 1  # only the scored assessment is charted
    html = cli.invoke(["report", "--format", "html"]).stdout
    assert 'id="warnings"' in html and "new symptoms in both legs" in html


def test_the_report_shows_keeles_notice_with_the_grouping(home: Path, cli: Cli) -> None:
    seed(home, heel_and_back_answers())
    text = cli.invoke(["report"]).stdout
    assert "risk of the pain becoming long-lasting and disabling" in text
    assert "copyright (c) 2007 Keele University" in text


def test_a_grouping_stored_without_the_notice_still_gets_it_in_the_report(home: Path, cli: Cli) -> None:
    from footback.assess.content import load_assess_content
    from footback.assess.service import assess
    from footback.records.assessments import save_assessment

    answers, content = heel_and_back_answers(), load_assess_content()
    result = assess(content, answers)
    assert result.startback is not None
    old = result.model_copy(
        update={"startback": result.startback.model_copy(update={"notice": None, "short_notice": None})}
    )
    with open_store(home) as store:
        save_assessment(store, answers, old, WALL - timedelta(days=1), citer=content.sources)
    for fmt in ("md", "html"):
        text = cli.invoke(["report", "--format", fmt]).stdout
        assert "copyright (c) 2007 Keele University" in text, fmt
        assert "Arthritis Research UK" in text, fmt


# ------------------------------------------------------------------ stretch


def test_stretch_without_a_terminal_exits_2_with_one_line(home: Path, cli: Cli) -> None:
    seed(home, fever())
    result = cli.invoke(["stretch", "--routine", "feet"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "2025-03-01" in result.stderr and "--seen-clinician" in result.stderr
    assert sessions(home) == []


def test_seen_clinician_records_the_date_and_plays(home: Path, cli: Cli) -> None:
    seed(home, fever())
    result = cli.invoke(["stretch", "--routine", "feet", "--seen-clinician", "--lead-in", "0"])
    assert result.exit_code == 0, result.output
    assert "Noted on 2025-03-04: a clinician has seen you." in result.output
    assert [s.routine for s in sessions(home)] == ["feet"]
    with open_store(home) as store:
        assert read_seen(store) == [Seen(NOW, frozenset({"rf_fever"}))]
    # Next time nothing is asked: the visit is on record.
    again = cli.invoke(["stretch", "--routine", "feet", "--lead-in", "0"])
    assert again.exit_code == 0 and "Has a clinician" not in again.output


def test_a_yes_on_the_terminal_is_recorded_and_plays(home: Path, cli: Cli) -> None:
    press(cli.context, [])
    seed(home, fever())
    result = cli.invoke(["stretch", "--routine", "feet", "--lead-in", "0"], input="y\n")
    assert result.exit_code == 0, result.output
    assert "reported a warning sign: fever with the pain" in " ".join(result.output.split())
    assert len(sessions(home)) == 1


@pytest.mark.parametrize("reply", ["yes", " Yes ", "Y"])
def test_the_clinician_question_takes_yes_as_a_word_too(home: Path, cli: Cli, reply: str) -> None:
    # The prompt shows [y/n]; every other yes/no question in footback also takes the words.
    press(cli.context, [])
    seed(home, fever())
    result = cli.invoke(["stretch", "--routine", "feet", "--lead-in", "0"], input=reply + "\n")
    assert result.exit_code == 0, result.output
    assert "Noted on 2025-03-04: a clinician has seen you." in result.output
    assert "since 2025-03-01? [y/n]: " in " ".join(result.output.split(" \n"))  # not eaten as markup
    assert len(sessions(home)) == 1


@pytest.mark.parametrize("command", [FEET, ["plan", "--no-save"]])
@pytest.mark.parametrize("reply", ["no\n", "NO\n", "n\n", "maybe\nno\n", ""])
def test_a_no_or_the_end_of_input_repeats_the_advice_and_stops(
    home: Path, cli: Cli, command: list[str], reply: str
) -> None:
    # "" is Ctrl-D: it used to end `plan` with exit 1 and not a word of the advice.
    press(cli.context, [])
    seed(home, fever())
    result = cli.invoke(command, input=reply)
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert "See a doctor today" in said and "run this again and answer yes" in said
    assert "Traceback" not in said and "Please enter Y or N" not in said
    if reply.startswith("maybe"):
        assert said.count("Has a clinician") == 2 and "answer y (yes) or n (no)" in said
    assert sessions(home) == []
    with open_store(home) as store:
        assert read_seen(store) == []


def test_preview_and_list_are_not_asked(home: Path, cli: Cli) -> None:
    seed(home, fever())
    assert cli.invoke(["stretch", "--routine", "feet", "--preview"]).exit_code == 0
    assert cli.invoke(["stretch", "--list"]).exit_code == 0


def test_a_person_with_a_standing_sign_never_has_to_deny_it(home: Path, cli: Cli) -> None:
    cancer = heel_and_back_answers() | {"rf_cancer_history": True}
    seed(home, cancer)
    assert cli.invoke(["stretch", "--routine", "feet", "--seen-clinician", "--lead-in", "0"]).exit_code == 0
    # A later assessment says the same true thing: no new question, no need to answer "no".
    with open_store(home) as store:
        add_assessment(store, cancer, DAY + timedelta(days=2))
        assert open_gate(store) is None
    result = cli.invoke(["stretch", "--routine", "feet", "--lead-in", "0"])
    assert result.exit_code == 0, result.output


def test_a_new_emergency_is_asked_about_again(home: Path, cli: Cli) -> None:
    legs = no_problem_answers() | {"back_pain": "often", "back_pain_weeks": 10, "rf_both_legs": True}
    seed(home, legs)
    assert cli.invoke(["stretch", "--routine", "feet", "--seen-clinician", "--lead-in", "0"]).exit_code == 0
    with open_store(home) as store:
        add_assessment(store, legs, NOW + timedelta(days=1))
    assert cli.invoke(["stretch", "--routine", "feet", "--lead-in", "0"]).exit_code == 2


def test_pass_gate_asks_and_a_no_records_nothing(home: Path, context: AppContext) -> None:
    seed(home, fever())
    with open_store(home) as store:
        gate = open_gate(store)
    assert gate is not None
    out = io.StringIO()
    context.stdout, context.stdin_tty, context.stdout_tty = out, True, True
    with CliRunner().isolation(input="n\n"):  # typed on the terminal, read as rich's console.input does
        assert not pass_gate(context, ClinicianQuestion(gate))
    said = out.getvalue().splitlines()
    assert said[0] == "Your assessment of 2025-03-01 reported a warning sign: fever with the pain."
    assert any("See a doctor today" in line for line in said)
    with open_store(home) as store:
        assert read_seen(store) == []
    context.stdin_tty = False
    with pytest.raises(BadInputError, match="--seen-clinician"):
        pass_gate(context, ClinicianQuestion(gate))


def test_after_a_visit_a_standing_sign_no_longer_stops_the_assessment(
    home: Path, tmp_path: Path, cli: Cli
) -> None:
    cancer = heel_and_back_answers() | {"rf_cancer_history": True}
    path = tmp_path / "a.json"
    path.write_text(json.dumps(cancer), encoding="utf-8")
    first = json.loads(cli.invoke(["assess", "-a", str(path), "--json"]).stdout)
    assert first["triage"] == "urgent"
    assert cli.invoke(["plan", "--seen-clinician", "--no-save"]).exit_code == 1  # recorded; reassess
    again = cli.invoke(["assess", "-a", str(path), "--json"])
    data = json.loads(again.stdout)
    assert data["triage"] == "self_care" and data["recommendations"]["routines"]
    assert data["red_flags"][0]["seen_by_clinician"] is True
    assert data["recommendations"]["actions"][0].startswith("You have told footback a clinician has seen you")
    assert cli.invoke(["plan", "--no-save"]).exit_code == 0  # the truthful answer still gets a plan


def test_after_a_visit_an_episodic_sign_still_stops_a_new_assessment(
    home: Path, tmp_path: Path, cli: Cli
) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps(fever()), encoding="utf-8")
    cli.invoke(["assess", "-a", str(path), "--json"])
    assert cli.invoke(["plan", "--seen-clinician", "--no-save"]).exit_code == 1
    data = json.loads(cli.invoke(["assess", "-a", str(path), "--json"]).stdout)
    assert data["triage"] == "urgent"  # a fever now is a new episode
