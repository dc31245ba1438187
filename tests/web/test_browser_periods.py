"""Periods told apart, in a real Chromium on the demo store: the January budget is the year
so far (never the year's result), an average target names its years, both baselines shown."""

from __future__ import annotations

from typing import Any

import pytest

from tests.profiles import seed_profile
from tests.web.browser import browser, login, page, screenshot
from tests.web.dashboard.helpers import put

__all__ = ["browser", "page"]  # fixtures used by name below

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

BUDGET = "kt.thu_ngan_sach.tong"  # 65.000 tỷ đồng by 2030; 5.914 published for January 2026
GROWTH = "kt.grdp.tang_truong"  # 10-11%/năm on average over 2026-2030
PLAN = "hung_yen_2025_2030"


@pytest.fixture
def demo() -> None:
    """The demo store of the place profile (users with the demo password), and a 2026 GRDP
    growth figure so that the average target has one year to average."""
    from chitieu.web.dashboard.demo import build_demo
    from chitieu.web.plans.models import Indicator, Plan

    build_demo(seed_profile())
    plan = Plan.objects.get(code=PLAN)
    growth = Indicator.objects.get(plan=plan, code=GROWTH)
    put(growth, plan.locality, 2026, "9.5", status="uoc", approved=True)  # the viewer's view


def test_the_january_budget_is_the_year_so_far_on_the_dashboard(page: Any, demo: None) -> None:
    login(page, "xem")
    page.goto(f"/?ke_hoach={PLAN}")
    row = page.locator(f"#bang-chi-tieu tr[data-code='{BUDGET}']")
    latest = row.locator("td[data-part-year]")
    assert latest.get_attribute("data-part-year") == "lũy kế tháng 1/2026"
    text = latest.inner_text()
    assert "5.914 tỷ đồng" in text and "lũy kế tháng 1/2026" in text
    assert "9,1% mục tiêu năm" in text and "8,3% thời gian của năm" in text
    assert "Số mới nhất" not in text
    # not the year's result: no status from January, the reason says no year has a figure
    assert row.get_attribute("data-status") == "chua_co_so_lieu"
    assert "Chưa có số liệu năm nào" in row.locator("td.reason").inner_text()
    growth = page.locator(f"#bang-chi-tieu tr[data-code='{GROWTH}']")
    assert "bình quân 2026–2026" in growth.inner_text()
    row.scroll_into_view_if_needed()
    screenshot(page, "periods-dashboard")


def test_the_budget_page_shows_the_year_so_far_and_both_baselines(page: Any, demo: None) -> None:
    login(page, "xem")
    page.goto(f"/chi-tieu/{BUDGET}/")
    latest = page.locator("#so-mot-phan-nam").inner_text()
    assert "lũy kế tháng 1/2026" in latest
    assert "đạt 9,1% mục tiêu năm (65.000 tỷ đồng)" in latest
    assert "đã qua 8,3% thời gian của năm" in latest
    assert "không dùng để đánh giá kết quả cả năm" in latest
    assert page.locator("#trang-thai").inner_text() == "Chưa có số liệu"
    baselines = page.locator("#nam-goc-lo-trinh").inner_text()
    assert "Theo nghị quyết" in baselines and "74.432 tỷ đồng" in baselines
    assert "dòng 48" in baselines and "lộ trình tính từ số này" in baselines
    assert "Số điều chỉnh sau" in baselines and "100.299 tỷ đồng" in baselines
    assert "baophapluat.vn" in baselines
    summary = page.locator("#lo-trinh summary").inner_text()
    assert "tính từ năm gốc 2025 theo nghị quyết: 74.432 tỷ đồng" in summary
    screenshot(page, "periods-indicator-budget")


def test_the_average_target_page_names_the_years_averaged(page: Any, demo: None) -> None:
    login(page, "xem")
    page.goto(f"/chi-tieu/{GROWTH}/")
    averaged = page.locator("#binh-quan").inner_text()
    assert "bình quân 2026–2026" in averaged and "9,5" in averaged
    assert "chưa phải cả giai đoạn" in averaged
    screenshot(page, "periods-indicator-growth")
