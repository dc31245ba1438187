"""Plan coherence on a hand-built catalogue carrying the real plan's numbers, and on the seed.

Hand arithmetic (checked with a calculator, kept here so a reader can redo it):
- nominal GRDP growth (600.000 / 328.283)^(1/5) − 1 = 1,82769^(0,2) − 1 = 12,82 %/năm;
  deflator 1,12819 / 1,11 − 1 = 1,64 %, 1,12819 / 1,10 − 1 = 2,56 %;
- population 328.283 × 1.000 / 101,5 = 3.234.315; 600.000 × 1.000 / 180 = 3.333.333;
  growth (3.333.333 / 3.234.315)^(1/5) − 1 = 0,605 %/năm;
- GRDP path at 12,82 %: 370.364, 417.840, 471.401, 531.827, 600.000, sum 2.391.432;
  1.100.000 / 2.391.432 = 46,00 % against 47,6 %: 3,4 % apart, within 5 %;
- ICOR 47,6 / 11 = 4,33 and 47,6 / 10 = 4,76, below 7,02;
- employment 1,10 / 1,1037 − 1 = −0,34 %, 1,11 / 1,1037 − 1 = +0,57 %.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from chitieu.catalog import model
from chitieu.catalog.model import Aggregation as Agg
from chitieu.catalog.model import Direction as Dir
from chitieu.outlook.assumptions import Assumptions
from chitieu.outlook.coherence import CoherenceCheck, Missing, Verdict, check_plan
from chitieu.quantity.target import Target, TargetKind

DOC = "test.txt"


def _target(
    low: str | None, high: str | None, kind: TargetKind, agg: Agg, line: int
) -> model.IndicatorTarget:
    value = Target(
        text=f"{low}-{high}",
        kind=kind,
        low=None if low is None else Decimal(low),
        high=None if high is None else Decimal(high),
    )
    return model.IndicatorTarget(value, 2026, 2030, agg, model.Source(DOC, line, text=value.text))


def ind(
    code: str,
    unit: str,
    target: str | tuple[str | None, str | None],
    *,
    agg: Agg = Agg.LEVEL,
    direction: Dir = Dir.HIGHER,
    base: str | None = None,
    parent: str | None = None,
    line: int = 1,
) -> model.Indicator:
    if isinstance(target, str):
        t = _target(target, target, TargetKind.POINT, agg, line)
    else:
        kind = TargetKind.RANGE if None not in target else TargetKind.MAX
        t = _target(target[0], target[1], kind, agg, line)
    baselines = (
        ()
        if base is None
        else (model.Baseline(2025, Decimal(base), unit, model.Source(DOC, line + 1000)),)
    )
    return model.Indicator(code, code, "kinh_te", parent, unit, direction, (t,), baselines)


def plan_catalogue(**overrides: model.Indicator) -> model.Catalogue:
    """The Hưng Yên plan's economic targets and 2025 values, by hand."""
    items = {
        "growth": ind("kt.grdp.tang_truong", "pct_per_year", ("10", "11"), agg=Agg.AVG_GROWTH),
        "grdp": ind("kt.grdp.quy_mo", "ty_dong", "600000", base="328283", line=1342),
        "pp": ind("kt.grdp.binh_quan_dau_nguoi", "trieu_dong", "180", base="101.5"),
        "agri": ind("kt.co_cau.nong_nghiep", "pct", "8", direction=Dir.BAND, base="11.9"),
        "ind": ind("kt.co_cau.cong_nghiep_xay_dung", "pct", "60", direction=Dir.BAND, base="55.8"),
        "manu": ind(
            "kt.co_cau.che_bien_che_tao", "pct", "40.5", parent="kt.co_cau.cong_nghiep_xay_dung"
        ),
        "serv": ind("kt.co_cau.dich_vu", "pct", "27.5", direction=Dir.BAND, base="27.2"),
        "tax": ind("kt.co_cau.thue_san_pham", "pct", "4.5", direction=Dir.BAND, base="5.1"),
        "inv": ind("kt.von_dau_tu.tong", "ty_dong", "1100000", agg=Agg.CUMULATIVE),
        "ratio": ind("kt.von_dau_tu.ty_le_grdp", "pct", "47.6", agg=Agg.AVG_LEVEL),
        "budget": ind("kt.thu_ngan_sach.tong", "ty_dong", "65000", base="74432"),
        "dom": ind("kt.thu_ngan_sach.noi_dia", "ty_dong", "57000"),
        "noland": ind("kt.thu_ngan_sach.noi_dia_tru_dat", "ty_dong", "36000"),
        "trade": ind("kt.thu_ngan_sach.xuat_nhap_khau", "ty_dong", "8000"),
        "prod": ind(
            "kt.nang_suat_lao_dong.tang_truong", "pct_per_year", "10.37", agg=Agg.AVG_GROWTH
        ),
        "pop": ind(
            "xh.tang_dan_so_tu_nhien", "pct", (None, "1"), agg=Agg.AVG_LEVEL, direction=Dir.LOWER
        ),
        "poor": ind("xh.ho_ngheo", "pct", (None, "0.5"), direction=Dir.LOWER, base="0.9"),
    }
    items.update(overrides)
    plan = model.Plan("p", "Kế hoạch", "Tỉnh", 2025, 2030, DOC)
    icor = model.Claim(
        "tỷ lệ ICOR giảm từ 7,69 xuống còn 7,02",
        Decimal("7.02"),
        "7,02",
        None,
        2020,
        "tỷ lệ ICOR",
        "value",
        None,
        61,
    )
    return model.Catalogue(plan, indicators=tuple(items.values()), claims=(icor,))


def by_id(outcomes: tuple[CoherenceCheck | Missing, ...]) -> dict[str, CoherenceCheck]:
    return {o.check: o for o in outcomes if isinstance(o, CoherenceCheck)}


@pytest.fixture(scope="module")
def plan() -> dict[str, CoherenceCheck]:
    return by_id(check_plan(plan_catalogue()))


def test_structure_of_the_target_year_adds_up(plan: dict[str, CoherenceCheck]) -> None:
    check = plan["co_cau.tong_muc_tieu"]
    assert check.verdict is Verdict.COHERENT and check.result == "100,0%"


def test_structure_off_by_one_point_is_incoherent() -> None:
    # 8 + 60 + 27,5 + 5,5 = 101: beyond the 0,2-point rounding allowance.
    tax = ind("kt.co_cau.thue_san_pham", "pct", "5.5", direction=Dir.BAND, base="5.1")
    checks = by_id(check_plan(plan_catalogue(tax=tax)))
    assert checks["co_cau.tong_muc_tieu"].verdict is Verdict.INCOHERENT


def test_baseline_structure_adds_up(plan: dict[str, CoherenceCheck]) -> None:
    assert plan["co_cau.tong_nam_goc"].formula == "11,9 + 55,8 + 27,2 + 5,1 = 100,0"


def test_sub_share_within_its_sector(plan: dict[str, CoherenceCheck]) -> None:
    check = plan["co_cau.trong_do.che_bien_che_tao"]
    assert check.verdict is Verdict.COHERENT and check.formula == "40,5 ≤ 60,0"


def test_deflator_holds_only_for_the_lower_part_of_the_growth_range(
    plan: dict[str, CoherenceCheck],
) -> None:
    check = plan["grdp.giam_phat_ngu_y"]
    assert check.verdict is Verdict.ASSUMPTION
    assert "12,82%/năm" in check.result and "1,64%–2,56%" in check.result
    assert "10,61%" in check.explanation  # 1,12819 / 1,02 − 1


def test_deflator_outside_a_narrow_assumed_range_is_incoherent() -> None:
    # implied 1,64–2,56 %; an assumed 3–5 % does not meet it
    a = Assumptions(deflator_low=Decimal(3), deflator_high=Decimal(5))
    assert (
        by_id(check_plan(plan_catalogue(), a))["grdp.giam_phat_ngu_y"].verdict is Verdict.INCOHERENT
    )


def test_population_implied_by_grdp_per_person(plan: dict[str, CoherenceCheck]) -> None:
    check = plan["dan_so.ngu_y"]
    assert check.result == "dân số 3.234.315 → 3.333.333 người; tăng 0,60%/năm"
    assert check.verdict is Verdict.ASSUMPTION and "di cư" in check.explanation


def test_population_growth_above_the_cap_is_incoherent() -> None:
    # 3.234.315 → 3.750.000 (600.000 / 160): +3,0 %/năm, above the 1 % cap
    pp = ind("kt.grdp.binh_quan_dau_nguoi", "trieu_dong", "160", base="101.5")
    assert by_id(check_plan(plan_catalogue(pp=pp)))["dan_so.ngu_y"].verdict is Verdict.INCOHERENT


def test_investment_ratio_along_the_grdp_path(plan: dict[str, CoherenceCheck]) -> None:
    check = plan["dau_tu.ty_le_ngu_y"]
    assert "2.391.432" in check.formula and "46,00%" in check.result
    assert check.verdict is Verdict.ASSUMPTION


def test_icor_must_fall_from_the_stated_past_value(plan: dict[str, CoherenceCheck]) -> None:
    check = plan["dau_tu.icor_ngu_y"]
    assert check.result == "ICOR ngụ ý 4,33–4,76" and "7,02" in check.explanation
    assert any(i.line == 61 for i in check.inputs)


def test_icor_without_a_reference_cannot_be_checked() -> None:
    catalogue = replace(plan_catalogue(), claims=())
    check = by_id(check_plan(catalogue))["dau_tu.icor_ngu_y"]
    assert check.explanation.startswith("Không kiểm tra được")


def test_employment_implied_by_productivity(plan: dict[str, CoherenceCheck]) -> None:
    check = plan["lao_dong.ngu_y"]
    assert check.result == "lao động có việc làm tăng -0,34% đến 0,57%/năm"


def test_budget_parts_add_up(plan: dict[str, CoherenceCheck]) -> None:
    assert plan["ngan_sach.tong_thanh_phan"].verdict is Verdict.COHERENT
    assert plan["ngan_sach.trong_do"].verdict is Verdict.COHERENT


def test_budget_parts_far_from_the_total_are_incoherent() -> None:
    # 57.000 + 20.000 = 77.000 against 65.000: 18 % apart
    trade = ind("kt.thu_ngan_sach.xuat_nhap_khau", "ty_dong", "20000")
    checks = by_id(check_plan(plan_catalogue(trade=trade)))
    assert checks["ngan_sach.tong_thanh_phan"].verdict is Verdict.INCOHERENT


def test_target_below_its_baseline_is_flagged(plan: dict[str, CoherenceCheck]) -> None:
    check = plan["muc_tieu_so_nam_goc.kt.thu_ngan_sach.tong"]
    assert check.verdict is Verdict.INCOHERENT
    assert [i.value for i in check.inputs] == [Decimal("65000"), Decimal("74432")]


def test_lower_is_better_target_below_baseline_is_a_fall(plan: dict[str, CoherenceCheck]) -> None:
    assert plan["muc_tieu_so_nam_goc.xh.ho_ngheo"].verdict is Verdict.COHERENT


def test_band_share_moving_down_as_intended(plan: dict[str, CoherenceCheck]) -> None:
    check = plan["muc_tieu_so_nam_goc.kt.co_cau.nong_nghiep"]
    assert check.verdict is Verdict.COHERENT and check.explanation.startswith(
        "Giảm từ 11,9 xuống 8"
    )


def test_a_check_without_its_inputs_is_missing() -> None:
    catalogue = plan_catalogue()
    catalogue = replace(catalogue, indicators=catalogue.indicators[1:])  # no growth target
    missing = [o.check for o in check_plan(catalogue) if isinstance(o, Missing)]
    assert "grdp.giam_phat_ngu_y" in missing and "lao_dong.ngu_y" in missing


@pytest.fixture(scope="module")
def seed_checks(seed_path: Path) -> dict[str, CoherenceCheck]:
    from chitieu.ingest.pipeline import ingest

    return by_id(check_plan(ingest(seed_path)))


@pytest.mark.parametrize(
    ("check", "verdict"),
    [
        ("co_cau.tong_muc_tieu", Verdict.COHERENT),  # 8 + 60 + 27,5 + 4,5 = 100
        ("co_cau.tong_nam_goc", Verdict.COHERENT),  # 11,9 + 55,8 + 27,2 + 5,1 = 100
        ("co_cau.trong_do.che_bien_che_tao", Verdict.COHERENT),  # 40,5 ≤ 60
        ("grdp.giam_phat_ngu_y", Verdict.ASSUMPTION),  # deflator 1,64–2,56 %
        ("dan_so.ngu_y", Verdict.ASSUMPTION),  # 0,60 %/năm < 1 %
        ("dau_tu.ty_le_ngu_y", Verdict.ASSUMPTION),  # 46,0 % vs 47,6 %
        ("dau_tu.icor_ngu_y", Verdict.ASSUMPTION),  # 4,33–4,76 vs 7,02 (line 61)
        ("lao_dong.ngu_y", Verdict.ASSUMPTION),  # −0,34 % to +0,57 %
        ("ngan_sach.tong_thanh_phan", Verdict.COHERENT),  # 57.000 + 8.000 = 65.000
        ("ngan_sach.trong_do", Verdict.COHERENT),  # 36.000 ≤ 57.000
        ("xuat_khau.lo_trinh", Verdict.ASSUMPTION),  # 11.968 × 1,11^5 = 20.167
        ("muc_tieu_so_nam_goc.kt.thu_ngan_sach.tong", Verdict.INCOHERENT),  # 65.000 < 74.432
        ("muc_tieu_so_nam_goc.xh.that_nghiep", Verdict.INCOHERENT),  # < 1,5 % vs 1,3 %
        ("muc_tieu_so_nam_goc.xh.ho_ngheo", Verdict.COHERENT),  # < 0,5 % vs 0,9 %
        ("muc_tieu_so_nam_goc.kt.co_cau.nong_nghiep", Verdict.COHERENT),  # 8 vs 11,9: a fall
        # 40,5 vs 27,2 (line 113's certified share, not the 80 % of all trained labour)
        ("muc_tieu_so_nam_goc.xh.lao_dong_qua_dao_tao.bang_cap", Verdict.COHERENT),
    ],
)
def test_seed_verdicts(
    seed_checks: dict[str, CoherenceCheck], check: str, verdict: Verdict
) -> None:
    assert seed_checks[check].verdict is verdict


def test_seed_icor_reference_is_the_value_after_xuong_con(
    seed_checks: dict[str, CoherenceCheck],
) -> None:
    reference = [i for i in seed_checks["dau_tu.icor_ngu_y"].inputs if i.line == 61]
    assert [i.value for i in reference] == [Decimal("7.02")]
