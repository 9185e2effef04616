"""A routine stopped before any step was done is saved but does not count (the one rule,
`records.stretch_sessions.counts_as_practice`): the end line says so and how to play it again.

Seen on the walk: "Stopped 'plan' after 0:07: 0 of 6 steps done. Saved to your history." and
then the streak and progress did not move, with nothing saying why or what to do next.
"""

from __future__ import annotations

import io
from pathlib import Path

from footback.cli.context import AppContext
from footback.stretch.options import StretchOptions
from footback.stretch.player import Key
from footback.stretch.session import run
from tests.support.context import press
from tests.support.helpers import TINY_ROUTINE

NOT_COUNTED = "Saved to your history; with no step done it does not count as practice"


def _stopped(context: AppContext, options: StretchOptions, at: float) -> str:
    out = io.StringIO()
    press(context, [(at, Key.STOP)])
    context.stdout, context.stdout_tty = out, True
    assert run(options, context) == 0
    return " ".join(out.getvalue().split())


def test_stopped_before_a_step_is_done_says_it_does_not_count(context: AppContext) -> None:
    options = StretchOptions(routine="feet", lead_in=0, plain=True, quiet=True, wait=False)
    said = _stopped(context, options, 2.0)
    assert "Stopped 'feet' after" in said and "0 of" in said
    assert f"{NOT_COUNTED} (footback stretch --routine feet plays it again)." in said


def test_a_step_done_counts_and_says_nothing_more(context: AppContext) -> None:
    options = StretchOptions(routine="feet", lead_in=0, plain=True, quiet=True, wait=False)
    said = _stopped(context, options, 12.0)  # the first step, 10 s, is done
    assert "1 of" in said and "Saved to your history." in said and NOT_COUNTED not in said


def test_an_own_file_names_no_command(context: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "tiny.toml"
    path.write_text(TINY_ROUTINE.replace("seconds = 1", "seconds = 5"), encoding="utf-8")
    options = StretchOptions(file=path, lead_in=0, plain=True, quiet=True, wait=False)
    said = _stopped(context, options, 0.5)
    assert f"{NOT_COUNTED}." in said and "--routine" not in said
