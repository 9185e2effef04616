"""Reading a footback run in a real pseudo-terminal the way a person sees it.

pexpect matches on the raw byte stream, where bold codes, cursor moves and redraws split the
words a person reads. `Screen` keeps the raw stream (for checks on escape codes) and matches
patterns against the same stream with every escape sequence and carriage return removed.
"""

from __future__ import annotations

import io
import os
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pexpect

# CSI (colours, cursor moves, ?25l/h), OSC (window titles) and two-byte escapes.
ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
FOOTBACK = [sys.executable, "-m", "footback"]
ROWS, COLS = 40, 80


# A Ctrl-C that lands after a prompt is written but before Python's blocking read of the answer
# starts is acted on only when that read returns: CPython handles the signal between bytecodes,
# and the read itself was not interrupted (the signal came first). Seen in CI under load, then
# in 1 of 22 runs of tests/cli/test_interrupts.py under coverage with the fast suite running
# beside it. A person cannot press Ctrl-C that soon after a prompt appears; a test that presses
# on the prompt's first byte sometimes does.
HUMAN_PAUSE = 0.3


def interrupt_at_prompt(child: pexpect.spawn) -> None:
    """Ctrl-C at a prompt that is on screen, a person's moment after it appeared."""
    time.sleep(HUMAN_PAUSE)
    child.sendintr()


def visible(raw: str) -> str:
    """What a person reads: escape sequences and carriage returns removed."""
    return ANSI.sub("", raw).replace("\r", "")


def wrapped(literal: str) -> str:
    """A pattern for `literal` that may be wrapped onto the next line anywhere (long paths)."""
    return "\n?".join(re.escape(char) for char in literal)


def terminal_env(home: Path, config: Path, term: str = "xterm-256color") -> dict[str, str]:
    """A new user's terminal: a real TERM, no colour, and footback's folders in the test's tmp."""
    env = dict(os.environ)
    env.update(
        FOOTBACK_HOME=str(home),
        FOOTBACK_CONFIG=str(config),
        TERM=term,
        NO_COLOR="1",
        COLUMNS=str(COLS),
        LINES=str(ROWS),
    )
    return env


def plain_env(home: Path) -> dict[str, str]:
    """A plain terminal (TERM=dumb, no colour, 80 columns) with footback's folder in the test's tmp."""
    return dict(os.environ, FOOTBACK_HOME=str(home), TERM="dumb", NO_COLOR="1", COLUMNS=str(COLS))


def spawn_footback(home: Path, *args: str) -> pexpect.spawn:
    """`footback ARGS` in a real 40x80 plain terminal, for pexpect's own `expect`."""
    return pexpect.spawn(
        FOOTBACK[0],
        [*FOOTBACK[1:], *args],
        env=plain_env(home),
        encoding="utf-8",
        timeout=20,
        dimensions=(ROWS, COLS),
    )


class Screen:
    """One child process in a pty, matched on its visible text."""

    def __init__(self, child: pexpect.spawn) -> None:
        self.child = child
        self.raw = ""
        self.pos = 0  # matches start after the previous match, like pexpect's own expect

    @classmethod
    def spawn(
        cls, args: list[str], env: dict[str, str], cwd: Path | None = None, program: str | None = None
    ) -> Screen:
        command = program if program is not None else FOOTBACK[0]
        argv = args if program is not None else [*FOOTBACK[1:], *args]
        child = pexpect.spawn(
            command, argv, env=env, cwd=cwd, encoding="utf-8", timeout=30, dimensions=(ROWS, COLS)
        )
        child.logfile_read = io.StringIO()
        return cls(child)

    @property
    def text(self) -> str:
        return visible(self.raw)

    def _read(self, timeout: float) -> bool:
        """Read what is there; False at end of output."""
        try:
            self.raw += self.child.read_nonblocking(65536, timeout=timeout)
        except pexpect.TIMEOUT:
            pass
        except pexpect.EOF:
            return False
        return True

    def expect(self, pattern: str, timeout: float = 30) -> re.Match[str]:
        """Wait until `pattern` (a regex) shows on screen after the previous match."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        alive = True
        while True:
            found = regex.search(self.text, self.pos)
            if found:
                self.pos = found.end()
                return found
            left = deadline - time.monotonic()
            if not alive or left <= 0:
                tail = self.text[self.pos :][-3000:]
                raise AssertionError(f"never saw {pattern!r} on screen; after the last match:\n{tail}")
            alive = self._read(min(left, 0.5))

    def answer(self, question: str, reply: str) -> None:
        """Wait for a question and its `>` prompt, then type the reply and Enter."""
        self.expect(question)
        self.expect(r"> ")
        self.child.sendline(reply)

    def finish(self, timeout: float = 30) -> int:
        """Read to the end; the exit status (128 + signal if killed)."""
        deadline = time.monotonic() + timeout
        while self._read(max(0.0, min(0.5, deadline - time.monotonic()))):
            if time.monotonic() > deadline:
                self.child.close(force=True)
                raise AssertionError("the command did not end in time:\n" + self.text[-3000:])
        self.child.close()
        status = self.child.exitstatus
        return status if status is not None else 128 + int(self.child.signalstatus or 0)


def paged_env(home: Path, paged: Path, rows: int = 14) -> dict[str, str]:
    """A terminal `rows` x 80 whose pager ($PAGER) writes what it is given to `paged`."""
    env = dict(os.environ, FOOTBACK_HOME=str(home), TERM="xterm", NO_COLOR="1", PAGER=f"cat > {paged}")
    env.update(COLUMNS=str(COLS), LINES=str(rows))  # the pty's size, whatever the test run's own
    return env


def run_to_end(args: list[str], env: dict[str, str], rows: int = 14) -> str:
    """`footback ARGS` in a real `rows` x 80 terminal, run to its end with nothing typed; what the
    terminal showed (the run must succeed)."""
    child = pexpect.spawn(
        FOOTBACK[0], [*FOOTBACK[1:], *args], env=env, encoding="utf-8", timeout=30, dimensions=(rows, COLS)
    )
    try:
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0, child.before
    return child.before or ""


@contextmanager
def local_hour(hour: int) -> Iterator[str]:
    """A time zone (TZ) in which it is now `hour` o'clock, set for this process and returned for
    a child's environment: what today's screen says is due depends on the local time."""
    hours = (hour - datetime.now(UTC).hour) % 24
    hours = hours - 24 if hours > 12 else hours
    zone = f"FBT{-hours:+d}"  # POSIX: a name of 3 letters, then hours west of UTC
    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield zone
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()
