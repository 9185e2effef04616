"""The built-in routines in `data/routines/`, user files, and `include` expansion."""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path

from footback.core.errors import BadInputError, ContentError, FootbackError
from footback.core.models import PLAN_NAME
from footback.core.suggest import closest, did_you_mean
from footback.core.text import quoted
from footback.stretch.routine_file import (
    MAX_STEPS,
    MAX_TOTAL_SECONDS,
    NAME_RE,
    Routine,
    RoutineFile,
    caution_lines,
    check_name,
    parse_routine_file,
    read_routine_toml,
)

FOLDER = "routines"
MAX_INCLUDE_DEPTH = 4


def _folder(root: Traversable | None) -> Traversable:
    from footback.content.loader import content_root

    return (root if root is not None else content_root()).joinpath(FOLDER)


def names(root: Traversable | None = None) -> list[str]:
    """The catalogue: the file names (without `.toml`) in `data/routines/`."""
    folder = _folder(root)
    if not folder.is_dir():
        raise ContentError(f"footback's content folder data/{FOLDER} is missing")
    return sorted(
        entry.name.removesuffix(".toml") for entry in folder.iterdir() if entry.name.endswith(".toml")
    )


def _read_builtin(name: str, root: Traversable | None) -> RoutineFile:
    from footback.content.loader import read_toml, sources

    where = f"data/{FOLDER}/{name}.toml"
    raw = read_toml(f"{FOLDER}/{name}.toml", root)
    try:
        parsed = parse_routine_file(raw, where)
    except BadInputError as exc:
        raise ContentError(exc.message) from None
    problems = []
    if parsed.name != name:
        problems.append(f"{where}: name: {parsed.name!r} must match the file name {name!r}")
    for index, step in enumerate(parsed.steps, start=1):
        problems += sources().missing(step.sources, f"{where}: step {index} ({step.name!r})")
        if step.pregnancy is not None:
            where_variant = f"{where}: step {index} ({step.name!r}): pregnancy"
            problems += sources().missing(step.pregnancy.sources, where_variant)
    if problems:
        raise ContentError(*problems)
    return parsed


def _fmt_total(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def _expand(
    parsed: RoutineFile,
    where: str,
    root: Traversable | None,
    depth: int,
    error: type[BadInputError],
) -> tuple[list[Routine], RoutineFile]:
    included: list[Routine] = []
    if parsed.include and depth >= MAX_INCLUDE_DEPTH:
        raise error(f"{where}: include: routines include each other too deeply (a loop?)")
    known = names(root) if parsed.include else []
    for name in parsed.include:
        if name not in known:
            hint = closest(name, known)
            extra = f"; did you mean {hint!r}?" if hint else f"; choose from {', '.join(known)}"
            raise error(f"{where}: include: unknown routine {name!r}{extra}")
        included.append(_builtin(name, root, depth + 1))
    return included, parsed


def _assemble(
    parsed: RoutineFile,
    included: list[Routine],
    where: str,
    source: str,
    error: type[BadInputError] | type[ContentError],
) -> Routine:
    steps = [step for part in included for step in part.steps] + list(parsed.steps)
    # One caution a line: a line two routines share (word for word) is shown once.
    cautions: dict[str, None] = {}
    for part in included:
        for text in part.cautions:
            cautions.setdefault(text, None)
    for text in caution_lines(parsed.caution):
        cautions.setdefault(text, None)
    if not steps:
        raise error(f"{where}: steps: a routine needs at least one [[steps]] table (or include)")
    if len(steps) > MAX_STEPS:
        raise error(f"{where}: steps: {len(steps)} steps; at most {MAX_STEPS} are allowed")
    # One switch time per routine keeps the timeline simple: the including file's applies.
    routine = Routine(
        name=parsed.name,
        description=parsed.description,
        cautions=list(cautions),
        switch_seconds=parsed.switch_seconds,
        steps=steps,
        source=source,
    )
    total = routine.total_seconds()
    if total > MAX_TOTAL_SECONDS:
        raise error(f"{where}: routine: total time {_fmt_total(total)} is over the 2-hour limit")
    return routine


def _builtin(name: str, root: Traversable | None, depth: int) -> Routine:
    if root is None and depth == 0:
        from footback.content.loader import from_cache

        if (kept := from_cache(f"routine-{name}", Routine)) is not None:
            return kept
    where = f"data/{FOLDER}/{name}.toml"
    parsed = _read_builtin(name, root)
    try:
        included, parsed = _expand(parsed, where, root, depth, BadInputError)
    except BadInputError as exc:
        raise ContentError(exc.message) from None
    return _assemble(parsed, included, where, "catalogue", ContentError)


def load_builtin(name: str, root: Traversable | None = None) -> Routine:
    """A catalogue routine by name; a path or unknown name is a clear usage error."""
    known = names(root)
    if name not in known:
        # Only what is a name but for its case (`FEET`) gets a hint; a path gets --file's advice.
        if not NAME_RE.fullmatch(name.casefold()):
            check_name(name)
        extra = did_you_mean(name, known)
        listed = ", ".join(known)
        raise BadInputError(f"unknown routine {quoted(name)}{extra} (routines: {listed}; see --list)")
    return _builtin(name, root, 0)


def load_file(path: Path, root: Traversable | None = None) -> Routine:
    """A person's own routine file; `include` may name catalogue routines only."""
    where = str(path)
    parsed = parse_routine_file(read_routine_toml(path), where)
    included, parsed = _expand(parsed, where, root, 0, BadInputError)
    return _assemble(parsed, included, where, "file", BadInputError)


def load_all(root: Traversable | None = None) -> list[Routine]:
    """Every catalogue routine, for `--list` and the content tests."""
    return [_builtin(name, root, 0) for name in names(root)]


def playable_names() -> list[str]:
    """Every name `--routine` takes: the catalogue's routines and the saved plan."""
    return [*names(), PLAN_NAME]


def check_default_routine(name: str | None, config_path: Path) -> str | None:
    """The configured default routine; an unknown name is an error naming the file and key."""
    known = playable_names()
    if name is None or name in known:
        return name
    raise BadInputError(
        f"{config_path}: default_routine: no routine named {quoted(name)}{did_you_mean(name, known)}"
        f" (routines: {', '.join(known)})"
    )


def load_saved_plan(folder: Path) -> Routine:
    """The saved plan as a playable routine, for `footback stretch --routine plan`.

    Refuses while the latest assessment has a warning sign that no clinician has seen yet: a
    plan made earlier must not be played before that (`footback stretch` asks first).
    """
    from footback.assess.gate import open_gate
    from footback.core.paths import plan_path
    from footback.records.db import read_store

    path = plan_path(folder)
    if not path.is_file():
        raise BadInputError("there is no saved plan yet: run `footback plan` to make one")
    if read_store(folder, open_gate) is not None:
        raise FootbackError(
            "your latest assessment found a warning sign: see a clinician before playing your plan"
        )
    routine = load_file(path)
    return routine.model_copy(update={"source": "plan"})
