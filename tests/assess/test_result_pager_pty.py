"""A real terminal: `footback assess --last` pages a result taller than the terminal through
$PAGER, prints one that fits, and never pages into a pipe."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest

from footback.cli.context import LESS_OPTIONS
from tests.support.history_seed import seed_full
from tests.support.pty_screen import run_to_end

pytestmark = pytest.mark.slow


def _run(home: Path, tmp_path: Path, command: str, rows: int) -> tuple[str, Path]:
    paged = tmp_path / "paged.txt"
    env = dict(
        os.environ,
        FOOTBACK_HOME=str(home),
        TERM="xterm",
        NO_COLOR="1",
        PAGER=f"cat > {paged}",
        COLUMNS="80",
        LINES=str(rows),
    )
    child = pexpect.spawn(
        "/bin/bash", ["-c", command], env=env, encoding="utf-8", timeout=30, dimensions=(rows, 80)
    )
    try:
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0, child.before
    return child.before or "", paged


def test_a_tall_result_goes_through_the_pager(home: Path, tmp_path: Path) -> None:
    seed_full(home)
    screen, paged = _run(home, tmp_path, f"{sys.executable} -m footback assess --last", rows=14)
    text = paged.read_text(encoding="utf-8")
    assert text.lstrip().startswith("YOUR RESULT")
    assert text.index("Biggest factors") < text.index("DETAILS") < text.index("WHAT TO DO NEXT")
    assert "DETAILS" not in screen  # the long part went to the pager, not the screen
    assert "Saved on " in screen


def test_a_result_that_fits_is_printed_without_a_pager(home: Path, tmp_path: Path) -> None:
    seed_full(home)
    screen, paged = _run(home, tmp_path, f"{sys.executable} -m footback assess --last", rows=200)
    assert not paged.exists()
    assert "YOUR RESULT" in screen and "DETAILS" in screen and "Saved on " in screen


def test_never_pages_into_a_pipe(home: Path, tmp_path: Path) -> None:
    seed_full(home)
    screen, paged = _run(home, tmp_path, f"{sys.executable} -m footback assess --last | cat", rows=14)
    assert not paged.exists()
    assert "YOUR RESULT" in screen and "WHAT TO DO NEXT" in screen


def _less_env(home: Path, tmp_path: Path, rows: int, **extra: str) -> tuple[dict[str, str], Path]:
    """No PAGER, and a stand-in `less` first on PATH that notes the LESS it was started with."""
    seen = tmp_path / "less-saw.txt"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "less"
    # pydoc first runs `(less)` on the terminal to see that less exists: answer that at once.
    fake.write_text(
        f'#!/bin/sh\n[ -t 0 ] && exit 0\nprintf %s "${{LESS-unset}}" > {seen}\ncat > /dev/null\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("PAGER", "MANPAGER", "LESS")}
    env.update(
        FOOTBACK_HOME=str(home),
        TERM="xterm",
        NO_COLOR="1",
        COLUMNS="80",
        LINES=str(rows),
        PATH=f"{bin_dir}:{env.get('PATH', '')}",
        **extra,
    )
    return env, seen


@pytest.mark.parametrize(("given", "expected"), [(None, LESS_OPTIONS), ("-S", "-S")])
def test_less_leaves_the_result_on_the_screen_unless_told_otherwise(
    home: Path, tmp_path: Path, given: str | None, expected: str
) -> None:
    # Without -X, less cleared the screen on q: after the assessment the result was gone and
    # only "Saved to ..." was left. A LESS of the person's own is theirs to keep.
    seed_full(home)
    env, seen = _less_env(home, tmp_path, 14, **({} if given is None else {"LESS": given}))
    run_to_end(["assess", "--last"], env)
    assert seen.read_text(encoding="utf-8") == expected
