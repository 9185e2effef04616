"""Drawing an assessment result with rich. Readable without colour: every bar has its number and level."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from footback.assess.content import keele_notice, load_assess_content
from footback.assess.summary import TITLES, points_text, raw_points, render_summary
from footback.core.models import SCORE_NAMES, ScoreName
from footback.models.assessment import AssessmentResult, Score

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from footback.assess.content import UrgentText


Brief = Callable[[Sequence[str]], str]


def _briefer() -> Brief:
    """Short citations for one screen: the article is named the first time it is cited."""
    from footback.content.loader import sources

    return sources().briefer()


def _grid() -> Table:
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(overflow="fold")
    return grid


def _indented(console: Console, renderable: Table | Text) -> None:
    """Print under a heading: two columns in, like the section's one-line texts, wrapped lines too."""
    from rich.padding import Padding

    console.print(Padding(renderable, (0, 0, 0, 2)))


def _heading(console: Console, text: str) -> None:
    from rich.text import Text

    console.print()
    console.print(Text(text, style="bold underline"))


def render_urgent(console: Console, result: AssessmentResult, text: UrgentText) -> None:
    """The prominent 'get care now' panel; no scores, no exercises.

    An emergency shows only the emergency action: any less urgent sign is named for the
    emergency team, not given its own (slower) advice beside it.
    """
    from rich.console import Group, RenderableType
    from rich.panel import Panel
    from rich.text import Text

    from footback.render.console import hanging

    emergency = any(f.severity == "emergency" for f in result.red_flags)
    shown = [f for f in result.red_flags if f.severity == "emergency" or not emergency]
    parts: list[RenderableType] = []
    brief = _briefer()
    for flag in shown:
        parts.append(Text(flag.advice, style="bold"))
        # The question and its source wrap under their own text, not back to the panel's edge.
        parts.append(hanging("  You said yes to: ", flag.question, "dim"))
        parts.append(hanging("  Source: ", brief(flag.source_ids) or flag.saved_source or "", "dim"))
        parts.append(Text(""))
    others = [f.name for f in result.red_flags if f not in shown]
    if others:
        parts.append(Text(text.also_tell.format(signs="; ".join(others))))
        parts.append(Text(""))
    parts.append(Text(text.no_exercise))
    console.print(Panel(Group(*parts), title=box_title(result, text), border_style="red bold", expand=True))


def box_title(result: AssessmentResult, text: UrgentText) -> str:
    """The emergency title, else the first urgent sign's own title, else the urgent one.

    Signs come in data order, and a sign with its own title is placed by how soon it needs care:
    the pregnancy signs ("now") before the others ("today"), the GP-within-days sign last.
    """
    if any(f.severity == "emergency" for f in result.red_flags):
        return text.emergency_title
    first = result.red_flags[0] if result.red_flags else None
    return first.title if first is not None and first.title else text.urgent_title


def render_result(
    console: Console,
    result: AssessmentResult,
    urgent_text: UrgentText,
    previous: AssessmentResult | None = None,
    previous_at: datetime | None = None,
) -> None:
    """The result screen: a summary that fits 24 rows, then the factors with points and sources,
    and what to do next in full."""
    from rich.text import Text

    console.print()
    if result.urgent:
        render_urgent(console, result, urgent_text)
        console.print(Text(result.disclaimer, style="dim"))
        return
    render_summary(console, result, previous, previous_at)
    _heading(console, "DETAILS")
    if result.startback:
        sb = result.startback
        console.print(Text(sb.summary or f"STarT Back group: {sb.group} risk.", style="dim"))
        # Keele asks for its copyright and funding line wherever the grouping is shown.
        console.print(Text(keele_notice(sb), style="dim italic"))
    brief = _briefer()
    for name in SCORE_NAMES:
        _render_factors(console, name, getattr(result.scores, name), brief)
    _render_next(console, result, brief)
    console.print()
    console.print(Text(result.disclaimer, style="dim"))


def _render_factors(console: Console, name: ScoreName, score: Score, brief: Brief) -> None:
    from rich.text import Text

    title = "Foot-back associations" if score.known_associations is not None else TITLES[name]
    _heading(console, f"{title}: {points_text(score)}")
    if not score.factors:
        _indented(console, Text("Nothing in your answers adds points here."))
    grid = _grid()
    for factor in sorted(score.factors, key=lambda f: -f.points):
        text = Text(factor.reason)
        cited = brief(factor.source_ids) or factor.saved_source or ""
        # The link names the evidence behind each association (a study, the article, opinion).
        # ... unless the citation already says it ("[the article]", not "[the article; article]").
        shown = factor.evidence and score.known_associations is not None and factor.evidence not in cited
        evidence = f"; {factor.evidence}" if shown else ""
        text.append(f" [{cited}{evidence}]", style="dim")
        grid.add_row(f"+{factor.points}", text)
    if score.factors:
        _indented(console, grid)
    if score.known_associations is not None and score.factors:
        found = f"{score.associations} of the {score.known_associations} associations found in studies."
        _indented(console, Text(found))
    uncounted = load_assess_content().scoring.scores[name].uncounted_note
    if uncounted and raw_points(score) > score.score < 100:
        _indented(console, Text(uncounted))
    if score.note and (score.factors or name == "back"):
        _indented(console, Text(score.note, style="dim italic"))


def _bullets(console: Console, items: Sequence[tuple[str, Sequence[str]]], brief: Brief) -> None:
    from rich.text import Text

    grid = _grid()
    for text, ids in items:
        line = Text(text)
        if ids:
            line.append(f" [{brief(ids)}]", style="dim")
        grid.add_row("-", line)
    _indented(console, grid)


def _render_next(console: Console, result: AssessmentResult, brief: Brief) -> None:
    from rich.text import Text

    recs = result.recommendations
    _heading(console, "WHAT TO DO NEXT")
    for name in recs.routines:
        console.print(Text(f"  footback stretch --routine {name}", style="bold"))
    _bullets(console, [(c.reason, c.source_ids) for c in recs.routine_reasons], brief)
    _bullets(console, [(n.text, n.source_ids) for n in recs.action_details], brief)
    if recs.see_specialist:
        console.print(Text(f"See a {recs.specialist or 'clinician'}, because:", style="bold"))
        _bullets(console, [(n.text, n.source_ids) for n in recs.specialist_reasons], brief)
    if recs.evidence_notes:
        _heading(console, "WHAT THE EVIDENCE SAYS")
        _bullets(console, [(n.text, n.source_ids) for n in recs.evidence_notes], brief)
