"""The 2026 draft plan against the resolution's 2026 milestones (each checked by hand)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from chitieu.outlook.annual_plan import (
    check_json,
    check_text,
    compare,
    province_check,
    read_annual_targets,
    read_province_targets,
)
from tests.profiles import seed_profile

PUBLISHED = Path(__file__).resolve().parents[2] / "data" / "hung-yen" / "published"


@pytest.fixture(scope="module")
def checks(seed_path: Path):  # type: ignore[no-untyped-def]
    from chitieu.ingest.pipeline import ingest

    catalogue = ingest(seed_path)
    (plan,) = seed_profile().documents.annual_plans  # the profile names the codes
    annual = read_annual_targets(PUBLISHED / "plan-2026-draft.csv", plan.indicators)
    found = compare(annual, catalogue, {}, year=plan.year)
    return catalogue, {(c.code, c.annual_text): c for c in found}


def test_investment_175000_is_weaker_than_one_fifth_of_1100000(checks) -> None:  # type: ignore[no-untyped-def]
    check = checks[1][("kt.von_dau_tu.tong", "khoảng 175.000 tỷ đồng")]
    assert (check.verdict, check.milestone) == ("weaker", 220000)
    assert check.explanation.endswith("(tỷ đồng).")  # the unit as officials write it, not its code


def test_trained_labour_32_5_beats_the_straight_line_29_86(checks) -> None:  # type: ignore[no-untyped-def]
    """27,2% (2025) to 40,5% (2030): 27,2 + 13,3/5 = 29,86 in 2026."""
    check = checks[1][("xh.lao_dong_qua_dao_tao.bang_cap", "đạt 32,5%")]
    assert check.verdict == "consistent"
    assert check.milestone is not None and check.milestone.quantize(Decimal("0.01")) == Decimal(
        "29.86"
    )


def test_growth_10_to_10_5_meets_the_lower_bound_10(checks) -> None:  # type: ignore[no-untyped-def]
    assert checks[1][("kt.grdp.tang_truong", "GRDP tăng 10 - 10,5%")].verdict == "consistent"


def test_targets_without_a_resolution_indicator_cannot_be_checked(checks) -> None:  # type: ignore[no-untyped-def]
    assert checks[1][(None, "ít nhất 5.900 căn")].verdict == "cannot_check"


def test_national_table_gives_hung_yen_the_resolution_range(checks) -> None:  # type: ignore[no-untyped-def]
    provinces = read_province_targets(PUBLISHED / "national-grdp-targets-2026-2030-draft.csv")
    assert len(provinces) == 35
    hung_yen = next(p for p in provinces if p.province == "Hưng Yên")
    assert province_check(hung_yen, checks[0]).verdict == "consistent"


def test_the_national_table_is_named_as_the_profile_names_it(checks) -> None:  # type: ignore[no-untyped-def]
    provinces = read_province_targets(PUBLISHED / "national-grdp-targets-2026-2030-draft.csv")
    row = next(p for p in provinces if p.province == "Hưng Yên")
    found = province_check(row, checks[0], table="bảng thử")
    assert found.annual_text == f"{row.text} (bảng thử)"


def test_check_text_and_json_give_the_milestone_and_the_verdict_in_words(checks) -> None:  # type: ignore[no-untyped-def]
    check = checks[1][("kt.von_dau_tu.tong", "khoảng 175.000 tỷ đồng")]
    assert check_json(check)["milestone"] == "220000"
    assert "lộ trình cần 220.000 → THẤP HƠN lộ trình." in check_text(check)
