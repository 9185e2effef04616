"""Real processes with hostile streams: a reader that goes away (`| head -1`), closed stdout or
stdin, a stdout on a full disk, a non-UTF-8 stdout. No traceback, no "Exception ignored" noise, a short exit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.hostile import invoke, seed_everything

pytestmark = pytest.mark.slow  # real processes: a few tenths of a second each

LONG: list[list[str]] = [
    ["history"],
    ["history", "--json"],
    ["report"],
    ["export"],
    ["export", "--format", "csv"],
    ["export", "--format", "fhir"],
    ["stretch", "--list"],
    ["assess", "--template"],
    ["assess", "--schema"],
    ["progress"],
    ["plan", "--no-save"],
    ["plan", "--json", "--no-save"],
    ["config"],
    ["remind", "--ics", "-"],
    ["shoes-check", "--list"],
    ["--help"],
]
SHORT: list[list[str]] = [
    ["due"],
    ["progress", "--json"],
    ["checkin", "--foot", "1", "--back", "1"],
    ["assess", "--last"],
    ["shoes-check", "--name", "trail runners", "--add-distance", "1km"],
    ["stretch", "--routine", "feet", "--plain", "--speed", "100", "--lead-in", "0", "--no-save"],
]


@pytest.fixture
def env(home: Path, tmp_path: Path) -> dict[str, str]:
    seed_everything(home)
    # The current process's environment is the fixture's (FOOTBACK_HOME, NO_COLOR, COLUMNS ...).
    return {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}


def _footback(args: list[str]) -> str:
    return " ".join(["exec", sys.executable, "-m", "footback", *(f"'{a}'" for a in args)])


def _no_noise(stderr: bytes) -> None:
    assert b"Traceback" not in stderr, stderr
    assert b"Exception ignored" not in stderr, stderr
    assert stderr.count(b"\n") <= 1, stderr


@pytest.mark.parametrize("args", LONG, ids=" ".join)
def test_a_reader_that_goes_away_is_quiet(env: dict[str, str], args: list[str]) -> None:
    shell = f"set -o pipefail; {_footback(args)} 2>err | head -c 1 >/dev/null; echo $? >code"
    subprocess.run(["bash", "-c", shell], env=env, cwd=env["FOOTBACK_HOME"], check=False, timeout=120)
    home = Path(env["FOOTBACK_HOME"])
    _no_noise((home / "err").read_bytes())
    assert int((home / "code").read_text()) in (0, 1, 141)


@pytest.mark.parametrize("args", [*LONG[:6], *SHORT], ids=" ".join)
def test_closed_stdout_is_one_line(env: dict[str, str], args: list[str]) -> None:
    shell = f"{_footback(args)} >&-"
    done = subprocess.run(["bash", "-c", shell], env=env, capture_output=True, check=False, timeout=120)
    _no_noise(done.stderr)
    assert done.returncode != 0


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full, a disk that is always full")
@pytest.mark.parametrize("args", [*LONG, ["--version"], ["history", "--help"]], ids=" ".join)
def test_stdout_on_a_full_disk_is_one_line(env: dict[str, str], args: list[str]) -> None:
    # qa-cli: `footback export > backup.json` on a full disk was a traceback for every command.
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "footback", *args],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
            timeout=120,
        )
    _no_noise(done.stderr)
    assert done.returncode == 1
    assert done.stderr == b"footback: error: cannot write to standard output: No space left on device\n"


@pytest.mark.parametrize(
    "args",
    [["checkin"], ["checkin", "--foot", "1"], ["forget"], ["assess"], ["shoes-check"], ["plan"]],
    ids=" ".join,
)
def test_closed_stdin_is_one_line(env: dict[str, str], args: list[str]) -> None:
    shell = f"{_footback(args)} <&-"
    done = subprocess.run(["bash", "-c", shell], env=env, capture_output=True, check=False, timeout=120)
    _no_noise(done.stderr)


@pytest.mark.parametrize("args", [*LONG[:6], *SHORT], ids=" ".join)
def test_an_ascii_stdout_never_crashes(env: dict[str, str], args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "footback", *args],
        env={**env, "PYTHONIOENCODING": "ascii"},
        capture_output=True,
        check=False,
        timeout=120,
    )
    _no_noise(done.stderr)
    assert done.returncode in (0, 1), done.stderr


def test_note_with_escapes_is_never_stored(home: Path) -> None:
    """A note pasted from a terminal with its escapes is refused whole, not stored cleaned."""
    result = invoke(["checkin", "--foot", "1", "--back", "1", "--note", "ok\x1b[31m red"])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
