"""The first run's shared fixture: a terminal, a stopped first assessment, a working folder."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from footback.cli.context import AppContext
from tests.support.context import Cli, set_wall
from tests.support.helpers import stopped_assessment

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def first_run(cli: Cli, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A terminal, a stopped first assessment, and a working folder for the reminder file."""
    set_wall(context, NOW)
    stopped_assessment(context.data_dir, context.clock.now())
    context.stdin_tty = True
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work
