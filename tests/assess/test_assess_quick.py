"""`assess --quick`: the weekly re-check with the last answers as defaults and the rest carried."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from rich.console import Console

from footback.assess.content import load_assess_content
from footback.assess.quick import days_between, quick_start
from footback.cli.context import AppContext
from footback.records.assessments import list_assessments
from footback.records.db import open_existing_store
from footback.render.checklist import ask_checklist
from tests.support.context import WALL, Cli, set_wall
from tests.support.helpers import back_pain_answers

CONTENT = load_assess_content()
SIGNS = CONTENT.red_flag_ids()
QUICK = CONTENT.quick_ids()
# The quick checklist for a person not pregnant, without diabetes or numb feet: the warning signs
# not re-asked in their own step (the lifetime facts are in the situations step).
LISTED = [
    q.id
    for q in CONTENT.questions.questions
    if q.red_flag is not None and q.id not in QUICK and not q.ask_if and not q.ask_if_any
]


def _full(cli: Cli, tmp_path: Path, **answers: object) -> None:
    """A full assessment saved at the fake clock's time: back pain often, foot pain sometimes."""
    given = back_pain_answers(
        back_pain_weeks=10, back_pain_level=5, fear_activity=True, bothersome="moderately"
    ) | {"foot_pain": "sometimes", "foot_pain_areas": ["heel"], "foot_pain_level": 4}
    given |= {"foot_pain_weeks": 8, "first_step_pain": True, "standing_hours": 9}
    given |= answers  # type: ignore[arg-type]
    path = tmp_path / "full.json"
    path.write_text(json.dumps(given), encoding="utf-8")
    result = cli.invoke(["assess", "--answers", str(path), "--json"])
    assert result.exit_code == 0, result.output


def _saved(home: Path) -> list[dict[str, object]]:
    store = open_existing_store(home)
    assert store is not None
    with store:
        return [{"quick": s.result.quick, **s.answers} for s in list_assessments(store)]


def _later(context: AppContext, days: int, hours: int = 0) -> None:
    set_wall(context, WALL + timedelta(days=days, hours=hours))


def _quick_keys(*pain: str) -> str:
    """The checklist (Enter: none), then the re-asked questions' answers ('' keeps the default)."""
    return "\n".join(["", *pain]) + "\n"


ALL_DEFAULTS = [""] * 20  # more than enough Enters: every re-asked question keeps its answer


def test_enter_keeps_every_default_and_the_rest_is_carried(cli: Cli, home: Path, tmp_path: Path) -> None:
    _full(cli, tmp_path)
    _later(cli.context, 7)
    result = cli.invoke(["assess", "--quick", "--json"], input=_quick_keys(*ALL_DEFAULTS))
    assert result.exit_code == 0, result.output
    err = result.stderr
    assert "Enter keeps: often" in err and "Enter keeps: heel" in err and "Enter keeps: moderately" in err
    assert "Enter keeps: 10 weeks" in err
    assert "Quick re-check · question 1 of about" in err
    assert "full assessment of 2025-03-04 (7 days ago)" in err
    assert "How old are you" not in err and "arches look like" not in err  # carried, not asked
    data = json.loads(result.stdout)
    assert data["quick"] is True
    full, quick = _saved(home)
    assert full["quick"] is False
    # The full file's `both_legs_since` did not apply (no symptoms in both legs): not re-asked.
    # The file left the optional pregnancy out; the situations step asked it (not ticked: no).
    assert quick["pregnant"] is False and "pregnant" not in full
    skip = {"quick", "pregnant", *CONTENT.follow_up_ids()}
    kept = {k: v for k, v in quick.items() if k not in skip}
    assert kept == {k: v for k, v in full.items() if k not in skip}


def test_a_changed_answer_is_stored_and_becomes_next_weeks_default(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    _full(cli, tmp_path)
    _later(cli.context, 7)
    # back pain often (keep), weeks (keep), situations (keep), foot pain never: its details are not asked.
    result = cli.invoke(["assess", "--quick"], input=_quick_keys("", "", "", "1", *ALL_DEFAULTS))
    assert result.exit_code == 0, result.output
    quick = _saved(home)[-1]
    assert quick["foot_pain"] == "none" and "foot_pain_level" not in quick
    assert quick["standing_hours"] == 9  # carried from the full assessment
    _later(cli.context, 14)
    result = cli.invoke(["assess", "--quick", "--no-save", "--json"], input=_quick_keys(*ALL_DEFAULTS))
    assert result.exit_code == 0, result.output
    assert "Enter keeps: never" in result.stderr  # last week's quick answer, not the full one's


def test_a_typed_answer_replaces_the_default(cli: Cli, home: Path, tmp_path: Path) -> None:
    _full(cli, tmp_path)
    _later(cli.context, 3)
    keys = ["", "", ""] + [""] * 5 + ["2"]  # back pain, weeks, situations, the 5 foot questions, back level 2
    result = cli.invoke(["assess", "--quick", "--json"], input=_quick_keys(*keys, *ALL_DEFAULTS))
    assert result.exit_code == 0, result.output
    assert _saved(home)[-1]["back_pain_level"] == 2


@pytest.mark.parametrize(("days", "hours", "quick"), [(28, 16, True), (29, 0, False)])
def test_a_full_assessment_is_due_after_28_days(
    cli: Cli, home: Path, tmp_path: Path, days: int, hours: int, quick: bool
) -> None:
    _full(cli, tmp_path)
    _later(cli.context, days, hours)
    file = tmp_path / "week.toml"
    signs = "".join(f"{sign} = false\n" for sign in SIGNS)
    file.write_text("back_pain_level = 3\n" + signs, encoding="utf-8")
    result = cli.invoke(["assess", "--quick", "--answers", str(file), "--json"])
    if quick:
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["quick"] is True
        assert _saved(home)[-1]["back_pain_level"] == 3 and _saved(home)[-1]["standing_hours"] == 9
    else:
        # The full assessment runs, and a file of one answer is not enough for it.
        assert result.exit_code == 2
        assert "29 days ago; a full one is due every 28 days" in result.stderr
        assert "missing answers and no terminal" in result.stderr
        assert len(_saved(home)) == 1


def test_the_28_days_are_calendar_days_on_the_local_clock(cli: Cli, home: Path, tmp_path: Path) -> None:
    _full(cli, tmp_path)
    now = cli.context.clock.now()
    content = load_assess_content()
    assert days_between(now - timedelta(days=28), now) == 28
    base = quick_start(content, home, now + timedelta(days=28))
    assert not isinstance(base, str) and base.days == 28
    assert isinstance(quick_start(content, home, now + timedelta(days=29)), str)


def test_without_a_full_assessment_the_full_interview_runs(cli: Cli, home: Path, tmp_path: Path) -> None:
    result = cli.invoke(["assess", "--quick", "--no-save", "--json"], input="\n" * 3)
    assert "no full assessment to carry answers from yet, so this is the full one" in result.stderr
    assert "ABOUT YOU, AND WARNING SIGNS (part 1 of 4)" in result.stderr
    assert not (home / "footback.sqlite3").exists()


def test_a_quick_re_check_is_never_the_base_of_the_next_one_after_28_days(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    _full(cli, tmp_path)
    _later(cli.context, 20)
    assert cli.invoke(["assess", "--quick"], input=_quick_keys(*ALL_DEFAULTS)).exit_code == 0
    _later(cli.context, 30)  # 10 days after the quick one, 30 after the full one
    assert isinstance(quick_start(CONTENT, home, cli.context.clock.now()), str)


def test_file_answers_override_the_carried_ones_but_signs_are_not_carried(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    _full(cli, tmp_path)
    _later(cli.context, 7)
    file = tmp_path / "week.json"
    week = {"bothersome": "slightly", "fear_activity": False}
    # Last week's "no" to the warning signs is not this week's: a file without them is refused.
    file.write_text(json.dumps(week | dict.fromkeys(SIGNS[1:], False)), encoding="utf-8")
    refused = cli.invoke(["assess", "--quick", "--answers", str(file), "--json"])
    assert refused.exit_code == 2 and refused.stderr.strip().endswith(f"no terminal to ask on: {SIGNS[0]}")
    file.write_text(json.dumps(week | dict.fromkeys(SIGNS, False)), encoding="utf-8")
    result = cli.invoke(["assess", "--quick", "--answers", str(file), "--json"])
    assert result.exit_code == 0, result.output
    quick = _saved(home)[-1]
    assert quick["bothersome"] == "slightly" and quick["fear_activity"] is False
    assert quick["back_pain"] == "often" and all(quick[s] is False for s in SIGNS)


def test_an_emergency_sign_in_the_checklist_stops_at_once(cli: Cli, home: Path, tmp_path: Path) -> None:
    _full(cli, tmp_path)
    _later(cli.context, 7)
    saddle = LISTED.index("rf_saddle_numbness") + 1
    result = cli.invoke(["assess", "--quick", "--json"], input=f"{saddle}\n\n")
    assert result.exit_code == 0, result.output
    err = result.stderr
    assert "999 in the UK" in err and "b to change your answer" in err
    assert "How often does your lower back hurt" not in err  # nothing more was asked
    data = json.loads(result.stdout)
    assert data["triage"] == "emergency" and data["quick"] is True
    assert _saved(home)[-1]["rf_saddle_numbness"] is True


@pytest.mark.parametrize(("days", "ago"), [(0, "today"), (1, "1 day ago"), (2, "2 days ago")])
def test_the_intro_says_how_long_ago_in_words(cli: Cli, tmp_path: Path, days: int, ago: str) -> None:
    # It said "(1 days ago)" the day after, and "(0 days ago)" the same day.
    _full(cli, tmp_path)
    _later(cli.context, days)
    result = cli.invoke(["assess", "--quick", "--json", "--no-save"], input=_quick_keys(*ALL_DEFAULTS))
    assert result.exit_code == 0, result.output
    assert f"full assessment of 2025-03-04 ({ago})." in " ".join(result.stderr.split())


def test_b_after_an_emergency_goes_back_to_the_checklist(cli: Cli, tmp_path: Path) -> None:
    _full(cli, tmp_path)
    _later(cli.context, 7)
    saddle = LISTED.index("rf_saddle_numbness") + 1
    keys = f"{saddle}\nb\nnone\n" + "\n" * 20
    result = cli.invoke(["assess", "--quick", "--json", "--no-save"], input=keys)
    assert result.exit_code == 0, result.output
    assert result.stderr.count("   1) ") == 2  # the checklist was shown again
    assert json.loads(result.stdout)["triage"] == "self_care"


def test_an_urgent_sign_asks_the_warning_part_then_stops(cli: Cli, tmp_path: Path) -> None:
    _full(cli, tmp_path)
    _later(cli.context, 7)
    fever = LISTED.index("rf_fever") + 1
    result = cli.invoke(
        ["assess", "--quick", "--json", "--no-save"], input=f"{fever}\n" + "\n" * 4
    )  # back pain, weeks, situations kept
    assert result.exit_code == 0, result.output
    err = result.stderr
    assert "How often does your lower back hurt" in err and "footback stops here" in err
    assert "How often do your feet hurt" not in err
    data = json.loads(result.stdout)
    assert data["triage"] == "urgent" and data["quick"] is True


def test_an_assessment_stopped_by_a_warning_sign_carries_nothing(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    _full(cli, tmp_path, rf_cancer_history=True)  # stopped unscored: not a base for a quick re-check
    assert quick_start(CONTENT, home, cli.context.clock.now()) == CONTENT.quick.no_full


def test_the_checklist_keeps_its_default_on_enter_and_none_clears_it(console: Console) -> None:
    items = [("a", "first"), ("b", "second"), ("c", "third")]
    replies = iter(["", "none", "7", "1 3"])

    def ask(_prompt: str) -> str:
        return next(replies)

    assert ask_checklist(ask, console, "Any?", items, ["b"]) == ["b"]
    assert ask_checklist(ask, console, "Any?", items, ["b"]) == []
    assert ask_checklist(ask, console, "Any?", items, ["b"]) == ["a", "c"]
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "2) second  (yes last time)" in shown and "Enter keeps 2; n for none of these" in shown
    assert "'7' is not one of 1 to 3" in shown


def test_quick_with_last_template_or_a_closed_stdin_is_one_line_exit_2(cli: Cli, tmp_path: Path) -> None:
    for args in (["--last"], ["--template"], ["--schema"]):
        result = cli.invoke(["assess", "--quick", *args])
        assert result.exit_code == 2 and "--quick" in result.stderr
    _full(cli, tmp_path)
    cli.context.stdin_closed = True
    result = cli.invoke(["assess", "--quick"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "standard input is closed" in result.stderr


def test_history_and_reports_mark_quick_results(cli: Cli, tmp_path: Path) -> None:
    _full(cli, tmp_path)
    _later(cli.context, 7)
    assert cli.invoke(["assess", "--quick"], input=_quick_keys(*ALL_DEFAULTS)).exit_code == 0
    entries = json.loads(cli.invoke(["history", "--json"]).stdout)["assessments"]
    assert [e["quick"] for e in entries] == [False, True]
    screen = cli.invoke(["history"]).stdout
    assert screen.count("quick") == 1
    md = cli.invoke(["report"]).stdout
    assert "## Latest assessment (2025-03-11, quick re-check)" in md
    assert "| 2025-03-11 (quick re-check) |" in md and "| 2025-03-04 |" in md
    html_path = tmp_path / "r.html"
    assert cli.invoke(["report", "-o", str(html_path)]).exit_code == 0
    html = html_path.read_text(encoding="utf-8")
    assert "(2025-03-11, quick re-check)</h2>" in html and "Quick re-checks among these" in html


@pytest.mark.slow
def test_enter_keeps_the_default_in_a_real_terminal(home: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    import pexpect

    from tests.support.pty_screen import plain_env, spawn_footback

    given = back_pain_answers(back_pain_weeks=10, back_pain_level=5, bothersome="moderately")
    path = tmp_path / "full.json"
    path.write_text(json.dumps(given), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "footback", "assess", "--answers", str(path), "--json"],
        env=plain_env(home),
        check=True,
        capture_output=True,
    )
    child = spawn_footback(home, "assess", "--quick", "--json")
    try:
        child.expect("Do any of these apply now")
        child.expect("> ")
        child.sendline("")  # no warning sign
        child.expect("How often does your lower back hurt")
        child.expect("Enter keeps: often")
        child.expect("> ")
        child.sendline("")  # Enter keeps "often"
        child.expect("For how many weeks")
        child.expect("Enter keeps: 10 weeks")
        child.expect("> ")
        child.sendline("12")  # a typed answer replaces the default
        for _ in range(20):  # the rest keep their defaults
            if child.expect(["> ", '"quick": true']) == 1:
                break
            child.sendline("")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0
    quick = _saved(home)[-1]
    assert quick["quick"] is True and quick["back_pain"] == "often" and quick["back_pain_weeks"] == 12
    assert quick["bothersome"] == "moderately"


@pytest.mark.parametrize("keys", ["", "1\n", "\n\n"])  # at the checklist, at the emergency stop, mid-way
def test_input_ending_early_saves_nothing(cli: Cli, home: Path, tmp_path: Path, keys: str) -> None:
    _full(cli, tmp_path)
    _later(cli.context, 7)
    result = cli.invoke(["assess", "--quick"], input=keys)
    assert result.exit_code == 1
    assert "input ended before the quick re-check was finished; nothing was saved" in result.stderr
    assert len(_saved(home)) == 1


@pytest.mark.parametrize(("since", "triage"), [("1", "emergency"), ("2", "urgent")])
def test_both_legs_in_the_checklist_asks_new_or_long_standing(
    cli: Cli, tmp_path: Path, since: str, triage: str
) -> None:
    """As in the full interview (issue 20, item 1): new is the emergency, long-standing a GP."""
    _full(cli, tmp_path)
    _later(cli.context, 7)
    legs = LISTED.index("rf_both_legs") + 1
    keys = "\n".join([str(legs), since, *ALL_DEFAULTS]) + "\n"
    result = cli.invoke(["assess", "--quick", "--json"], input=keys)
    assert result.exit_code == 0, result.output
    assert "for a long time without change" in " ".join(result.stderr.split())
    assert json.loads(result.stdout)["triage"] == triage
