"""A hostile config file (wrong types, unknown keys, huge values, escapes, not TOML, not a file) and
hostile environment variables: every command is one line and exit 2, or runs; nothing raw, no crash.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.hostile import EVIL, clean, digest, invoke, refused

# Every command that reads the config, run with each bad config below.
USERS: list[list[str]] = [
    ["config"],
    ["config", "--json"],
    ["history"],
    ["stretch", "--preview"],
    ["checkin", "--foot", "1", "--back", "1"],
    ["shoes-check", "--list"],
    ["plan", "--no-save"],
    ["progress"],
]

# (config file bytes, words the error line must name)
BAD_CONFIGS: list[tuple[bytes, tuple[str, ...]]] = [
    (b"units = 5\n", ("units",)),
    (b'units = "parsecs"\n', ("units",)),
    (b'lead_in = "3"\n', ("lead_in",)),
    (b"lead_in = -1\n", ("lead_in",)),
    (b"lead_in = 1e309\n", ("lead_in",)),
    (b"lead_in = nan\n", ("lead_in",)),
    (b"lead_in = 99999999999999999999\n", ("config",)),
    (b"lead_in = 3.0\n", ("lead_in",)),
    (b'sound = "yes"\n', ("sound",)),
    (b"color = 1\n", ("color",)),
    (b"voice = []\n", ("voice",)),
    (b"wait_for_enter = {}\n", ("wait_for_enter",)),
    (b'default_routine = "' + b"x" * 500 + b'"\n', ("default_routine",)),
    (b"default_routine = 5\n", ("default_routine",)),
    (b'body_units = "cubits"\n', ("body_units",)),
    (b"bogus = 1\n", ("unknown setting",)),
    (b'"\x1b]0;pwned\x07" = 1\n', ("invalid toml", "\\x1b")),
    (b'"\\u001b]0;pwned" = 1\n', ("unknown setting", "\\x1b")),
    (b"units = '\x1b]0;pwned\x07'\n", ("invalid toml", "\\x1b")),
    (b"[units]\nkm = 1\n", ("units",)),
    (b"units = \n", ("invalid toml",)),
    (b"\xff\xfe not utf-8\n", ("utf-8",)),
    (b"a = " + b"[" * 5000 + b"]" * 5000 + b"\n", ("config",)),
    (b"x" * 70_000, ("larger",)),
    (b"\x00\x00\x00", ("config",)),
]


@pytest.mark.parametrize(("content", "words"), BAD_CONFIGS, ids=[repr(c[:24]) for c, _ in BAD_CONFIGS])
def test_a_bad_config_is_one_line_naming_the_key(
    seeded: Path, tmp_path: Path, content: bytes, words: tuple[str, ...]
) -> None:
    (tmp_path / "config.toml").write_bytes(content)
    before = digest(seeded)
    for args in USERS:
        refused(invoke(args), *words)
    assert digest(seeded) == before


@pytest.mark.parametrize("kind", ["folder", "fifo", "dangling link", "unreadable-name"])
def test_a_config_path_that_is_not_a_file(seeded: Path, tmp_path: Path, kind: str) -> None:
    config = tmp_path / "config.toml"
    if kind == "folder":
        config.mkdir()
    elif kind == "fifo":
        os.mkfifo(config)
    elif kind == "dangling link":
        config.symlink_to(tmp_path / "nowhere.toml")
    else:
        config = tmp_path / f"{EVIL}.toml"
        config.mkdir()
    for args in USERS[:4]:
        clean(invoke(args, env={"FOOTBACK_CONFIG": str(config)}), codes=(0, 2))


ENVIRONMENTS: list[dict[str, str | None]] = [
    {"COLUMNS": "5"},
    {"COLUMNS": "0"},
    {"COLUMNS": "-1"},
    {"COLUMNS": "abc"},
    {"COLUMNS": "99999999999999999999"},
    {"LINES": "0", "COLUMNS": "1"},
    {"TERM": "dumb", "NO_COLOR": "1"},
    {"TERM": EVIL},
    {"NO_COLOR": ""},
    {"FORCE_COLOR": "1", "NO_COLOR": None, "TERM": "xterm-256color"},
    {"TZ": "Nowhere/Atlantis"},
    {"TZ": "UTC-14"},
    {"TZ": "UTC+12"},
    {"LANG": "C", "LC_ALL": "C"},
    {"FOOTBACK_HOME": ""},
    {"FOOTBACK_CONFIG": ""},
    {"HOME": "/nonexistent"},
]
COMMANDS: list[list[str]] = [
    ["history"],
    ["progress"],
    ["plan", "--no-save"],
    ["shoes-check", "--list"],
    ["stretch", "--preview", "--routine", "feet"],
    ["stretch", "--list"],
    ["assess", "--last"],
    ["due"],
    ["config"],
    ["report"],
    ["checkin", "--foot", "2", "--back", "2", "--note", "ok"],
]


@pytest.mark.parametrize("env", ENVIRONMENTS, ids=[repr(e)[:40] for e in ENVIRONMENTS])
def test_odd_environments_never_crash(seeded: Path, env: dict[str, str | None]) -> None:
    for args in COMMANDS:
        clean(invoke(args, env=env), codes=(0, 1, 2))


def test_a_config_value_with_a_bidi_override_is_shown_escaped(seeded: Path, tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('default_routine = "\\u202eevil"\n', encoding="utf-8")
    refused(invoke(["config"]), "default_routine", "\\u202eevil")
    refused(invoke(["stretch", "--preview"]), "default_routine", "\\u202eevil")
