"""The Hypothesis profiles registered in conftest.py: `dev` locally, `ci` (reproducible) under CI."""

from __future__ import annotations

import os

from hypothesis import settings


def test_ci_profile_is_reproducible() -> None:
    ci = settings.get_profile("ci")
    assert ci.derandomize is True
    assert ci.database is None


def test_dev_profile_explores() -> None:
    assert settings.get_profile("dev").derandomize is False


def test_the_profile_in_use_follows_the_ci_variable() -> None:
    # conftest.py loads `ci` when CI is set, otherwise `dev`.
    assert settings.default.derandomize is bool(os.environ.get("CI"))
