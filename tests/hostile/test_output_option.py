"""`--output`: never turns a device, FIFO or socket into a file, never writes into the data folder."""

from __future__ import annotations

import os
import socket
import stat
import threading
from pathlib import Path

import pytest

from footback.cli.app import app
from footback.core.paths import db_path
from tests.support.history_seed import seed_full
from tests.support.runner import CliRunner

runner = CliRunner()
COMMANDS = [["export"], ["export", "--format", "csv"], ["report"], ["report", "--format", "html"]]


@pytest.fixture(autouse=True)
def _stored(home: Path) -> None:
    seed_full(home)


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_fifo_is_written_into_and_stays_a_fifo(tmp_path: Path, args: list[str]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    result = runner.invoke(app, [*args, "--output", str(fifo)])
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert len(got[0]) > 100


def test_a_character_device_stays_a_device(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a twin of /dev/null
    result = runner.invoke(app, ["export", "--output", str(null)])
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.lstat(null).st_mode)


def test_a_socket_is_refused_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        result = runner.invoke(app, ["export", "--output", str(path)])
    finally:
        server.close()
    assert result.exit_code == 1 and result.stderr.count("\n") == 1, result.output
    assert stat.S_ISSOCK(os.lstat(path).st_mode)


def test_a_symlink_stays_and_its_target_gets_the_document(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    result = runner.invoke(app, ["export", "--output", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and target.read_text().startswith("{")


@pytest.mark.parametrize("where", ["store", "inside", "link-to-store"])
def test_the_data_folder_is_never_written(home: Path, tmp_path: Path, where: str) -> None:
    before = db_path(home).read_bytes()
    target = {"store": db_path(home), "inside": home / "report.md", "link-to-store": tmp_path / "r.md"}[where]
    if where == "link-to-store":
        target.symlink_to(db_path(home))
    result = runner.invoke(app, ["report", "--output", str(target)])
    assert result.exit_code == 2, result.output
    assert "inside footback's data folder" in result.stderr and result.stderr.count("\n") == 1
    assert db_path(home).read_bytes() == before


def test_a_folder_is_refused(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--output", str(tmp_path)])
    assert result.exit_code == 2 and "is a folder" in result.stderr


def test_a_missing_folder_is_bad_input(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--output", str(tmp_path / "no" / "such" / "x.json")])
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_an_empty_output_says_what_to_give() -> None:
    result = runner.invoke(app, ["report", "--output", ""])
    assert result.exit_code == 2 and "give a file name (or - for the screen)" in result.stderr


def test_dash_is_the_screen(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--output", "-"])
    assert result.exit_code == 0 and result.stdout.startswith("{")
    assert not (Path.cwd() / "-").exists()


def test_a_replaced_file_keeps_its_mode_and_a_new_one_is_private(tmp_path: Path) -> None:
    shared = tmp_path / "shared.json"
    shared.write_text("old")
    os.chmod(shared, 0o644)
    assert runner.invoke(app, ["export", "--output", str(shared)]).exit_code == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o644 and shared.read_text().startswith("{")
    fresh = tmp_path / "fresh.json"
    assert runner.invoke(app, ["export", "--output", str(fresh)]).exit_code == 0
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize(
    "args",
    [["export", "--output"], ["report", "--output"], ["remind", "--ics"]],
    ids=["export", "report", "remind"],
)
def test_a_shells_process_substitution_is_an_output(home: Path, args: list[str]) -> None:
    """`--output >(gzip > x)` names /dev/fd/N, which resolves to `pipe:[...]`, no file at all."""
    seed_full(home)
    read_end, write_end = os.pipe()
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(os.fdopen(read_end, "rb").read()))
    reader.start()
    result = runner.invoke(app, [*args, f"/dev/fd/{write_end}"])
    os.close(write_end)
    reader.join()
    assert result.exit_code == 0, result.output
    assert len(got[0]) > 50
