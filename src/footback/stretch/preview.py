"""`--list` and `--preview`: routines described without playing them."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from footback.core.text import dose_text, fmt_clock, plural
from footback.stretch.routine_file import Routine, Step
from footback.stretch.timeline import Timeline

if TYPE_CHECKING:
    from rich.console import Console


def dose(step: Step) -> str:
    """'hold 10 s x 10, each side (left then right), 3 s rest between' in words a person can follow."""
    # The step's kind is the verb: a roll is not a hold.
    return step.kind + dose_text(step.seconds, step.reps, step.each_side, step.rest, full=True)[4:]


def cited(step: Step) -> list[str]:
    """Where a step's dose comes from: known source ids become citations."""
    from footback.content.loader import sources

    known = sources().sources
    lines = []
    for source_id in step.sources:
        source = known.get(source_id)
        lines.append(f"{source.citation} ({source.evidence})" if source else source_id)
    return lines


FIGURE_INDENT = "   "


def figure_block(step: Step, width: int) -> list[str]:
    """The step's figure (left and right side by side for a two-sided step), or [] if it
    has none or it would not fit `width` columns."""
    from footback.stretch.bigtype import beside, block_width
    from footback.stretch.figure import figure_rows

    if step.figure is None:
        return []
    if step.each_side:
        left, right = figure_rows(step, "left"), figure_rows(step, "right")
        lw = max(block_width(left), len("left"))
        block = beside(["left", "", *left], ["right", "", *right], 6 + lw - block_width(left))
    else:
        block = figure_rows(step, None)
    block = [row.rstrip() for row in block]
    if len(FIGURE_INDENT) + block_width(block) > width:
        return []
    return [FIGURE_INDENT + row if row else "" for row in block]


def preview_lines(timeline: Timeline, figure_width: int = 0) -> list[str]:
    """Every step with its dose, equipment, sources and notes, then the total.

    Figures are drawn when they fit `figure_width` columns (0: no figures, as in plain mode).
    """
    routine = timeline.routine
    lines = [f"{routine.name}: {routine.description}"]
    lead = f"a {timeline.lead_in:g} s lead-in before each step" if timeline.lead_in else "no lead-in"
    lines.append(
        f"{plural(len(routine.steps), 'step')}, {fmt_clock(timeline.total)} in all "
        f"({lead}; {routine.switch_seconds} s to switch sides)"
    )
    lines.append("You will need: " + ("; ".join(routine.equipment) or "nothing"))
    for number, step in enumerate(routine.steps, start=1):
        own = step.hold_seconds(routine.switch_seconds)
        lines.append("")
        lines.append(f"{number}. {step.name}: {dose(step)} ({fmt_clock(own)})")
        lines += ["   " + line for line in step.instructions.split("\n")]
        if step.side_text is not None:
            lines.append(f"   First: {step.side_text.left}.")
            lines.append(f"   Then: {step.side_text.right}.")
        figure = figure_block(step, figure_width)
        if figure:
            lines += ["", *figure, ""]
        if step.equipment:
            lines.append("   Equipment: " + "; ".join(step.equipment))
        if step.cues:
            prompts = "; ".join(f"{cue.at:g} s: {cue.text}" for cue in step.cues)
            lines.append(f"   Prompts during each hold: {prompts}")
        lines += ["   Source: " + line for line in cited(step)]
        if step.evidence:
            lines.append(f"   Evidence: {step.evidence}")
        if step.note:
            lines += ["   Note: " + line for line in step.note.split("\n")]
    if routine.cautions:
        lines.append("")
        lines += routine.cautions
    return lines


def print_preview(out: TextIO, columns: int, timeline: Timeline, *, figures: bool = True) -> None:
    """The preview as plain lines on `out`, wrapped to `columns` less one (as a rich console of that
    width printed them: the preview draws nothing that needs rich, so it is not imported)."""
    import textwrap

    width = max(20, columns - 1)
    # Figure rows fit `width`, so the wrapping below leaves them exactly as drawn.
    for line in preview_lines(timeline, width if figures else 0):
        indent = " " * (len(line) - len(line.lstrip(" ")))
        # Wrapped here so continuation lines keep the indent and carry no trailing spaces.
        wrapped = textwrap.fill(line, width=width, subsequent_indent=indent, break_on_hyphens=False)
        out.write(wrapped + "\n")


def print_list(console: Console, routines: list[Routine], lead_in: float) -> None:
    """The catalogue as a table: name, steps, total time, description."""
    from rich.table import Table
    from rich.text import Text

    from footback.stretch.timeline import build

    table = Table(title=f"Routines (times include a {lead_in:g} s lead-in per step)")
    table.add_column("routine", no_wrap=True)
    table.add_column("steps", justify="right")
    table.add_column("time", justify="right")
    table.add_column("what it is")
    for routine in routines:
        total = build(routine, lead_in).total
        table.add_row(
            Text(routine.name), str(len(routine.steps)), fmt_clock(total), Text(routine.description)
        )
    console.print(table)
    console.print(Text("Play one with: footback stretch --routine NAME (--preview to see its steps)"))
