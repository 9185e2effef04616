"""Shared test setup: a private data folder per test, no colour, a fixed width."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from rich.console import Console

from footback.cli.context import AppContext
from tests.support.context import Cli, fake_context, isolate

# Hypothesis profiles: `dev` explores new random examples on every run; `ci` is reproducible
# (derandomized, no example database), so a CI failure is the same failure on a rerun.
# Tests that set max_examples keep their fixed counts under both profiles.
# Both start from Hypothesis's own defaults (it auto-loads a built-in profile when CI is set).
settings.register_profile("dev", parent=settings.get_profile("default"), deadline=None)
settings.register_profile(
    "ci",
    parent=settings.get_profile("default"),
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own FOOTBACK_HOME and a plain 80-column, colourless terminal."""
    home = tmp_path / "footback-home"
    isolate(monkeypatch, home, tmp_path / "config.toml")
    return home


@pytest.fixture
def home(_isolated_env: Path) -> Path:
    """The data folder this test's footback writes to."""
    return _isolated_env


@pytest.fixture
def console() -> Console:
    """A fixed-width, colourless console writing to memory; read it with `console.file.getvalue()`."""
    return Console(file=io.StringIO(), width=80, color_system=None, force_terminal=False, highlight=False)


@pytest.fixture
def context(home: Path, tmp_path: Path) -> AppContext:
    """The one fake application context (see tests/support/context.py); change its fields per test."""
    return fake_context(home, tmp_path / "config.toml")


@pytest.fixture
def cli(context: AppContext) -> Cli:
    """Run `footback` in-process with the fake context: `cli.invoke(["stretch", ...])`."""
    return Cli(context)
