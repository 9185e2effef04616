"""Typed amounts: units, compound heights and weights, durations, and their round trips."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from footback.core.units import AmountError, convert_amount, format_amount, parse_amount


@pytest.mark.parametrize(
    ("text", "unit", "bare", "expected"),
    [
        ("170cm", "cm", None, 170.0),
        ("170 cm", "cm", None, 170.0),
        ("1.7 m", "cm", None, 170.0),
        ("5 ft 9", "cm", None, 175.26),
        ("5ft 9in", "cm", None, 175.26),
        ("5 feet 9 inches", "cm", None, 175.26),
        ("5'9\"", "cm", None, 175.26),
        ("5\u20329\u2033", "cm", None, 175.26),
        ("69 in", "cm", None, 175.26),
        ("69", "cm", "in", 175.26),
        ("80 kg", "kg", None, 80.0),
        ("80", "kg", None, 80.0),
        ("185 lb", "kg", None, 83.91458845),
        ("185 lbs", "kg", None, 83.91458845),
        ("185", "kg", "lb", 83.91458845),
        ("12 st 4", "kg", None, 12 * 6.35029318 + 4 * 0.45359237),
        ("12 weeks", "weeks", None, 12.0),
        ("3 months", "weeks", None, 3 * 365.25 / 12 / 7),
        ("1.5 years", "weeks", None, 1.5 * 365.25 / 7),
        ("1 year and 6 months", "weeks", None, 1.5 * 365.25 / 7),
        ("14 days", "weeks", None, 2.0),
        ("2 years", "months", None, 24.0),
        ("7.5 hours", "hours", None, 7.5),
        ("90 min", "hours", None, 1.5),
        ("45 years", "years", None, 45.0),
        ("6", None, None, 6.0),
    ],
)
def test_every_typed_form_is_read_in_the_asked_unit(
    text: str, unit: str | None, bare: str | None, expected: float
) -> None:
    value, _ = parse_amount(text, unit, bare)
    assert value == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "unit", "message"),
    [
        ("abc", "cm", "'abc' is not a number"),
        ("5 kg", "cm", "'5 kg' is not understood; write it like 170 cm or 5 ft 9"),
        ("5 9", "cm", "not understood"),
        ("3 parsecs", "weeks", "write it like 12 weeks, 3 months or 1.5 years"),
        ("6 kg", None, "write just the number"),
        ("5 ft -9", "cm", "must be 0 or more"),
        ("", "cm", "is not a number"),
    ],
)
def test_what_is_not_an_amount_says_how_to_write_one(text: str, unit: str | None, message: str) -> None:
    with pytest.raises(AmountError, match=message):
        parse_amount(text, unit)


def test_a_named_unit_is_reported_so_ranges_can_repeat_it() -> None:
    assert parse_amount("170", "cm") == (170.0, False)
    assert parse_amount("170 cm", "cm") == (170.0, True)


def test_heights_in_inches_are_shown_in_feet_and_inches() -> None:
    assert format_amount(250, "cm", "in") == "8 ft 2"
    assert format_amount(20, "cm", "in") == "8 in"
    assert format_amount(400, "kg", "lb") == "882 lb"
    assert format_amount(5200, "weeks") == "5200 weeks"
    assert format_amount(7.25, None) == "7.2"


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False))
def test_pounds_and_kilograms_round_trip(kg: float) -> None:
    assert convert_amount(convert_amount(kg, "kg", "lb"), "lb", "kg") == pytest.approx(kg)


@given(st.integers(min_value=1, max_value=8), st.integers(min_value=0, max_value=11))
def test_feet_and_inches_add_up_in_every_spelling(feet: int, inches: int) -> None:
    expected = (feet * 12 + inches) * 2.54
    for text in (
        f"{feet} ft {inches}",
        f"{feet}'{inches}\"",
        f"{feet} feet {inches} in",
        f"{feet}ft{inches}",
    ):
        assert parse_amount(text, "cm")[0] == pytest.approx(expected)
