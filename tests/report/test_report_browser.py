"""The HTML report in a real browser (headless Chromium): it renders, shows the scores and the
chart, logs no console errors, and prints a typical history on one A4 or Letter page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from footback.records.db import open_store
from footback.report.build import build_report
from footback.report.html import render_html
from tests.support.history_seed import NOW, seed_full

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
    seed_full(home)
    with open_store(home) as store:
        html = render_html(build_report(store, now=NOW))
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
    console = [
        line for line in done.stderr.splitlines() if "CONSOLE" in line or "Content Security Policy" in line
    ]
    assert console == [], console


def _pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


@pytest.mark.parametrize("size", ["A4", "letter"])
def test_a_typical_history_prints_on_one_page(page: Path, tmp_path: Path, size: str) -> None:
    """Three assessments, a month of routines and two pairs of shoes: one sheet of A4 or Letter."""
    sized = tmp_path / f"report-{size}.html"
    sized.write_text(page.read_text().replace("@page {", f"@page {{ size: {size};"), encoding="utf-8")
    pdf = tmp_path / f"report-{size}.pdf"
    done = chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", sized.as_uri())
    assert pdf.exists(), done.stderr[-2000:]
    assert _pages(pdf) == 1


def test_screenshot_is_not_blank(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    chromium(tmp_path, "--window-size=900,1400", f"--screenshot={shot}", page.as_uri())
    assert shot.exists() and shot.stat().st_size > 20_000
