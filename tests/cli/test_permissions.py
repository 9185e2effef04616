"""The data folder stays owner-only (0700) and every file in it 0600, after every command.

Decision: footback tightens its own data folder whenever it opens it, even when the folder
already existed with looser permissions. The folder holds health data and nothing else, and
it is usually loosened by accident (restored from a backup, copied by a sync tool, made by
`mkdir` under a 022 umask before the first run); leaving it readable would expose every
assessment to other users of the machine. Files footback writes are created 0600 whatever the
umask, and SQLite's `-wal` / `-shm` companions take the store's mode.

`test_store_faults.py` checks the reading and transfer commands on a loosened folder; this file
adds the commands that write (assess, stretch, shoes-check, plan, import), a permissive umask,
loose files inside the folder, migrations from every older schema, and a real process.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from footback.assess.content import load_assess_content
from footback.assess.service import assess
from footback.cli.app import app
from footback.core.cited import citing
from footback.core.paths import DB_NAME
from footback.records.folder import PROMPT_STATE
from footback.records.migrations import SCHEMA_VERSION
from tests.records.test_store_faults import EARLIER_VERSIONS, build_store_at
from tests.support.helpers import TINY_ROUTINE, no_problem_answers
from tests.support.history_seed import seed_full
from tests.support.runner import CliRunner

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def assert_private(home: Path, after: object) -> None:
    """The folder 0700, everything in it 0600 (plain files only: footback makes no subfolders)."""
    assert mode(home) == 0o700, (after, oct(mode(home)))
    for path in home.iterdir():
        assert path.is_file(), (after, path.name)
        assert mode(path) == 0o600, (after, path.name, oct(mode(path)))


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The most permissive umask: footback's modes must not depend on the person's umask."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    answers = no_problem_answers() | {
        "foot_pain": "often",
        "foot_pain_areas": ["heel"],
        "foot_pain_level": 6,
        "foot_pain_weeks": 8,
        "first_step_pain": True,
        "back_pain": "often",
        "back_pain_level": 5,
        "back_pain_weeks": 10,
    }
    paths = {
        "answers": tmp_path / "answers.json",
        "shoes": tmp_path / "shoes.toml",
        "routine": tmp_path / "tiny.toml",
        "backup": tmp_path / "backup.json",
    }
    paths["answers"].write_text(json.dumps(answers), encoding="utf-8")
    paths["shoes"].write_text(runner.invoke(app, ["shoes-check", "--template"]).stdout, encoding="utf-8")
    paths["routine"].write_text(TINY_ROUTINE, encoding="utf-8")
    return paths


def play(routine: Path) -> list[str]:
    return ["stretch", "--file", str(routine), "--plain", "--speed", "100", "--lead-in", "0", "--quiet"]


def test_a_new_folder_stays_private_through_a_whole_history(
    tmp_path: Path, home: Path, files: dict[str, Path], open_umask: None
) -> None:
    commands = [
        ["assess", "--answers", str(files["answers"])],
        play(files["routine"]),
        ["shoes-check", "--answers", str(files["shoes"]), "--name", "road"],
        ["shoes-check", "--name", "road", "--add-distance", "12km"],
        ["plan"],  # writes plan.toml beside the store
        ["stretch", "--routine", "plan", "--preview"],
        ["history"],
        ["report", "--format", "html", "--output", str(tmp_path / "r.html")],
        ["export", "--output", str(files["backup"])],
        ["export", "--format", "csv", "--output", str(tmp_path / "all.csv")],
        ["forget", "--yes"],
        ["import", str(files["backup"])],  # into a folder import has to create
        ["import", str(files["backup"])],  # and again, into an existing store
        ["config"],
    ]
    for command in commands:
        result = runner.invoke(app, command)
        assert result.exit_code == 0, (command, result.stdout, result.stderr)
        if command[0] == "forget":
            assert not home.exists()
            continue
        assert_private(home, command)
    # The store, the plan and what is due for the shell prompt (footback prompt), all 0600.
    assert sorted(p.name for p in home.iterdir()) == [DB_NAME, "plan.toml", PROMPT_STATE]
    for written in ("r.html", "all.csv", "backup.json"):
        assert mode(tmp_path / written) == 0o600, written


WRITERS = {
    "assess": lambda f: ["assess", "--answers", str(f["answers"])],
    "stretch": lambda f: play(f["routine"]),
    "shoes-check": lambda f: ["shoes-check", "--answers", str(f["shoes"]), "--name", "road"],
    "plan": lambda f: ["plan"],
    "import": lambda f: ["import", str(f["backup"])],
    "history": lambda f: ["history"],
}


@pytest.mark.parametrize("loose", [0o755, 0o711])
@pytest.mark.parametrize("command", list(WRITERS))
def test_a_loose_existing_folder_and_store_are_tightened(
    tmp_path: Path, home: Path, files: dict[str, Path], command: str, loose: int
) -> None:
    backup_home = tmp_path / "elsewhere"
    seed_full(backup_home)
    files["backup"].write_text(
        runner.invoke(app, ["export"], env={"FOOTBACK_HOME": str(backup_home)}).stdout, encoding="utf-8"
    )
    # A store restored by hand: the folder and the file both as a copy tool left them.
    seed_full(home)
    os.chmod(home / DB_NAME, 0o644)
    os.chmod(home, loose)

    result = runner.invoke(app, WRITERS[command](files))

    assert result.exit_code == 0, (result.stdout, result.stderr)
    assert_private(home, command)


def test_a_folder_with_other_files_keeps_them_as_they_are(home: Path, files: dict[str, Path]) -> None:
    # footback owns the folder's mode, not files it did not write: those are the person's own.
    home.mkdir(mode=0o755)
    notes = home / "my-notes.txt"
    notes.write_text("mine", encoding="utf-8")
    os.chmod(notes, 0o644)
    result = runner.invoke(app, ["assess", "--answers", str(files["answers"])])
    assert result.exit_code == 0, result.stderr
    # footback's files in the person's folder are private, and the person's own file is left as it
    # is. The folder holds footback's store now, so the next open made it private (core.paths.
    # ensure_data_dir): the shell prompt's refresh at the end of the command opened it again.
    assert mode(home) == 0o700
    assert mode(home / DB_NAME) == 0o600
    assert mode(notes) == 0o644 and notes.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("version", EARLIER_VERSIONS)
@pytest.mark.parametrize("command", ["history", "assess", "import"])
def test_migrating_an_older_store_keeps_it_private(
    tmp_path: Path, home: Path, files: dict[str, Path], version: int, command: str
) -> None:
    backup_home = tmp_path / "elsewhere"
    seed_full(backup_home)
    files["backup"].write_text(
        runner.invoke(app, ["export"], env={"FOOTBACK_HOME": str(backup_home)}).stdout, encoding="utf-8"
    )
    home.mkdir(mode=0o755)
    os.chmod(home, 0o755)  # mkdir's mode is cut by the umask; say it exactly
    build_store_at(home / DB_NAME, version)
    if version >= 1:  # the builder's placeholder result would not read back; store a real one
        content = load_assess_content()
        result = assess(content, no_problem_answers())
        conn = sqlite3.connect(home / DB_NAME)
        with conn:
            conn.execute(
                "UPDATE assessments SET answers = ?, result = ?",
                (json.dumps(no_problem_answers()), result.model_dump_json(context=citing(content.sources))),
            )
        conn.close()
    os.chmod(home / DB_NAME, 0o644)  # as an older footback (or a copy) may have left it

    args = {
        "history": ["history"],
        "assess": ["assess", "--answers", str(files["answers"])],
        "import": ["import", str(files["backup"])],
    }[command]
    result = runner.invoke(app, args)

    assert result.exit_code == 0, (result.stdout, result.stderr)
    conn = sqlite3.connect(home / DB_NAME)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()
    assert_private(home, (command, version))


@pytest.mark.slow  # a child process
def test_a_real_process_under_umask_000(tmp_path: Path, home: Path, files: dict[str, Path]) -> None:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    footback = f"{sys.executable} -m footback"
    script = (
        "umask 000; "
        f"{footback} assess --answers {files['answers']} >/dev/null && "
        f"{footback} stretch --file {files['routine']} --speed 100 --lead-in 0 --quiet >/dev/null && "
        f"{footback} plan >/dev/null && "
        f"{footback} export --output {files['backup']} >/dev/null 2>&1"
    )
    done = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert_private(home, "umask 000")
    assert mode(files["backup"]) == 0o600


@pytest.mark.parametrize("odd", ["x[/]y", "x[bold]y", "x\\y z"])
def test_the_data_folder_path_is_shown_exactly(tmp_path: Path, files: dict[str, Path], odd: str) -> None:
    # The path is shown so the person can find their data: rich markup must not eat part of it.
    home = tmp_path / odd
    env = {"FOOTBACK_HOME": str(home)}
    shown = str(home / DB_NAME)
    for args in (
        ["assess", "--answers", str(files["answers"])],
        ["shoes-check", "--answers", str(files["shoes"]), "--name", "road"],
        play(files["routine"]),
        ["history"],
    ):
        result = runner.invoke(app, args, env=env)
        assert result.exit_code == 0, (args, result.stderr)
        assert shown in " ".join((result.stdout + result.stderr).split()), args
    assert_private(home, odd)


@pytest.mark.parametrize(
    "command", [["assess", "--answers", "ANSWERS"], ["plan"], ["report"], ["stretch", "--preview"]]
)
def test_an_old_record_that_no_longer_reads_is_skipped_with_one_warning(
    home: Path, files: dict[str, Path], command: list[str]
) -> None:
    # An older (or hand-edited) store can hold a result this footback's model cannot read:
    # the command goes on without it, names it once, and leaves it in the store.
    home.mkdir(mode=0o700)
    build_store_at(home / DB_NAME, 1)  # its result column is '{}'
    args = [str(files["answers"]) if a == "ANSWERS" else a for a in command]
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    warnings = [line for line in result.stderr.splitlines() if line.startswith("footback: warning:")]
    assert len(warnings) == 1
    assert "damaged assessment" in warnings[0] and "2024-01-01T08:00:00" in warnings[0]
    conn = sqlite3.connect(home / DB_NAME)
    try:
        assert conn.execute("SELECT result FROM assessments WHERE id = 1").fetchone()[0] == "{}"
    finally:
        conn.close()
    assert_private(home, command)
