"""The HTML report in a real browser (headless Chromium): it renders, shows the scores, the charts
and the plan's figures, logs no console errors, and prints a typical history on two A4 or Letter
pages at 9 pt: the assessment on the first, practice and the plan's figures on the second."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from footback.records.db import open_store
from footback.report.build import build_report
from footback.report.html import render_html
from tests.support.history_seed import NOW, seed_typical

CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium")) if p and Path(p).exists()), None)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)"),
]


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--enable-logging=stderr",
        "--v=0",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def page(home: Path, tmp_path: Path) -> Path:
    seed_typical(home)
    with open_store(home) as store:
        html = render_html(build_report(store, now=NOW, folder=home))
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    return path


def test_chromium_renders_title_scores_and_chart_without_console_errors(page: Path, tmp_path: Path) -> None:
    done = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert "<title>footback summary for a clinician (2025-03-13)</title>" in dom
    assert re.search(r"<td[^>]*>foot</td><td[^>]*>62</td><td[^>]*>high</td>", dom)
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in dom and dom.count('class="series"') == 3
    assert 'id="day-chart"' in dom and dom.count('class="pain"') >= 2
    assert dom.count('<pre role="img"') >= 8 and '<b class="work">R</b>' in dom
    console = [
        line for line in done.stderr.splitlines() if "CONSOLE" in line or "Content Security Policy" in line
    ]
    assert console == [], console


def _pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


def _printed(page: Path, tmp_path: Path, size: str, css: str = "") -> int:
    html = (
        page.read_text()
        .replace("@page {", f"@page {{ size: {size};", 1)
        .replace("</style>", css + "</style>")
    )
    sized = tmp_path / f"report-{size}.html"
    sized.write_text(html, encoding="utf-8")
    pdf = tmp_path / f"report-{size}.pdf"
    pdf.unlink(missing_ok=True)
    done = chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", sized.as_uri())
    assert pdf.exists(), done.stderr[-2000:]
    return _pages(pdf)


@pytest.mark.parametrize("size", ["A4", "letter"])
def test_a_typical_history_prints_on_two_pages(page: Path, tmp_path: Path, size: str) -> None:
    """Three assessments, a month of routines and check-ins, two pairs of shoes and a saved plan
    of 8 steps: two sheets of A4 or Letter at 9 pt, each part on its own sheet (docs/report.md)."""
    assert _printed(page, tmp_path, size) == 2
    # Each sheet holds its part alone: the assessment does not spill onto the second, nor
    # practice and the figures onto a third.
    assert _printed(page, tmp_path, size, "@media print { .page2, footer { display: none } }") == 1
    first_page = "header, #assessment, #evidence"
    assert _printed(page, tmp_path, size, f"@media print {{ {first_page} {{ display: none }} }}") == 1


def test_screenshot_is_not_blank(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    chromium(tmp_path, "--window-size=900,1400", f"--screenshot={shot}", page.as_uri())
    assert shot.exists() and shot.stat().st_size > 20_000
