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
