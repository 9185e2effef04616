"""The documents tell the truth about the commands.

Every command has a section in README.md or docs/ (a heading naming `footback <command>`) and every
option of every command appears in that section; every example command shown in a shell block of
the docs, and every `--help` epilog example, parses, and (unless it would play a routine in real
time) runs without a usage error in a private data folder.
"""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import pytest
import typer
import typer.main

from footback.cli.app import app
from tests.support.context import isolate
from tests.support.helpers import template_signs_answered_no
from tests.support.runner import CliRunner

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SHELL_FENCES = {"", "sh", "bash", "shell", "console"}
HEADING = re.compile(r"(#+) ")
# Stopping because there is nobody to ask is what an interactive example does with no input.
NEEDS_A_PERSON = re.compile(r"input ended|no terminal|in a terminal")


def _root_command() -> Any:
    return typer.main.get_command(app)


def _mentions(text: str, option: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text) is not None


def command_sections(name: str, pages: list[Path]) -> list[str]:
    """The text under every heading that names `footback <name>`, down to the next heading as high."""
    found = []
    for page in pages:
        lines = page.read_text(encoding="utf-8").split("\n")
        heads: list[tuple[int, int, str]] = []
        in_fence = False
        for i, line in enumerate(lines):
            if line.startswith("```"):
                in_fence = not in_fence
            elif not in_fence and (match := HEADING.match(line)):
                heads.append((i, len(match.group(1)), line))
        for k, (start, level, line) in enumerate(heads):
            if re.search(rf"`footback {re.escape(name)}(?![\w-])", line):
                end = next((i for i, lv, _ in heads[k + 1 :] if lv <= level), len(lines))
                found.append("\n".join(lines[start:end]))
    return found


def undocumented(root: Any, pages: list[Path]) -> list[str]:
    """Every command without a section and every option missing from its command's section."""
    problems = []
    everything = "\n".join(page.read_text(encoding="utf-8") for page in pages)
    for param in root.params:
        problems += [f"footback {opt}" for opt in param.opts if not _mentions(everything, opt)]
    for name, command in root.commands.items():
        sections = command_sections(name, pages)
        if not sections:
            problems.append(f"footback {name}: no heading naming `footback {name}`")
            continue
        text = "\n".join(sections)
        for param in command.params:
            if param.param_type_name != "option":
                continue
            for opt in [*param.opts, *param.secondary_opts]:
                if not _mentions(text, opt):
                    problems.append(f"footback {name} {opt}")
    return problems


def test_every_command_and_option_is_documented() -> None:
    problems = undocumented(_root_command(), PAGES)
    assert not problems, "undocumented (add them to README.md or docs/):\n" + "\n".join(problems)


def test_an_undocumented_option_is_caught(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# `footback frob`\n\n`--json` prints JSON. `--version`\n", encoding="utf-8")
    demo = typer.Typer(add_completion=False)

    @demo.callback()
    def _root(version: Annotated[bool, typer.Option("--version")] = False) -> None:
        """Root."""

    @demo.command("frob")
    def _frob(
        as_json: Annotated[bool, typer.Option("--json")] = False,
        hard: Annotated[bool, typer.Option("--hard", "-H")] = False,
    ) -> None:
        """Frob."""

    @demo.command("other")
    def _other() -> None:
        """Other."""

    problems = undocumented(typer.main.get_command(demo), [page])
    assert problems == [
        "footback frob --hard",
        "footback frob -H",
        "footback other: no heading naming `footback other`",
    ]


def shell_examples(text: str) -> Iterator[str]:
    """Lines starting with `footback ` inside shell (or untagged) fenced blocks."""
    fence: str | None = None
    for line in text.split("\n"):
        if line.startswith("```"):
            fence = None if fence is not None else line[3:].strip()
        elif fence in SHELL_FENCES and line.strip().startswith("footback "):
            yield line.strip()


def epilog_examples(root: Any) -> Iterator[str]:
    """`Example: footback x ..., then: footback y` epilogs; a bare `--opt ...` part means the same command."""
    for name, command in root.commands.items():
        text = (command.epilog or "").removeprefix("Example:").strip()
        for part in re.split(r",\s*then(?: later)?:\s*", text):
            if part:
                yield part if part.startswith("footback ") else f"footback {name} {part}"


def _all_examples() -> list[tuple[str, str]]:
    found = [(page.name, line) for page in PAGES for line in shell_examples(page.read_text(encoding="utf-8"))]
    return found + [("--help epilog", line) for line in epilog_examples(_root_command())]


def _commands(line: str) -> list[tuple[list[str], str | None]]:
    """`footback a && footback b > out` as argument lists, each with the file its stdout goes to."""
    runs: list[list[str]] = [[]]
    for token in shlex.split(line, comments=True):
        if token == "&&":
            runs.append([])
        else:
            runs[-1].append(token)
    result = []
    for run in runs:
        assert run[0] == "footback", f"not a footback command: {line}"
        args, out = run[1:], None
        if ">" in args:
            at = args.index(">")
            args, out = args[:at], args[at + 1]
        result.append((args, out))
    return result


def _plays_a_routine(args: list[str]) -> bool:
    # Playing runs on the real clock; these are parsed, not played.
    return args[0] == "stretch" and not {"--list", "--preview"} & set(args)


def test_the_docs_have_examples_for_every_page_with_commands() -> None:
    pages = {page for page, _ in _all_examples()}
    assert {"assess.md", "stretch.md", "shoes.md", "data.md"} <= pages


@pytest.fixture(scope="module")
def doc_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The working folder the examples run in (the files they name) and the data folder they start
    from (a saved pair called `trail`, an assessment), made once; `doc_world` copies both per test."""
    root = tmp_path_factory.mktemp("docs")
    work, home = root / "work", root / "home"
    work.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        isolate(patch, home, root / "config.toml")
        patch.chdir(work)
        runner = CliRunner()
        # The answers files the examples name: the template with its warning signs filled in
        # (docs/assess.md shows the person doing that; an unedited template is refused).
        answers = template_signs_answered_no(runner.invoke(app, ["assess", "--template"]).stdout)
        for name in ("answers.toml", "my-answers.toml"):
            (work / name).write_text(answers, encoding="utf-8")
        (work / "shoes.toml").write_text(
            runner.invoke(app, ["shoes-check", "--template"]).stdout, encoding="utf-8"
        )
        stretch_doc = (ROOT / "docs" / "stretch.md").read_text(encoding="utf-8")
        routine = stretch_doc.split("```toml\n")[1].split("```")[0]
        (work / "my-routine.toml").write_text(routine, encoding="utf-8")
        for setup in (
            ["shoes-check", "--answers", "shoes.toml", "--name", "trail"],
            ["assess", "-a", "answers.toml"],
        ):
            done = runner.invoke(app, setup)
            assert done.exit_code == 0, done.stderr
        backup = runner.invoke(app, ["export", "--output", "backup.json"])
        assert backup.exit_code == 0, backup.stderr
    return work, home


@pytest.fixture
def doc_world(
    doc_template: tuple[Path, Path], tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """This test's copy of the examples' working folder (the current folder) and data folder."""
    work = tmp_path / "work"
    shutil.copytree(doc_template[0], work)
    shutil.copytree(doc_template[1], home)
    monkeypatch.chdir(work)
    return work


EXAMPLES = _all_examples()


@pytest.mark.parametrize(
    ("where", "line"),
    EXAMPLES,
    ids=[f"{where}: {' '.join(shlex.split(line, comments=True))}" for where, line in EXAMPLES],
)
def test_documented_examples_run(where: str, line: str, doc_world: Path) -> None:
    root = _root_command()
    runner = CliRunner()
    for args, out in _commands(line):
        command = root.commands.get(args[0])
        assert command is not None, f"{where}: unknown command in `{line}`"
        command.make_context(args[0], args[1:])  # raises on an unknown option or a bad value
        if _plays_a_routine(args):
            continue
        result = runner.invoke(app, args, input="")
        shown = f"{where}: `{line}` exited {result.exit_code}\n{result.output}"
        assert result.exception is None or isinstance(result.exception, SystemExit), shown
        assert "Usage:" not in result.output, shown
        # `due` exits 1 when nothing is due yet (docs/daily.md): before the first slot's time of
        # day (after midnight on the real clock) that is its right answer, not a failure.
        nothing_due = args[0] == "due" and result.exit_code == 1 and not result.stderr
        assert result.exit_code == 0 or nothing_due or NEEDS_A_PERSON.search(result.stderr), shown
        if out is not None:
            (doc_world / out).write_text(result.stdout, encoding="utf-8")


def test_every_docs_page_is_linked_from_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    unlinked = [page.name for page in PAGES[1:] if f"](docs/{page.name})" not in readme]
    assert not unlinked, f"add these to the README's 'Read more' table: {unlinked}"


def _section(text: str, heading: str) -> str:
    """The text under `heading` up to the next heading of the same level."""
    start = text.index(heading) + len(heading)
    end = text.find("\n## ", start)
    return text[start : end if end != -1 else None]


def test_the_quick_start_says_how_to_put_footback_on_path() -> None:
    # `uv run footback` worked only inside the clone: the documented prompt line printed nothing.
    quick = _section((ROOT / "README.md").read_text(encoding="utf-8"), "## Quick start")
    assert "```sh\nuv run footback assess\nuv run pytest\n```" in quick  # the two commands, unchanged
    assert "`uv tool install .`" in quick and "`pipx install .`" in quick
    heading = "## `footback prompt`: what is due, in your prompt, without starting footback"
    assert "docs/daily.md#footback-prompt-what-is-due-in-your-prompt-without-starting-footback" in quick
    prompt = _section((ROOT / "docs" / "daily.md").read_text(encoding="utf-8"), heading)
    assert "`uv tool install .`" in prompt and "source ~/.footback-prompt.bash" in prompt


def test_installing_makes_a_footback_script_that_runs_the_app() -> None:
    # What `uv tool install .` and `pipx install .` put on PATH: the [project.scripts] entry.
    import importlib
    import tomllib

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts == {"footback": "footback.cli.start:main"}  # cli/start.py, then cli/app.py
    module, function = scripts["footback"].split(":")
    assert callable(getattr(importlib.import_module(module), function))
