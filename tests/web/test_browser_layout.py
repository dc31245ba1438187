"""The pages at phone width (390x844) and at a laptop's (1366x768), in a real Chromium:
nothing scrolls the page sideways on a phone (wide tables scroll inside their own box),
and screenshots of the dashboard and an indicator page at both widths are kept in
test-artifacts/ for a person to look at."""

from __future__ import annotations

from typing import Any

import pytest

from tests.profiles import seed_profile
from tests.web.browser import ARTIFACTS, browser, login, page, screenshot
from tests.web.dashboard.helpers import put

__all__ = ["browser", "page"]  # fixtures used by name below

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}
# The budget revenue: the longest names, a revised baseline, published figures and a chart.
BUDGET = "kt.thu_ngan_sach.tong"

# What sticks out past the viewport's right edge, for the failure message.
_WIDER = """() => {
  const width = window.innerWidth;
  return [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.table-wrap'))
    .slice(0, 8)
    .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className}`
      + ` right=${Math.round(e.getBoundingClientRect().right)}`);
}"""


@pytest.fixture
def demo() -> None:
    """The demo store of the seed profile (users with the demo password), with a 2026
    figure on the budget so the indicator page has its chart and table."""
    from chitieu.web.dashboard.demo import build_demo
    from chitieu.web.plans.models import Indicator, Locality

    build_demo(seed_profile())
    put(Indicator.objects.get(code=BUDGET), Locality.objects.get(code="hung_yen"), 2026, "80000")


def _fits(page: Any, url: str) -> None:
    page.goto(url)
    if page.locator("#chart").count():  # measured once the chart has drawn itself
        page.wait_for_selector("#chart[data-rendered=true] svg")
    scroll, inner = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner, (url, scroll, inner, page.evaluate(_WIDER))


@pytest.mark.parametrize(
    ("username", "urls"),
    [
        ("xem", ["/", f"/chi-tieu/{BUDGET}/", "/chi-tieu/xh.tuoi_tho/", "/nhiem-vu/", "task"]),
        ("sotaichinh", ["/nhap-lieu/"]),
        # the planner's dashboard has the report's "Bản" select, with long option labels
        ("tonghop", ["/", "/nhap-lieu/duyet/", "/danh-gia-nhiem-ky-truoc/", "/nhap-lieu/quy-tac/"]),
        ("quantri", ["/phan-cong/", "/nguoi-dung/"]),
    ],
)
def test_nothing_scrolls_sideways_at_phone_width(
    page: Any, demo: None, username: str, urls: list[str]
) -> None:
    from chitieu.web.plans.models import Task

    page.set_viewport_size(PHONE)
    login(page, username)
    for url in urls:
        _fits(
            page, f"/nhiem-vu/{Task.objects.order_by('pk').first().pk}/" if url == "task" else url
        )


def test_screenshots_of_the_dashboard_and_an_indicator_at_both_widths(
    page: Any, demo: None
) -> None:
    login(page, "xem")
    for name, size in (("1366", LAPTOP), ("390", PHONE)):
        page.set_viewport_size(size)
        page.goto("/")
        assert screenshot(page, f"layout-dashboard-{name}").stat().st_size > 0
        page.goto(f"/chi-tieu/{BUDGET}/")
        page.wait_for_selector("#chart[data-rendered=true] svg")
        assert screenshot(page, f"layout-indicator-{name}").stat().st_size > 0
    page.goto("/khong-co-trang-nay/")
    assert page.locator("h1").inner_text() == "Không tìm thấy trang"
    screenshot(page, "layout-404-390")
    page.set_viewport_size(LAPTOP)
    page.goto("/danh-gia-nhiem-ky-truoc/")
    page.locator("#kiem-tra-cau").scroll_into_view_if_needed()
    page.locator("section[aria-labelledby=cau-tong-hop]").screenshot(
        path=str(ARTIFACTS / "layout-audit-claims-1366.png")
    )


def test_choosing_a_group_keeps_the_plan_and_the_group(page: Any, demo: None) -> None:
    """The filter form submits the plan on screen (it used to submit the list's first plan,
    which dropped the group)."""
    from chitieu.web.dashboard.services import default_plan
    from chitieu.web.plans.models import Group, Plan

    shown = default_plan()
    assert shown is not None and Plan.objects.first() != shown  # the bug's condition
    group = Group.objects.filter(plan=shown).order_by("position").last()
    assert group is not None
    login(page, "xem")
    page.goto("/")
    page.get_by_label("Nhóm chỉ tiêu").select_option(group.code)
    with page.expect_navigation():
        page.get_by_role("button", name="Lọc").click()
    assert f"ke_hoach={shown.code}" in page.url and f"nhom={group.code}" in page.url
    assert page.locator("h1").inner_text() == shown.name
    assert page.get_by_label("Nhóm chỉ tiêu").input_value() == group.code
    rows = page.locator("#bang-dem tbody tr[data-group]")
    assert rows.count() == 1 and rows.first.get_attribute("data-group") == group.code
