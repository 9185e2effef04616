"""`footback shoes-check` behind the option parsing: list the saved pairs, change one, or check
a pair (an answers file and the interview for what it leaves out), then show and store it.

The flow takes the run's context (`core.runtime.Runtime`) and one request: what was asked.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from footback.core.errors import BadInputError
from footback.core.runtime import Runtime

if TYPE_CHECKING:
    from footback.content.questions import Answers
    from footback.core.units import DistanceUnit
    from footback.models.shoe_check import ShoeCheckResult
    from footback.records.shoes import SavedCheck
    from footback.shoes.changes import AddedDistance, UndoneDistance
    from footback.shoes.content import ShoeContent


@dataclass(frozen=True)
class ShoeCheckRequest:
    """What `footback shoes-check` was asked (cli/ parses the options and reads the config)."""

    answers: Path | None = None
    name: str | None = None
    list_saved: bool = False
    all_pairs: bool = False
    add_distance: str | None = None
    undo: bool = False
    retire: bool = False
    as_json: bool = False
    no_save: bool = False
    no_color: bool = False
    # The configured unit (None if unset) reads bare distances; a written unit ("12km") wins.
    units: DistanceUnit | None = None

    @property
    def changes(self) -> list[str]:
        """The options given that change a saved pair."""
        given = (
            ("--add-distance", self.add_distance is not None),
            ("--undo", self.undo),
            ("--retire", self.retire),
        )
        return [flag for flag, on in given if on]


def check_options(request: ShoeCheckRequest) -> None:
    """Refuse combinations that would silently ignore an option."""
    if request.all_pairs and not request.list_saved:
        raise BadInputError("--all shows retired pairs in --list; use it with --list")
    changes = request.changes
    if request.list_saved and (request.answers or request.name is not None or changes or request.no_save):
        raise BadInputError(
            "--list shows saved pairs; use it without --answers, --name, --add-distance, --undo,"
            " --retire or --no-save"
        )
    if len(changes) > 1:
        raise BadInputError(f"use one of {', '.join(changes)} at a time")
    for flag in changes:
        if request.name is None:
            raise BadInputError(f"{flag} needs --name NAME: the saved pair to change")
        if request.answers or request.no_save:
            raise BadInputError(f"{flag} changes a saved pair; use it without --answers or --no-save")


def run_shoes_check(env: Runtime, request: ShoeCheckRequest) -> None:
    """The whole command after `--template` and `--schema` (which cli/ prints)."""
    check_options(request)
    # The clock's own offset travels to the store beside the UTC stamp (the check's local day).
    now = env.clock.now()
    if request.list_saved:
        _list(env, request, now)
        return
    from footback.records.shoes import clean_pair_name
    from footback.shoes.service import content_in

    content = content_in(request.units)
    pair = clean_pair_name(request.name) if request.name is not None else None
    if pair is not None and request.changes:
        _change(env, request, content, pair, now)
        return
    _check(env, request, content, pair, now)


def _echo(stream: TextIO, text: str) -> None:
    stream.write(text + "\n")
    stream.flush()


def _list(env: Runtime, request: ShoeCheckRequest, now: datetime) -> None:
    """`--list`: the saved pairs, drawn or as JSON."""
    from footback.shoes import service

    # Start-up: --list loads shoe content only to show saved pairs, and rich only to draw.
    shown, hidden = service.saved_pairs(env.data_dir, retired=request.all_pairs)
    if request.as_json:
        import json

        _echo(env.out, json.dumps(service.pair_rows(shown, now, request.units), indent=2))
        return
    from footback.shoes.render import no_pairs_line, render_pairs

    if not shown:
        # One plain line: rich is not imported for it (start-up, bench/startup.py).
        _echo(env.out, no_pairs_line(hidden))
        return
    kinds = service.content_in(request.units)
    draw = lambda out: render_pairs(out, shown, kinds, now, request.units, hidden)  # noqa: E731
    env.show_long(env.console(no_color=request.no_color), draw)


def _change(env: Runtime, request: ShoeCheckRequest, content: ShoeContent, pair: str, now: datetime) -> None:
    """`--add-distance`, `--undo` or `--retire` on a saved pair: one line (or JSON), and where."""
    from footback.core.paths import db_path
    from footback.render.console import where_line
    from footback.shoes import service
    from footback.shoes.render import change_text

    folder = env.data_dir
    if request.add_distance is not None:
        change: AddedDistance | UndoneDistance | str = service.add_distance(
            folder, content, pair, request.add_distance, now, request.units
        )
    elif request.undo:
        change = service.undo_distance(folder, pair)
    else:
        change = service.retire(folder, pair, now)
    _echo(env.out, change_text(change, request.units, content, as_json=request.as_json))
    _echo(sys.stderr, where_line(db_path(folder), saved=True))


def _check(
    env: Runtime, request: ShoeCheckRequest, content: ShoeContent, pair: str | None, now: datetime
) -> None:
    """Check a pair: the answers (file, then the interview), the result shown, stored and where."""
    from footback.content.guided import Asking, GuidedCheck, complete_answers
    from footback.content.interview import Interview
    from footback.content.questions import missing_ids
    from footback.core.paths import db_path
    from footback.render.console import ConsoleScreen, say_where
    from footback.shoes.check import check_shoes
    from footback.shoes.render import render_result, render_tip, result_json
    from footback.shoes.service import read_answers_file

    qset = content.questions
    out = env.console(no_color=request.no_color, stderr=request.as_json)
    given, seen = read_answers_file(request.answers, content)
    missing = missing_ids(qset.questions, given)
    interview = Interview(qset.questions, given, on_answer=seen)
    asking = Asking(env.stdin_tty, env.stdin_closed, lambda: ConsoleScreen(out))
    given = complete_answers(asking, GuidedCheck(qset, interview, missing, request.answers, "the shoe check"))
    result = check_shoes(content, given, seen.unit)
    result, previous = _record(env, request, content, (given, result), pair, now)
    if request.as_json:
        _echo(env.out, result_json(result, content))
    else:  # paged like assess
        env.show_long(out, lambda console: render_result(console, result, content, previous))
    say_where(out, db_path(env.data_dir), saved=not request.no_save)
    render_tip(out, saved=not request.no_save, named=pair is not None)


def _record(
    env: Runtime,
    request: ShoeCheckRequest,
    content: ShoeContent,
    checked: tuple[Answers, ShoeCheckResult],
    pair: str | None,
    now: datetime,
) -> tuple[ShoeCheckResult, SavedCheck | None]:
    """The check, saved under the pair's stored spelling unless `--no-save`, and the pair's
    previous check for comparison."""
    from footback.records.db import open_existing_store, open_store
    from footback.records.shoes import find_pair, latest_check, save_check

    answers, result = checked
    save = not request.no_save
    store = open_store(env.data_dir) if save else open_existing_store(env.data_dir)
    if store is None:
        return result.model_copy(update={"pair": pair}), None
    with store:
        existing = find_pair(store, pair) if pair is not None else None
        # Reuse the saved spelling so 'Trail' and 'trail' stay one pair.
        name = existing.name if existing else pair
        previous = latest_check(store, name) if name is not None else None
        if previous is not None:  # the same moment, on the clock it was made by: its date is the person's day
            previous = previous._replace(created_at=previous.local_time(now))
        result = result.model_copy(update={"pair": name})
        if save:
            save_check(store, answers, result, now, name, citer=content.sources)
    return result, previous
