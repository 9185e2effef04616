"""A hostile process environment: non-UTF-8 and closed standard streams, an unreadable data folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.records.test_store_faults import FOOTBACK, child_env
from tests.support.helpers import no_problem_answers
from tests.support.history_seed import seed_full

pytestmark = pytest.mark.slow  # every test here runs footback as a child process

READING = [
    ["history"],
    ["report"],
    ["progress"],
    ["shoes-check", "--list"],
    ["export"],
    ["plan", "--no-save"],
]


@pytest.fixture
def seeded(home: Path) -> Path:
    seed_full(home)
    return home


def run(args: list[str], home: Path, **kw: object) -> subprocess.CompletedProcess[bytes]:
    env = child_env(home) | dict(kw.pop("env", {}))  # type: ignore[arg-type]
    return subprocess.run([*FOOTBACK, *args], env=env, capture_output=True, timeout=60, **kw)  # type: ignore[call-overload, no-any-return]


@pytest.mark.parametrize("args", READING, ids=" ".join)
def test_an_ascii_only_stdout_gets_ascii_drawing(seeded: Path, args: list[str]) -> None:
    done = run(args, seeded, env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    done.stdout.decode("ascii")  # nothing but ASCII reached the stream


def test_history_trends_fall_back_to_the_ascii_sparkline(seeded: Path) -> None:
    done = run(["history"], seeded, env={"PYTHONIOENCODING": "ascii"})
    assert b"foot  __+" in done.stdout


def test_assess_on_an_ascii_stdout(home: Path, tmp_path: Path) -> None:
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(no_problem_answers()))
    done = run(["assess", "--answers", str(answers)], home, env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr
    done.stdout.decode("ascii")


def test_json_export_stays_valid_json_on_an_ascii_stdout(seeded: Path) -> None:
    from footback.records.db import open_store

    with open_store(seeded) as store, store.transaction() as conn:
        conn.execute("UPDATE stretch_sessions SET routine = 'Füße – morgens'")
    done = run(["export"], seeded, env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0
    doc = json.loads(done.stdout)
    assert doc["stretch_sessions"][0]["routine"] == "Füße – morgens"


@pytest.mark.parametrize(
    ("args", "closed"),
    [
        (["report"], "stdout"),
        (["history"], "stdout"),
        (["forget"], "stdin"),
        (["assess"], "stdin"),
        (["shoes-check", "--name", "trail"], "stdin"),
    ],
)
def test_a_closed_stream_is_one_line_and_non_zero(seeded: Path, args: list[str], closed: str) -> None:
    fd = {"stdin": 0, "stdout": 1}[closed]
    script = f'exec {fd}<&-; exec "$@"'
    done = subprocess.run(
        ["bash", "-c", script, "footback", *FOOTBACK, *args],
        env=child_env(seeded),
        capture_output=closed != "stdout",
        stderr=subprocess.PIPE if closed == "stdout" else None,
        timeout=60,
    )
    assert done.returncode != 0
    assert b"Traceback" not in done.stderr
    assert done.stderr.count(b"\n") == 1 and done.stderr.startswith(b"footback: error: "), done.stderr


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None, reason="needs root and setpriv")
@pytest.mark.parametrize(
    "args", [["history"], ["export"], ["assess"], ["forget", "--yes"], ["stretch", "--list"]]
)
def test_a_data_folder_the_user_cannot_read_is_one_line_exit_1(tmp_path: Path, args: list[str]) -> None:
    if args == ["assess"]:
        answers = tmp_path / "a.json"
        answers.write_text(json.dumps(no_problem_answers()))
        args = ["assess", "--answers", str(answers)]
    # Root without the capabilities that override file permissions: a folder owned by someone else.
    locked = tmp_path / "someone-else"
    locked.mkdir(mode=0o700)
    home = locked / "footback"
    home.mkdir(mode=0o700)
    os.chown(home, 65534, 65534)
    os.chown(locked, 65534, 65534)
    drop = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner"]
    done = subprocess.run([*drop, *FOOTBACK, *args], env=child_env(home), capture_output=True, timeout=60)
    if args == ["stretch", "--list"]:
        assert done.returncode == 0, done.stderr  # nothing stored is needed
        return
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert done.stderr.count(b"\n") == 1 and b"permission denied" in done.stderr.lower(), done.stderr
