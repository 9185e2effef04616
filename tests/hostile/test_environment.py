"""A hostile environment: a shared FOOTBACK_HOME, a symlinked store, umask 000."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from footback.cli.app import app
from footback.core.paths import db_path, ensure_data_dir
from tests.support.helpers import no_problem_answers
from tests.support.runner import CliRunner

runner = CliRunner()


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    import json

    path = tmp_path / "answers.json"
    path.write_text(json.dumps(no_problem_answers()))
    return path


@pytest.mark.parametrize("shared", [0o1777, 0o777, 0o775, 0o757])
def test_a_folder_others_can_write_to_is_refused_and_left_as_it_is(
    tmp_path: Path, answers: Path, shared: int
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chmod(folder, shared)
    result = runner.invoke(app, ["assess", "--answers", str(answers)], env={"FOOTBACK_HOME": str(folder)})
    assert result.exit_code == 1, result.output
    assert "can be written by other users" in result.stderr and result.stderr.count("\n") == 1
    assert mode(folder) == shared
    assert list(folder.iterdir()) == []


def test_a_folder_owned_by_someone_else_is_refused(tmp_path: Path, answers: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("giving a folder away needs root")
    folder = tmp_path / "theirs"
    folder.mkdir(mode=0o700)
    os.chown(folder, 65534, 65534)
    result = runner.invoke(app, ["assess", "--answers", str(answers)], env={"FOOTBACK_HOME": str(folder)})
    assert result.exit_code == 1 and "belongs to another user" in result.stderr
    assert list(folder.iterdir()) == []


def test_parents_are_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        ensure_data_dir(tmp_path / "a" / "b" / "c")
    finally:
        os.umask(old)
    assert [mode(tmp_path / p) for p in ("a", "a/b", "a/b/c")] == [0o700, 0o700, 0o700]


@pytest.mark.parametrize("command", [["history"], ["export"], ["assess"]])
def test_a_dangling_symlink_in_place_of_the_store_is_refused(
    home: Path, tmp_path: Path, answers: Path, command: list[str]
) -> None:
    home.mkdir(mode=0o700)
    elsewhere = tmp_path / "elsewhere.sqlite3"
    db_path(home).symlink_to(elsewhere)
    args = [*command, "--answers", str(answers)] if command == ["assess"] else command
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert "symbolic link" in result.stderr and result.stderr.count("\n") == 1
    assert not elsewhere.exists() and db_path(home).is_symlink()


def test_a_symlink_to_another_file_never_turns_it_into_a_database(
    home: Path, tmp_path: Path, answers: Path
) -> None:
    home.mkdir(mode=0o700)
    precious = tmp_path / "thesis.txt"
    precious.write_text("")  # empty: SQLite would happily make it a database
    db_path(home).symlink_to(precious)
    result = runner.invoke(app, ["assess", "--answers", str(answers)])
    assert result.exit_code == 1 and "symbolic link" in result.stderr
    assert precious.read_bytes() == b""


def test_control_characters_in_the_folder_and_config_paths_are_shown_escaped(
    tmp_path: Path, answers: Path
) -> None:
    home = tmp_path / "home\x1b]0;pwned\x07"
    config = tmp_path / "cfg\x1b[2J.toml"
    env = {"FOOTBACK_HOME": str(home), "FOOTBACK_CONFIG": str(config)}
    for args in (["assess", "--answers", str(answers)], ["config"], ["config", "--path"], ["history"]):
        result = runner.invoke(app, args, env=env)
        assert result.exit_code == 0, (args, result.output)
        assert b"\x1b" not in result.stdout_bytes + result.stderr_bytes, args
        assert "\\x1b" in result.stdout, args


@pytest.mark.slow
@pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("unshare") is None, reason="needs root and mount namespaces"
)
def test_reading_commands_work_with_almost_no_free_disk(tmp_path: Path) -> None:
    from tests.records.test_store_faults import FOOTBACK, _can_mount, _in_namespace, child_env
    from tests.support.history_seed import seed_full

    if not _can_mount():
        pytest.skip("no mount namespaces here")
    disk = tmp_path / "disk"
    disk.mkdir()
    seed = tmp_path / "seed"
    seed_full(seed)
    fb = " ".join(FOOTBACK)
    script = (
        f"set -u; mount -t tmpfs -o size=2m,mode=0700 tmpfs {disk} || exit 99; "
        f"cp -a {seed}/. {disk}/; "
        f"dd if=/dev/zero of={disk}/filler bs=4k 2>/dev/null; "  # the disk is full now
        f"{fb} history >/dev/null; echo history=$?; "
        f"{fb} export >/dev/null; echo export=$?; "
        f"{fb} report >/dev/null; echo report=$?; "
        f"{fb} shoes-check --list >/dev/null; echo list=$?"
    )
    done = _in_namespace(script, child_env(disk))
    assert "Traceback" not in done.stderr
    for name in ("history", "export", "report", "list"):
        assert f"{name}=0" in done.stdout, (done.stdout, done.stderr)
