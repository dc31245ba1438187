"""The pages at phone width (390x844) and at a laptop's (1366x768), in a real Chromium:
nothing scrolls the page sideways on a phone (wide tables scroll inside their own box),
and screenshots of the dashboard and an indicator page at both widths are kept in
test-artifacts/ for a person to look at."""

from __future__ import annotations

from typing import Any

import pytest

from tests.profiles import seed_profile
from tests.web.browser import browser, login, page, screenshot
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
        ("tonghop", ["/nhap-lieu/duyet/", "/danh-gia-nhiem-ky-truoc/"]),
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
