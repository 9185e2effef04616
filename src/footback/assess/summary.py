"""The short result screen: what a person needs first, in at most 24 rows.

Three scores, the biggest factors, what to do next and whether to see someone. One indent style:
headings at the margin, what is under them two in, a wrapped line under its own text (never
under its mark); when all of it does not fit, long items shrink to one row ending in an ellipsis
(the details that follow have them whole).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, get_args

from footback.assess.content import keele_notice
from footback.core.models import SCORE_NAMES
from footback.models.assessment import AssessmentResult, FactorHit, Group, Score
from footback.render.console import hanging

if TYPE_CHECKING:
    from datetime import datetime

    from rich.console import Console, RenderableType
    from rich.text import Text

# The summary's budget: the rows of a classic terminal, so the scores never scroll away.
SUMMARY_ROWS = 24
TOP_FACTORS = 3
TOP_ACTIONS = 2
LEVEL_STYLE = {"low": "green", "moderate": "yellow", "medium": "yellow", "high": "red"}
TITLES = {"foot": "Foot risk", "back": "Back risk", "link": "Foot-back link"}
SHORT = {"foot": "foot", "back": "back", "link": "link"}
# "Foot-back link" right-aligned, a space, the bar, " 100/100 " and the longest level words
# (a STarT Back group, "medium risk"), so the level is never cut to an ellipsis.
_LABEL = max(len(t) for t in TITLES.values())
_NUMBERS = len(" 100/100 ") + max(len(f"{group} risk") for group in get_args(Group))
# What sits under a heading (or under the scores) starts this far in.
_INDENT = "  "


def bar(score: int, width: int) -> str:
    """A text bar: filled blocks for the score, light shade for the rest."""
    filled = round(min(score, 100) / 100 * width)
    return "█" * filled + "░" * (width - filled)


def raw_points(score: Score) -> int:
    """The points before the cap at 100 (every factor's points added up)."""
    return sum(f.points for f in score.factors)


def points_text(score: Score) -> str:
    """'93 points'; '107 points, shown as 100' when the cap at 100 hid some; '35 points, 0 counted'
    when the link's weaker evidence did not count (the details say why)."""
    raw = raw_points(score)
    if raw <= score.score:
        return f"{score.score} points"
    if score.score == 100:
        return f"{raw} points, shown as 100"
    return f"{raw} points, {score.score} counted"


def bar_width(console_width: int) -> int:
    """The widest bar that keeps a score line on one row (at least 5 cells, at most 20)."""
    return max(5, min(20, console_width - _LABEL - 1 - _NUMBERS))


def delta_text(now: int, before: int | None) -> str:
    if before is None:
        return ""
    change = now - before
    return "(no change)" if change == 0 else f"({change:+d} since last time)"


def _line(text: str, style: str = "") -> Text:
    """A row that never wraps: what does not fit ends in an ellipsis."""
    from rich.text import Text

    return Text(text, style=style, no_wrap=True, overflow="ellipsis")


def level_words(name: str, score: Score, group: str | None = None) -> str:
    """The back level is the STarT Back group: say it is a risk, as Keele names it."""
    return f"{group} risk" if name == "back" and group is not None else score.level


def score_line(
    name: str, score: Score, width: int, before: int | None = None, group: str | None = None
) -> Text:
    """'        Foot risk ████░░░░  93/100 high (+5 since last time)' on one row."""
    line = _line(TITLES[name].rjust(_LABEL) + " ")
    line.append(bar(score.score, bar_width(width)), style=LEVEL_STYLE.get(score.level, ""))
    line.append(f" {score.score:>3}/100 {level_words(name, score, group)}")
    if raw_points(score) > score.score:
        line.append(f" ({points_text(score)})", style="dim")
    delta = delta_text(score.score, before)
    if delta:
        line.append(f" {delta}", style="dim")
    return line


@dataclass
class _Part:
    """A piece of the summary: `short` is its one-row form, used when the full one does not fit."""

    full: RenderableType
    short: RenderableType | None = None
    # Lower is dropped first when even the one-row forms do not fit; None: always kept.
    keep: int | None = None


def _parts(
    result: AssessmentResult, width: int, previous: AssessmentResult | None, previous_at: datetime | None
) -> list[_Part]:
    heading = "YOUR RESULT"
    if previous_at is not None:
        heading += f" (compared with {previous_at:%Y-%m-%d})"
    parts = [_Part(_line(heading, "bold underline"))]
    for name in SCORE_NAMES:
        score: Score = getattr(result.scores, name)
        before = getattr(previous.scores, name).score if previous else None
        group = result.startback.group if result.startback else None
        parts.append(_Part(score_line(name, score, width, before, group)))
    if result.startback:
        sb = result.startback
        # Keele's group names with what they are a risk of: never a bare "low" beside the pain.
        words = f"Back (STarT Back group): {sb.group} risk of the pain becoming long-lasting and disabling"
        parts.append(_Part(hanging(_INDENT, words, "dim"), _line(_INDENT + words, "dim")))
        # Keele asks for its copyright and funding line wherever the grouping is shown: never cut.
        parts.append(_Part(hanging(_INDENT, keele_notice(sb, short=True), "dim italic")))
    recs = result.recommendations
    parts.append(_Part(_line("")))
    if result.adult_notice:
        parts.append(_Part(hanging("! ", result.adult_notice, "bold")))
    if recs.see_specialist:
        why = "; ".join(n.text for n in recs.specialist_reasons) or (recs.why_specialist or "")
        text = f"See a {recs.specialist or 'clinician'}: {why}."
        parts.append(_Part(hanging("! ", text, "bold")))
    else:
        text = "See someone: none of footback's reasons to see a clinician apply to you now."
        parts.append(_Part(hanging("- ", text)))
    parts += [_Part(_line("")), _Part(_line("What to do next", "bold"))]
    parts += [_Part(_line(f"{_INDENT}footback stretch --routine {name}", "bold")) for name in recs.routines]
    for rank, note in enumerate(recs.action_details[:TOP_ACTIONS]):
        lead = f"{_INDENT}- "
        parts.append(_Part(hanging(lead, note.text), _line(lead + note.text), keep=1 - rank))
    factors = _biggest(result)
    parts += [_Part(_line("")), _Part(_line("Biggest factors", "bold"))]
    if not factors:
        shown = any(getattr(result.scores, n).factors for n in SCORE_NAMES)
        nothing = "Nothing in your answers adds points" + (" that count." if shown else ".")
        parts.append(_Part(_line(f"{_INDENT}{nothing}")))
    for rank, (hit, score_name) in enumerate(factors):
        lead = f"{_INDENT}+{hit.points} {SHORT[score_name]}: "
        parts.append(_Part(hanging(lead, hit.reason), _line(lead + hit.reason), keep=10 - rank))
    parts.append(_Part(_line("The details, with sources, follow.", "dim")))
    return parts


def _biggest(result: AssessmentResult) -> list[tuple[FactorHit, str]]:
    """The factors whose points count in full, largest first: points shown but not added (the
    link's article-only ones) never lead, or a person reads them as the cause of their pain."""
    from footback.assess.content import load_assess_content
    from footback.assess.scoring import counts_in_full

    src = load_assess_content().sources
    scores: list[tuple[str, Score]] = [(name, getattr(result.scores, name)) for name in SCORE_NAMES]
    hits = [(hit, name) for name, score in scores for hit in score.factors if counts_in_full(score, hit, src)]
    return sorted(hits, key=lambda pair: -pair[0].points)[:TOP_FACTORS]


def _height(console: Console, renderable: RenderableType, width: int) -> int:
    return len(console.render_lines(renderable, console.options.update_width(width), pad=False))


def summary_parts(
    console: Console,
    result: AssessmentResult,
    previous: AssessmentResult | None = None,
    previous_at: datetime | None = None,
) -> list[RenderableType]:
    """The summary, fitted into SUMMARY_ROWS rows at the console's width: long items first
    shrink to one row each, then the least important ones go (the details still have them)."""
    width = console.width
    parts = _parts(result, width, previous, previous_at)

    def rows(chosen: list[_Part], short: bool) -> int:
        return sum(_height(console, p.short if short and p.short else p.full, width) for p in chosen)

    short = rows(parts, short=False) > SUMMARY_ROWS
    while rows(parts, short) > SUMMARY_ROWS and any(p.keep is not None for p in parts):
        parts.remove(min((p for p in parts if p.keep is not None), key=lambda p: p.keep or 0))
    return [p.short if short and p.short else p.full for p in parts]


def render_summary(
    console: Console,
    result: AssessmentResult,
    previous: AssessmentResult | None = None,
    previous_at: datetime | None = None,
) -> None:
    """Print the summary (at most SUMMARY_ROWS rows)."""
    from rich.text import Text

    for part in summary_parts(console, result, previous, previous_at):
        if isinstance(part, Text):
            console.print(part, no_wrap=True, overflow="ellipsis", crop=True)
        else:
            console.print(part)
