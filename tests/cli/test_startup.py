"""Start-up: a run builds only the command it invokes and loads only what that path needs."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footback.cli.app import COMMANDS, build_app, listing_app
from tests.support.imports import fresh_imports

PROBE = (
    "import sys, json\n"
    "from footback.cli.app import main\n"
    "sys.argv = ['footback', *json.loads(sys.argv[1])]\n"
    "try:\n"
    "    main()\n"
    "except SystemExit:\n"
    "    pass\n"
    "sys.stderr.write(json.dumps(sorted(sys.modules)))\n"
)


def _modules_loaded_by(args: list[str], home: Path) -> set[str]:
    # Without coverage's subprocess hook, which itself loads sqlite3 for its data file.
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
    env["FOOTBACK_HOME"] = str(home)
    out = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True, text=True, check=True, env=env
    )
    return set(json.loads(out.stderr.splitlines()[-1]))


def test_a_run_builds_only_the_invoked_command() -> None:
    assert [c.name for c in build_app("history").registered_commands] == ["history"]
    assert [c.name for c in build_app().registered_commands] == list(COMMANDS)


@pytest.mark.parametrize(
    "args",
    [["shoes-check", "--list", "--json"], ["shoes-check", "--list"], ["history", "--json"], ["history"]],
)
@pytest.mark.slow  # a child process
def test_paths_that_draw_nothing_load_neither_rich_nor_content(home: Path, args: list[str]) -> None:
    loaded = _modules_loaded_by(args, home)
    # Nothing is stored: no shoe content is needed to say so.
    assert "footback.shoes.content" not in loaded
    assert "footback.cli.commands.assess" not in loaded  # other commands are not built
    # Nothing is stored: plain lines say so, without rich.
    assert not any(m.startswith("rich") for m in loaded)


@pytest.mark.slow  # a child process
def test_help_lists_every_command_without_building_any(home: Path) -> None:
    loaded = _modules_loaded_by(["--help"], home)
    assert not any(m.startswith("footback.cli.commands.") and m != "footback.cli.options" for m in loaded)
    assert "footback.cli.options" not in loaded


@pytest.mark.slow  # a child process
def test_help_lists_every_command_with_its_one_line_help(home: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
    env.update(FOOTBACK_HOME=str(home), COLUMNS="200", NO_COLOR="1")
    out = subprocess.run(
        [sys.executable, "-m", "footback", "--help"], capture_output=True, text=True, check=True, env=env
    ).stdout
    # click wraps each help under its command; read the list as one line per command.
    listed = re.sub(r"\n {3,}", " ", out.split("Commands:", 1)[1])
    for name, entry in COMMANDS.items():
        assert re.search(rf"^  {re.escape(name)} +{re.escape(entry.help)}$", listed, re.MULTILINE), name


def test_the_listing_is_the_same_as_the_whole_app() -> None:
    runner = CliRunner()
    listed = runner.invoke(listing_app(), ["--help"], env={"COLUMNS": "100"})
    whole = runner.invoke(build_app(), ["--help"], env={"COLUMNS": "100"})
    assert listed.output == whole.output
    assert "history" in listed.output


def test_a_command_named_after_root_options_still_runs_for_real(home: Path) -> None:
    # `footback -- history`: the first word is not a command, so the listing resolves and builds it.
    result = CliRunner().invoke(listing_app(), ["--", "history", "--json"], env={"FOOTBACK_HOME": str(home)})
    assert result.exit_code == 0
    assert json.loads(result.output)["assessments"] == []


@pytest.mark.slow  # a child process
def test_shell_completion_builds_every_command(home: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
    env.update(
        FOOTBACK_HOME=str(home),
        _FOOTBACK_COMPLETE="complete_bash",
        COMP_WORDS="footback stretch --pre",
        COMP_CWORD="2",
    )
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.argv=['footback']; from footback.cli.app import main; main()",
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert "--preview" in out.stdout


def test_a_commands_one_line_help_is_defined_once_in_the_table() -> None:
    # typer prefers the table's help to a docstring: a docstring on the function would be dead text.
    import importlib

    for name, entry in COMMANDS.items():
        function = getattr(importlib.import_module(f"footback.cli.commands.{entry.module}"), entry.function)
        assert function.__doc__ is None, f"{name}: move the docstring into COMMANDS in cli/app.py"
        assert entry.help.endswith(".") and "\n" not in entry.help, name


def _answers_file(tmp_path: Path) -> Path:
    from tests.support.helpers import template_signs_answered_no  # the template leaves the signs blank

    answers = tmp_path / "answers.toml"
    template = CliRunner().invoke(build_app("assess"), ["assess", "--template"]).stdout
    answers.write_text(template_signs_answered_no(template), encoding="utf-8")
    return answers


def _imported_in_process(args: list[str]) -> set[str]:
    """footback's and rich's modules that a run of `args` imports, in this process: both are set
    aside first, so the run imports them as a new process would."""
    with fresh_imports(("footback", "rich")) as names:
        from footback.cli.app import build_app as fresh_app  # the set-aside copy's own

        result = CliRunner().invoke(fresh_app(args[0]), args)
    assert result.exit_code == 0, result.output
    return set(names)


def test_assess_json_loads_no_drawing_code(tmp_path: Path) -> None:
    answers = _answers_file(tmp_path)
    loaded = _imported_in_process(["assess", "--answers", str(answers), "--json", "--no-save"])
    assert "footback.assess.service" in loaded  # the run did assess
    assert not {"footback.assess.render", "footback.assess.summary"} & loaded
    assert not any(m.startswith("rich") for m in loaded)


@pytest.mark.slow  # a child process: the console script's own path
def test_assess_json_loads_no_drawing_code_in_a_new_process(home: Path, tmp_path: Path) -> None:
    answers = _answers_file(tmp_path)
    loaded = _modules_loaded_by(["assess", "--answers", str(answers), "--json", "--no-save"], home)
    assert "footback.assess.service" in loaded  # the run did assess
    assert not {"footback.assess.render", "footback.assess.summary"} & loaded
    assert not any(m.startswith("rich") for m in loaded)


def test_command_options_are_typed_with_objects_not_strings() -> None:
    """typer reads each option's type with `typing.get_type_hints` every time it builds a command:
    string annotations (`from __future__ import annotations`) are compiled and evaluated again on
    every build, which made building the command tree about 4x dearer (every run, every in-process
    test). The command modules keep evaluated annotations; the rest of footback may quote them."""
    import importlib

    from footback.cli import app as app_module

    functions = [app_module._root]
    for entry in COMMANDS.values():
        functions.append(
            getattr(importlib.import_module(f"footback.cli.commands.{entry.module}"), entry.function)
        )
    for function in functions:
        quoted = [name for name, kind in function.__annotations__.items() if isinstance(kind, str)]
        assert not quoted, f"{function.__module__}.{function.__name__}: {quoted} are strings"


# The player's screen and its live drawing: a preview prints and is done.
LIVE_DRAWING = (
    "rich.live",
    "rich.progress",
    "rich.prompt",
    "footback.stretch.player",
    "footback.stretch.render",
)


@pytest.mark.slow  # a child process
def test_the_preview_loads_no_live_drawing_code(home: Path) -> None:
    loaded = _modules_loaded_by(["stretch", "--preview", "--routine", "feet"], home)
    assert "footback.stretch.preview" in loaded  # the run did preview
    assert not {m for m in loaded if m.startswith(LIVE_DRAWING)}
    assert "footback.stretch.voice" not in loaded
    assert not any(m.startswith("rich") for m in loaded)  # a preview is plain text


@pytest.mark.parametrize("stored", [False, True], ids=["nothing stored", "an assessment stored"])
def test_the_preview_imports_no_drawing_code(tmp_path: Path, stored: bool) -> None:
    if stored:  # the preview then reads the latest assessment (is it a pregnancy?)
        answers = _answers_file(tmp_path)
        assert CliRunner().invoke(build_app("assess"), ["assess", "--answers", str(answers)]).exit_code == 0
    loaded = _imported_in_process(["stretch", "--preview", "--routine", "feet"])
    assert "footback.stretch.preview" in loaded  # the run did preview
    assert not {m for m in loaded if m.startswith(LIVE_DRAWING)}
    assert "footback.stretch.voice" not in loaded
    assert not any(m.startswith("rich") for m in loaded)


# What draws styled text: a piped screen of records is written plain, without them.
RICH_DRAWING = ("rich.console", "rich.text", "rich.table", "rich.segment", "rich.style")


@pytest.mark.parametrize("args", [["history"], ["progress"]])
def test_piped_records_are_written_without_richs_drawing(home: Path, args: list[str]) -> None:
    from tests.support.hostile import seed_everything

    seed_everything(home)  # every section has rows: tables, a plan, a function score
    loaded = _imported_in_process(args)
    assert "footback.render.plain" in loaded  # written plain
    assert not {m for m in loaded if m.startswith(RICH_DRAWING)}
    # Text of ASCII and sparklines only, every line fitting: measured without rich at all.
    assert not any(m.startswith("rich") for m in loaded)


@pytest.mark.parametrize(
    ("extra", "reads_checklist"), [([], False), (["--sign", "rf_fever"], True)], ids=["scores only", "a sign"]
)
def test_a_checkin_given_its_scores_reads_the_checklist_only_for_a_sign(
    seeded: Path, extra: list[str], reads_checklist: bool
) -> None:
    # `checkin --foot N --back N` asks nothing and takes no sign: the assessment's questions (the
    # checklist) are not loaded for it (start-up with a year of data, issue 22).
    loaded = _imported_in_process(["checkin", "--foot", "3", "--back", "4", "--replace", *extra])
    assert "footback.records.checkins" in loaded  # the run did check in
    assert ("footback.assess.content" in loaded) is reads_checklist


@pytest.mark.parametrize("args", [["history"], ["history", "--json"]])
def test_history_reads_the_pain_verdicts_without_progress_models(seeded: Path, args: list[str]) -> None:
    # History shows the two pain verdicts only: progress's other models (practice, the chart, pain
    # beside practice, the function score) are not imported for it (start-up, issue 22).
    loaded = _imported_in_process(args)
    assert "footback.daily.pain" in loaded  # the verdicts were made
    assert "footback.daily.progress" not in loaded


@pytest.mark.parametrize("extra", [[], ["--json"]], ids=["line on stdout", "line on stderr"])
def test_a_checkin_given_its_scores_says_its_line_without_richs_drawing(
    seeded: Path, extra: list[str]
) -> None:
    # Piped, nothing is styled: the one saved line is written plain (render/plain.py).
    loaded = _imported_in_process(["checkin", "--foot", "3", "--back", "4", "--replace", *extra])
    assert "footback.render.plain" in loaded
    assert not any(m.startswith("rich") for m in loaded)


def test_drawing_history_builds_no_validator_of_its_entries(seeded: Path) -> None:
    # The entries are made from validated records without validation (history/model.py): a
    # drawn history never builds these models' validators (start-up, issue 22).
    with fresh_imports(("footback", "rich")):
        from footback.cli.app import build_app as fresh_app

        result = CliRunner().invoke(fresh_app("history"), ["history"])
        import footback.history.model as model

        kinds = (model.History, model.AssessmentEntry, model.ScoreEntry, model.SessionEntry, model.CheckEntry)
        built = [kind.__name__ for kind in kinds if kind.__pydantic_complete__]
    assert result.exit_code == 0, result.output
    assert "Assessments" in result.output and "Stretch sessions" in result.output
    assert built == []
