"""The one float slack: a value on a threshold up to rounding error counts as on it, no more."""

from __future__ import annotations

import pytest

from footback.core.floats import FLOAT_SLACK, reaches, whole_up


@pytest.mark.parametrize(
    ("value", "threshold", "expected"),
    [
        (0.1 + 0.2, 0.3, True),  # 0.30000000000000004: above by noise
        (0.3 - 1e-12, 0.3, True),  # below by noise: on it
        (2.0, 2.0, True),
        (1.9, 2.0, False),
        (2.0 - 10 * FLOAT_SLACK, 2.0, False),  # a real shortfall, however small, is not noise
    ],
)
def test_reaches_allows_only_rounding_noise(value: float, threshold: float, expected: bool) -> None:
    assert reaches(value, threshold) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(3.0, 3), (3.0 + 1e-12, 3), (3.0 + 10 * FLOAT_SLACK, 4), (2.5, 3), (0.0, 0), (-0.5, 0)],
)
def test_whole_up_keeps_a_whole_number_with_noise_on_it(value: float, expected: int) -> None:
    assert whole_up(value) == expected
