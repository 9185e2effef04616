"""The result fits: a summary of at most 24 rows at 40, 80 and 120 columns, then the details;
tidy when piped; a capped score says so."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from footback.assess.content import load_assess_content
from footback.assess.render import render_result
from footback.assess.service import assess
from footback.assess.summary import SUMMARY_ROWS, points_text, render_summary
from footback.models.assessment import FactorHit
from footback.render.console import show_long, tidy_piped
from tests.support.helpers import no_problem_answers
from tests.support.history_seed import heel_and_back_answers

CONTENT = load_assess_content()
WIDTHS = (40, 80, 120)
HEIGHTS = (14, 24, 40)


def _console(width: int, height: int = 24, *, terminal: bool = False) -> Console:
    return Console(file=io.StringIO(), width=width, height=height, color_system=None, force_terminal=terminal)


def _text(console: Console) -> str:
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


def _busy_answers() -> dict[str, object]:
    """Many factors, a specialist and long advice: the result that used to scroll away."""
    return heel_and_back_answers() | {
        "foot_pain_areas": ["heel", "arch"],
        "arch": "flat",
        "shoe_wear": "inner_edge",
        "footwear": "worn_out",
        "standing_hours": 8,
        "back_pain_weeks": 12,
        "back_worse_after_standing": True,
    }


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("height", HEIGHTS)
def test_the_summary_fits_24_rows_and_the_width(width: int, height: int) -> None:
    result = assess(CONTENT, _busy_answers())  # type: ignore[arg-type]
    console = _console(width, height)
    render_summary(console, result)
    rows = _text(console).rstrip("\n").split("\n")
    assert len(rows) <= SUMMARY_ROWS
    assert all(len(row) <= width for row in rows)
    text = _text(console)
    for title in ("Foot risk", "Back risk", "Foot-back link"):
        assert title in text
    assert "/100" in text and "footback stretch --routine" in text
    assert "See a " in text  # whether to see someone is always in the summary
    assert "Biggest factors" in text


@pytest.mark.parametrize("width", WIDTHS)
def test_the_summary_comes_first_then_the_details(width: int) -> None:
    result = assess(CONTENT, _busy_answers())  # type: ignore[arg-type]
    console = _console(width)
    render_result(console, result, CONTENT.advice.urgent)
    text = _text(console)
    assert text.index("YOUR RESULT") < text.index("Biggest factors") < text.index("DETAILS")
    assert text.index("DETAILS") < text.index("WHAT TO DO NEXT")
    assert text.count("\n") > SUMMARY_ROWS  # the whole result is longer than the summary


def test_no_reason_to_see_someone_is_said_too() -> None:
    result = assess(CONTENT, no_problem_answers())
    console = _console(80)
    render_summary(console, result)
    assert "See someone: none of footback's reasons to see a clinician apply to you now." in _text(console)


def test_a_capped_score_says_how_many_points_it_had() -> None:
    result = assess(CONTENT, _busy_answers())  # type: ignore[arg-type]
    foot = result.scores.foot
    missing = 107 - sum(f.points for f in foot.factors)
    extra = FactorHit(id="x", points=missing, reason="More.", source="s")
    capped = foot.model_copy(update={"score": 100, "factors": [*foot.factors, extra]})
    assert points_text(capped) == "107 points, shown as 100"
    result = result.model_copy(update={"scores": result.scores.model_copy(update={"foot": capped})})
    console = _console(120)
    render_result(console, result, CONTENT.advice.urgent)
    text = _text(console)
    assert "100/100 high (107 points, shown as 100)" in text
    assert "Foot risk: 107 points, shown as 100" in text
    assert points_text(result.scores.back) == f"{result.scores.back.score} points"


def test_link_points_that_do_not_count_say_so_and_why() -> None:
    # Foot and back pain only: the one link factor rests on the article, so none of it counts.
    answers = no_problem_answers() | {"foot_pain": "often", "back_pain": "often", "back_pain_weeks": 20}
    link = assess(CONTENT, answers).scores.link
    raw = sum(f.points for f in link.factors)
    assert link.score == 0 < raw
    assert points_text(link) == f"{raw} points, 0 counted"
    console = _console(120)
    render_result(console, assess(CONTENT, answers), CONTENT.advice.urgent)
    text = " ".join(_text(console).split())
    assert f"0/100 low ({raw} points, 0 counted)" in text
    note = CONTENT.scoring.scores["link"].uncounted_note
    assert note and " ".join(note.split()) in text
    # A link score where everything counts says nothing of the kind.
    counted = assess(CONTENT, answers | {"first_step_pain": True}).scores.link
    assert counted.score == sum(f.points for f in counted.factors)
    assert points_text(counted) == f"{counted.score} points"


def test_piped_output_has_no_leading_blank_lines_or_trailing_spaces() -> None:
    assert tidy_piped("\n\n  a  \nb \n\n") == "  a\nb\n"
    assert tidy_piped("\n \n") == ""
    result = assess(CONTENT, _busy_answers())  # type: ignore[arg-type]
    console = _console(80)
    show_long(console, lambda c: render_result(c, result, CONTENT.advice.urgent))
    text = _text(console)
    assert text.startswith("YOUR RESULT")
    assert all(line == line.rstrip() for line in text.splitlines())


@pytest.mark.parametrize("height", HEIGHTS)
def test_a_result_that_fits_the_terminal_is_printed_not_paged(height: int) -> None:
    console = _console(80, height, terminal=True)
    show_long(console, lambda c: c.print("\n".join(f"row {n}" for n in range(height - 2))))
    assert _text(console).startswith("row 0") and f"row {height - 3}" in _text(console)


KEELE_SHORT = CONTENT.scoring.startback.short_notice


def _one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("width", WIDTHS)
def test_the_summary_shows_keeles_notice_whole_beside_the_group(width: int) -> None:
    result = assess(CONTENT, _busy_answers())  # type: ignore[arg-type]
    assert result.startback is not None
    console = _console(width)
    render_summary(console, result)
    text = _text(console)
    assert f"{result.startback.group} risk" in text
    assert "(c) Keele University 2007" in KEELE_SHORT
    assert "Arthritis Research UK" in KEELE_SHORT  # the funding part is kept in the short form
    assert KEELE_SHORT in _one_line(text)  # never cut to an ellipsis
    assert len(text.rstrip("\n").split("\n")) <= SUMMARY_ROWS


def test_no_grouping_no_notice() -> None:
    result = assess(CONTENT, no_problem_answers())
    assert result.startback is None
    console = _console(80)
    render_summary(console, result)
    assert "Keele" not in _text(console)


def test_a_result_stored_before_the_notice_still_shows_it_in_summary_details_and_report() -> None:
    from footback.assess.content import keele_notice

    result = assess(CONTENT, _busy_answers())  # type: ignore[arg-type]
    assert result.startback is not None
    old = result.model_copy(
        update={"startback": result.startback.model_copy(update={"notice": None, "short_notice": None})}
    )
    assert old.startback is not None
    assert keele_notice(old.startback) == CONTENT.scoring.startback.notice
    console = _console(80, 200)
    render_result(console, old, CONTENT.advice.urgent)
    text = _one_line(_text(console))
    assert KEELE_SHORT in text and _one_line(CONTENT.scoring.startback.notice) in text


def _uncounted_link_answers() -> dict[str, object]:
    """Back pain that builds on the feet, foot pain and poor shoes: 45 link points from the
    article, none counted; no foot or back factor as big."""
    return no_problem_answers() | {
        "foot_pain": "sometimes",
        "back_pain": "often",
        "back_pain_weeks": 20,
        "back_worse_after_standing": True,
        "footwear": "worn_out",
    }


def test_points_that_do_not_count_never_lead_the_biggest_factors() -> None:
    """Issue 20, item 7: '+20 link' shown first reads as 'your shoes cause your back pain'."""
    result = assess(CONTENT, _uncounted_link_answers())  # type: ignore[arg-type]
    link = result.scores.link
    assert link.score == 0 and sum(f.points for f in link.factors) >= 45
    console = _console(100, 60)
    render_summary(console, result)
    summary = _text(console)
    biggest = summary.split("Biggest factors", 1)[1]
    assert " link:" not in biggest
    # ... and a counted link factor is listed again when it counts (heel pain, from a study).
    counted = assess(CONTENT, _uncounted_link_answers() | {"first_step_pain": True})  # type: ignore[arg-type]
    console = _console(100, 60)
    render_summary(console, counted)
    assert "+20 link: Heel pain" in _text(console).split("Biggest factors", 1)[1]


def test_the_uncounted_note_is_plain() -> None:
    """Issue 20, item 10: shown but not added, because of one clinic's article, and when they count."""
    note = CONTENT.scoring.scores["link"].uncounted_note or ""
    assert "shown but not added" in note and "one podiatry clinic's web article" in note
    assert "published study" in note and "third" in note


def test_the_article_is_named_where_first_cited_then_called_the_article() -> None:
    """Issue 20, item 8: '[the article]' alone never says what it is."""
    result = assess(CONTENT, _uncounted_link_answers())  # type: ignore[arg-type]
    console = _console(200, 200)
    render_result(console, result, CONTENT.advice.urgent)
    text = _text(console)
    named = "a podiatry clinic's web article: expert opinion"
    assert text.count(named) == 1
    assert text.index(named) < text.index("[the article")
    assert "; article]" not in text  # the evidence word is not repeated beside the name


def test_article_points_that_all_count_are_counted_in_full() -> None:
    from footback.assess.scoring import counts_in_full

    # Heel pain (a study, 20) beside foot and back pain (the article, 10): 10 <= 20 / 2, all count.
    answers = _uncounted_link_answers() | {"first_step_pain": True, "back_worse_after_standing": False}
    answers |= {"footwear": "supportive"}
    link = assess(CONTENT, answers).scores.link  # type: ignore[arg-type]
    assert link.score == sum(f.points for f in link.factors) == 30
    assert all(counts_in_full(link, hit, CONTENT.sources) for hit in link.factors)
    cut = assess(CONTENT, _uncounted_link_answers()).scores.link  # type: ignore[arg-type]
    assert not any(counts_in_full(cut, hit, CONTENT.sources) for hit in cut.factors)
