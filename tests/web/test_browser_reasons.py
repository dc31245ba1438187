"""An indicator page in a real Chromium: the reason, the arithmetic one click away, the chart."""

from __future__ import annotations

from typing import Any

import pytest

from tests.profiles import seed_profile
from tests.web.browser import browser, login, page, screenshot
from tests.web.dashboard.helpers import put

__all__ = ["browser", "page"]  # fixtures used by name below

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

GROWTH = "kt.grdp.tang_truong"  # 10-11 %/năm on average over the plan


@pytest.fixture
def demo() -> None:
    from chitieu.web.dashboard.demo import build_demo
    from chitieu.web.plans.models import Indicator, Locality

    build_demo(seed_profile())
    province = Locality.objects.get(code="hung_yen")
    growth = Indicator.objects.get(code=GROWTH, plan__code="hung_yen_2025_2030")
    put(growth, province, 2026, "9.6", approved=True)  # counted in the viewer's view


def test_the_arithmetic_opens_with_one_click_and_the_chart_keeps_its_points(
    page: Any, demo: None
) -> None:
    login(page, "xem")
    page.goto(f"/chi-tieu/{GROWTH}/?ke_hoach=hung_yen_2025_2030")
    reason = page.locator("#ly-do")
    assert reason.inner_text().startswith("Tăng trưởng bình quân năm 2026")
    card = page.locator("section[aria-labelledby=danh-gia]")
    first = card.locator("details.working").first
    line = first.locator("li").first
    assert not line.is_visible()
    first.locator("summary", has_text="Cách tính").click()
    assert line.is_visible() and "(1,096)^(1/1) − 1 = 9,6%/năm" in line.inner_text()
    page.wait_for_selector("#chart[data-rendered=true] svg")
    frame = page.locator("#chart svg g.role-frame path.background").first.bounding_box()
    marks = page.locator(
        "#chart svg g.mark-symbol.role-mark path, #chart svg g.mark-rect.role-mark path"
    )
    assert marks.count() >= 2
    for index in range(marks.count()):
        box = marks.nth(index).bounding_box()
        middle = box["y"] + box["height"] / 2
        assert frame["y"] <= middle <= frame["y"] + frame["height"], (box, frame)
    screenshot(page, "indicator-reason-and-working")


def test_the_dashboard_row_keeps_its_arithmetic_folded(page: Any, demo: None) -> None:
    login(page, "xem")
    page.goto("/?ke_hoach=hung_yen_2025_2030")
    row = page.locator(f"#bang-chi-tieu tr[data-code='{GROWTH}']")
    assert "Tăng trưởng bình quân năm 2026" in row.locator("td.reason").inner_text()
    line = row.locator("details.working li").first
    assert not line.is_visible()
    row.locator("details.working summary").click()
    assert line.is_visible()
    screenshot(page, "dashboard-reason-working-open")
