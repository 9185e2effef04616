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
