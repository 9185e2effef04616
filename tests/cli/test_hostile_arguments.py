"""Hostile arguments to every command and option: bad ones are one line, exit 2, nothing stored;
odd-but-valid ones work; none crash or echo a control character raw.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from footback.records.db import open_store
from tests.support.hostile import EVIL, clean, digest, invoke, refused

SURROGATE = "bad\udcff"
LONG = "x" * 5000

# Refused: (args, words the error line must contain). Each must leave the store as it was.
BAD: list[tuple[list[str], tuple[str, ...]]] = [
    # checkin: pain 0-10, dates, notes, signs
    (["checkin", "--foot", "nan", "--back", "1"], ("--foot",)),
    (["checkin", "--foot", "inf", "--back", "1"], ("--foot",)),
    (["checkin", "--foot", "1e309", "--back", "1"], ("--foot",)),
    (["checkin", "--foot", "-1", "--back", "1"], ("--foot",)),
    (["checkin", "--foot", "11", "--back", "1"], ("--foot",)),
    (["checkin", "--foot", "3.5", "--back", "1"], ("--foot",)),
    (["checkin", "--foot", "99999999999999999999999", "--back", "1"], ("--foot",)),
    (["checkin", "--foot", "", "--back", "1"], ("--foot",)),
    (["checkin", "--foot", EVIL, "--back", "1"], ("--foot",)),
    (["checkin", "--foot", "1", "--back", "2", "--date", "0000-01-01"], ("--date",)),
    (["checkin", "--foot", "1", "--back", "2", "--date", "9999-12-31"], ("--date",)),
    (["checkin", "--foot", "1", "--back", "2", "--date", "2026-02-30"], ("--date",)),
    (["checkin", "--foot", "1", "--back", "2", "--date", "2025-13-01"], ("--date",)),
    (["checkin", "--foot", "1", "--back", "2", "--date", "-1"], ("--date",)),
    (["checkin", "--foot", "1", "--back", "2", "--date", ""], ("--date",)),
    (["checkin", "--foot", "1", "--back", "2", "--date", EVIL], ("--date",)),
    (["checkin", "--foot", "1", "--back", "2", "--date", "0001-01-01"], ("--date",)),
    (["checkin", "--foot", "1", "--back", "2", "--note", EVIL], ("note",)),
    (["checkin", "--foot", "1", "--back", "2", "--note", LONG], ("note",)),
    (["checkin", "--foot", "1", "--back", "2", "--note", SURROGATE], ("note",)),
    (["checkin", "--foot", "1", "--back", "2", "--note", "line\nbreak"], ("note",)),
    (["checkin", "--foot", "1", "--back", "2", "--sign", "bogus"], ("sign",)),
    (["checkin", "--foot", "1", "--back", "2", "--sign", EVIL], ("sign",)),
    (["checkin", "--foot", "1", "--back", "2", "--sign", ""], ("sign",)),
    (["checkin", "--foot", "1"], ("--back",)),
    # plan levels
    (["plan", "--level", "0"], ("--level",)),
    (["plan", "--level", "-1"], ("--level",)),
    (["plan", "--level", "99"], ("--level",)),
    (["plan", "--level", "nan"], ("--level",)),
    (["plan", "--level", "1e309"], ("--level",)),
    (["plan", "--level", "2.5"], ("--level",)),
    (["plan", "--level", "99999999999999999999999"], ("--level",)),
    (["plan", "--level", EVIL], ("--level",)),
    # remind times and routines
    (["remind", "--ics", "{tmp}/r.ics", "--at", "24:00"], ("--at",)),
    (["remind", "--ics", "{tmp}/r.ics", "--at", "-1:00"], ("--at",)),
    (["remind", "--ics", "{tmp}/r.ics", "--at", "25:61"], ("--at",)),
    (["remind", "--ics", "{tmp}/r.ics", "--at", "07:60"], ("--at",)),
    (["remind", "--ics", "{tmp}/r.ics", "--at", ""], ("--at",)),
    (["remind", "--ics", "{tmp}/r.ics", "--at", EVIL], ("--at",)),
    (["remind", "--ics", "{tmp}/r.ics", "--at", "\u0667:\u0660\u0660"], ("--at",)),
    (["remind", "--ics", "{tmp}/r.ics", "--at", "07:00:00"], ("--at",)),
    (["remind", "--ics", "{tmp}/r.ics", "--at", "9999999999:00"], ("--at",)),
    (["remind", "--ics", "{tmp}/r.ics", "--routine", EVIL], ("routine",)),
    (["remind", "--ics", "{tmp}/r.ics", "--routine", LONG], ("routine",)),
    (["remind", "--ics", "{tmp}/r.ics", "--routine", "no-such-routine"], ("routine",)),
    (["remind", "--ics", "{tmp}/r.ics", "--routine", ""], ("routine",)),
    (["remind", "--ics", ""], ("--ics",)),
    (["remind", "--ics", "{tmp}"], ("folder",)),
    (["remind", "--ics", "{tmp}/missing/r.ics"], ("missing", "does not exist")),
    (["remind", "--ics", "{home}/footback.sqlite3"], ("footback",)),
    (["remind", "--ics", "{home}/plan.toml"], ("footback",)),
    (["remind", "--ics", "{home}/new.ics"], ("footback",)),
    # history
    (["history", "--since", "0000-01-01"], ("--since",)),
    (["history", "--since", "2026-02-30"], ("--since",)),
    (["history", "--since", "garbage"], ("--since",)),
    (["history", "--since", EVIL], ("--since",)),
    (["history", "--since", ""], ("--since",)),
    # shoes
    (["shoes-check", "--name", "trail runners", "--add-distance", "nan"], ("distance",)),
    (["shoes-check", "--name", "trail runners", "--add-distance", "inf"], ("distance",)),
    (["shoes-check", "--name", "trail runners", "--add-distance", "-inf"], ("distance",)),
    (["shoes-check", "--name", "trail runners", "--add-distance", "1e309"], ("distance",)),
    (["shoes-check", "--name", "trail runners", "--add-distance", "1e308km"], ("distance",)),
    (["shoes-check", "--name", "trail runners", "--add-distance", "-5"], ("distance",)),
    (["shoes-check", "--name", "trail runners", "--add-distance", "-0"], ("distance",)),
    (["shoes-check", "--name", "trail runners", "--add-distance", "0"], ("distance",)),
    (["shoes-check", "--name", "trail runners", "--add-distance", "5parsecs"], ("distance",)),
    (
        ["shoes-check", "--name", "trail runners", "--add-distance", "99999999999999999999999999km"],
        ("distance",),
    ),
    (["shoes-check", "--name", "trail runners", "--add-distance", EVIL], ("distance",)),
    (["shoes-check", "--name", "trail runners", "--add-distance", ""], ("distance",)),
    (["shoes-check", "--add-distance", "5km"], ("--name",)),
    (["shoes-check", "--name", "no such pair", "--add-distance", "5km"], ("no such pair",)),
    (["shoes-check", "--name", EVIL, "--add-distance", "5km"], ("name",)),
    (["shoes-check", "--name", "no such pair", "--undo"], ("no such pair",)),
    (["shoes-check", "--name", "no such pair", "--retire"], ("no such pair",)),
    (["shoes-check", "--name", EVIL, "--retire"], ("name",)),
    (["shoes-check", "--name", LONG, "--retire"], ("name",)),
    (["shoes-check", "--name", "", "--retire"], ("name",)),
    (["shoes-check", "--retire"], ("--name",)),
    (["shoes-check", "--undo"], ("--name",)),
    (["shoes-check", "--name", "office", "--undo"], ("undo",)),
    (["shoes-check", "--name", "office", "--retire", "--add-distance", "5km"], ("--retire",)),
    # stretch
    (["stretch", "--side", "middle", "--preview"], ("--side",)),
    (["stretch", "--side", EVIL, "--preview"], ("--side",)),
    (["stretch", "--speed", "nan", "--plain", "--no-save"], ("--speed",)),
    (["stretch", "--speed", "inf", "--plain", "--no-save"], ("--speed",)),
    (["stretch", "--speed", "0", "--plain", "--no-save"], ("--speed",)),
    (["stretch", "--speed", "1e309", "--plain", "--no-save"], ("--speed",)),
    (["stretch", "--lead-in", "-1", "--plain", "--no-save"], ("--lead-in",)),
    (["stretch", "--lead-in", "nan", "--plain", "--no-save"], ("--lead-in",)),
    (["stretch", "--lead-in", "1e309", "--plain", "--no-save"], ("--lead-in",)),
    (["stretch", "--routine", EVIL, "--preview"], ("routine",)),
    (["stretch", "--routine", "", "--preview"], ("routine",)),
    (["stretch", "--routine", LONG, "--preview"], ("routine",)),
    (["stretch", "--file", "{tmp}", "--preview"], ("folder",)),
    (["stretch", "--file", "{tmp}/" + EVIL, "--preview"], ("\\x1b",)),
    # report / export / import
    (["report", "--format", "xml"], ("--format",)),
    (["report", "--output", ""], ("--output",)),
    (["report", "--output", "{home}/footback.sqlite3"], ("footback",)),
    (["report", "--output", "{home}/plan.toml"], ("footback",)),
    (["report", "--output", "{home}"], ("folder",)),
    (["export", "--format", "yaml"], ("--format",)),
    (["export", "--output", "{home}/footback.sqlite3-wal"], ("footback",)),
    (["export", "--output", "{home}/x.json"], ("footback",)),
    (["export", "--output", "{tmp}/missing/x.json"], ("missing",)),
    (["import", "{tmp}/missing.json"], ("missing.json",)),
    (["import", "{tmp}"], ("folder",)),
    (["import", ""], ("folder",)),
    (["import", "{tmp}/" + EVIL], ("\\x1b",)),
    (["import", "{home}/footback.sqlite3"], ("utf-8",)),
    # assess / shoes answers files
    (["assess", "--answers", "{tmp}/" + EVIL, "--no-save"], ("\\x1b",)),
    (["assess", "--answers", "", "--no-save"], ("folder",)),
    (["shoes-check", "--answers", "{tmp}", "--no-save"], ("folder",)),
    # qa-cli: a file name longer than the system allows was a traceback
    (["export", "--output", "{tmp}/" + "n" * 300], ("--output", "too long")),
    (["report", "--output", "{tmp}/" + "n" * 300], ("--output", "too long")),
    (["remind", "--ics", "{tmp}/" + "n" * 300], ("--ics", "too long")),
    (["export", "--output", "{tmp}/" + "n" * 300 + "/x.json"], ("--output", "too long")),
    # qa-cli: --level was not checked with --no-save (exit 0 for any number)
    (["plan", "--level", "0", "--no-save"], ("--level", "1 to 6")),
    (["plan", "--level", "99", "--no-save", "--json"], ("--level", "1 to 6")),
    (["plan", "--review", "--level", "2"], ("--review", "--level", "not both")),
    # qa-cli: --json printed a bare path or a TOML file on stdout
    (["config", "--json", "--path"], ("--path", "--json", "not both")),
    (["assess", "--template", "--json"], ("--template", "without --json")),
    (["assess", "--template", "--schema"], ("--template", "without --schema")),
    (["shoes-check", "--template", "--json"], ("--template", "without --json")),
    (["shoes-check", "--template", "--schema"], ("--template", "without --schema")),
    # qa-cli: a control character was quoted twice ('a\\x09b'); docs/data.md shows it once
    (["history", "--since", "a\tb"], ("'a\\x09b'",)),
    (["checkin", "--foot", "1", "--back", "2", "--date", "\x1b[2J"], ("'\\x1b[2J'",)),
    (["stretch", "--routine", "\x7f", "--preview"], ("'\\x7f'",)),
    # qa-cli: a name right but for its case gets a did-you-mean; `FEET` is not a path
    (["stretch", "--routine", "FEET", "--preview"], ("unknown routine 'FEET'", "did you mean 'feet'")),
    (["checkin", "--foot", "1", "--back", "2", "--sign", "RF_FEVER"], ("did you mean 'rf_fever'",)),
    (["report", "--format", "HTML"], ("did you mean html",)),
    (["export", "--format", "JSON"], ("did you mean json",)),
    # qa-cli: a missing option value pointed at `footback --help`, not the command's
    (["history", "--since"], ("requires an argument", "footback history --help")),
    (["report", "-o"], ("requires an argument", "footback report --help")),
    # unknown commands and options are usage errors, shown escaped
    ([EVIL], ("no such command",)),
    (["history", "--" + EVIL], ("no such option",)),
    (["history", "--since"], ("--since",)),
]

# Odd but acceptable, or at least never a crash: (args).
ODD: list[list[str]] = [
    [
        "checkin",
        "--foot",
        "0",
        "--back",
        "10",
        "--note",
        "caf\u00e9 \U0001f9b6 \u05e9\u05dc\u05d5\u05dd \u4e2d\u6587",
    ],
    ["checkin", "--foot", "+3", "--back", "03"],
    ["checkin", "--foot", "1", "--back", "-0.0"],
    ["checkin", "--foot", " 3", "--back", "3 "],
    ["checkin", "--foot", "\uff13", "--back", "3"],
    ["remind", "--ics", "{tmp}/r.ics", "--at", "7:05"],
    ["remind", "--ics", "{tmp}/r.ics", "--at", "7:5"],
    ["remind", "--ics", "{tmp}/r.ics", "--at", "07:00", "--at", "07:00"],
    ["remind", "--ics", "{tmp}/r.ics", "--at", "00:00", "--at", "23:59"],
    ["remind", "--ics", "{tmp}/r.ics", *[f"--at={h:02d}:{m:02d}" for h in range(24) for m in (0, 30)]],
    ["remind", "--ics", "{tmp}/" + "\u00e9\U0001f9b6.ics"],
    ["remind", "--ics", "-"],
    ["history", "--since", "9999-12-31"],
    ["history", "--since", "0001-01-01"],
    ["shoes-check", "--name", "TRAIL RUNNERS", "--add-distance", "0.5mi"],
    ["shoes-check", "--name", "trail runners", "--add-distance", "1e-7km"],
    ["shoes-check", "--name", "trail runners", "--add-distance", "5 km"],
    ["shoes-check", "--name", "trail runners", "--add-distance", "5KM"],
    [
        "stretch",
        "--side",
        "left",
        "--routine",
        "feet",
        "--plain",
        "--no-save",
        "--speed",
        "100",
        "--lead-in",
        "0",
    ],
    ["stretch", "--routine", "plan", "--preview"],
    ["stretch", "--speed", "0.1", "--preview"],
    ["plan", "--review", "--no-save"],
    ["plan", "--level", "1", "--no-save"],
    ["report", "--output", "{tmp}/r.HTML"],
    ["report", "--output", "{tmp}/r.Md"],
    ["report", "--output", "{tmp}/r"],
    ["report", "--output", "-"],
    ["report", "--output", "{tmp}/r.exe"],
    ["export", "--output", "{tmp}/x.yaml"],
    ["remind", "--ics", "{tmp}/" + EVIL + ".ics"],
    ["report", "--output", "{tmp}/" + EVIL + ".md"],
    ["export", "--output", "{tmp}/x.CSV"],
    ["export", "--output", "-", "--format", "csv"],
    ["export", "--output", "{tmp}/" + "\u202eevil.json"],
    ["due"],
    ["config", "--json"],
    ["config", "--path"],
    ["assess", "--last", "--json"],
    ["progress", "--json"],
]


def _fill(args: list[str], tmp: Path, home: Path) -> list[str]:
    return [a.replace("{tmp}", str(tmp)).replace("{home}", str(home)) for a in args]


@pytest.mark.parametrize(("args", "words"), BAD, ids=[" ".join(a)[:60] for a, _ in BAD])
def test_bad_arguments_are_one_line_and_store_nothing(
    seeded: Path, tmp_path: Path, args: list[str], words: tuple[str, ...]
) -> None:
    before = digest(seeded)
    result = invoke(_fill(args, tmp_path, seeded), env={"COLUMNS": "100"})
    refused(result, *words)
    assert digest(seeded) == before
    assert not (tmp_path / "r.ics").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["checkin", "--foot", "1", "--back", "2", "--sign", "zzz"],
        ["remind", "--ics", "{tmp}/r.ics", "--routine", "zzz"],
    ],
)
def test_an_unknown_name_without_a_hint_is_one_tidy_sentence(
    seeded: Path, tmp_path: Path, args: list[str]
) -> None:
    # qa-cli: with no did-you-mean these read "no routine named 'zzz'; (routines: ...)".
    result = invoke(_fill(args, tmp_path, seeded))
    refused(result, "'zzz'")
    assert "; (" not in result.stderr, result.stderr


@pytest.mark.parametrize("args", ODD, ids=[" ".join(a)[:60] for a in ODD])
def test_odd_arguments_never_crash(seeded: Path, tmp_path: Path, args: list[str]) -> None:
    result = invoke(_fill(args, tmp_path, seeded), env={"COLUMNS": "100"})
    clean(result, codes=(0, 1, 2))


def test_retiring_a_pair_twice_keeps_the_first_date(seeded: Path) -> None:
    assert invoke(["shoes-check", "--name", "trail runners", "--retire"]).exit_code == 0
    with open_store(seeded) as store, store.transaction() as conn:
        conn.execute(
            "UPDATE shoe_pairs SET retired_at = '2025-01-02T03:04:05+00:00' WHERE name = 'trail runners'"
        )
    first = digest(seeded)
    clean(invoke(["shoes-check", "--name", "trail runners", "--retire"]), codes=(0,))
    assert digest(seeded) == first
