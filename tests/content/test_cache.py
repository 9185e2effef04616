"""The content cache: plain JSON of validated content, read back only while fresh."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from footback.assess.content import AssessContent, load_assess_content
from footback.content.cache import encode, piece, read_piece, recording
from footback.content.loader import Sources, data_bytes, sources


def _write(path: Path, kept: dict[str, Any]) -> Path:
    path.write_text(json.dumps(kept), encoding="utf-8")
    return path


@pytest.fixture
def assess_piece(tmp_path: Path) -> Path:
    load_assess_content.cache_clear()
    sources.cache_clear()
    with recording() as read:
        content = load_assess_content()
    assert "assess/scoring.toml" in read and "sources.toml" in read  # what it came from was noted
    return _write(tmp_path / "assess.json", piece(content, read, data_bytes))


def test_a_fresh_piece_reads_back_equal_to_the_content_loaded(assess_piece: Path) -> None:
    kept = read_piece(assess_piece, AssessContent, data_bytes)
    assert kept is not None
    assert kept == load_assess_content()
    assert kept.model_fields_set == load_assess_content().model_fields_set
    # The models made from the cache are the models a run works with (not dicts).
    question = kept.questions.questions[0]
    assert type(question) is type(load_assess_content().questions.questions[0])


@pytest.mark.parametrize("changed", ["assess/scoring.toml", "sources.toml"])
def test_a_piece_whose_content_file_changed_is_not_read(assess_piece: Path, changed: str) -> None:
    def edited(rel: str) -> bytes:
        return data_bytes(rel) + (b"\n" if rel == changed else b"")

    assert read_piece(assess_piece, AssessContent, edited) is None


def test_a_piece_whose_model_code_changed_is_not_read(assess_piece: Path) -> None:
    kept = json.loads(assess_piece.read_text(encoding="utf-8"))
    assert "assess/content.py" in kept["code"]  # the module that defines AssessContent
    kept["code"]["assess/content.py"] = "0" * 64
    assert read_piece(_write(assess_piece, kept), AssessContent, data_bytes) is None


def test_a_piece_of_another_format_or_kind_is_not_read(assess_piece: Path) -> None:
    assert read_piece(assess_piece, Sources, data_bytes) is None  # not what was asked for
    kept = json.loads(assess_piece.read_text(encoding="utf-8"))
    kept["format"] += 1
    assert read_piece(_write(assess_piece, kept), AssessContent, data_bytes) is None


@pytest.mark.parametrize(
    "value",
    [
        ["m", "pathlib:Path", {}, []],  # not footback's
        ["m", "footback.core.errors:ContentError", {}, []],  # footback's, but not a model
        ["e", "os:system", "true"],
        ["m", "footback.content.loader:Sources", {"sources": ["x", []]}, []],  # an unknown tag
    ],
)
def test_a_piece_that_names_anything_but_footbacks_models_is_refused(tmp_path: Path, value: Any) -> None:
    path = _write(tmp_path / "odd.json", {"format": 1, "data": {}, "code": {}, "value": value})
    assert read_piece(path, object, data_bytes) is None


def test_a_missing_or_broken_piece_is_not_read(tmp_path: Path) -> None:
    assert read_piece(tmp_path / "none.json", object, data_bytes) is None
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    assert read_piece(tmp_path / "broken.json", object, data_bytes) is None


def test_only_plain_data_and_models_are_written() -> None:
    assert encode({"a": (1, 2.5, None), "b": frozenset({"x"})}, set()) == {
        "a": ["t", [1, 2.5, None]],
        "b": ["f", ["x"]],
    }
    assert encode({3: ["x"]}, set()) == ["k", [[3, ["l", ["x"]]]]]  # a key that is not text
    with pytest.raises(TypeError):
        encode(Path("data"), set())
    with pytest.raises(TypeError):
        encode(object(), set())
