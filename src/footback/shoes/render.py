"""Drawing shoe checks and saved pairs with rich. Pair names are always plain Text, never markup."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from footback.core.text import plural, safe_line, verdict_text
from footback.core.units import DistanceUnit, format_distance, from_km, plain_number

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from footback.models.shoe_check import ShoeCheckResult, Verdict
    from footback.records.shoes import SavedCheck, SavedPair
    from footback.shoes.changes import AddedDistance, UndoneDistance
    from footback.shoes.content import ShoeContent

BAR_WIDTH = 20
VERDICT_LABEL: dict[str, str] = {"good": "GOOD", "needs_attention": "NEEDS ATTENTION", "replace": "REPLACE"}
VERDICT_STYLE: dict[str, str] = {"good": "green", "needs_attention": "yellow", "replace": "red"}
# What passing a distance milestone means, in the distance line.
MILESTONE_WORD: dict[str, str] = {"good": "fine", "needs_attention": "due soon", "replace": "replace"}


def distance_line(result: ShoeCheckResult) -> str | None:
    """'Distance: 612 km: past 560 km (due soon); replace at 800 km, 188 km to go.'"""
    if result.distance_km is None:
        return None
    unit = result.distance_unit
    done = result.distance_km
    parts: list[str] = []
    shown = round(from_km(done, unit), 1)
    for m in result.milestones:
        word = MILESTONE_WORD[m.verdict]
        mark = milestone_in(m.km, unit)
        # The distance still to go is worked out from the mark as shown, so the line adds up:
        # at 400 mi, "replace after about 500 mi, 100 mi to go".
        if shown > mark:
            parts.append(f"past {_mark_text(mark, unit)} ({word})")
        else:
            parts.append(f"{word} after {_mark_text(mark, unit)}, {plain_number(mark - shown)} {unit} to go")
    line = f"Distance: {format_distance(done, unit)}"
    return line + (": " + "; ".join(parts) if parts else "") + "."


def milestone_in(km: float, unit: DistanceUnit) -> float:
    """A replacement mark in `unit`. The sources give these lines in round miles (350, 500) as
    well as km (560, 800); an exact conversion (348 mi) would look more precise than the advice is."""
    return km if unit == "km" else float(round(from_km(km, unit), -1))


def _mark_text(mark: float, unit: DistanceUnit) -> str:
    return f"{plain_number(mark)} km" if unit == "km" else f"about {plain_number(mark)} mi"


def assess_hint(result: ShoeCheckResult) -> str | None:
    if result.assess_shoe_wear is None:
        return None
    return f'For footback assess: shoe_wear = "{result.assess_shoe_wear}"'


def _verdict_line(result: ShoeCheckResult, before: Verdict | None = None) -> Text:
    from rich.text import Text

    filled = round(result.score / 100 * BAR_WIDTH)
    line = Text("Verdict: ")
    line.append(VERDICT_LABEL[result.verdict], style=f"bold {VERDICT_STYLE[result.verdict]}")
    if before is not None and before != result.verdict:
        line.append(f" (was {VERDICT_LABEL[before]})")
    line.append("  ")
    line.append("█" * filled + "░" * (BAR_WIDTH - filled), style=VERDICT_STYLE[result.verdict])
    line.append(f" {result.score:>3}/100")
    return line


def render_result(
    console: Console,
    result: ShoeCheckResult,
    content: ShoeContent,
    previous: SavedCheck | None = None,
    heading: str | None = None,
) -> None:
    """The result screen: verdict and score, each problem with its fix and source, then notes."""
    from rich.text import Text

    _result_top(console, result, content, previous, heading)
    _problems(console, result, content)
    _wear_and_notes(console, result, content)
    console.print()
    console.print(Text(result.weights_note, style="dim"))
    console.print(Text(result.disclaimer, style="dim"))


def _result_top(
    console: Console,
    result: ShoeCheckResult,
    content: ShoeContent,
    previous: SavedCheck | None,
    heading: str | None,
) -> None:
    """The title (with the pair's name), the verdict, the summary, the distance and the last check."""
    from rich.text import Text

    from footback.shoes.content import type_label

    console.print()
    title = heading or f"SHOE CHECK: {type_label(content, result.shoe_type)}"
    top = Text(title, style="bold underline")
    if result.pair is not None and heading is None:
        top.append(f' "{safe_line(result.pair)}"')
    console.print(top)
    console.print(_verdict_line(result, previous.result.verdict if previous else None))
    console.print(Text(result.summary))
    distance = distance_line(result)
    if distance:
        console.print(Text(distance))
    if previous is not None:
        before = previous.result
        console.print(
            Text(
                f"Last check ({previous.created_at:%Y-%m-%d}): "
                f"{VERDICT_LABEL[before.verdict].lower()}, {before.score}/100",
                style="dim",
            )
        )


def _problems(console: Console, result: ShoeCheckResult, content: ShoeContent) -> None:
    """Each problem: the points it cost, why, the fix and its source."""
    from rich.table import Table
    from rich.text import Text

    console.print()
    console.print(Text(f"PROBLEMS FOUND ({len(result.problems)})", style="bold underline"))
    if not result.problems:
        console.print(Text("  none: every check passed"))
        return
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column()
    for p in result.problems:
        body = Text(p.reason)
        body.append(f"\nFix: {p.fix}")
        body.append(f"\nSource: {p.citation(content.sources)} [{p.evidence}]", style="dim")
        grid.add_row(Text(f"-{p.points}"), body)
    console.print(grid)


def _wear_and_notes(console: Console, result: ShoeCheckResult, content: ShoeContent) -> None:
    """The wear pattern (with the assessment hint) and what the evidence says, when there are any."""
    from rich.padding import Padding
    from rich.text import Text

    if result.wear_pattern:
        console.print()
        console.print(Text("WEAR PATTERN", style="bold underline"))
        body = Text(result.wear_pattern.text)
        body.append(f" ({result.wear_pattern.citation(content.sources)})", style="dim")
        hint = assess_hint(result)
        if hint:
            body.append(f"\n{hint}", style="bold")
        console.print(Padding(body, (0, 0, 0, 2)))
    if result.notes:
        console.print()
        console.print(Text("WHAT THE EVIDENCE SAYS", style="bold underline"))
        for note in result.notes:
            body = Text(note.text)
            body.append(f" ({note.citation(content.sources)} [{note.evidence}])", style="dim")
            console.print(Padding(body, (0, 0, 0, 2)))


# A table of n columns takes its cells' widths plus one space each side of a cell and n + 1 lines.
_CELL_EDGES = 3


def _pair_cells(
    pair: SavedPair, content: ShoeContent, now: datetime, unit_wanted: DistanceUnit | None
) -> list[Text]:
    """Type, age, distance, last verdict, checked (and retired, for a retired pair) as cells."""
    from rich.text import Text

    from footback.records.shoes import age_now
    from footback.shoes.content import type_label

    last = pair.last
    unit: DistanceUnit = unit_wanted or (last.result.distance_unit if last else "km")
    age = age_now(pair, now)
    verdict = Text("-")
    if last:
        verdict = Text(VERDICT_LABEL[last.result.verdict].lower(), style=VERDICT_STYLE[last.result.verdict])
        verdict.append(f" {last.result.score}/100")
    cells = [
        Text(safe_line(type_label(content, pair.shoe_type))),
        Text("-" if age is None else f"{age} mo"),
        Text("-" if pair.distance_km is None else format_distance(pair.distance_km, unit)),
        verdict,
        Text(f"{last.local_time(now):%Y-%m-%d}" if last else "-"),  # the person's day, not UTC's
    ]
    if pair.retired_at is not None:
        cells.append(Text(f"{pair.retired_at:%Y-%m-%d}", style="dim"))
    return cells


def hidden_line(hidden: int, shown: int) -> str:
    """What `--list` leaves out: the retired pairs, and how to see them."""
    them = "it" if hidden == 1 else "them"
    if shown == 0:
        return f"No pairs in use ({hidden} retired). See {them} with: footback shoes-check --list --all"
    return f"{plural(hidden, 'retired pair')} not shown. See {them} with: footback shoes-check --list --all"


def no_pairs_line(hidden: int) -> str:
    """What `--list` says when no pair is in use: how to save one, or how to see the retired ones."""
    if hidden:
        return hidden_line(hidden, 0)
    return "No saved pairs yet. Save one with: footback shoes-check --name NAME"


def render_pairs(
    console: Console,
    pairs: list[SavedPair],
    content: ShoeContent | None,
    now: datetime,
    units: DistanceUnit | None = None,
    hidden: int = 0,
) -> None:
    """The saved pairs: type, age now, distance (in `units`, else each pair's), verdict, checked.

    A table when every name fits on one line beside the other columns, else one pair per block
    (name, then its details), so names stay readable at 40 or 80 columns. `hidden` retired pairs
    are counted with how to see them. `content` (for the type names) may be None without pairs."""
    from rich.text import Text

    from footback.render.rows import Block

    if not pairs or content is None:
        console.print(Text(no_pairs_line(hidden)))
        return
    # Start-up: with no pairs, rich.table is never imported.
    from rich.table import Table

    headers = ["Type", "Age", "Distance", "Last verdict", "Checked"]
    if any(p.retired_at for p in pairs):
        headers.append("Retired")
    rows = [(safe_line(p.name), _pair_cells(p, content, now, units)) for p in pairs]
    widths = [
        max([len(h)] + [cells[i].cell_len for _, cells in rows if i < len(cells)])
        for i, h in enumerate(headers)
    ]
    longest = max(max(len(name) for name, _ in rows), len("Pair"))
    # What is left for the names once every other column has its full width.
    room = console.width - 1 - _CELL_EDGES * (len(headers) + 1) - sum(widths)
    console.print(Text(f"Saved pairs ({len(pairs)})", style="bold"))
    if longest <= room:
        table = Table(show_lines=False)
        table.add_column("Pair", no_wrap=True)
        for column in headers:
            table.add_column(column, no_wrap=True)
        for name, cells in rows:
            table.add_row(Text(name), *cells, *([Text("-")] * (len(headers) - len(cells))))
        console.print(table)
    else:
        for name, cells in rows:
            parts = [*cells[:4], Text(f"checked {cells[4].plain}")]
            if len(cells) > 5:
                parts.append(Text(f"retired {cells[5].plain}", style="dim"))
            console.print(Block(Text(name, style="bold"), parts))
    if hidden:
        console.print(Text(hidden_line(hidden, len(pairs)), style="dim"))


def added_line(added: AddedDistance) -> str:
    """After `--add-distance`, one line: what was added, the new total and what changed.

    'Added 12 km to "trail": 612 km in all (was 600 km); verdict: replace soon (was good).'
    """
    unit = added.unit
    before = added.previous.result
    total = format_distance(added.result.distance_km or 0.0, unit)
    was = format_distance(before.distance_km or 0.0, unit)
    verdict = verdict_text(added.result.verdict)
    change = f" (was {verdict_text(before.verdict)})" if before.verdict != added.result.verdict else ""
    name = safe_line(added.pair)
    return (
        f'Added {format_distance(added.km, unit)} to "{name}": {total} in all (was {was}); '
        f"verdict: {verdict}{change}."
    )


def render_tip(console: Console, *, saved: bool, named: bool) -> None:
    """After a saved check without --name: how to track the pair."""
    from rich.text import Text

    if saved and not named:
        console.print(Text("Tip: add --name NAME to track this pair's distance and verdicts.", style="dim"))


def undone_line(undone: UndoneDistance, units: DistanceUnit | None) -> str:
    """After `--undo`: 'Took back 12 km from "trail": 600 km in all again.'"""
    unit = units or undone.unit
    total = format_distance(undone.total_km or 0.0, unit)
    taken = format_distance(undone.removed_km, unit)
    return f'Took back {taken} from "{safe_line(undone.pair)}": {total} in all again.'


def retired_line(name: str) -> str:
    """After `--retire`."""
    return (
        f'Retired "{safe_line(name)}": its checks stay in history and the report; it is no longer in --list.'
    )


def result_json(result: ShoeCheckResult, content: ShoeContent) -> str:
    """A check as `--json` prints it, its findings cited from the content's sources."""
    from footback.core.cited import citing
    from footback.core.text import safe_json

    # Stored answers reach this (assess --last): C1 and bidi characters written as \u escapes.
    return safe_json(result.model_dump_json(indent=2, context=citing(content.sources)))


def change_text(
    change: AddedDistance | UndoneDistance | str,
    units: DistanceUnit | None,
    content: ShoeContent,
    *,
    as_json: bool,
) -> str:
    """What `--add-distance`, `--undo` or `--retire` (a pair name) print: one line, or JSON."""
    import json
    from dataclasses import asdict

    from footback.shoes.changes import AddedDistance

    if isinstance(change, str):
        return json.dumps({"pair": change, "retired": True}) if as_json else retired_line(change)
    if isinstance(change, AddedDistance):
        return result_json(change.result, content) if as_json else added_line(change)
    return json.dumps(asdict(change)) if as_json else undone_line(change, units)
