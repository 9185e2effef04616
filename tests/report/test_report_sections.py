"""The report is built once as typed sections; each format draws every kind with one function."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest

from footback.records.db import open_store
from footback.report.build import build_report
from footback.report.html import section_html
from footback.report.markdown import section_md
from footback.report.sections import (
    AssessmentSection,
    ChartSection,
    DailySection,
    EvidenceSection,
    PlanHistorySection,
    RoutinesSection,
    Section,
    ShoesSection,
    StepsSection,
    TrendsSection,
    report_sections,
)
from tests.support.history_seed import NOW, seed_full, seed_typical


@pytest.mark.parametrize("kind", get_args(Section))
def test_every_section_kind_is_drawn_in_both_formats(kind: type) -> None:
    for draw in (section_html, section_md):
        assert draw.dispatch(kind) is not draw.dispatch(object), (draw.__name__, kind.__name__)


def test_a_kind_without_a_drawing_is_an_error() -> None:
    for draw in (section_html, section_md):
        with pytest.raises(TypeError, match=r"no (HTML|Markdown) for str"):
            draw("not a section")  # type: ignore[arg-type]


def test_sections_in_reading_order_and_only_those_with_something_to_show(home: Path) -> None:
    seed_full(home)
    with open_store(home) as store:
        doc = report_sections(build_report(store, now=NOW, folder=home))
    # No check-ins, no plan: no daily, plan history or steps section.
    assert [type(s) for s in doc.sections] == [
        AssessmentSection,
        TrendsSection,
        RoutinesSection,
        ChartSection,
        ShoesSection,
        EvidenceSection,
    ]


def test_a_typical_month_has_every_section(home: Path) -> None:
    seed_typical(home)
    with open_store(home) as store:
        doc = report_sections(build_report(store, now=NOW, folder=home))
    assert [type(s) for s in doc.sections] == [
        AssessmentSection,
        TrendsSection,
        RoutinesSection,
        DailySection,
        PlanHistorySection,
        ChartSection,
        ShoesSection,
        EvidenceSection,
        StepsSection,
    ]
    assert doc.get(StepsSection) is doc.sections[-1]


def test_without_an_assessment_the_warnings_have_a_section_of_their_own(home: Path) -> None:
    from html import escape

    from footback.report.build import load_report_text
    from footback.report.html import render_html
    from footback.report.markdown import render_markdown
    from tests.support.history_seed import add_check, at

    with open_store(home) as store:
        add_check(store, at(2), "trail runners")
        made = build_report(store, now=NOW)
    t = load_report_text()
    page = render_html(made)
    assert (
        f"<p>{escape(t.no_assessment)}</p>\n</section>\n<section><h2>{escape(t.headings.warnings)}</h2>"
        in page
    )
    assert 'id="warnings"' not in page  # the nested one sits beside an assessment's scores
    text = render_markdown(made)
    assert f"{t.no_assessment}\n\n## {t.headings.warnings}\n\n{t.no_warnings}\n" in text


def test_a_quick_re_check_with_one_scored_point(home: Path) -> None:
    import dataclasses
    from html import escape

    from footback.report.html import render_html

    seed_full(home)
    with open_store(home) as store:
        made = build_report(store, now=NOW)
    assert made.latest is not None
    latest = dataclasses.replace(made.latest, result=made.latest.result.model_copy(update={"quick": True}))
    one = [made.trends[-1].model_copy(update={"quick": True})]
    page = render_html(dataclasses.replace(made, latest=latest, trends=one))
    t = made.text
    day = f"{one[0].created_at:%Y-%m-%d}"
    assert (
        f"<h2>{escape(t.headings.assessment)} ({made.latest.created_at:%Y-%m-%d}, {escape(t.quick)})</h2>"
        in page
    )
    assert f"<p>{escape(t.quick_note)}</p>" in page
    assert f"<p>{escape(t.quick_dates.format(dates=day))}</p>\n<p>{escape(t.no_trend)}</p>" in page
