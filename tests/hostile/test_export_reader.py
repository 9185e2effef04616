"""The streaming export reader: every malformed file is one line naming the spot, nothing stored."""

from __future__ import annotations

import io
import os
import stat
import threading
from pathlib import Path

import pytest

from footback.cli.app import app
from footback.core.errors import BadInputError
from footback.core.paths import db_path
from footback.records.transfer.reader import CHUNK, ExportReader
from tests.support.runner import CliRunner

runner = CliRunner()
HEAD = '{"format": "footback-export", "version": 1, "schema": 3'
PAIR = (
    '{"name": "trail", "shoe_type": "running", "created_at": "2025-01-01T00:00:00+00:00", "updated_at": "%s"}'
)
SESSION = (
    '{"started_at": "2025-01-01T00:00:00+00:00", "routine": "r", "planned_seconds": 1, "actual_seconds": 1,'
    ' "steps_done": 1, "steps_skipped": 0, "finished": 1, "detail": 3}'
)


def pairs(*updated: str) -> str:
    return HEAD + ', "shoe_pairs": [' + ", ".join(PAIR % u for u in updated) + "]}"


BAD = [
    ("truncated", HEAD + ', "assessments": [', "not valid JSON"),
    ("extra data", HEAD + "} []", "extra data after the export"),
    ("not an object", "[1, 2]", "expected '{'"),
    ("empty object", "{}", "not a footback export"),
    (
        "records before the header",
        '{"assessments": [], "format": "footback-export"}',
        "not a footback export",
    ),
    ("records before version", '{"format": "footback-export", "assessments": []}', "version None"),
    ("field twice", HEAD + ', "plan": null, "plan": null}', "appears twice"),
    ("unknown version", '{"format": "footback-export", "version": 7, "schema": 3}', "version 7"),
    ("a record not an object", HEAD + ', "stretch_sessions": [3]}', "stretch_sessions[0]: must be an object"),
    ("unknown record field", HEAD + ', "shoe_pairs": [{"name": "x", "wings": 2}]}', "unknown field 'wings'"),
    ("missing required", HEAD + ', "shoe_pairs": [{"name": "x"}]}', "shoe_type: is missing"),
    (
        "json column not json",
        HEAD + ', "stretch_sessions": [{"started_at": "2025-01-01T00:00:00+00:00", "routine": "r",'
        ' "planned_seconds": 1,'
        ' "actual_seconds": 1, "steps_done": 1, "steps_skipped": 0, "finished": 1, "detail": 3}]}',
        "detail: must be a JSON object",
    ),
    ("plan not text", HEAD + ', "plan": 3}', "plan: must be the plan's TOML text"),
    ("plan not toml", HEAD + ', "plan": "= ="}', "plan: invalid TOML"),
    ("pair twice", pairs("2025-01-01T00:00:00+00:00", "2025-01-01T00:00:00+00:00"), "twice"),
    ("nested too deeply", HEAD + ', "plan": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
    ("field name not text", "{3: 4}", "not valid JSON"),
    (
        "check of an unknown pair",
        HEAD
        + ', "shoe_checks": [{"pair": "ghost", "created_at": "2025-01-01T00:00:00+00:00", "verdict": "good",'
        ' "score": 100, "answers": {}, "result": {}}]}',
        "shoe_checks[0]: result",
    ),
]


@pytest.mark.parametrize(("what", "content", "words"), BAD, ids=[b[0] for b in BAD])
def test_a_malformed_export_is_one_line_and_stores_nothing(
    home: Path, tmp_path: Path, what: str, content: str, words: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["import", str(bad)])
    assert result.exit_code == 2, (what, result.output)
    assert result.stderr.count("\n") == 1 and words in result.stderr, result.stderr
    assert not db_path(home).exists() and not home.exists()


def test_not_utf8_a_folder_and_a_missing_file(home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(HEAD.encode() + b', "plan": "\xff"}')
    assert "not valid UTF-8" in runner.invoke(app, ["import", str(bad)]).stderr
    assert "is a folder" in runner.invoke(app, ["import", str(tmp_path)]).stderr
    assert "no such file" in runner.invoke(app, ["import", str(tmp_path / "none.json")]).stderr


def test_an_export_read_from_a_fifo(home: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(HEAD + ', "plan": null}', encoding="utf-8"))
    writer.start()
    result = runner.invoke(app, ["import", str(fifo)])
    writer.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_newer_pair_updates_the_stored_one(home: Path, tmp_path: Path) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(pairs("2025-01-01T00:00:00+00:00"), encoding="utf-8")
    new.write_text(pairs("2025-02-01T00:00:00+00:00"), encoding="utf-8")
    assert runner.invoke(app, ["import", str(old)]).exit_code == 0
    assert "1 shoe pair updated" in runner.invoke(app, ["import", str(new)]).stdout
    assert "1 already stored" in runner.invoke(app, ["import", str(old)]).stdout


class Trickle:
    """A stream that hands out a few characters at a time, so values straddle chunk boundaries."""

    def __init__(self, text: str, step: int) -> None:
        self.data, self.step = io.StringIO(text), step

    def read(self, size: int, /) -> str:
        return self.data.read(min(size, self.step))


@pytest.mark.parametrize("step", [1, 2, 7, CHUNK])
def test_values_split_across_reads_are_read_whole(step: int) -> None:
    reader = ExportReader(Trickle('{"version": 12345, "rows": [1, {"a": [2, 3]}, "x"]} ', step), "f")
    got = {}
    for key, _ in reader.entries():
        got[key] = reader.value() if key == "version" else list(reader.records(key))
    assert got == {"version": 12345, "rows": [1, {"a": [2, 3]}, "x"]}


def test_nan_and_infinity_are_refused_by_the_reader() -> None:
    for literal in ("NaN", "Infinity", "-Infinity"):
        reader = ExportReader(io.StringIO(literal), "f")
        with pytest.raises(BadInputError, match="not a number JSON allows"):
            reader.value()
