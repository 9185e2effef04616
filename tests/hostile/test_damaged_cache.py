"""A damaged piece of the content cache beside the package is never a crash and never read
beyond footback's own files: it is ignored and the TOML is loaded (`content/cache.py`)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest

from footback.content.cache import PACKAGE, read_piece


def _piece(tmp_path: Path, value: Any, **digests: dict[str, str]) -> Path:
    path = tmp_path / "piece.json"
    body = {"format": 1, "data": digests.get("data", {}), "code": digests.get("code", {}), "value": value}
    path.write_text(json.dumps(body), encoding="utf-8")
    return path


def _no_data(rel: str) -> bytes:
    raise AssertionError(f"read {rel}")


@pytest.mark.parametrize(
    "value",
    [[], ["l", [[]]], ["m"], ["e"], ["k", [[]]], ["m", "footback.content.loader:Sources", {}]],
    ids=["empty", "empty inside", "model cut short", "enum cut short", "pair cut short", "no fields set"],
)
def test_a_node_cut_short_is_ignored(tmp_path: Path, value: Any) -> None:
    assert read_piece(_piece(tmp_path, value), object, _no_data) is None


def test_a_piece_nested_past_the_stack_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    depth = 100_000
    path.write_text(
        '{"format": 1, "data": {}, "code": {}, "value": ' + '["l", [' * depth + "]]" * depth + "}",
        encoding="utf-8",
    )
    assert read_piece(path, object, _no_data) is None


def test_a_code_path_out_of_the_package_is_never_read(tmp_path: Path) -> None:
    outside = tmp_path / "evil.py"
    outside.write_bytes(b"x = 1\n")
    rel = os.path.relpath(outside, PACKAGE)
    assert rel.startswith("..")
    sha = hashlib.sha256(outside.read_bytes()).hexdigest()
    # Its digest matches: read, it would pass as fresh; it must not be read at all.
    for name in (rel, str(outside)):
        assert read_piece(_piece(tmp_path, 1, code={name: sha}), object, _no_data) is None


@pytest.mark.parametrize("rel", ["../../evil.toml", "/dev/zero", "assess/../../x.toml", "a//b.toml", "x.py"])
def test_a_data_path_out_of_data_is_never_read(tmp_path: Path, rel: str) -> None:
    sha = hashlib.sha256(b"").hexdigest()
    read: list[str] = []

    def data(name: str) -> bytes:
        read.append(name)
        return b""

    assert read_piece(_piece(tmp_path, 1, data={rel: sha}), object, data) is None
    assert read == []


def test_a_plain_data_path_is_read_and_a_fresh_piece_kept(tmp_path: Path) -> None:
    sha = hashlib.sha256(b"").hexdigest()
    assert read_piece(_piece(tmp_path, 1, data={"assess/scoring.toml": sha}), int, lambda rel: b"") == 1
