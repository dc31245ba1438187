"""The settings of an assessment, calibrated on the 2020-2025 tables (see docs/assessment.md).

One `Rules` value is passed per plan; `DEFAULT_RULES` holds the calibrated defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from chitieu.assess.errors import AssessmentError
from chitieu.catalog.model import Catalogue

# Unit codes (chitieu.quantity.units) of a percentage whose natural maximum is 100, for the
# cap rule; "pct_per_year" (a growth rate) is deliberately not one of them.
PERCENT_UNITS = frozenset({"pct", "%"})


@dataclass(frozen=True)
class Rules:
    """How far from the target each word of the official scale reaches.

    - `tolerance`: a shortfall with score (result/target, or target/result when lower
      is better) in [1 - tolerance, 1) is "Cơ bản đạt"; calibrated window [3,55%; 7,33%).
    - `exceed_margin`: "Vượt" needs score >= 1 + exceed_margin; a smaller excess is
      "Đạt"; calibrated window (0,556%; 1%].
    - `cap_at_100`: a percentage result of exactly 100 against a point/min target below
      100 is "Đạt", not "Vượt".
    - `max_can_exceed`: whether staying well under a ceiling ("dưới 1%") can be "Vượt".
    - `band_tolerance`: relative deviation allowed around a band target ("Đạt" inside).
    - `precision`: decimal places a computed average is rounded to before comparing,
      as officials compare the published rounded figure.
    """

    tolerance: Decimal = Decimal("0.05")
    exceed_margin: Decimal = Decimal("0.01")
    cap_at_100: bool = True
    max_can_exceed: bool = False
    band_tolerance: Decimal = Decimal("0.05")
    precision: int = 2
    percent_units: frozenset[str] = PERCENT_UNITS

    def __post_init__(self) -> None:
        if not Decimal(0) <= self.tolerance < Decimal(1):
            raise AssessmentError(
                f"Ngưỡng cơ bản đạt phải trong khoảng [0, 1): {self.tolerance}", "Rules.tolerance"
            )
        if self.exceed_margin < 0:
            raise AssessmentError(
                f"Ngưỡng vượt không được âm: {self.exceed_margin}", "Rules.exceed_margin"
            )
        if self.band_tolerance < 0:
            raise AssessmentError(
                f"Biên độ không được âm: {self.band_tolerance}", "Rules.band_tolerance"
            )
        if self.precision < 0:
            raise AssessmentError(
                f"Số chữ số thập phân không được âm: {self.precision}", "Rules.precision"
            )

    @classmethod
    def for_catalogue(cls, catalogue: Catalogue, base: Rules | None = None) -> Rules:
        """The rules of a plan: the base rules with the plan's own tolerance, if it sets one."""
        rules = base if base is not None else DEFAULT_RULES
        if catalogue.tolerance is None:
            return rules
        return replace(rules, tolerance=catalogue.tolerance)


DEFAULT_RULES = Rules()
