"""Re-rating the function score's activities at a check-in: offered with one key when 4 weeks
(data/daily.toml, `[function] recheck_days`) have passed since the last rating, never otherwise,
and never without a terminal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from footback.models.psfs import PsfsRating

if TYPE_CHECKING:
    from footback.records.db import Store

Ask = Callable[[str], str]
Say = Callable[[str], None]


def offer_rerating(store: Store, ask: Ask, say: Say, now: datetime) -> PsfsRating | None:
    """When due, one question (Enter skips); on yes, a rating of each activity, stored."""

    from footback.assess.function_input import ask_rating
    from footback.daily.content import load_daily_content
    from footback.daily.function import recheck_due
    from footback.records.psfs import list_ratings, save_rating

    rule = load_daily_content().function
    stored = list_ratings(store)
    if not recheck_due(stored, now.date(), rule):
        return None
    try:
        if ask(rule.offer.format(day=stored[-1].day)).strip().lower() not in ("y", "yes"):
            return None
        activities = stored[0].activities  # the same activities every time: the first ones
        ratings = [ask_rating(ask, say, rule, name) for name in activities]
    except EOFError:
        return None  # input ended: the check-in is saved, the rating is not
    rating = PsfsRating.rated_now(now, activities, ratings)
    save_rating(store, rating)
    say(rule.saved.format(mean=rating.mean))
    return rating
