"""SIGTERM during an import into a new store: no store, no -wal, no -shm, no folder left behind."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

from tests.support.context import Cli


def test_sigterm_during_an_import_into_a_new_store_leaves_nothing(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "backup.json"
    os.mkfifo(fifo)
    started, done = threading.Event(), threading.Event()
    # Not SIG_DFL: coverage (sigterm = true) installs its own handler in test workers.
    before = signal.getsignal(signal.SIGTERM)

    def importing() -> bool:
        """The import holds its transaction open on the new store, with its handler installed."""
        handler = signal.getsignal(signal.SIGTERM)
        return handler is not before and (home / "footback.sqlite3-wal").exists()

    def writer() -> None:
        with open(fifo, "w", encoding="utf-8") as fh:
            fh.write('{"format": "footback-export", "version": 3, "schema": 60, "stretch_sessions": [')
            fh.flush()
            # Wait for a state, not for time: the import is blocked reading the next record.
            for _ in range(2000):
                if importing():
                    started.set()
                    os.kill(os.getpid(), signal.SIGTERM)
                    break
                done.wait(0.005)
            done.wait(30)  # the pipe stays open until the command has returned

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        result = cli.invoke(["import", str(fifo)])
    finally:
        done.set()
        thread.join()
    assert started.is_set()
    assert result.exit_code == 128 + signal.SIGTERM, result.output
    assert "stopped by signal" in result.stderr and "Traceback" not in result.output
    assert not home.exists(), sorted(p.name for p in home.iterdir())
    assert signal.getsignal(signal.SIGTERM) is before  # the caller's handler restored
