"""The store under faults: parallel writers, a killed writer, foreign and corrupt files,
read-only and full disks, migrations from every earlier version, and file permissions."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from footback.cli.app import app
from footback.core.paths import db_path
from footback.records.db import open_existing_store, open_store
from footback.records.migrations import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    footprint,
    migrate,
    pending,
)
from tests.support.helpers import no_problem_answers
from tests.support.history_seed import seed_full
from tests.support.runner import CliRunner

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
FOOTBACK = [sys.executable, "-m", "footback"]


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ, FOOTBACK_HOME=str(home), NO_COLOR="1", COLUMNS="80")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    return env


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), stat.S_IMODE(path.stat().st_mode)


def export_text(home: Path) -> str:
    out = subprocess.run(
        [*FOOTBACK, "export"], env=child_env(home), capture_output=True, text=True, check=True
    )
    return out.stdout


# ------------------------------------------------------------------ concurrency

WRITER = textwrap.dedent(
    """
    import os, sys, time
    from datetime import UTC, datetime, timedelta
    from pathlib import Path
    from footback.assess.service import assess
    from footback.assess.content import load_assess_content
    from footback.records.assessments import save_assessment
    from footback.records.db import open_store
    from tests.support.helpers import no_problem_answers

    tag, count, writers, gate = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])

    def barrier(name):
        # Everyone marks arrival, then waits for all: no clock involved, only the others' progress.
        (gate / f"{name}-{tag}").touch()
        while len(list(gate.glob(f"{name}-*"))) < writers:
            time.sleep(0.001)

    answers = no_problem_answers()
    content = load_assess_content()
    result = assess(content, answers)
    barrier("ready")  # line the writers up so their first writes collide
    for i in range(count):
        with open_store(Path(os.environ["FOOTBACK_HOME"])) as store:  # a fresh open per write
            when = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(minutes=tag * 1000 + i)
            save_assessment(store, answers, result, when, citer=content.sources)
        if i == 0:
            barrier("wrote-first")  # nobody writes a second record before everyone wrote a first
    """
)


@pytest.mark.slow  # a child process
@pytest.mark.parametrize("writers", [2, 6])
def test_writer_processes_at_once_all_succeed_on_a_new_store(
    home: Path, tmp_path: Path, writers: int
) -> None:
    gate = tmp_path / "gate"
    gate.mkdir()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tag), "15", str(writers), str(gate)],
            env=child_env(home),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in range(writers)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    for proc, (_, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err
    with open_store(home) as store:
        rows = store.conn.execute("SELECT id, created_at FROM assessments ORDER BY id").fetchall()
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(rows) == writers * 15
    # Commit order (ids) per writer, decoded from the timestamps each writer chose.
    commits: dict[int, list[int]] = {}
    for row_id, created_at in rows:
        minutes = int(
            (datetime.fromisoformat(created_at) - datetime(2025, 1, 1, tzinfo=UTC)).total_seconds() // 60
        )
        commits.setdefault(minutes // 1000, []).append(row_id)
    assert sorted(commits) == list(range(writers))
    # The writers overlapped: every writer's span of commits (first to last) overlaps every other's,
    # since all first records were committed before any second one.
    spans = [(min(ids), max(ids)) for ids in commits.values()]
    assert all(
        a_first < b_last and b_first < a_last for a_first, a_last in spans for b_first, b_last in spans
    )
    assert max(ids[0] for ids in commits.values()) < min(ids[1] for ids in commits.values())


# ------------------------------------------------------------------ a writer killed mid-write

KILLED_WRITER = textwrap.dedent(
    """
    import os
    from pathlib import Path
    from footback.records.db import open_store

    with open_store(Path(os.environ["FOOTBACK_HOME"])) as store:
        with store.transaction() as conn:
            i = 0
            while True:  # one long transaction; the parent kills it part-way
                conn.execute(
                    "INSERT INTO stretch_sessions (started_at, routine, planned_seconds, actual_seconds,"
                    " steps_done, steps_skipped, finished, detail) VALUES (?, 'killed', 1, 1, 1, 0, 1, ?)",
                    ("2030-01-01T00:00:00+00:00", "x" * 2000),
                )
                i += 1
                if i == 500:
                    print("writing", flush=True)
    """
)


@pytest.mark.slow  # a child process
def test_a_writer_killed_mid_write_leaves_every_earlier_record(home: Path) -> None:
    seed_full(home)
    before = export_text(home)
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER], env=child_env(home), stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "writing"
    wal = db_path(home).with_name(db_path(home).name + "-wal")
    assert wal.exists() and wal.stat().st_size > 100_000  # pages of the open transaction spilled: mid-write
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    with open_store(home) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        killed = store.conn.execute("SELECT count(*) FROM stretch_sessions WHERE routine = 'killed'")
        assert killed.fetchone()[0] == 0
    assert export_text(home) == before
    result = runner.invoke(app, ["history"])
    assert result.exit_code == 0


@pytest.mark.slow  # a child process
def test_a_writer_killed_between_commits_keeps_what_it_committed(home: Path) -> None:
    seed_full(home)
    script = textwrap.dedent(
        """
        import os
        from pathlib import Path
        from footback.records.db import open_store

        with open_store(Path(os.environ["FOOTBACK_HOME"])) as store:
            i = 0
            while True:
                with store.transaction() as conn:
                    conn.execute(
                        "INSERT INTO stretch_sessions (started_at, routine, planned_seconds, actual_seconds,"
                        " steps_done, steps_skipped, finished) VALUES (?, 'small', 1, 1, 1, 0, 1)",
                        (f"2030-01-01T00:00:{i % 60:02d}+00:00",),
                    )
                i += 1
                if i == 50:
                    print("writing", flush=True)
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], env=child_env(home), stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    with open_store(home) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = store.conn.execute(
            "SELECT count(*) FROM stretch_sessions WHERE routine = 'small'"
        ).fetchone()[0]
        assert count >= 50
        assert store.conn.execute("SELECT count(*) FROM assessments").fetchone()[0] == 3


# ------------------------------------------------------------------ foreign and corrupt files


def _foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('my own data')")
    conn.commit()
    conn.close()


def _corrupt_footback(path: Path) -> None:
    seed_full(path.parent)
    data = path.read_bytes()
    path.write_bytes(data[: 4096 * 2])  # a store cut short: the header survives, the tables do not


def _garbage_after_header(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))


FAULTY_FILES = {
    "text file": lambda p: p.write_text("shopping list: milk, eggs\n"),
    "foreign sqlite": _foreign_sqlite,
    "garbage after header": _garbage_after_header,
    "truncated footback store": _corrupt_footback,
}


@pytest.mark.parametrize("kind", list(FAULTY_FILES))
@pytest.mark.parametrize(
    "command",
    [["history"], ["report"], ["export"], ["plan"], ["forget", "--yes"], ["assess", "--answers", "ANSWERS"]],
)
def test_foreign_or_corrupt_store_gives_a_clear_error_and_is_never_touched(
    home: Path, tmp_path: Path, kind: str, command: list[str]
) -> None:
    home.mkdir(mode=0o700, exist_ok=True)
    path = db_path(home)
    FAULTY_FILES[kind](path)
    os.chmod(path, 0o644)  # even the mode must stay as the owner left it
    before = fingerprint(path)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(no_problem_answers()))
    args = [str(answers) if a == "ANSWERS" else a for a in command]

    result = runner.invoke(app, args)

    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("footback: error:"), result.stderr
    assert str(path) in lines[0]
    assert "not a footback database" in lines[0] or "corrupt" in lines[0]
    assert "Traceback" not in result.output
    assert fingerprint(path) == before
    assert sorted(p.name for p in home.iterdir()) == [path.name]


def test_a_store_from_a_newer_footback_is_refused_untouched(home: Path) -> None:
    seed_full(home)
    with sqlite3.connect(db_path(home)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = fingerprint(db_path(home))
    result = runner.invoke(app, ["history"])
    assert result.exit_code == 1
    assert "newer footback" in result.stderr
    assert fingerprint(db_path(home)) == before


# ------------------------------------------------------------------ migrations


def build_store_at(path: Path, version: int, skipping: tuple[int, ...] = ()) -> None:
    """A store as footback left it at `version`, with a record in every table that existed then;
    `skipping` leaves those migrations out (a development store made on a branch without them)."""
    conn = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS:
        if migration.version > version:
            break
        if migration.version in skipping:
            continue
        conn.executescript(migration.sql)
        if migration.then is not None:
            migration.then(conn)
    if version >= 1:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(
            "INSERT INTO assessments"
            " (created_at, urgent, foot_score, back_score, link_score, answers, result)"
            " VALUES ('2024-01-01T08:00:00+00:00', 0, 10, 20, 30, '{}', '{}')"
        )
    if version >= 2:
        conn.execute(
            "INSERT INTO stretch_sessions (started_at, routine, planned_seconds, actual_seconds, steps_done,"
            " steps_skipped, finished) VALUES ('2024-01-02T08:00:00+00:00', 'feet', 300, 300, 4, 0, 1)"
        )
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()


# Every version a released footback left a store at (versions have gaps: each work stream has a block).
EARLIER_VERSIONS = [0, *(m.version for m in MIGRATIONS[:-1])]


@pytest.mark.parametrize("version", EARLIER_VERSIONS)
def test_migrations_run_forward_from_every_earlier_version(home: Path, version: int) -> None:
    home.mkdir(mode=0o700)
    build_store_at(db_path(home), version)
    with open_store(home) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"assessments", "stretch_sessions", "shoe_pairs", "shoe_checks"} <= tables
        assert store.conn.execute("SELECT count(*) FROM assessments").fetchone()[0] == (
            1 if version >= 1 else 0
        )
        assert store.conn.execute("SELECT count(*) FROM stretch_sessions").fetchone()[0] == (
            1 if version >= 2 else 0
        )
        # Every table accepts a write after the upgrade.
        with store.transaction() as conn:
            conn.execute(
                "INSERT INTO shoe_pairs (name, shoe_type, created_at, updated_at)"
                " VALUES ('new', 'running', '2025-01-01', '2025-01-01')"
            )


def test_migrations_are_numbered_in_order() -> None:
    versions = [m.version for m in MIGRATIONS]
    assert versions == sorted(set(versions)) and versions[0] == 1


def test_a_store_that_skipped_a_block_of_migrations_gets_them_when_opened(home: Path) -> None:
    # Made on a branch that had the daily migrations (30-32) but not the clinician one (20):
    # its user_version says 32, yet clinician_seen, which migration 60 alters, is missing.
    home.mkdir(mode=0o700)
    build_store_at(db_path(home), 32, skipping=(20,))
    with open_store(home) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        columns = {r[1] for r in store.conn.execute("PRAGMA table_info(clinician_seen)")}
        assert {"seen_at", "assessment_id", "signs", "assessment_uid", "uid"} <= columns
        assert store.conn.execute("SELECT count(*) FROM assessments").fetchone()[0] == 1
        with store.transaction() as conn:
            conn.execute("INSERT INTO clinician_seen (seen_at) VALUES ('2025-01-01T08:00:00+00:00')")
        uid = store.conn.execute("SELECT uid FROM clinician_seen").fetchone()[0]
        assert isinstance(uid, str) and len(uid) == 32  # the uid trigger of migration 60 is there


def test_only_the_missing_migrations_are_pending_in_version_order(home: Path) -> None:
    home.mkdir(mode=0o700)
    build_store_at(db_path(home), 50, skipping=(20, 40))
    conn = sqlite3.connect(db_path(home))
    try:
        later = [m.version for m in MIGRATIONS if m.version > 50]
        assert [m.version for m in pending(conn, 50)] == [20, 40, *later]
    finally:
        conn.close()


def test_a_skipped_migration_applied_late_never_lowers_the_version(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    build_store_at(path, 32, skipping=(20,))
    conn = sqlite3.connect(path, isolation_level=None)
    written: list[str] = []
    conn.set_trace_callback(
        lambda sql: written.append(sql) if sql.startswith("PRAGMA user_version =") else None
    )
    try:
        migrate(conn, path)
    finally:
        conn.close()
    # Migration 20 keeps the store at 32 (forward only); the later ones move it on.
    later = [m.version for m in MIGRATIONS if m.version > 32]
    assert [int(sql.rsplit(" ", 1)[1]) for sql in written] == [32, *later]
    assert later[-1] == SCHEMA_VERSION


def test_each_migration_is_recognised_by_what_it_creates() -> None:
    # `pending` reads a store for each migration's tables, indexes and columns: every migration
    # must create something, and exactly that must appear when it runs.
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        before: set[str] = set()
        for migration in MIGRATIONS:
            conn.executescript(migration.sql)
            if migration.then is not None:
                migration.then(conn)
            after = {
                str(name).casefold()
                for (name,) in conn.execute(
                    "SELECT name FROM sqlite_master UNION ALL SELECT m.name || '.' || p.name"
                    " FROM sqlite_master AS m, pragma_table_info(m.name) AS p WHERE m.type = 'table'"
                )
            }
            assert footprint(migration), migration.name
            assert footprint(migration) <= after - before, migration.name
            before = after
    finally:
        conn.close()


def test_a_migration_that_creates_nothing_is_pending_by_the_recorded_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from footback.records import migrations

    data_only = migrations.Migration(45, "data only", "UPDATE shoe_pairs SET shoe_type = shoe_type")
    monkeypatch.setattr(migrations, "MIGRATIONS", (*MIGRATIONS[:-3], data_only, *MIGRATIONS[-3:]))
    path = tmp_path / "store.sqlite3"
    build_store_at(path, 50)
    conn = sqlite3.connect(path)
    try:
        assert data_only in pending(conn, 40) and data_only not in pending(conn, 50)
    finally:
        conn.close()


def test_a_store_at_the_newest_version_has_nothing_pending_without_reading_its_schema() -> None:
    class NoReads:
        def execute(self, *args: object) -> None:
            raise AssertionError("read the schema")

    assert pending(NoReads(), SCHEMA_VERSION) == []  # type: ignore[arg-type]


# ------------------------------------------------------------------ read-only and full disks


def _can_mount() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    return probe.returncode == 0


def _in_namespace(script: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["unshare", "-m", "bash", "-c", script], env=env, capture_output=True, text=True)


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(no_problem_answers()))
    return path


@pytest.mark.slow  # a child process
def test_read_only_folder_gives_a_clear_error_and_loses_nothing(home: Path, answers_file: Path) -> None:
    seed_full(home)
    before = export_text(home)
    fb = " ".join(FOOTBACK)
    if _can_mount():
        # A real read-only file system (root ignores permission bits, so chmod would prove nothing).
        script = (
            f"set -u; mount --bind {home} {home} && mount -o remount,ro,bind {home} {home} || exit 99; "
            f"{fb} assess --answers {answers_file} >/dev/null; echo assess=$?; "
            f"{fb} history --json >/dev/null; echo history=$?"
        )
        done = _in_namespace(script, child_env(home))
        if "mount" in done.stderr and "assess=" not in done.stdout:
            pytest.skip(f"cannot remount read-only here: {done.stderr.strip()}")
    elif os.geteuid() != 0:
        os.chmod(home, 0o500)
        try:
            script = (
                f"{fb} assess --answers {answers_file} >/dev/null; echo assess=$?; "
                f"{fb} history --json >/dev/null; echo history=$?"
            )
            done = subprocess.run(["bash", "-c", script], env=child_env(home), capture_output=True, text=True)
        finally:
            os.chmod(home, 0o700)
    else:
        pytest.skip("running as root without mount namespaces: no way to make a folder read-only")
    assert "assess=1" in done.stdout, done.stderr
    assert "read-only" in done.stderr
    assert "Traceback" not in done.stderr
    assert "history=0" in done.stdout, done.stderr  # reading still works
    assert export_text(home) == before


@pytest.mark.slow  # a child process
@pytest.mark.skipif(not _can_mount(), reason="needs root and mount namespaces for a small tmpfs")
def test_full_disk_gives_a_clear_error_and_loses_nothing(tmp_path: Path, answers_file: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    backup = tmp_path / "backup.json"
    seed_home = tmp_path / "seed"
    seed_full(seed_home)
    backup.write_text(export_text(seed_home))
    fb = " ".join(FOOTBACK)
    out = tmp_path / "after.json"
    script = (
        f"set -u; mount -t tmpfs -o size=1m,mode=0700 tmpfs {disk} || exit 99; "
        f"{fb} import {backup} >/dev/null || exit 98; "
        f"dd if=/dev/zero of={disk}/filler bs=4k 2>/dev/null; "
        f"{fb} assess --answers {answers_file} >/dev/null; echo assess=$?; "
        f"{fb} import {backup} >/dev/null; echo import=$?; "
        f"rm {disk}/filler; {fb} export > {out}; echo export=$?"
    )
    done = _in_namespace(script, child_env(disk))
    assert "assess=1" in done.stdout, (done.stdout, done.stderr)
    assert "full" in done.stderr or "could not be written" in done.stderr
    assert "Traceback" not in done.stderr
    assert "export=0" in done.stdout
    assert out.read_text() == backup.read_text()


# ------------------------------------------------------------------ permissions


def test_every_command_leaves_the_folder_0700_and_its_files_0600(home: Path, tmp_path: Path) -> None:
    seed_full(home)
    os.chmod(home, 0o755)  # loosened by someone: the next command tightens it again
    backup = tmp_path / "backup.json"
    commands = [
        ["history"],
        ["plan"],
        ["report", "--format", "html", "--output", str(tmp_path / "r.html")],
        ["export", "--output", str(backup)],
        ["forget", "--yes"],
        ["import", str(backup)],
        ["history", "--json"],
    ]
    for command in commands:
        result = runner.invoke(app, command)
        assert result.exit_code == 0, (command, result.output)
        if command[0] == "forget":
            assert not home.exists()
            continue
        if command[0] != "history":  # reading alone does not create or change anything
            assert stat.S_IMODE(home.stat().st_mode) == 0o700, command
        for path in home.iterdir():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, (command, path.name)
    assert stat.S_IMODE((tmp_path / "r.html").stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_reading_commands_never_create_a_store(home: Path) -> None:
    for command in (["history"], ["history", "--json"], ["export"], ["plan"]):
        runner.invoke(app, command)
    assert not home.exists()
    assert open_existing_store(home) is None
