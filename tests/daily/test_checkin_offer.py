"""The check-in offered after a finished routine: one key, as every offer (`daily.one_key`):
Enter checks in, n (or q) skips, other keys are ignored; nothing is read as a line."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from footback.cli.context import AppContext
from footback.daily.checkin_flow import CheckinRequest, offer_checkin
from footback.daily.content import load_daily_content
from footback.models.checkin import CheckIn
from footback.records.checkins import list_checkins, save_checkin
from footback.records.db import open_store
from footback.stretch.options import StretchOptions
from footback.stretch.player import Key
from footback.stretch.session import run
from tests.support.context import Lines, press, set_wall
from tests.support.helpers import TINY_ROUTINE

NOW = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)
OFFER = load_daily_content().text.offer
SKIPPED = load_daily_content().text.offer_skipped
# The tiny routine lasts 1 s: keys pressed from here on answer the offer, not the player.
AFTER = 30.0


def _play(context: AppContext, tiny: Path, keys: list[tuple[float, Key]], lines: list[str]) -> str:
    """`footback stretch --file tiny` on a terminal, the offer answered by `keys` (seconds after
    the start) and the check-in's questions by typed `lines`; everything shown."""
    out = io.StringIO()
    set_wall(context, NOW)
    press(context, keys)
    context.stdout, context.stdout_tty, context.line_reader = out, True, Lines(list(lines))

    def offer() -> None:
        offer_checkin(context, CheckinRequest())

    options = StretchOptions(file=tiny, lead_in=0, plain=True, quiet=True, wait=False, after_finish=offer)
    assert run(options, context) == 0
    return out.getvalue()


def _days(home: Path) -> list[tuple[int, int]]:
    with open_store(home) as store:
        return [(c.foot, c.back) for c in list_checkins(store)]


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.toml"
    path.write_text(TINY_ROUTINE, encoding="utf-8")
    return path


def test_the_offer_shows_the_one_key_choices() -> None:
    assert OFFER.rstrip().endswith("[Enter: yes, n: skip]")


def test_enter_checks_in(context: AppContext, home: Path, tiny: Path) -> None:
    shown = _play(context, tiny, [(AFTER, Key.ENTER)], ["2", "3", ""])
    assert OFFER.rstrip() in shown
    assert _days(home) == [(2, 3)]
    assert context.line_reader == Lines([])  # the three answers, and no line for the offer


@pytest.mark.parametrize("skip", [Key.SKIP, Key.STOP])  # n; q, Esc or Ctrl-D
def test_n_or_q_skips_without_reading_a_line(context: AppContext, home: Path, tiny: Path, skip: Key) -> None:
    shown = _play(context, tiny, [(AFTER, skip)], ["2", "3", ""])
    assert _days(home) == []
    assert context.line_reader == Lines(["2", "3", ""])  # nothing typed was read
    # Not a dead end (seen on the walk: n left with nothing said): the command for later.
    assert shown.rstrip().endswith(SKIPPED) and "footback checkin" in SKIPPED


def test_other_keys_are_ignored_until_enter(context: AppContext, home: Path, tiny: Path) -> None:
    # Space and p (the player's pause and back) are no answer: the offer waits for Enter.
    _play(context, tiny, [(AFTER, Key.PAUSE), (AFTER + 1, Key.BACK), (AFTER + 2, Key.ENTER)], ["4", "5", ""])
    assert _days(home) == [(4, 5)]


def test_no_key_skips(context: AppContext, home: Path, tiny: Path) -> None:
    shown = _play(context, tiny, [], ["2", "3", ""])
    assert _days(home) == [] and shown.rstrip().endswith(SKIPPED)


def test_no_offer_when_already_checked_in(context: AppContext, home: Path, tiny: Path) -> None:
    with open_store(home) as store:
        save_checkin(store, CheckIn(day=NOW.astimezone().date(), foot=1, back=1, created_at=NOW))
    shown = _play(context, tiny, [(AFTER, Key.ENTER)], [])
    assert OFFER.rstrip() not in shown and _days(home) == [(1, 1)]


def test_never_offered_without_a_terminal(context: AppContext, home: Path) -> None:
    out = io.StringIO()
    set_wall(context, NOW)
    context.stdout, context.line_reader = out, Lines(["", "2", "3", ""])
    offer_checkin(context, CheckinRequest())
    assert out.getvalue() == "" and _days(home) == []
