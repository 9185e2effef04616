"""A stopped assessment keeps its answers: resume after a killed interview, in a real terminal."""

from __future__ import annotations

import json
import signal
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pexpect
import pytest

from footback.assess.content import load_assess_content
from footback.assess.resume import PARTIAL_FILE, Partial, PartialRecorder, load_partial, offer_resume
from tests.support.context import Cli
from tests.support.helpers import no_problem_answers
from tests.support.pty_screen import interrupt_at_prompt, spawn_footback

QUESTIONS = load_assess_content().questions.questions
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.at = now

    def now(self) -> datetime:
        return self.at


def _spawn(home: Path) -> pexpect.spawn:
    return spawn_footback(home, "assess")


@pytest.mark.slow
def test_resume_after_a_killed_interview(home: Path) -> None:
    child = _spawn(home)
    try:
        for answer in ("40", "1"):  # age, back pain never
            child.expect("> ")
            child.sendline(answer)
        child.expect("Do any of these apply to you")
        child.expect("> ")
        child.kill(signal.SIGKILL)  # nothing gets a chance to clean up
    finally:
        child.close(force=True)
    partial = home / PARTIAL_FILE
    assert partial.stat().st_mode & 0o777 == 0o600
    assert json.loads(partial.read_text())["answers"] == {"age": 40, "back_pain": "none"}

    child = _spawn(home)
    try:
        child.expect(r"You stopped an assessment at .* after 2 answers")
        child.sendline("")  # Enter: continue
        child.expect("Do any of these apply to you")  # the first unanswered step, not the first one
        child.expect("> ")
        interrupt_at_prompt(child)
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert "Your age in years" not in (child.before or "")

    child = _spawn(home)
    try:
        child.expect("Continue it")
        child.sendline("n")  # start again: the saved answers are dropped
        child.expect("Your age in years")
        interrupt_at_prompt(child)
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert not partial.exists()


def test_recorder_saves_after_every_answer_and_offer_continues(home: Path) -> None:
    recorder = PartialRecorder(home, Clock(NOW))
    recorder({"age": 52}, frozenset())
    asked: list[str] = []
    hook = offer_resume(home, Clock(NOW + timedelta(hours=2)), QUESTIONS, lambda p: asked.append(p) or "")
    assert hook.answers == {"age": 52} and "after 1 answers" in asked[0]


def test_partial_answers_expire_after_24_hours_and_no_drops_them(home: Path) -> None:
    PartialRecorder(home, Clock(NOW))({"age": 52}, frozenset())
    assert load_partial(home, NOW + timedelta(hours=24), QUESTIONS) is not None
    assert load_partial(home, NOW + timedelta(hours=24, seconds=1), QUESTIONS) is None
    assert not (home / PARTIAL_FILE).exists()
    PartialRecorder(home, Clock(NOW))({"age": 52}, frozenset())
    hook = offer_resume(home, Clock(NOW), QUESTIONS, lambda _p: "n")
    assert hook.answers == {} and not (home / PARTIAL_FILE).exists()


def test_a_damaged_partial_file_is_dropped(home: Path) -> None:
    home.mkdir(mode=0o700, exist_ok=True)
    (home / PARTIAL_FILE).write_text("{not json", encoding="utf-8")
    assert load_partial(home, NOW, QUESTIONS) is None
    assert not (home / PARTIAL_FILE).exists()


def test_finishing_drops_the_partial_answers_and_a_file_run_leaves_them(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    PartialRecorder(home, cli.context.clock)({"age": 52}, frozenset())
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(no_problem_answers()), encoding="utf-8")
    # With an answers file nothing is offered or dropped.
    assert cli.invoke(["assess", "--answers", str(answers), "--json"]).exit_code == 0
    assert (home / PARTIAL_FILE).exists()
    # On a terminal: continue (Enter), back pain never, no situation, then a warning sign: finished.
    cli.context.stdin_tty = True
    result = cli.invoke(["assess"], input="\n1\n\ny\n\n")
    assert result.exit_code == 0, result.output
    assert "after 1 answers" in result.stderr + result.stdout
    assert not (home / PARTIAL_FILE).exists()


def test_a_skipped_question_is_not_asked_again_on_continuing(cli: Cli, home: Path) -> None:
    cli.context.stdin_tty = True
    # Age skipped (Enter), back pain never; then the input ends.
    result = cli.invoke(["assess"], input="\n1\n")
    assert result.exit_code == 1 and "input ended" in result.stderr
    saved = json.loads((home / PARTIAL_FILE).read_text())
    assert saved["answers"] == {"back_pain": "none"} and saved["skipped"] == ["age"]
    result = cli.invoke(["assess", "--json"], input="\n" + "n\n" * 40)
    assert "after 2 answers" in result.stderr
    assert "Your age in years" not in result.stderr
    assert "Is there numbness" in result.stderr


def test_an_answer_undone_with_b_does_not_come_back_on_continuing(cli: Cli, home: Path) -> None:
    cli.context.stdin_tty = True
    # Age 40, back pain never, then b at the situations step: the back pain answer is undone.
    result = cli.invoke(["assess"], input="40\n1\nb\n")
    assert result.exit_code == 1
    saved = json.loads((home / PARTIAL_FILE).read_text())
    assert saved["answers"] == {"age": 40} and saved["skipped"] == []
    result = cli.invoke(["assess", "--json"], input="\n")
    err = result.stderr
    assert "after 1 answers" in err
    assert "How often does your lower back hurt" in err and "Is there numbness" not in err


def test_an_undone_skip_is_asked_again(home: Path) -> None:
    recorder = PartialRecorder(home, Clock(NOW))
    recorder({}, frozenset({"age"}))
    assert load_partial(home, NOW, QUESTIONS) == Partial(NOW, {}, frozenset({"age"}))
    recorder({}, frozenset())  # `b` undid the skip: nothing left to continue
    assert load_partial(home, NOW, QUESTIONS) is None


@pytest.mark.slow
def test_resume_after_a_killed_interview_keeps_skips_and_undos(home: Path) -> None:
    child = _spawn(home)
    try:
        for answer in ("", "1", "b"):  # age skipped, back pain never, then undone
            child.expect("> ")
            child.sendline(answer)
        child.expect("How often does your lower back hurt")
        child.expect("> ")
        child.kill(signal.SIGKILL)
    finally:
        child.close(force=True)
    child = _spawn(home)
    try:
        child.expect(r"You stopped an assessment at .* after 1 answers")
        child.sendline("")
        child.expect("How often does your lower back hurt")  # the undone answer is asked again
        child.expect("> ")
        interrupt_at_prompt(child)
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert "Your age in years" not in (child.before or "")  # the skip was kept


def test_b_after_continuing_goes_back_into_the_saved_answers(cli: Cli, home: Path) -> None:
    cli.context.stdin_tty = True
    assert cli.invoke(["assess"], input="40\n1\n").exit_code == 1  # age, back pain never
    # Continue, then b: the last saved answer (back pain) is asked again and changed.
    result = cli.invoke(["assess"], input="\nb\n2\n")
    assert "Nothing to go back to" not in result.stderr
    assert result.stderr.count("How often does your lower back hurt") == 1
    assert "question 3 of about" in result.stderr  # numbering goes on from the saved answers
    saved = json.loads((home / PARTIAL_FILE).read_text())
    assert saved["answers"] == {"age": 40, "back_pain": "sometimes"}
