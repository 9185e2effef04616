"""footback never uses the network: every command works with socket creation blocked.

Health data must not leave the machine, and footback must work offline. The in-process run
covers every command through typer's CliRunner; the subprocess run blocks sockets from
interpreter start-up (a `sitecustomize.py` on PYTHONPATH) and goes through the installed
console script, so imports made before any test code runs are covered too.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pytest

from footback.cli.app import app
from tests.support.helpers import TINY_ROUTINE, no_problem_answers
from tests.support.runner import CliRunner

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]


class NetworkUsed(AssertionError):
    """Raised by every blocked socket entry point; an AssertionError so nothing treats it as routine."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Block socket creation and name lookups; returns the attempts (even ones the code swallows)."""
    attempts: list[str] = []

    def blocked(name: str) -> Callable[..., NoReturn]:
        def refuse(*args: object, **kwargs: object) -> NoReturn:
            attempts.append(f"{name}{args!r}")
            raise NetworkUsed(f"footback tried the network: {name}{args!r}")

        return refuse

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "socketpair", "fromfd"):
        monkeypatch.setattr(socket, name, blocked(name))
    return attempts


def user_files(tmp_path: Path) -> dict[str, Path]:
    answers = no_problem_answers() | {
        "foot_pain": "often",
        "foot_pain_areas": ["heel"],
        "foot_pain_level": 6,
        "foot_pain_weeks": 8,
        "first_step_pain": True,
        "calf_tight": True,
        "back_pain": "often",
        "back_pain_level": 5,
        "back_pain_weeks": 10,
    }
    files = {
        "answers": tmp_path / "answers.json",
        "shoes": tmp_path / "shoes.toml",
        "routine": tmp_path / "tiny.toml",
        "backup": tmp_path / "backup.json",
    }
    files["answers"].write_text(json.dumps(answers), encoding="utf-8")
    files["shoes"].write_text(runner.invoke(app, ["shoes-check", "--template"]).stdout, encoding="utf-8")
    files["routine"].write_text(TINY_ROUTINE, encoding="utf-8")
    return files


def test_every_command_works_with_sockets_blocked(tmp_path: Path, home: Path, no_network: list[str]) -> None:
    f = user_files(tmp_path)
    commands = [
        ["--version"],
        ["--help"],
        ["config"],
        ["config", "--json"],
        ["assess", "--template"],
        ["assess", "--answers", str(f["answers"])],
        ["assess", "--answers", str(f["answers"]), "--json", "--no-save"],
        ["stretch", "--list"],
        ["stretch", "--routine", "feet", "--preview"],
        ["stretch", "--file", str(f["routine"]), "--plain", "--speed", "100", "--lead-in", "0", "--quiet"],
        ["shoes-check", "--answers", str(f["shoes"]), "--name", "road"],
        ["shoes-check", "--list"],
        ["history"],
        ["history", "--json"],
        ["plan"],
        ["stretch", "--routine", "plan", "--preview"],
        ["report"],
        ["report", "--format", "md", "--output", str(tmp_path / "r.md")],
        ["report", "--format", "html", "--output", str(tmp_path / "r.html")],
        ["export", "--format", "json", "--output", str(f["backup"])],
        ["export", "--format", "csv", "--output", str(tmp_path / "all.csv")],
        ["export", "--format", "fhir", "--output", str(tmp_path / "clinic.json")],
        ["forget", "--yes"],
        ["import", str(f["backup"])],
        ["history", "--json"],
    ]
    for command in commands:
        result = runner.invoke(app, command)
        assert result.exit_code == 0, (command, result.stdout, result.stderr, result.exception)
        assert not no_network, (command, no_network)

    # The round trip really happened offline: the import restored what forget removed.
    restored = json.loads(result.stdout)
    assert len(restored["assessments"]) == 1
    assert len(restored["sessions"]) == 1
    assert "<html" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert (tmp_path / "all.csv").read_text(encoding="utf-8").startswith("table,")


def test_the_block_itself_works(no_network: list[str]) -> None:
    # Without this, a fixture that blocked nothing would let every test above pass.
    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.com", 80))
    assert no_network


SITECUSTOMIZE = '''
"""Loaded at interpreter start-up: no socket can be made from here on."""
import socket
import sys


def _refuse(*args, **kwargs):
    sys.stderr.write("NETWORK-BLOCKED: footback tried the network\\n")
    raise OSError("network blocked by the footback test suite")


for _name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "socketpair", "fromfd"):
    setattr(socket, _name, _refuse)
'''


def entry_point() -> list[str]:
    """The installed `footback` console script when there is one, else `python -m footback`."""
    script = Path(sys.executable).with_name("footback")
    return [str(script)] if script.exists() else [sys.executable, "-m", "footback"]


@pytest.mark.slow  # every command as a child process: the largest share of the fast loop
def test_the_real_entry_point_never_opens_a_socket(tmp_path: Path, home: Path) -> None:
    block = tmp_path / "block"
    block.mkdir()
    (block / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    f = user_files(tmp_path)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(block), str(ROOT)]))

    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.socket()"], env=env, capture_output=True, text=True
    )
    assert probe.returncode != 0 and "NETWORK-BLOCKED" in probe.stderr  # the block is in force

    commands = [
        ["assess", "--answers", str(f["answers"])],
        ["stretch", "--file", str(f["routine"]), "--speed", "100", "--lead-in", "0", "--quiet"],
        ["shoes-check", "--answers", str(f["shoes"]), "--name", "road"],
        ["history"],
        ["plan"],
        ["report", "--format", "html", "--output", str(tmp_path / "r.html")],
        ["export", "--output", str(f["backup"])],
        ["forget", "--yes"],
        ["import", str(f["backup"])],
        ["config"],
    ]
    for command in commands:
        done = subprocess.run([*entry_point(), *command], env=env, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, (command, done.stderr)
        assert "NETWORK-BLOCKED" not in done.stderr, command
        assert "Traceback" not in done.stderr, command
