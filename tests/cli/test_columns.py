"""`AppContext.columns()`: the width plain text is wrapped to is the width rich would draw at."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import pytest

from footback.cli.context import AppContext


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


ENVIRONMENTS = list(
    itertools.product(
        [None, "41", "0", "wide"],  # COLUMNS
        [None, "30"],  # LINES
        ["dumb", "xterm", "UNKNOWN"],  # TERM
        [None, "", "1"],  # FORCE_COLOR
        [None, "0", "1"],  # TTY_COMPATIBLE
    )
)


@pytest.mark.parametrize("tty", [False, True], ids=["piped", "terminal"])
def test_the_plain_width_is_the_width_rich_draws_at(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tty: bool
) -> None:
    for columns, lines, term, force, compatible in ENVIRONMENTS:
        for name, value in (
            ("COLUMNS", columns),
            ("LINES", lines),
            ("TERM", term),
            ("FORCE_COLOR", force),
            ("TTY_COMPATIBLE", compatible),
        ):
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, value)
        out = _Terminal() if tty else io.StringIO()
        app = AppContext(tmp_path, tmp_path / "config.toml", stdout_tty=tty, stdout=out)
        assert app.columns() == app.console().width, (columns, lines, term, force, compatible)


def test_a_width_given_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    app = AppContext(tmp_path, tmp_path / "config.toml", width=1000)
    assert app.columns() == app.console().width == 1000
