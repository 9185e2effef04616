"""The plan's review reads only the check-ins saved since the last review and the week before each
(`records.checkins.checkins_saved_after`): the flare and the warning sign it finds there are the
ones it found in every check-in stored."""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footback.models.checkin import CheckIn
from footback.plan.progression import find_flare
from footback.records.checkins import checkins_saved_after, list_checkins, save_checkin
from footback.records.db import open_store

TODAY = date(2026, 3, 31)
AFTER = datetime(2026, 3, 24, 9, 0, tzinfo=UTC)  # the last review
ZONES = [timezone(timedelta(hours=h)) for h in (-8, 0, 1, 13)]

# Per day before today: foot, back, hours after the last review it was saved (negative: before
# it; a check-in for an old day may be saved late), a warning sign or not, and the clock's zone.
CHECKIN = st.tuples(
    st.integers(0, 10), st.integers(0, 10), st.integers(-300, 200), st.booleans(), st.sampled_from(ZONES)
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.integers(0, 40), CHECKIN, max_size=30), st.sampled_from([2.0, 3.0]))
def test_the_news_and_their_weeks_give_the_flare_every_checkin_gave(
    days: dict[int, tuple[int, int, int, bool, timezone]], points: float
) -> None:
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "data") as store:
        for ago, (foot, back, hours, sign, zone) in days.items():
            saved = (AFTER + timedelta(hours=hours)).astimezone(zone)
            signs = ["rf_fever"] if sign else []
            save_checkin(
                store,
                CheckIn(
                    day=TODAY - timedelta(days=ago),
                    foot=foot,
                    back=back,
                    warning_signs=signs,
                    created_at=saved,
                ),
            )
        every = list_checkins(store)
        read = checkins_saved_after(store, AFTER, days_before=7)
    assert find_flare(read, AFTER, points) == find_flare(every, AFTER, points)
    news = [c for c in every if c.created_at > AFTER]
    assert [c for c in read if c.created_at > AFTER] == news
    assert len(read) <= 8 * len(news)  # the news and at most seven days before each
