"""Citations are listed once each, also when one citation names several sources."""

from __future__ import annotations

from footback.content.loader import sources


def test_the_same_source_is_not_listed_twice() -> None:
    known = sources()
    assert known.brief("cauda_equina") == "NHS; Royal Free"
    assert known.brief("nhs_back_pain") == "NHS"
    assert known.briefs(["cauda_equina", "nhs_back_pain", "cauda_equina"]) == "NHS; Royal Free"
    assert known.briefs(["nhs_back_pain", "chou_2007", "nhs_back_pain"]) == "NHS; Chou 2007"
    assert known.cites(["chou_2007", "chou_2007"]) == known.cite("chou_2007")
    assert known.briefs(["not_a_source"]) == ""


def test_a_briefer_names_a_source_the_first_time_then_uses_its_short_form() -> None:
    from footback.content.loader import sources

    brief = sources().briefer()
    named = "a podiatry clinic's web article: expert opinion"
    assert brief(["article_sweeney", "nhs_back_pain"]) == f"{named}; NHS"
    assert brief(["article_sweeney"]) == "the article"
    assert sources().briefer()(["article_sweeney"]).startswith("a podiatry clinic's")  # a new screen
