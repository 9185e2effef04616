"""A check-in in seconds (issue 24, item 6): three answers on a day with nothing new, a warning-sign
list of signs that can be new (lifetime facts come from the assessment), and that list on an 80x24
screen with its question in sight."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from footback.assess.content import load_assess_content
from footback.assess.service import assess
from footback.cli.context import AppContext
from footback.daily.checkin_flow import CheckinRequest, run_checkin
from footback.daily.content import load_daily_content
from footback.daily.signs import check_sign_ids, new_signs, offered_signs, warning_signs
from footback.records.assessments import save_assessment
from footback.records.checkins import list_checkins
from footback.records.db import open_store
from tests.support.context import set_wall
from tests.support.helpers import no_problem_answers

NOW = datetime(2026, 3, 10, 18, 0, tzinfo=UTC)
ROWS = 24


def assessed(home: Path, **answers: object) -> None:
    """A stored assessment: foot and back pain, no warning sign, plus `answers`."""
    content = load_assess_content()
    given = (
        no_problem_answers() | {"foot_pain": "often", "back_pain": "often", "back_pain_weeks": 8} | answers
    )
    with open_store(home) as store:
        save_assessment(
            store, given, assess(content, given), datetime(2026, 3, 1, tzinfo=UTC), citer=content.sources
        )  # type: ignore[arg-type]


class Typist:
    """Typed lines, each echoed with its Enter as a terminal shows it; what the screen held at each
    prompt is kept (`screens`). Asking past the last line ends the input."""

    def __init__(self, out: io.StringIO, lines: list[str]) -> None:
        self.out, self.lines, self.screens = out, list(lines), list[str]()

    def __call__(self) -> str:
        self.screens.append(self.out.getvalue())
        if not self.lines:
            raise EOFError
        line = self.lines.pop(0)
        self.out.write(line + "\n")
        return line


def checkin(context: AppContext, *lines: str) -> Typist:
    out = io.StringIO()
    set_wall(context, NOW)
    typist = Typist(out, list(lines))
    context.stdout, context.stdin_tty, context.width, context.line_reader = out, True, 80, typist
    run_checkin(context, CheckinRequest())
    return typist


def test_a_day_with_nothing_new_is_three_answers(context: AppContext, home: Path) -> None:
    assessed(home)
    typist = checkin(context, "3", "4", "")  # foot, back, Enter for nothing new: a 4th ask would end input
    assert typist.lines == [] and len(typist.screens) == 3
    with open_store(home) as store:
        (saved,) = list_checkins(store)
    assert (saved.foot, saved.back, saved.note, saved.warning_signs) == (3, 4, None, [])
    assert load_daily_content().text.signs_question not in typist.screens[-1]


def test_yes_opens_the_list_then_the_note(context: AppContext, home: Path) -> None:
    assessed(home)
    number = [s.id for s in new_signs(load_assess_content(), None)].index("rf_night_pain") + 1
    checkin(context, "3", "4", "y", str(number), "worse after gardening")
    with open_store(home) as store:
        (saved,) = list_checkins(store)
    assert saved.warning_signs == ["rf_night_pain"] and saved.note == "worse after gardening"


@pytest.mark.parametrize("typed", ["2", "maybe"])
def test_anything_but_enter_n_or_y_is_asked_again(context: AppContext, home: Path, typed: str) -> None:
    # A sign's number typed before the list is shown is never taken as "nothing new".
    assessed(home)
    typist = checkin(context, "3", "4", typed, "")
    assert "Not understood: press Enter for no" in typist.screens[-1]


def test_lifetime_facts_are_not_listed_as_new_but_every_other_sign_is() -> None:
    content = load_assess_content()
    lifetime = {q.id for q in content.questions.questions if q.red_flag is not None and q.red_flag.standing}
    assert lifetime == {"rf_cancer_history", "rf_immunosuppressed", "rf_iv_drugs"}
    listed = [s.id for s in new_signs(content, None)]
    # the diabetic-foot sign only with diabetes or numb feet, as `assess` asks it
    left_out = lifetime | {"rf_diabetic_foot"}
    assert [s.id for s in offered_signs(content, None) if s.id not in left_out] == listed
    for fact in ("diabetes", "foot_numbness"):
        assert "rf_diabetic_foot" in [s.id for s in new_signs(content, {fact: True})]
    # `--sign` still takes a lifetime fact (a new diagnosis said by a script).
    assert check_sign_ids(["rf_cancer_history"], warning_signs(content), offered_signs(content, None))


@pytest.mark.parametrize("pregnant", [False, True])
def test_the_list_fits_80x24_with_its_question_in_sight(
    context: AppContext, home: Path, pregnant: bool
) -> None:
    assessed(home, pregnant=pregnant)
    typist = checkin(context, "3", "4", "y", "", "")
    screen = typist.screens[3].split("\n")  # at the list's prompt
    question = load_daily_content().text.signs_question
    first = next(i for i, row in enumerate(screen) if row.startswith(question[:40]))
    assert len(screen) - first <= ROWS, f"{len(screen) - first} rows from the question to the prompt"
    assert all(len(row) <= 80 for row in screen)
    listed = new_signs(load_assess_content(), {"pregnant": pregnant})
    assert ("rf_pregnancy_signs" in [s.id for s in listed]) == pregnant
    for number, sign in enumerate(listed, start=1):
        assert any(row.strip().startswith(f"{number}) {sign.text[:30]}") for row in screen[first:])


def test_a_normal_day_is_five_keys_besides_the_command_and_the_two_pain_numbers(
    context: AppContext, home: Path, tmp_path: Path
) -> None:
    """`footback stretch` (it plays the saved plan), Enter at its ready prompt, the routine, then the
    check-in it offers with one key (Enter), foot, back, Enter for nothing new. Counted: every key
    typed except the command line and the pain digits (the Enter after each number counts)."""
    from footback.stretch.options import StretchOptions
    from footback.stretch.player import Key
    from footback.stretch.session import run
    from tests.support.context import press
    from tests.support.helpers import TINY_ROUTINE

    assessed(home)
    routine = tmp_path / "plan.toml"
    routine.write_text(TINY_ROUTINE, encoding="utf-8")
    out = io.StringIO()
    set_wall(context, NOW)
    keys_pressed = [
        (0.0, Key.ENTER),
        (30.0, Key.ENTER),
    ]  # the ready prompt's; the offer's (after the 1 s routine)
    press(context, keys_pressed)
    lines = ["3", "4", ""]  # foot 3; back 4; nothing new
    typist = Typist(out, lines)
    context.stdout, context.stdout_tty, context.line_reader = out, True, typist

    def offer() -> None:
        from footback.daily.checkin_flow import offer_checkin

        offer_checkin(context, CheckinRequest())

    options = StretchOptions(file=routine, lead_in=0, plain=True, quiet=True, wait=True, after_finish=offer)
    assert run(options, context) == 0
    with open_store(home) as store:
        (saved,) = list_checkins(store)
    assert (saved.foot, saved.back, saved.warning_signs) == (3, 4, [])
    assert typist.lines == []  # nothing more was asked
    assert "Press Enter to start" in out.getvalue()  # the one key the player needed
    keys = len(keys_pressed) + sum(len(line) + 1 for line in lines) - len("3") - len("4")
    assert keys == 5 and keys <= 10
