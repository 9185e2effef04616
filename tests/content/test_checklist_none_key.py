"""Issue 24 item 4 on the checklists: "none of these" is taken from the key shown on screen
(n) or the word itself; other short replies that used to mean none (no, 0, -) are not shown, so
they are refused and the list is asked again."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from footback.assess.content import load_assess_content
from footback.content.checklist import ask_group
from footback.daily.content import load_daily_content
from footback.render.checklist import ask_checklist

CONTENT = load_assess_content()
GROUP = CONTENT.questions.groups[0]
MEMBERS = [q for q in CONTENT.questions.questions if q.group == GROUP.id]
SIGNS = [(q.id, q.text) for q in CONTENT.questions.questions if q.red_flag is not None]


class _Terminal:
    """The interview's terminal with typed replies: what was said, how often it asked."""

    def __init__(self, replies: list[str]) -> None:
        self.replies = iter(replies)
        self.lines: list[str] = []
        self.asked = 0

    def say(self, text: str, style: str = "", /) -> None:
        self.lines.append(text)

    def blank(self) -> None:
        self.lines.append("")

    def ask(self, prompt: str, /) -> str:
        self.asked += 1
        return next(self.replies)


def test_the_interview_step_shows_n_and_takes_it_for_none() -> None:
    terminal = _Terminal(["n"])
    assert ask_group(terminal, GROUP, MEMBERS, "1 of 2", kept=[MEMBERS[0].id]) == []
    assert "n for none of these" in terminal.lines[-1] and terminal.asked == 1


@pytest.mark.parametrize("typed", ["no", "0", "-", "x"])
def test_the_interview_step_asks_again_for_a_reply_not_shown(typed: str) -> None:
    terminal = _Terminal([typed, "1"])
    assert ask_group(terminal, GROUP, MEMBERS, "1 of 2", kept=None) == [MEMBERS[0].id]
    assert terminal.asked == 2 and any("Not understood" in line for line in terminal.lines)


def _checklist(question: str, replies: list[str], default: list[str]) -> tuple[list[str], str, int]:
    console = Console(file=io.StringIO(), width=80, height=60, color_system=None)
    typed = iter(replies)
    asked: list[str] = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return next(typed)

    picked = ask_checklist(ask, console, question, SIGNS, default)
    return picked, " ".join(console.file.getvalue().split()), len(asked)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "question",
    [load_daily_content().text.signs_question, CONTENT.quick.signs_question],
    ids=["checkin", "quick"],
)
def test_the_warning_sign_lists_show_n_and_take_it_for_none(question: str) -> None:
    picked, shown, asked = _checklist(question, ["n"], [])
    assert picked == [] and asked == 1
    assert "n: none" in shown or "n for none" in shown


def test_n_clears_a_kept_answer_and_the_screen_says_so() -> None:
    picked, shown, asked = _checklist("Do any of these apply now?", ["n"], [SIGNS[1][0]])
    assert picked == [] and asked == 1 and "Enter keeps 2; n for none of these." in shown


@pytest.mark.parametrize("typed", ["no", "0", "-"])
def test_a_reply_not_shown_asks_the_list_again(typed: str) -> None:
    picked, shown, asked = _checklist("Do any of these apply now?", [typed, ""], [SIGNS[1][0]])
    assert picked == [SIGNS[1][0]] and asked == 2 and "Not understood" in shown
