"""The shared domain vocabulary: one strict base model, score names, levels, the plan's routine name."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

ScoreName = Literal["foot", "back", "link"]
# The order every screen, table and trend uses.
SCORE_NAMES: tuple[ScoreName, ...] = ("foot", "back", "link")
Level = Literal["low", "moderate", "high"]
# A change over time (pain, function), judged against its meaningful-change rule.
ChangeVerdict = Literal["better", "no clear change", "worse", "too little data"]
# How a bare height or weight is read: cm and kg, or inches and pounds.
BodyUnits = Literal["metric", "imperial"]
# `footback plan` saves a personal routine under this name; `stretch --routine plan` plays it.
PLAN_NAME = "plan"


class StrictModel(BaseModel):
    """Unknown keys are an error and values never change after validation."""

    # Validators are built on first use, not at import: a run pays only for the models it uses
    # (start-up, bench/startup.py).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
