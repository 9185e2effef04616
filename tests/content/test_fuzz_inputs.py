"""Hostile answers and config files: never a traceback, always exit 2 with one line, nothing stored."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footback.cli.app import app
from footback.core.paths import DB_NAME
from tests.support.runner import CliRunner

runner = CliRunner()

HOSTILE_TEXT = st.sampled_from(
    [
        "[bold red]x[/]",
        "\x1b[2J\x1b[31mred",
        "\x07\x1b]0;title\x07",
        "a" * 5000,
        "\u202eevil",
        "",
        "foot_pain",
    ]
)
SCALARS = st.one_of(
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=50),
    HOSTILE_TEXT,
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)
KEYS = st.one_of(
    st.sampled_from(["foot_pain", "rf_fever", "foot_pain_areas", "standing_hours", "age"]),
    st.text(max_size=30),
    HOSTILE_TEXT,
)


def check_rejected(result_exit: int, stderr: str, home: Path) -> None:
    assert result_exit == 2, stderr
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("footback: error: ")
    assert "\x1b" not in lines[0]
    assert not (home / DB_NAME).exists()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(KEYS, VALUES, min_size=1, max_size=4))
def test_hostile_json_answers_are_rejected_cleanly(
    tmp_path: Path, home: Path, doc: dict[str, object]
) -> None:
    # A mapping that happens to be valid and complete is not hostile; make sure at least one entry is bad.
    doc = {**doc, "rf_fever": "\x1b[31m[bold]yes"}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(doc, allow_nan=True), encoding="utf-8")
    result = runner.invoke(app, ["assess", "--answers", str(path), "--json"])
    check_rejected(result.exit_code, result.stderr, home)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_random_bytes_as_toml_answers_are_rejected_cleanly(tmp_path: Path, home: Path, blob: bytes) -> None:
    path = tmp_path / "answers.toml"
    path.write_bytes(b"rf_fever = 3\n" + blob)
    result = runner.invoke(app, ["assess", "--answers", str(path)])
    check_rejected(result.exit_code, result.stderr, home)


def test_deep_nesting_and_huge_files_are_rejected_cleanly(tmp_path: Path, home: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    for path in (deep,):
        result = runner.invoke(app, ["assess", "--answers", str(path)])
        check_rejected(result.exit_code, result.stderr, home)
    deep_toml = tmp_path / "deep.toml"
    deep_toml.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    result = runner.invoke(app, ["assess", "--answers", str(deep_toml)])
    check_rejected(result.exit_code, result.stderr, home)
    huge = tmp_path / "huge.toml"
    huge.write_text('foot_pain = "' + "x" * 2_000_000 + '"\n', encoding="utf-8")
    result = runner.invoke(app, ["assess", "--answers", str(huge)])
    check_rejected(result.exit_code, result.stderr, home)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.dictionaries(
        st.one_of(st.sampled_from(["units", "sound", "lead_in", "color"]), st.text(max_size=20)),
        VALUES,
        min_size=1,
        max_size=3,
    )
)
def test_hostile_config_files_are_rejected_cleanly(
    tmp_path: Path, home: Path, doc: dict[str, object]
) -> None:
    doc = {**doc, "lead_in": "\x1b[31m[red]3"}
    path = tmp_path / "config.json.toml"
    body = "\n".join(
        f"{json.dumps(str(k))} = {json.dumps(v)}"
        for k, v in doc.items()
        if isinstance(v, str | bool | int) and not isinstance(v, float)
    )
    path.write_text(body + "\n", encoding="utf-8")
    result = runner.invoke(app, ["config"], env={"FOOTBACK_CONFIG": str(path)})
    check_rejected(result.exit_code, result.stderr, home)
