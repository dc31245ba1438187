"""The store's side of the plausibility checks, on the real resolution loaded into the store."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from chitieu.catalog.period import Period
from chitieu.web.figures.plausibility import Plausibility, check_figure, rule_of
from chitieu.web.figures.services import record_figure
from chitieu.web.plans.models import Indicator, Locality
from tests.profiles import load_seed_resolution, seed_resolution

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed(db: Any) -> Locality:
    """The resolution loaded (no figures); its province."""
    load_seed_resolution()
    return Locality.objects.get(code=seed_resolution().plan.locality)


def put(code: str, place: Locality, period: str, value: str, status: str = "uoc") -> None:
    record_figure(
        Indicator.objects.get(code=code), place, period, status, Decimal(value),
        actor=None, expected_version=None,
    )  # fmt: skip


def found(code: str, place: Locality, period: str, value: str, status: str = "uoc") -> list[str]:
    indicator = Indicator.objects.get(code=code)
    return [f.code for f in check_figure(indicator, place, period, status, Decimal(value))]


def test_a_share_that_takes_the_economic_structure_over_100_is_refused(seed: Locality) -> None:
    for code, value in (
        ("kt.co_cau.nong_nghiep", "7.5"),
        ("kt.co_cau.cong_nghiep_xay_dung", "60.2"),
        ("kt.co_cau.thue_san_pham", "8.3"),
    ):
        put(code, seed, "2026", value)
    assert found("kt.co_cau.dich_vu", seed, "2026", "24") == []
    assert found("kt.co_cau.dich_vu", seed, "2026", "30") == ["structure_over_100"]
    # The shares of another status (the official figure) are another structure.
    assert found("kt.co_cau.dich_vu", seed, "2026", "30", status="chinh_thuc") == []


def test_a_sub_item_larger_than_its_total_is_refused(seed: Locality) -> None:
    put("kt.thu_ngan_sach.tong", seed, "2026", "65000")
    (finding,) = check_figure(
        Indicator.objects.get(code="kt.thu_ngan_sach.noi_dia"), seed, "2026", "uoc",
        Decimal(70000),
    )  # fmt: skip
    assert finding.code == "part_exceeds_total" and finding.refused
    assert "“Thu ngân sách trên địa bàn” của cùng kỳ (65.000 tỷ đồng)" in finding.message
    assert found("kt.thu_ngan_sach.noi_dia", seed, "2026", "60000") == []
    put("kt.thu_ngan_sach.noi_dia", seed, "2026", "60000")
    assert found("kt.thu_ngan_sach.tong", seed, "2026", "50000") == ["total_below_part"]


def test_processing_industry_is_a_part_of_industry_both_shares_of_the_structure(
    seed: Locality,
) -> None:
    put("kt.co_cau.cong_nghiep_xay_dung", seed, "2026", "40")
    assert found("kt.co_cau.che_bien_che_tao", seed, "2026", "45") == ["part_exceeds_total"]


def test_a_rate_of_a_sub_population_may_exceed_the_overall_rate(seed: Locality) -> None:
    put("xh.that_nghiep", seed, "2026", "2")
    assert found("xh.that_nghiep.thanh_thi", seed, "2026", "3.1") == []


def test_the_last_figure_is_the_best_one_of_the_same_period_a_year_before(seed: Locality) -> None:
    put("xh.ho_ngheo", seed, "2025", "2.4", status="uoc")
    put("xh.ho_ngheo", seed, "2025", "1.2", status="chinh_thuc")
    assert found("xh.ho_ngheo", seed, "2026", "12") == []  # 10 times the official 1,2
    assert found("xh.ho_ngheo", seed, "2026", "24") == ["jump_from_last"]
    # A month is compared with the same month of a year before, never with a year.
    assert found("xh.ho_ngheo", seed, "2026-01", "24") == []


def test_the_planners_ratio_is_the_one_applied(seed: Locality) -> None:
    poor = Indicator.objects.get(code="xh.ho_ngheo")
    poor.plausibility = {"max_ratio": "25"}
    poor.save()
    assert rule_of(poor).max_ratio == 25
    put("xh.ho_ngheo", seed, "2025", "1.2", status="chinh_thuc")
    assert found("xh.ho_ngheo", seed, "2026", "24") == []


def test_values_pending_in_the_same_file_count_as_stored(seed: Locality) -> None:
    total = Indicator.objects.get(code="kt.thu_ngan_sach.tong")
    part = Indicator.objects.get(code="kt.thu_ngan_sach.noi_dia")
    check = Plausibility([total, part], [seed])
    when = Period.parse("2026")
    check.pending(total, seed, when, "uoc", Decimal(65000))
    assert [f.code for f in check.check(part, seed, when, "uoc", Decimal(70000))] == [
        "part_exceeds_total"
    ]
