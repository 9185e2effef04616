"""What changing a saved pair amounts to: distance added (a new check) or taken back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from footback.core.units import DistanceUnit

if TYPE_CHECKING:
    from footback.models.shoe_check import ShoeCheckResult
    from footback.records.shoes import SavedCheck


@dataclass(frozen=True)
class AddedDistance:
    result: ShoeCheckResult
    previous: SavedCheck
    pair: str
    km: float
    unit: DistanceUnit


@dataclass(frozen=True)
class UndoneDistance:
    pair: str
    removed_km: float
    total_km: float | None
    unit: DistanceUnit
