"""Rules: the calibrated defaults, their validation, and the per-plan tolerance."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chitieu.assess.errors import AssessmentError
from chitieu.assess.rules import DEFAULT_RULES, Rules
from chitieu.catalog.model import Catalogue, Plan

D = Decimal


def _catalogue(tolerance: Decimal | None) -> Catalogue:
    plan = Plan("hung_yen_2025_2030", "Nghị quyết", "Tỉnh ủy Hưng Yên", 2025, 2030, "seed.txt")
    return Catalogue(plan, tolerance=tolerance)


def test_default_tolerance_is_inside_the_calibrated_window() -> None:
    """19,29/20 is Cơ bản đạt (>= 3,55%); 27,8/30 is Không đạt (< 7,33%)."""
    assert D("0.0355") <= DEFAULT_RULES.tolerance < D("0.0733")


def test_default_exceed_margin_is_inside_the_calibrated_window() -> None:
    """90,5/90 is Đạt (> 0,556%); 80,8/80 is Vượt (<= 1%)."""
    assert D(90.5) / D(90) - 1 < DEFAULT_RULES.exceed_margin <= D("0.01")


def test_plan_tolerance_replaces_the_default() -> None:
    assert Rules.for_catalogue(_catalogue(D("0.1"))).tolerance == D("0.1")


def test_plan_without_tolerance_keeps_the_base_rules() -> None:
    base = Rules(exceed_margin=D("0.02"))
    assert Rules.for_catalogue(_catalogue(None), base) is base


@pytest.mark.parametrize(
    "settings",
    [
        {"tolerance": D(1)},
        {"tolerance": D("-0.01")},
        {"exceed_margin": D("-0.01")},
        {"band_tolerance": D("-0.01")},
        {"precision": -1},
    ],
)
def test_out_of_range_settings_are_refused(settings: dict[str, object]) -> None:
    with pytest.raises(AssessmentError):
        Rules(**settings)  # type: ignore[arg-type]
