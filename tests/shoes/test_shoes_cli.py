"""`footback shoes-check` end to end through the CLI: options, pairs, distance and bad input."""

from __future__ import annotations

import json
import sqlite3
import tomllib
from pathlib import Path

import pytest

from footback.cli.app import app
from footback.content.questions import Value
from footback.shoes.content import load_shoe_content
from tests.support.runner import CliRunner
from tests.support.shoes_helpers import GOOD_RUNNING_TYPED, good_pair

runner = CliRunner()
CONTENT = load_shoe_content()
IDS = [q.id for q in CONTENT.questions.questions]


def write_answers(folder: Path, name: str = "answers.toml", **changes: Value) -> Path:
    answers = good_pair(**changes)
    lines = []
    for key, value in answers.items():
        if isinstance(value, bool):
            lines.append(f"{key} = {'true' if value else 'false'}")
        elif isinstance(value, str):
            lines.append(f'{key} = "{value}"')
        else:
            lines.append(f"{key} = {value}")
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["shoes-check", *args], input=input)
    return result.exit_code, result.stdout, result.stderr


def db_rows(home: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(home / "footback.sqlite3") as conn:
        return conn.execute(sql).fetchall()


def test_template_has_every_id_and_scores_good_as_it_stands(tmp_path: Path, home: Path) -> None:
    code, out, _ = run("--template")
    assert code == 0
    parsed = tomllib.loads(out)
    assert set(parsed) == set(IDS)
    assert "# Allowed: a distance from 0 to 20000 km" in out
    path = tmp_path / "template.toml"
    path.write_text(out, encoding="utf-8")
    code, out, _ = run("--answers", str(path), "--json", "--no-save")
    assert code == 0
    assert (json.loads(out)["verdict"], json.loads(out)["score"]) == ("good", 100)
    assert not home.exists()


def test_schema_describes_every_id_with_distance_as_number_or_text() -> None:
    code, out, _ = run("--schema")
    assert code == 0
    schema = json.loads(out)
    assert list(schema["properties"]) == IDS
    assert schema["additionalProperties"] is False
    kinds = [alt["type"] for alt in schema["properties"]["distance_km"]["anyOf"]]
    assert kinds == ["number", "string"]
    assert schema["properties"]["twist"]["enum"] == ["resists", "twists_easily"]


def test_json_result_has_the_documented_shape(tmp_path: Path, home: Path) -> None:
    path = write_answers(tmp_path, distance_km=900, outsole_wear="inner_edge")
    code, out, err = run("-a", str(path), "--json")
    assert code == 0
    data = json.loads(out)
    assert {"verdict", "score", "problems", "pair", "assess_shoe_wear"} <= set(data)
    assert (data["verdict"], data["score"], data["pair"]) == ("replace", 100 - 60 - 10, None)
    assert data["assess_shoe_wear"] == "inner_edge"
    for problem in data["problems"]:
        assert {"id", "reason", "fix", "source"} <= set(problem)
        assert all(isinstance(problem[k], str) and problem[k] for k in ("id", "reason", "fix", "source"))
    # stdout is only JSON; where it was saved goes to stderr
    assert f"Saved to {home / 'footback.sqlite3'}" in err


def test_the_screen_shows_verdict_fix_source_wear_hint_and_where_it_saved(tmp_path: Path, home: Path) -> None:
    path = write_answers(tmp_path, distance_km=600, outsole_wear="outer_edge", orthotics=True)
    code, out, _ = run("-a", str(path), "--no-color")
    assert code == 0
    assert "Verdict: NEEDS ATTENTION" in out
    assert "65/100" in out  # 100 - 25 (past 560 km) - 10 (worn on one edge)
    assert "Distance: 600 km: past 560 km (due soon); replace after 800 km, 200 km to go." in out
    assert "Fix: Plan a new pair soon" in out
    assert "[expert opinion]" in out
    assert "supination" in out
    assert 'For footback assess: shoe_wear = "outer_edge"' in out
    assert "NICE" in out  # the orthotics evidence
    assert f"Saved to {home / 'footback.sqlite3'}" in out
    assert "\x1b[" not in out


def test_a_check_without_a_name_is_saved_without_a_pair(tmp_path: Path, home: Path) -> None:
    code, out, _ = run("-a", str(write_answers(tmp_path)))
    assert code == 0
    assert "add --name NAME" in out
    assert db_rows(home, "SELECT pair, verdict, score FROM shoe_checks") == [(None, "good", 100)]
    assert db_rows(home, "SELECT count(*) FROM shoe_pairs") == [(0,)]


def test_no_save_stores_nothing(tmp_path: Path, home: Path) -> None:
    code, out, _ = run("-a", str(write_answers(tmp_path)), "--name", "trail", "--no-save", "--json")
    assert code == 0
    assert json.loads(out)["pair"] == "trail"
    assert not (home / "footback.sqlite3").exists()


def test_name_saves_a_pair_shown_literally_and_listed(tmp_path: Path, home: Path) -> None:
    name = "[red]Trail[/]"
    path = write_answers(tmp_path, distance_km="300 mi", age_months=4)
    code, out, _ = run("-a", str(path), "--name", name)
    assert code == 0
    assert f'"{name}"' in out
    assert "Distance: 300 mi" in out
    code, out, _ = run("--list")
    assert code == 0
    assert name in out
    assert "running shoes" in out
    assert "300 mi" in out  # the unit the person wrote
    assert "4 mo" in out
    assert "needs attention" not in out and "good 100/100" in out
    code, out, _ = run("--list", "--json")
    (row,) = json.loads(out)
    assert row["name"] == name
    assert row["distance_unit"] == "mi"
    assert row["distance_km"] == pytest.approx(300 * 1.609344, abs=0.001)
    assert (row["verdict"], row["score"], row["shoe_type"], row["age_months"]) == ("good", 100, "running", 4)


def test_checking_the_same_pair_again_updates_it_and_compares(tmp_path: Path, home: Path) -> None:
    run("-a", str(write_answers(tmp_path)), "--name", "Trail")
    path = write_answers(tmp_path, "again.toml", distance_km=700)
    code, out, _ = run("-a", str(path), "--name", "trail")  # other case: the same pair
    assert code == 0
    assert "Last check (" in out and "good, 100/100" in out
    assert db_rows(home, "SELECT name, distance_km FROM shoe_pairs") == [("Trail", 700.0)]
    assert db_rows(home, "SELECT pair, verdict FROM shoe_checks ORDER BY id") == [
        ("Trail", "good"),
        ("Trail", "needs_attention"),
    ]


def test_list_with_nothing_saved_creates_nothing(home: Path) -> None:
    code, out, _ = run("--list")
    assert code == 0
    assert "No saved pairs yet" in out
    code, out, _ = run("--list", "--json")
    assert json.loads(out) == []
    assert not home.exists()


def test_add_distance_keeps_the_replacement_advice_current(tmp_path: Path, home: Path) -> None:
    run("-a", str(write_answers(tmp_path, distance_km=550)), "--name", "road")
    code, out, err = run("--name", "road", "--add-distance", "12km")
    assert code == 0
    # One line: what was added, the new total, and what changed.
    assert out == 'Added 12 km to "road": 562 km in all (was 550 km); verdict: needs attention (was good).\n'
    assert f"Saved to {home / 'footback.sqlite3'}" in err
    code, out, _ = run("--name", "road", "--add-distance", "240 km", "--json")
    data = json.loads(out)
    assert (data["verdict"], data["score"], data["origin"], data["pair"]) == (
        "replace",
        40,
        "add_distance",
        "road",
    )
    assert data["distance_km"] == 802
    assert db_rows(home, "SELECT distance_km FROM shoe_pairs") == [(802.0,)]
    assert db_rows(home, "SELECT verdict FROM shoe_checks ORDER BY id") == [
        ("good",),
        ("needs_attention",),
        ("replace",),
    ]


def test_add_distance_follows_the_unit_the_person_uses(tmp_path: Path, home: Path) -> None:
    run("-a", str(write_answers(tmp_path, distance_km="100 mi")), "--name", "road")
    code, out, _ = run("--name", "road", "--add-distance", "5")  # a bare number: the pair's unit, miles
    assert code == 0
    assert out.startswith('Added 5 mi to "road": 105 mi in all (was 100 mi); verdict: good.')
    code, out, _ = run("--name", "road", "--add-distance", "10km")
    assert 'Added 10 km to "road": 179 km in all (was 169 km)' in out  # 105 mi = 168.98 km, + 10
    _, out, _ = run("--list", "--json")
    assert json.loads(out)[0]["distance_unit"] == "km"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--add-distance", "5km"], "--add-distance needs --name"),
        (["--name", "roda", "--add-distance", "5km"], "did you mean 'road'?"),
        (["--name", "zzzzzz", "--add-distance", "5km"], "saved pairs: office, road"),
        (["--name", "office", "--add-distance", "5km"], "distance is tracked only for running and walking"),
        (["--name", "road", "--add-distance", "five"], "'five' is not a distance"),
        (["--name", "road", "--add-distance=-5km"], "it must be 0 or more"),
        (["--name", "road", "--add-distance", "0"], "must be more than 0"),
        (["--name", "road", "--add-distance", "30000km"], "within 20000 km"),
        (["--name", "road", "--add-distance", "5km", "--no-save"], "without --answers or --no-save"),
        (["--list", "--name", "road"], "--list shows saved pairs"),
        (["--undo"], "--undo needs --name NAME"),
        (["--retire", "--name", "road", "--undo"], "use one of --undo, --retire at a time"),
        (["--name", "road", "--retire", "--no-save"], "--retire changes a saved pair"),
        (["--name", "", "--json"], "the pair name is empty"),
        (["--name", "x" * 41], "longer than 40 characters"),
        (["--name", "bad\x1b[2Jname"], "control characters"),
    ],
)
def test_bad_pair_options_exit_2_with_one_line_and_change_nothing(
    tmp_path: Path, home: Path, args: list[str], message: str
) -> None:
    run("-a", str(write_answers(tmp_path, distance_km=100)), "--name", "road")
    office = write_answers(tmp_path, "office.toml", shoe_type="dress")
    run("-a", str(office), "--name", "office")
    before = db_rows(home, "SELECT * FROM shoe_checks"), db_rows(home, "SELECT * FROM shoe_pairs")
    code, out, err = run(*args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("footback: error: ")
    assert message in err
    assert (db_rows(home, "SELECT * FROM shoe_checks"), db_rows(home, "SELECT * FROM shoe_pairs")) == before


def test_add_distance_with_nothing_saved_exits_2(home: Path) -> None:
    code, _, err = run("--name", "road", "--add-distance", "5km")
    assert code == 2
    assert "nothing is saved yet" in err
    assert not home.exists()


@pytest.mark.parametrize(
    ("filename", "text", "message"),
    [
        ("a.toml", 'shoe_typ = "running"\n', "unknown question id 'shoe_typ'; did you mean 'shoe_type'?"),
        (
            "a.toml",
            'twist = "bendy"\n',
            "twist: 'bendy' is not allowed; expected one of: resists, twists_easily",
        ),
        ("a.toml", 'distance_km = "far"\n', "distance_km: 'far' is not a distance"),
        ("a.toml", "hours_per_day = 30\n", "hours_per_day: 30 hours is more than 24 hours"),
        ("a.toml", 'shoe_type = "running\n', "a.toml:1: invalid TOML"),
        ("a.json", '{"shoe_type": "running",\n "twist": }', "a.json:2: invalid JSON"),
        (
            "a.toml",
            'shoe_type = "running"\n',
            "missing answers and no terminal to ask on: age_months, distance_km",
        ),
    ],
)
def test_bad_answers_files_exit_2_with_one_line_and_save_nothing(
    tmp_path: Path, home: Path, filename: str, text: str, message: str
) -> None:
    path = tmp_path / filename
    path.write_text(text, encoding="utf-8")
    code, out, err = run("-a", str(path), "--name", "road")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("footback: error: ")
    assert message in err
    assert not home.exists()


def test_json_answers_file_with_miles(tmp_path: Path, home: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(good_pair(distance_km="520 miles")), encoding="utf-8")
    code, out, _ = run("-a", str(path), "--json", "--no-save")
    assert code == 0
    data = json.loads(out)
    assert (data["verdict"], data["distance_unit"]) == ("replace", "mi")  # 520 mi = 836.9 km


def test_guided_check_typed_with_help_back_and_miles(home: Path) -> None:
    typed = ["1", "3", "?", "260 mi", "b", "300 mi", *GOOD_RUNNING_TYPED[3:]]
    code, out, _ = run("--name", "daily", input="\n".join(typed) + "\n")
    assert code == 0, out
    assert "THREE HAND TESTS" in out
    assert "If you do not know, estimate" in out  # the `?` help
    assert "Verdict: GOOD" in out
    assert "Distance: 300 mi" in out
    assert db_rows(home, "SELECT name, round(distance_km, 1) FROM shoe_pairs") == [("daily", 482.8)]


def test_guided_check_with_json_keeps_stdout_pure(home: Path) -> None:
    code, out, err = run("--json", "--no-save", input="\n".join(GOOD_RUNNING_TYPED) + "\n")
    assert code == 0
    assert json.loads(out)["verdict"] == "good"
    assert "Heel counter squeeze" in err


def test_guided_check_reasks_on_bad_input_and_skips_questions_that_do_not_apply(home: Path) -> None:
    # flip-flops: no distance, heel counter, heel slip or midsole questions
    typed = [
        "flip_flops",
        "2",
        "ball_of_foot",
        "resists",
        "1",
        "1",
        "y",
        "good",
        "nine",
        "1",
        "even",
        "n",
        "8",
    ]
    code, out, _ = run("--no-save", input="\n".join(typed) + "\n")
    assert code == 0, out
    assert "Not understood" in out
    assert "Heel counter squeeze" not in out and "far have you walked" not in out
    assert "Verdict: NEEDS ATTENTION" in out  # flip-flops 8 hours a day
    assert "Flip-flops are for short spells" in out


def test_input_ending_early_saves_nothing(home: Path) -> None:
    code, _, err = run("--name", "road", input="1\n3\n")
    assert code == 1
    assert "nothing was saved" in err
    assert not (home / "footback.sqlite3").exists()


def test_a_damaged_saved_check_is_skipped_with_one_warning_and_left_alone(tmp_path: Path, home: Path) -> None:
    code, _, err = run("--answers", str(write_answers(tmp_path)), "--name", "Trail")
    assert code == 0, err
    db = home / "footback.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute('UPDATE shoe_checks SET result = \'{"not": "a result"}\'')
    before = db.read_bytes()
    code, out, err = run("--list")
    assert code == 0
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("footback: warning: skipped a damaged shoe check (1, saved at ")
    assert "it was left untouched" in lines[0]
    assert "Trail" in out  # the pair itself still reads
    assert db.read_bytes() == before


def test_a_mistaken_addition_can_be_undone(tmp_path: Path, home: Path) -> None:
    run("-a", str(write_answers(tmp_path, distance_km=550)), "--name", "road")
    run("--name", "road", "--add-distance", "120km")
    code, out, err = run("--name", "road", "--undo")
    assert code == 0
    assert out == 'Took back 120 km from "road": 550 km in all again.\n'
    assert "Saved to" in err
    assert db_rows(home, "SELECT distance_km FROM shoe_pairs") == [(550.0,)]
    assert db_rows(home, "SELECT verdict FROM shoe_checks ORDER BY id") == [("good",)]
    code, _, err = run("--name", "road", "--undo")
    assert code == 2 and "was not an --add-distance: nothing to undo" in err
    code, out, _ = run("--name", "road", "--add-distance", "5km")
    assert code == 0 and "555 km in all (was 550 km)" in out


def test_a_retired_pair_leaves_the_list_and_stays_in_history(tmp_path: Path, home: Path) -> None:
    run("-a", str(write_answers(tmp_path, distance_km=550)), "--name", "road")
    run("-a", str(write_answers(tmp_path, distance_km=50)), "--name", "trail")
    code, out, _ = run("--name", "road", "--retire")
    assert code == 0 and out.startswith('Retired "road"')
    _, out, _ = run("--list", "--json")
    assert [p["name"] for p in json.loads(out)] == ["trail"]
    code, _, err = run("--name", "road", "--add-distance", "5km")
    assert code == 2 and "'road' is retired" in err
    history = runner.invoke(app, ["history", "--json"])
    assert {c["pair"] for c in json.loads(history.stdout)["shoe_checks"]} == {"road", "trail"}
