"""Drawing an assessment result with rich. Readable without colour: every bar has its number and level."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from footback.assess_models import AssessmentResult, Score

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from footback.assess_content import UrgentText

BAR_WIDTH = 20
LEVEL_STYLE = {"low": "green", "moderate": "yellow", "high": "red"}
TITLES = {"foot": "Foot risk", "back": "Back risk", "link": "Feet to back link"}


def bar(score: int, width: int = BAR_WIDTH) -> str:
    """A text bar: filled blocks for the score, light shade for the rest."""
    filled = round(score / 100 * width)
    return "█" * filled + "░" * (width - filled)


def _delta(now: int, before: int | None) -> str:
    if before is None:
        return ""
    change = now - before
    return "  (no change)" if change == 0 else f"  ({change:+d} since last time)"


def _score_line(name: str, score: Score, before: int | None) -> RenderableType:
    from rich.text import Text

    line = Text(f"{TITLES[name]:<18}")
    line.append(bar(score.score), style=LEVEL_STYLE[score.level])
    line.append(f" {score.score:>3}/100 {score.level}")
    line.append(_delta(score.score, before), style="dim")
    return line


def render_urgent(console: Console, result: AssessmentResult, text: UrgentText) -> None:
    """The prominent 'get care now' panel; no scores, no exercises."""
    from rich.panel import Panel
    from rich.text import Text

    emergency = any(f.severity == "emergency" for f in result.red_flags)
    body = Text()
    for flag in result.red_flags:
        body.append(f"- {flag.advice}\n", style="bold")
        body.append(f"  You said yes to: {flag.question}\n", style="dim")
        body.append(f"  Source: {flag.source}\n", style="dim")
    body.append(f"\n{text.no_exercise}")
    title = text.emergency_title if emergency else text.urgent_title
    console.print(Panel(body, title=title, border_style="red bold", expand=True))


def render_result(
    console: Console,
    result: AssessmentResult,
    urgent_text: UrgentText,
    previous: AssessmentResult | None = None,
    previous_at: datetime | None = None,
) -> None:
    """The result screen: bars, factors with points and sources, and what to do next."""
    from rich.text import Text

    console.print()
    if result.urgent:
        render_urgent(console, result, urgent_text)
        console.print(Text(result.disclaimer, style="dim"))
        return
    heading = "YOUR RESULT"
    if previous_at is not None:
        heading += f" (compared with {previous_at:%Y-%m-%d})"
    console.print(Text(heading, style="bold underline"))
    scores = result.scores
    for name in ("foot", "back", "link"):
        score: Score = getattr(scores, name)
        before = getattr(previous.scores, name).score if previous else None
        console.print(_score_line(name, score, before))
    if result.startback:
        sb = result.startback
        console.print(
            Text(
                f"STarT Back grouping: {sb.total}/9 items, {sb.psychosocial}/5 psychosocial: {sb.group} risk",
                style="dim",
            )
        )
    for name in ("foot", "back", "link"):
        score = getattr(scores, name)
        console.print()
        console.print(Text(f"Why {TITLES[name].lower()} is {score.score}:", style="bold"))
        if not score.factors:
            console.print(Text("  nothing adds points"))
        for factor in sorted(score.factors, key=lambda f: -f.points):
            line = Text(f"  +{factor.points:<3} {factor.reason}")
            line.append(f" ({factor.source})", style="dim")
            console.print(line)
        if score.note and (score.factors or name == "back"):
            console.print(Text(f"  {score.note}", style="dim italic"))
    _render_next(console, result)
    console.print()
    console.print(Text(result.disclaimer, style="dim"))


def _render_next(console: Console, result: AssessmentResult) -> None:
    from rich.text import Text

    recs = result.recommendations
    console.print()
    console.print(Text("WHAT TO DO NEXT", style="bold underline"))
    for choice in recs.routine_reasons:
        line = Text(f"- {choice.reason}")
        line.append(f" ({choice.source})", style="dim")
        console.print(line)
    for name in recs.routines:
        console.print(Text(f"  Run: footback stretch --routine {name}", style="bold"))
    for note in recs.action_details:
        line = Text(f"- {note.text}")
        line.append(f" ({note.source})", style="dim")
        console.print(line)
    if recs.see_specialist and recs.why_specialist:
        who = recs.specialist or "clinician"
        console.print(Text(f"- See a {who}: {recs.why_specialist}", style="bold"))
    if recs.evidence_notes:
        console.print()
        console.print(Text("WHAT THE EVIDENCE SAYS", style="bold underline"))
        for note in recs.evidence_notes:
            line = Text(f"- {note.text}")
            line.append(f" ({note.source})", style="dim")
            console.print(line)
