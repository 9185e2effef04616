"""The one fake application context: a fake clock, a chosen terminal, scripted keys and lines."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from footback.cli.app import app
from footback.cli.context import AppContext
from footback.stretch.player import Key, KeySource
from tests.support.runner import CliRunner, Result
from tests.support.stretch_fakes import FakeClock, ScriptedKeys

# Tuesday morning, the wall time every fake run starts at.
WALL = datetime(2025, 3, 4, 7, 30, tzinfo=UTC)


class WallClock:
    """The `Clock` a fake context uses: monotonic time is the `FakeClock`, wall time moves with it."""

    def __init__(self, ticks: FakeClock, wall: datetime = WALL) -> None:
        self.ticks = ticks
        self.wall = wall
        self._start = ticks.now

    def now(self) -> datetime:
        return (self.wall + timedelta(seconds=self.ticks.now - self._start)).astimezone()

    def monotonic(self) -> float:
        return self.ticks.now

    def sleep(self, seconds: float) -> None:
        self.ticks.sleep(seconds)


@dataclass
class Lines:
    """Typed lines for prompts that read one line; EOFError when they run out."""

    queue: list[str] = field(default_factory=list)

    def __call__(self) -> str:
        if not self.queue:
            raise EOFError
        return self.queue.pop(0)


def isolate(patch: pytest.MonkeyPatch, home: Path, config: Path) -> None:
    """The environment every test runs in: its own data folder and config file, and a plain
    80-column, colourless terminal (tests/conftest.py; fixtures that prepare a folder once use it too)."""
    patch.setenv("FOOTBACK_HOME", str(home))
    patch.setenv("FOOTBACK_CONFIG", str(config))
    patch.setenv("NO_COLOR", "1")
    patch.setenv("COLUMNS", "80")
    patch.setenv("TERM", "dumb")
    for var in ("FORCE_COLOR", "PY_COLORS", "GITHUB_ACTIONS", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        patch.delenv(var, raising=False)


def fake_context(home: Path, config_path: Path, ticks: FakeClock | None = None) -> AppContext:
    """No terminal, no colour, and a clock that moves only when slept (conftest sets COLUMNS)."""
    ticks = ticks or FakeClock()
    keys = ScriptedKeys(ticks, [])
    return AppContext(
        data_dir=home,
        config_path=config_path,
        no_color_env=True,
        clock=WallClock(ticks),
        keys=lambda show_cursor: nullcontext(keys),
        line_reader=Lines(),
    )


def set_wall(context: AppContext, when: datetime) -> None:
    """The fake clock's wall time starts at `when` from now on."""
    clock = context.clock
    assert isinstance(clock, WallClock)
    context.clock = WallClock(clock.ticks, when)


def with_fake_clock(context: AppContext, ticks: FakeClock | None = None) -> AppContext:
    """The same context on a fake clock (no real waiting) with no keys pressed."""
    ticks = ticks or FakeClock()
    keys = ScriptedKeys(ticks, [])
    return replace(context, clock=WallClock(ticks), keys=lambda show_cursor: nullcontext(keys))


def context_for(env: Mapping[str, str | None]) -> AppContext:
    """The context the real command line builds from this environment, on a fake clock.

    For tests of environment variables (NO_COLOR, COLUMNS, FOOTBACK_HOME): pass the same `env`
    to `CliRunner.invoke`, so that rich sees it too.
    """
    merged = {k: v for k, v in {**os.environ, **env}.items() if v is not None}
    return with_fake_clock(AppContext.from_environ(merged))


def press(context: AppContext, presses: list[tuple[float, Key | BaseException | Callable[[], None]]]) -> None:
    """Keys pressed at these seconds after the clock's start (stdin becomes a terminal)."""
    clock = context.clock
    assert isinstance(clock, WallClock)
    keys = ScriptedKeys(clock.ticks, [(clock.ticks.now + at, key) for at, key in presses])
    opener: Callable[[bool], AbstractContextManager[KeySource]] = lambda show_cursor: nullcontext(keys)  # noqa: E731
    context.keys = opener
    context.stdin_tty = True


class Cli:
    """`footback ARGS` run in-process with the fake context."""

    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.runner = CliRunner()

    def invoke(self, args: list[str], input: str | None = None) -> Result:
        # A fresh copy per run, as each real run builds its own: the config is read again.
        return self.runner.invoke(app, args, input=input, obj=replace(self.context))
