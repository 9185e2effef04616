"""Hostile routine files and config files, through the real CLI.

A routine file is the one place where someone else's text (a file shared online) reaches the
screen, so it is fuzzed hardest: wrong types, huge numbers, deep nesting, invalid UTF-8, rich
markup and terminal escape sequences, very long strings, too many steps. The rules:

- never a traceback;
- a file footback refuses exits 2 with exactly one stderr line `footback: error: ...` that
  carries no control characters (ESC, BEL, CSI) and stores nothing;
- a file footback accepts is shown literally: markup stays as typed, control characters arrive
  as visible `\\x1b`-style text, and nothing in the output can drive the terminal.

`test_fuzz_inputs.py` fuzzes answers files and the config file through `footback config`;
here the config file is fuzzed through every other command that reads it.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from footback.cli.app import app
from footback.core.paths import DB_NAME
from footback.core.text import safe_block, safe_line
from tests.support.context import Cli
from tests.support.helpers import no_problem_answers
from tests.support.runner import CliRunner

runner = CliRunner()
PLAY = ["stretch", "--plain", "--speed", "100", "--lead-in", "0", "--quiet", "--file"]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# Anything that could move the cursor, change colours, ring, retitle the window or reorder text.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

HOSTILE_TEXT = st.sampled_from(
    [
        "[bold red]x[/]",
        "[/]",
        "[link=file:///etc/passwd]click[/link]",
        "[on red]" * 20,
        "\x1b[2J\x1b[H",
        "\x1b]0;pwned\x07",
        "\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\",
        "\x9b31m",
        "\x07\x08\x7f\x00",
        "\u202eevil",
        "tab\there\r\nnew line",
        ":smile: :thumbs_up:",
        "🦶 fuß",
        "a" * 5000,
        "",
        " ",
    ]
)
TEXT = st.one_of(
    st.text(max_size=40),
    HOSTILE_TEXT,
    st.tuples(st.text(max_size=8), HOSTILE_TEXT, st.text(max_size=8)).map("".join),
)
INTS = st.one_of(
    st.integers(min_value=-5, max_value=700),
    st.sampled_from([0, 1, 600, 601, 7200, 2**63 - 1, -(2**63), 10**40]),
)
SCALARS = st.one_of(
    st.booleans(),
    INTS,
    st.floats(allow_nan=True, allow_infinity=True),
    TEXT,
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)
STEP_FIELDS = [
    "name",
    "seconds",
    "instructions",
    "reps",
    "rest",
    "each_side",
    "equipment",
    "cues",
    "sources",
    "evidence",
    "note",
]
ROUTINE_FIELDS = ["name", "description", "caution", "switch_seconds", "include", "steps"]
CUE = st.fixed_dictionaries({"at": st.one_of(st.integers(-1, 30), st.floats(allow_nan=True)), "text": TEXT})
STEP = st.fixed_dictionaries(
    {"name": TEXT, "seconds": INTS, "instructions": TEXT},
    optional={
        "reps": INTS,
        "rest": INTS,
        "each_side": st.booleans(),
        "equipment": st.lists(TEXT, max_size=3),
        "cues": st.lists(CUE, max_size=3),
        "sources": st.lists(st.one_of(TEXT, st.just("acsm_stretching")), max_size=3),
        "evidence": st.sampled_from(["expert opinion", "strong", ""]),
        "note": TEXT,
    },
)
# Valid by construction (within every limit), with the hostile text kept short enough to fit.
SHORT_HOSTILE = HOSTILE_TEXT.filter(lambda text: 0 < len(text) <= 40)
# Not blank once made safe: list items are checked after that and refuse it (see the report
# on blank names: a blank step name is accepted and shown as nothing).
FITS = st.one_of(
    st.text(min_size=1, max_size=20),
    SHORT_HOSTILE,
    st.tuples(SHORT_HOSTILE, st.text(max_size=10)).map("".join),
).filter(lambda text: safe_line(text) != "")


@st.composite
def valid_steps(draw: st.DrawFn) -> dict[str, Any]:
    seconds = draw(st.integers(1, 20))
    return {
        "name": draw(FITS),
        "seconds": seconds,
        "reps": draw(st.integers(1, 3)),
        "rest": draw(st.integers(0, 3)),
        "each_side": draw(st.booleans()),
        "instructions": draw(FITS),
        "equipment": draw(st.lists(FITS, max_size=2)),
        "cues": draw(
            st.lists(st.fixed_dictionaries({"at": st.integers(0, seconds - 1), "text": FITS}), max_size=2)
        ),
        "sources": draw(st.lists(FITS, max_size=2)),
        "note": draw(FITS),
    }


VALID_ROUTINE = st.fixed_dictionaries(
    {
        "name": FITS,
        "description": FITS,
        "caution": FITS,
        "switch_seconds": st.integers(0, 10),
        "steps": st.lists(valid_steps(), min_size=1, max_size=4),
    }
)
# A mostly well-shaped step with some fields overwritten by anything at all, or extra fields.
HOSTILE_STEP = st.tuples(
    STEP, st.dictionaries(st.one_of(st.sampled_from(STEP_FIELDS), TEXT), VALUES, max_size=2)
).map(lambda pair: {**pair[0], **pair[1]})
ROUTINE = st.fixed_dictionaries(
    {"name": TEXT, "description": TEXT, "steps": st.lists(st.one_of(STEP, HOSTILE_STEP), max_size=4)},
    optional={
        "caution": TEXT,
        "switch_seconds": INTS,
        "include": st.lists(
            st.sampled_from(["feet", "back", "full", "nope", "../../etc/passwd"]), max_size=2
        ),
    },
)
HOSTILE_ROUTINE = st.tuples(
    ROUTINE, st.dictionaries(st.one_of(st.sampled_from(ROUTINE_FIELDS), TEXT), VALUES, max_size=2)
).map(lambda pair: {**pair[0], **pair[1]})


# ------------------------------------------------------------------ writing TOML


def toml_string(text: str) -> str:
    """A TOML basic string: every control character escaped, everything else as is."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_string(str(k))} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


def toml_doc(doc: dict[str, Any]) -> str:
    return "".join(f"{toml_string(key)} = {toml_value(value)}\n" for key, value in doc.items())


# ------------------------------------------------------------------ checks


def squash(text: str) -> str:
    """Text without any whitespace, so rich's wrapping cannot hide a match."""
    return "".join(text.split())


def check_refused(exit_code: int, stderr: str, home: Path) -> None:
    assert exit_code == 2, stderr
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("footback: error: ")
    assert "\x1b" not in lines[0]
    assert not CONTROL.search(lines[0]), repr(lines[0])
    assert not (home / DB_NAME).exists()


def check_shown_literally(output: str, doc: dict[str, Any]) -> None:
    """Accepted text shows as typed (after the documented escaping) and nothing can drive the terminal."""
    assert "Traceback" not in output
    assert not CONTROL.search(output), repr(CONTROL.search(output))
    shown = squash(output)
    assert squash(safe_line(doc["name"])) in shown
    for step in doc.get("steps", []):
        assert squash(safe_line(step["name"])) in shown


# ------------------------------------------------------------------ routine files


@FUZZ
@given(doc=st.one_of(ROUTINE, HOSTILE_ROUTINE))
@example(
    doc={
        "name": "[/]",
        "description": "[bold]",
        "steps": [{"name": "[/]", "seconds": 1, "instructions": "[/x]"}],
    }
)
@example(
    doc={
        "name": "\x1b]0;pwned\x07",
        "description": "\x1b[2J",
        "steps": [{"name": "x", "seconds": 1, "instructions": "i", "\x1b[2Jevil": 1}],
    }
)
@example(doc={"name": "x", "description": "d", "\x1b[31mred": 1, "steps": []})
def test_hostile_routine_files_preview_cleanly(
    tmp_path: Path, home: Path, cli: Cli, doc: dict[str, Any]
) -> None:
    path = tmp_path / "routine.toml"
    path.write_text(toml_doc(doc), encoding="utf-8")

    result = cli.invoke(["stretch", "--file", str(path), "--preview"])

    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if result.exit_code != 0:
        check_refused(result.exit_code, result.stderr, home)
        return
    check_shown_literally(result.stdout, doc)
    for step in doc.get("steps", []):
        assert squash(safe_block(step["instructions"])) in squash(result.stdout)
    assert not (home / DB_NAME).exists()  # a preview stores nothing

    played = cli.invoke(
        [
            "stretch",
            "--file",
            str(path),
            "--plain",
            "--speed",
            "100",
            "--lead-in",
            "0",
            "--quiet",
            "--no-save",
        ],
    )
    assert played.exit_code == 0, (played.stdout, played.stderr)
    check_shown_literally(played.stdout, doc)
    assert f"Routine done: {safe_line(doc['name'])}" in played.stdout.splitlines()
    assert "\a" not in played.stdout  # --quiet, and output that is not a terminal never rings
    assert not (home / DB_NAME).exists()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=VALID_ROUTINE)
def test_valid_routine_files_show_hostile_text_literally(
    tmp_path: Path, home: Path, cli: Cli, doc: dict[str, Any]
) -> None:
    path = tmp_path / "routine.toml"
    path.write_text(toml_doc(doc), encoding="utf-8")

    preview = cli.invoke(["stretch", "--file", str(path), "--preview"])
    assert preview.exit_code == 0, preview.stderr
    check_shown_literally(preview.stdout, doc)
    shown = squash(preview.stdout)
    assert squash(safe_block(doc["caution"])) in shown
    for step in doc["steps"]:
        for line in [*safe_block(step["instructions"]).split("\n"), *safe_block(step["note"]).split("\n")]:
            assert squash(line) in shown
        for text in step["equipment"] + step["sources"]:
            assert squash(safe_line(text)) in shown

    played = cli.invoke(
        [
            "stretch",
            "--file",
            str(path),
            "--plain",
            "--speed",
            "100",
            "--lead-in",
            "0",
            "--quiet",
            "--no-save",
        ],
    )
    assert played.exit_code == 0, played.stderr
    check_shown_literally(played.stdout, doc)
    for step in doc["steps"]:
        for cue in step["cues"]:
            assert squash(safe_line(cue["text"])) in squash(played.stdout)
    assert f"Routine done: {safe_line(doc['name'])}" in played.stdout.splitlines()
    assert "\a" not in played.stdout
    assert not (home / DB_NAME).exists()


def test_a_hostile_name_is_saved_and_listed_as_shown(tmp_path: Path, home: Path, cli: Cli) -> None:
    # Saved under its safe name, so history and reports can never replay the escapes either.
    path = tmp_path / "routine.toml"
    name = "[bold]\x1b[2J\x1b]0;pwned\x07[/]"
    steps = [{"name": "[/]\x9b31m", "seconds": 2, "instructions": "i"}]
    path.write_text(toml_doc({"name": name, "description": "d", "steps": steps}), encoding="utf-8")
    played = cli.invoke(["stretch", "--file", str(path), "--plain", "--lead-in", "0", "--quiet"])
    assert played.exit_code == 0, played.stderr
    history = cli.invoke(["history"])
    assert history.exit_code == 0, history.stderr
    assert "[bold]\\x1b[2J\\x1b]0;pwned\\x07[/]" in history.stdout
    assert not CONTROL.search(history.stdout)
    report = cli.invoke(["report"])
    assert not CONTROL.search(report.stdout + report.stderr)


@FUZZ
@given(blob=st.binary(max_size=400))
@example(blob=b"\xff\xfe")
@example(blob=b'name = "\xc3\x28"\n')
@example(blob=b"\x00" * 50)
def test_random_bytes_as_a_routine_file(tmp_path: Path, home: Path, blob: bytes) -> None:
    path = tmp_path / "routine.toml"
    # A valid start, so the random tail is what decides.
    path.write_bytes(b'name = "x"\ndescription = "d"\n' + blob)
    result = runner.invoke(app, ["stretch", "--file", str(path), "--preview"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if result.exit_code != 0:
        check_refused(result.exit_code, result.stderr, home)
    else:  # the tail happened to add valid steps
        assert not CONTROL.search(result.stdout)


def _steps(count: int, seconds: int = 1) -> str:
    return "".join(
        f'[[steps]]\nname = "s{i}"\nseconds = {seconds}\ninstructions = "i"\n' for i in range(count)
    )


HEAD = 'name = "x"\ndescription = "d"\n'
EDGE_CASES = {
    "invalid UTF-8": HEAD.encode() + b'[[steps]]\nname = "\xff\xfe"\nseconds = 1\ninstructions = "i"\n',
    "UTF-16 file": (HEAD + _steps(1)).encode("utf-16"),
    "101 steps": (HEAD + _steps(101)).encode(),
    "101 steps with include": (HEAD + 'include = ["feet"]\n' + _steps(97)).encode(),
    "over two hours": (HEAD + _steps(13, seconds=600)).encode(),
    "seconds = 10**40": (
        HEAD + "[[steps]]\nname = 'a'\nseconds = " + "9" * 40 + "\ninstructions = 'i'\n"
    ).encode(),
    "seconds = inf": (HEAD + "[[steps]]\nname = 'a'\nseconds = inf\ninstructions = 'i'\n").encode(),
    "seconds = nan": (HEAD + "[[steps]]\nname = 'a'\nseconds = nan\ninstructions = 'i'\n").encode(),
    "seconds = 1.5": (HEAD + "[[steps]]\nname = 'a'\nseconds = 1.5\ninstructions = 'i'\n").encode(),
    "seconds as a list": (HEAD + "[[steps]]\nname = 'a'\nseconds = [10]\ninstructions = 'i'\n").encode(),
    "reps = 10**6": (
        HEAD + "[[steps]]\nname = 'a'\nseconds = 1\nreps = 1000000\ninstructions = 'i'\n"
    ).encode(),
    "steps is a table": (HEAD + "[steps]\nname = 'a'\n").encode(),
    "steps is a string": (HEAD + "steps = 'all of them'\n").encode(),
    "name is a date": (b"name = 1979-05-27\ndescription = 'd'\n" + _steps(1).encode()),
    "deeply nested arrays": (HEAD + "x = " + "[" * 5000 + "]" * 5000 + "\n").encode(),
    "deeply nested tables": (HEAD + "x = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n").encode(),
    "deep dotted key": (HEAD + ".".join(["k"] * 3000) + " = 1\n").encode(),
    "very long name": (HEAD.replace('"x"', '"' + "n" * 100_000 + '"') + _steps(1)).encode(),
    "too big": (HEAD + "# " + "x" * 256_000 + "\n" + _steps(1)).encode(),
    "unknown include": (HEAD + 'include = ["../../etc/passwd"]\n').encode(),
    "empty file": b"",
    "only a BOM": b"\xef\xbb\xbf",
    "escape in a key": (HEAD + '"\\u001b[2J\\u001b]0;pwned\\u0007" = 1\n' + _steps(1)).encode(),
    "escape in a step key": (HEAD + _steps(1) + '"\\u009b31m" = 2\n').encode(),
    "cue outside the hold": (HEAD + _steps(1) + "cues = [{at = 5, text = 'late'}]\n").encode(),
}


@pytest.mark.parametrize("body", list(EDGE_CASES.values()), ids=list(EDGE_CASES))
def test_edge_case_routine_files_are_refused_with_one_line(tmp_path: Path, home: Path, body: bytes) -> None:
    path = tmp_path / "routine.toml"
    path.write_bytes(body)
    for args in (["--preview"], ["--plain", "--lead-in", "0", "--quiet"]):
        result = runner.invoke(app, ["stretch", "--file", str(path), *args])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        check_refused(result.exit_code, result.stderr, home)
        assert str(path) in result.stderr


@pytest.mark.parametrize("special", ["/dev/zero", "/dev/null", "folder", "missing.toml"])
def test_special_files_as_a_routine_are_refused_quickly(tmp_path: Path, home: Path, special: str) -> None:
    # /dev/zero never ends: it must be refused after the size limit, not read until memory runs out.
    path = Path(special) if special.startswith("/") else tmp_path / special
    if special == "folder":
        path.mkdir()
    result = runner.invoke(app, ["stretch", "--file", str(path), "--preview"])
    check_refused(result.exit_code, result.stderr, home)


@pytest.mark.parametrize("command", [["assess", "--answers"], ["shoes-check", "--answers"], ["import"]])
def test_dev_zero_as_any_input_file_is_refused(home: Path, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "/dev/zero"])
    check_refused(result.exit_code, result.stderr, home)


def test_a_file_name_with_escape_sequences_is_not_echoed_raw(tmp_path: Path, home: Path) -> None:
    path = tmp_path / "evil\x1b[2J\x1b]0;pwned\x07.toml"
    path.write_text('name = "x"\n', encoding="utf-8")
    result = runner.invoke(app, ["stretch", "--file", str(path), "--preview"])
    check_refused(result.exit_code, result.stderr, home)
    assert "evil\\x1b[2J\\x1b]0;pwned\\x07.toml" in result.stderr


# ------------------------------------------------------------------ config files, every reader


@pytest.fixture
def answers_files(tmp_path: Path) -> dict[str, Path]:
    assess = tmp_path / "answers.json"
    assess.write_text(json.dumps(no_problem_answers()), encoding="utf-8")
    shoes = tmp_path / "shoes.toml"
    shoes.write_text(runner.invoke(app, ["shoes-check", "--template"]).stdout, encoding="utf-8")
    return {"ASSESS": assess, "SHOES": shoes}


# Commands that read the config file (config itself is fuzzed in test_fuzz_inputs.py). Each must
# refuse a bad one before doing anything, so nothing is stored.
CONFIG_READERS = [
    ["assess", "--answers", "ASSESS"],
    ["shoes-check", "--answers", "SHOES", "--name", "road"],
    ["stretch", "--routine", "feet", "--preview"],
    ["history"],
    ["plan"],
]
# Commands that may or may not read it: whichever they do, never a traceback, never a mess.
OTHER_COMMANDS = [["report"], ["export"], ["shoes-check", "--list"], ["stretch", "--list"]]
CONFIG_KEYS = st.one_of(
    st.sampled_from(["units", "sound", "lead_in", "default_routine", "color"]), TEXT.filter(bool)
)
CONFIG_BYTES = st.one_of(
    st.dictionaries(CONFIG_KEYS, VALUES, min_size=1, max_size=3).map(
        lambda doc: toml_doc({**doc, "lead_in": "\x1b[31m[red]3"}).encode()  # at least one bad entry
    ),
    st.binary(max_size=200).map(lambda blob: b"units = 'mi'\n" + blob + b"\n= bad"),
    st.sampled_from(
        [
            "lead_in = " + "9" * 40 + "\n",
            "lead_in = inf\n",
            "units = 'furlongs'\n",
            "sound = 'yes'\n",
            "default_routine = '" + "x" * 5000 + "'\n",
            "default_routine = '\\u001b[2J'\ncolor = 1\n",
            "x = " + "[" * 5000 + "]" * 5000 + "\n",
            "[units]\nkm = true\n",
            "\x1b[2J = 1\n",
        ]
    ).map(str.encode),
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=CONFIG_BYTES, which=st.integers(min_value=0, max_value=len(CONFIG_READERS) - 1))
def test_a_bad_config_file_stops_every_reader_cleanly(
    tmp_path: Path, home: Path, answers_files: dict[str, Path], body: bytes, which: int
) -> None:
    config = tmp_path / "config.toml"
    config.write_bytes(body)
    args = [str(answers_files.get(a, a)) for a in CONFIG_READERS[which]]
    result = runner.invoke(app, args, env={"FOOTBACK_CONFIG": str(config)})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    check_refused(result.exit_code, result.stderr, home)
    assert str(config) in result.stderr


@pytest.mark.parametrize("command", OTHER_COMMANDS, ids=" ".join)
def test_a_bad_config_file_never_breaks_the_other_commands(
    tmp_path: Path, home: Path, command: list[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_bytes(b"lead_in = '\x1b[31m[red]3'\n\xff\xfe")
    result = runner.invoke(app, command, env={"FOOTBACK_CONFIG": str(config)})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if result.exit_code != 0:  # refused for the config, or for having nothing stored yet
        assert result.exit_code in (1, 2)
        (line,) = result.stderr.splitlines()
        assert line.startswith("footback: error: ") and not CONTROL.search(line)
    assert not (home / DB_NAME).exists()
