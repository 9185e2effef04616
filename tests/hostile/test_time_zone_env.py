"""A time zone footback cannot store: TZ=UTC-20 and TZ=UTC-5:30:17 (valid POSIX zones) stored
check-ins that every reading command then skipped as damaged; TZ=UTC+24 was a traceback in every
command. Now the clock refuses them in one line, exit 2, nothing stored; export still gets the
data out, and a zone one minute inside the limit works."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from footback.core.runtime import SystemClock
from tests.support.hostile import clean, digest, invoke, refused, seed_everything


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield
    monkeypatch.undo()
    time.tzset()


def use(monkeypatch: pytest.MonkeyPatch, tz: str) -> None:
    monkeypatch.setenv("TZ", tz)
    time.tzset()


# POSIX TZ counts hours west of UTC: UTC-14:59 is 14:59 ahead.
KEPT = ["UTC-14:59", "UTC+14:59", "UTC-5:30", "UTC0"]
REFUSED = {
    "UTC-15": "UTC+15:00",
    "UTC+15": "UTC-15:00",
    "UTC-20": "UTC+20:00",
    "UTC-5:30:17": "UTC+05:30:17",
    "UTC-14:59:01": "UTC+14:59:01",
    "UTC+24": "UTC-24:00",
    "UTC-24": "UTC+24:00",
}


@pytest.mark.parametrize("tz", KEPT)
def test_a_zone_inside_the_limit_is_read(zone: None, monkeypatch: pytest.MonkeyPatch, tz: str) -> None:
    use(monkeypatch, tz)
    offset = SystemClock().now().utcoffset()
    assert offset is not None and offset.total_seconds() == -time.timezone


@pytest.mark.parametrize(("tz", "shown"), REFUSED.items())
def test_a_zone_past_the_limit_is_refused_in_one_line(
    zone: None, monkeypatch: pytest.MonkeyPatch, home: Path, tz: str, shown: str
) -> None:
    seed_everything(home)
    before = digest(home)
    use(monkeypatch, tz)
    for args in (["checkin", "--foot", "2", "--back", "3", "--replace"], ["log", "feet"], ["history"]):
        refused(invoke(args), f"time zone is {shown}", "TZ=")
    assert digest(home) == before


@pytest.mark.parametrize("tz", ["UTC-20", "UTC+24"])
def test_export_still_gets_the_data_out(
    zone: None, monkeypatch: pytest.MonkeyPatch, home: Path, tz: str
) -> None:
    seed_everything(home)
    use(monkeypatch, tz)
    result = invoke(["export"])
    clean(result, codes=(0,))
    assert '"checkins": [' in result.stdout and "stiff morning" in result.stdout
