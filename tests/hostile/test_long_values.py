"""A value 100,000 characters long, typed or read, gets an error line of a few hundred characters
(its start and its end, cut in the middle), never echoed whole, whichever layer refuses it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.hostile import digest, invoke, refused, seed_everything

HUGE = "a" * 99_000 + "\x1b[2Jend"

CASES: list[list[str]] = [
    [HUGE],  # no such command (click)
    ["report", "--format", HUGE],  # not one of the choices (click)
    ["export", "--format", HUGE],
    ["history", f"--bogus{HUGE}"],  # no such option (click)
    ["config", HUGE],
    ["import", f"/nowhere/{HUGE}.json"],  # a path (footback)
    ["assess", "--answers", f"/nowhere/{HUGE}.toml"],
    ["log", HUGE],  # unknown routine (footback)
]


@pytest.mark.parametrize("args", CASES, ids=lambda a: " ".join(a)[:30])
def test_a_huge_value_is_quoted_short_on_one_line(home: Path, args: list[str]) -> None:
    seed_everything(home)
    before = digest(home)
    result = invoke(args)
    refused(result)
    line = result.stderr.strip()
    assert len(line) < 800, len(line)
    assert "..." in line and "Jend" in line  # cut in the middle: its end (a file name) is kept
    assert digest(home) == before


def test_a_word_at_the_limit_is_whole_and_one_past_it_is_cut() -> None:
    from footback.cli.boundary import _LONGEST_WORD, _shortened

    assert _shortened("b" * _LONGEST_WORD) == "b" * _LONGEST_WORD
    cut = _shortened("b" * (_LONGEST_WORD + 1))
    assert "..." in cut and len(cut) <= _LONGEST_WORD + 3
