"""Start-up runs without the cyclic garbage collector; a command's body runs with it."""

from __future__ import annotations

import gc
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from footback.cli import collector
from footback.cli.boundary import Bounded

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def gc_restored() -> Iterator[None]:
    """The test process's collector as it was, afterwards (nothing left frozen)."""
    was = gc.isenabled()
    try:
        yield
    finally:
        gc.unfreeze()
        if was:
            gc.enable()
        else:
            gc.disable()


def _state() -> tuple[bool, int]:
    return gc.isenabled(), gc.get_freeze_count()


@pytest.mark.usefixtures("gc_restored")
def test_a_command_body_collects_again_and_start_ups_objects_are_frozen() -> None:
    gc.enable()
    collector.pause_collector()
    assert not gc.isenabled()  # start-up: paused
    enabled, frozen = Bounded(_state)()
    assert enabled  # the body (a routine played for an hour, say) collects its garbage
    assert frozen > 0  # and what start-up made is not walked again
    made_since = [[] for _ in range(1000)]  # tracked by the collector, so freezing again would count them
    enabled, again = Bounded(_state)()
    assert enabled and again < frozen + len(made_since)  # resumed (and frozen) once only


@pytest.mark.usefixtures("gc_restored")
def test_a_collector_that_start_up_did_not_pause_is_left_alone() -> None:
    gc.disable()  # someone else's choice (an embedding program, a test)
    collector.pause_collector()
    assert Bounded(_state)() == (False, 0)
    gc.enable()
    assert Bounded(_state)() == (True, 0)


def test_the_console_script_and_python_m_start_through_the_paused_start() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["footback"] == "footback.cli.start:main"
    main_module = (ROOT / "src" / "footback" / "__main__.py").read_text(encoding="utf-8")
    assert "from footback.cli.start import main" in main_module
