"""The typer app: parses options and hands over to the command modules.

Kept light on purpose: `footback --help` must not pay for rich live screens, sqlite or
content loading. Each command module imports what it needs inside its function.
"""

import functools
import importlib
import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer
import typer.core
import typer.main

from footback import __version__
from footback.cli.boundary import Bounded, OneLineErrors

if TYPE_CHECKING:
    from footback.cli.context import AppContext


def _flag_type_hidden() -> None:
    """Help lists flags bare (`--no-save`), not `--no-save <bool>`: typer shows a type for every
    option, and for an on/off flag that type is noise."""
    option = typer.core.TyperOption
    shown = option.display_type_rich

    def display_type_rich(self: typer.core.TyperOption, ctx: Any) -> str | None:
        return None if self.is_flag else shown(self, ctx)

    option.display_type_rich = display_type_rich  # type: ignore[method-assign]


_flag_type_hidden()

HELP = (
    "A private terminal companion for people whose foot problems may feed their back pain. "
    "A self-care helper, not a diagnosis. Everything stays in one local folder."
)


class Command(NamedTuple):
    """Where a command lives and what `--help` says about it (the one-line help is kept here, not
    in the function's docstring, so that `footback --help` lists every command without importing any)."""

    module: str  # in footback.cli.commands
    function: str
    help: str
    epilog: str


# Listed in the order --help shows them.
COMMANDS: dict[str, Command] = {
    "today": Command(
        "today",
        "today",
        "Today's screen (also `footback` alone): warning signs, what is due and done, pain, plan, next step.",
        "Example: footback today --json",
    ),
    "assess": Command(
        "assess",
        "assess",
        "Screen for warning signs, score foot risk, back risk and the feet-to-back link.",
        "Example: footback assess --answers my-answers.toml --json --no-save",
    ),
    "shoes-check": Command(
        "shoes",
        "shoes_check",
        "Check one pair of shoes: the podiatrists' hand tests, fit and wear, and when to replace them.",
        "Example: footback shoes-check --name trail, then later: --name trail --add-distance 12km",
    ),
    "stretch": Command(
        "stretch",
        "stretch",
        "Play a timed stretching routine: space pauses, n skips, p goes back, q stops.",
        "Example: footback stretch --routine feet --lead-in 5 --quiet",
    ),
    "checkin": Command(
        "checkin",
        "checkin",
        "Log today's foot and back pain (0-10), a note, and any new warning sign.",
        "Example: footback checkin --foot 3 --back 5 --note 'long walk'",
    ),
    "log": Command(
        "log",
        "log",
        "Record a routine you did away from the terminal, so it counts (today or a missed day).",
        "Example: footback log feet --minutes 10",
    ),
    "config": Command(
        "config",
        "config",
        "Show the effective settings, where each came from, and the config file's path.",
        "Example: footback config --json",
    ),
    "history": Command(
        "history",
        "history",
        "Show saved assessments, stretch sessions and shoe checks, with score trends and your streak.",
        "Example: footback history --since 2025-01-01",
    ),
    "plan": Command(
        "plan",
        "plan",
        "Build your own routine from your latest assessment, with the reason for every step.",
        "Example: footback plan, then: footback stretch --routine plan",
    ),
    "progress": Command(
        "progress",
        "progress",
        "Pain at the start against the last 7 days, practice against the target, and both side by side.",
        "Example: footback progress --json",
    ),
    "remind": Command(
        "remind",
        "remind",
        "Write daily reminders as an iCalendar file that any calendar app can import.",
        "Example: footback remind --ics footback.ics --at 07:00 --at 18:30",
    ),
    "due": Command(
        "remind",
        "due",
        "One line of what is still due today, nothing when nothing is (exit 0: something due, 1: nothing).",
        "Example: footback due",
    ),
    "prompt": Command(
        "prompt",
        "prompt",
        "Shell code that shows what is due in your prompt without starting footback (bash, zsh or fish).",
        "Example: footback prompt zsh",
    ),
    "report": Command(
        "report",
        "report",
        "Make a two-page summary for a clinician: the assessment, then practice, shoes and your plan.",
        "Example: footback report --format html --output summary.html",
    ),
    "export": Command(
        "export",
        "export",
        "Write everything footback has stored: assessments, sessions, shoes and your plan.",
        "Example: footback export --format json --output backup.json",
    ),
    "import": Command(
        "import_",
        "import_",
        "Restore a JSON export; records already stored are not added twice.",
        "Example: footback import backup.json",
    ),
    "forget": Command(
        "forget",
        "forget",
        "Delete everything footback has stored (after asking; --yes skips the question).",
        "Example: footback export --output backup.json && footback forget",
    ),
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"footback {__version__}")
        raise typer.Exit()


def _keep_prompt_state(app: "AppContext") -> None:
    """After every command: the shell prompt's state file follows a write, or a new day."""
    from footback.core.errors import FootbackError
    from footback.daily.prompt_state import keep_current
    from footback.records.changes import take_changed

    try:
        now = app.clock.now()
    except FootbackError:  # a time zone footback cannot keep: the command has said so
        return
    keep_current(app.data_dir, now, changed=take_changed(app.data_dir))


def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """footback: foot-driven back pain, looked after in the terminal."""
    # The one place the outside world is read; a test hands in its own with `invoke(obj=...)`.
    if ctx.obj is None:
        from footback.cli.context import AppContext  # not for --help (start-up)

        ctx.obj = AppContext.from_environ(os.environ)
    from footback.records.changes import begin_run

    begin_run(ctx.obj.data_dir)  # only this command's writes count
    ctx.call_on_close(functools.partial(_keep_prompt_state, ctx.obj))
    if ctx.invoked_subcommand is None and not ctx.resilient_parsing:
        # `footback` alone is today's screen; `footback --help` stays the help.
        command = ctx.command.get_command(ctx, TODAY)  # type: ignore[attr-defined]
        with command.make_context(TODAY, [], parent=ctx) as sub:
            command.invoke(sub)


def _new_app(group: type[OneLineErrors]) -> typer.Typer:
    built = typer.Typer(
        name="footback",
        cls=group,
        help=HELP,
        no_args_is_help=False,
        add_completion=True,
        # click's plain help: the whole one-line help of every command, wrapped to the terminal,
        # readable by a screen reader and in a pipe, and rich is not imported to draw it.
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    built.callback(invoke_without_command=True)(_root)
    return built


def _register(built: typer.Typer, name: str) -> None:
    entry = COMMANDS[name]
    command = getattr(importlib.import_module(f"footback.cli.commands.{entry.module}"), entry.function)
    # The error boundary goes on here, once for every command (see `Bounded`).
    from footback.cli.wiring import with_request

    # A command that takes (app, request) gets its options from the request's fields.
    wired = Bounded(with_request(command))
    built.command(name, help=entry.help, short_help=entry.help, epilog=entry.epilog)(wired)


def build_app(only: str | None = None) -> typer.Typer:
    """The typer app with every command, or with only `only` (start-up: typer builds the options
    of every registered command on each run, so a run registers just the one it invokes)."""
    built = _new_app(OneLineErrors)
    for name in COMMANDS:
        if only is None or name == only:
            _register(built, name)
    return built


def _unbuilt() -> None:
    """Stands in for a command in the list `footback --help` shows; never run (see `Listed`)."""


class Listed(OneLineErrors):
    """The group for runs that name no command first (`--help`, no arguments, a mistyped name):
    every command is listed with its one-line help but none is built; a name that is then resolved
    to run gets its real command."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        # Called only to run a command (listing uses get_command): swap in the real one first.
        name = args[0] if args else None
        if name in COMMANDS:
            real = typer.main.get_command(build_app(name))
            self.commands[name] = real.commands[name]  # type: ignore[attr-defined]
        return super().resolve_command(ctx, args)


def listing_app() -> typer.Typer:
    """Every command listed (name, one-line help, epilog), none built: what `footback --help` needs."""
    built = _new_app(Listed)
    for name, entry in COMMANDS.items():
        built.command(name, help=entry.help, short_help=entry.help, epilog=entry.epilog)(_unbuilt)
    return built


def __getattr__(name: str) -> typer.Typer:
    """`footback.cli.app.app`, the whole tree (tests, docs), built on first use only."""
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    built = build_app()
    globals()["app"] = built
    return built


TODAY = "today"


def _completing(environ: Mapping[str, str]) -> bool:
    # Shell completion (click's `_<PROG>_COMPLETE`) may complete any command's options: build them all.
    return any(key.startswith("_") and key.endswith("_COMPLETE") for key in environ)


def main() -> None:
    """Console-script entry point: only the invoked command is built (no arguments: `today`);
    `--help` or a mistyped name list the commands without building them; shell completion builds
    them all."""
    # footback uses no pydantic plugins; skipping their entry-point scan saves a few ms a run.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    first = sys.argv[1] if len(sys.argv) > 1 else None
    if _completing(os.environ):
        build_app()()
    elif first is None:
        build_app(TODAY)(args=[TODAY], prog_name="footback")
    elif first in COMMANDS:
        build_app(first)()
    else:
        listing_app()()
