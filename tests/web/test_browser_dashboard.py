"""The read-only pages in a real Chromium: sign-in by role, the real plan's dashboard, the chart."""

from __future__ import annotations

import re
from typing import Any

import pytest

from chitieu.catalog import model
from tests.profiles import seed_profile, seed_resolution
from tests.web.browser import browser, login, page, screenshot
from tests.web.dashboard.helpers import put

__all__ = ["browser", "page"]  # fixtures used by name below

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

LIFE = "xh.tuoi_tho"  # target 76,8 tuổi by 2030
POVERTY = "xh.ho_ngheo"  # target < 0,5 %, lower is better


@pytest.fixture
def real_plan() -> model.Catalogue:
    """The demo store of the Hưng Yên profile (users with the demo password), plus two
    2026 figures. Not the `store` fixture: its small catalogue would replace this one."""
    from chitieu.web.dashboard.demo import build_demo
    from chitieu.web.plans.models import Indicator, Locality

    catalogue = seed_resolution()
    build_demo(seed_profile())
    province = Locality.objects.get(code="hung_yen")
    put(Indicator.objects.get(code=LIFE), province, 2026, "77", approved=True)
    put(Indicator.objects.get(code=POVERTY), province, 2026, "0.8", approved=True)
    return catalogue


def test_each_role_signs_in_and_sees_its_menu(page: Any, real_plan: model.Catalogue) -> None:
    expected = {
        "quantri": ("Nhập liệu", "Quản trị"),
        "tonghop": ("Nhập liệu",),
        "sotaichinh": ("Nhập liệu",),
        "xem": (),
    }
    for username, links in expected.items():
        page.context.clear_cookies()
        login(page, username)
        menu = page.get_by_role("navigation", name="Điều hướng chính")
        assert menu.get_by_role("link", name="Tổng quan").is_visible()
        for name in ("Nhập liệu", "Quản trị"):
            assert menu.get_by_role("link", name=name).count() == (name in links), username


def test_the_dashboard_counts_the_real_plans_targets(page: Any, real_plan: model.Catalogue) -> None:
    login(page, "xem")
    page.goto("/?ke_hoach=hung_yen_2025_2030")
    rows = page.locator("#bang-chi-tieu tbody tr[data-code]")
    assert rows.count() == len(real_plan.indicators)
    total = page.locator("#bang-dem tfoot tr")
    no_data = int(total.locator("td[data-status=chua_co_so_lieu]").inner_text())
    assert no_data == len(real_plan.indicators) - 2  # only the two 2026 figures assess
    life = page.locator(f"tr[data-code='{LIFE}']")
    assert life.get_attribute("data-status") != "chua_co_so_lieu"
    poverty = page.locator(f"tr[data-code='{POVERTY}']")
    assert poverty.get_attribute("data-status") == "chua_dat"  # 0,8% is above 0,5%, term open
    screenshot(page, "dashboard")


def test_the_indicator_chart_draws_one_point_per_year(
    page: Any, real_plan: model.Catalogue
) -> None:
    from chitieu.web.plans.models import Indicator, Locality

    province = Locality.objects.get(code="hung_yen")
    put(Indicator.objects.get(code=LIFE), province, 2027, "77.2")
    login(page, "tonghop")
    page.goto(f"/chi-tieu/{LIFE}/")
    page.wait_for_selector("#chart[data-rendered=true] svg")
    points = page.locator("#chart svg g.mark-symbol.role-mark path")
    # the document's 2020 (chính thức) and 2025 (ước) baselines, then 2026 and 2027
    assert points.count() == 4
    assert page.locator("#chart svg g.mark-rule.role-mark line").count() == 1  # the target
    screenshot(page, "indicator")


GRDP_SIZE = "kt.grdp.quy_mo"  # 328.283 tỷ đồng in 2025, target 600.000 tỷ đồng
FILTERS = ["id_ke_hoach", "id_nhom", "id_danh_gia", "id_so_nganh", "id_dia_ban", "id_so_lieu"]
_FOCUS = """() => { const el = document.activeElement;
  return [el.id || el.textContent.trim(), el.matches(':focus-visible'),
          getComputedStyle(el).outlineStyle]; }"""


def test_the_keyboard_reaches_the_filters_and_their_button(
    page: Any, real_plan: model.Catalogue
) -> None:
    """From the top of the page, Tab goes past the skip link and the menu to the first
    filter, then through every filter to "Lọc", each with a visible focus ring."""
    login(page, "xem")
    page.goto("/?ke_hoach=hung_yen_2025_2030")
    page.keyboard.press("Tab")
    assert page.evaluate(_FOCUS)[0] == "Bỏ qua, đến nội dung chính"
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate(_FOCUS)[0] == FILTERS[0]:
            break
    reached = [page.evaluate(_FOCUS)]
    for _ in [*FILTERS[1:], "Lọc"]:
        page.keyboard.press("Tab")
        reached.append(page.evaluate(_FOCUS))
    assert [name for name, _, _ in reached] == [*FILTERS, "Lọc"]
    assert all(visible and outline != "none" for _, visible, outline in reached)


def test_the_indicator_page_prints_without_header_or_menu(
    page: Any, real_plan: model.Catalogue
) -> None:
    """Print media hides the header and the menu; the chart's axis groups thousands
    the Vietnamese way (300.000)."""
    login(page, "xem")
    page.goto(f"/chi-tieu/{GRDP_SIZE}/")
    page.wait_for_selector("#chart[data-rendered=true] svg")
    ticks = page.locator("#chart svg g.role-axis-label text").evaluate_all(
        "texts => texts.map(t => t.textContent)"
    )
    grouped = [t for t in ticks if re.fullmatch(r"\d{1,3}(\.\d{3})+", t)]
    assert grouped and not any("," in t for t in ticks), ticks
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.get_by_role("navigation", name="Điều hướng chính").is_visible()
    assert page.locator("h1").is_visible()
    assert screenshot(page, "indicator-print").stat().st_size > 0


def test_the_dashboard_fits_a_phone_without_sideways_scrolling(
    page: Any, real_plan: model.Catalogue
) -> None:
    """At 390x844 the page body does not scroll sideways; wide tables scroll in .table-wrap."""
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, "xem")
    page.goto("/?ke_hoach=hung_yen_2025_2030")
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], widths
    table = page.locator("#bang-chi-tieu").evaluate("t => t.closest('.table-wrap') !== null")
    assert table
    screenshot(page, "dashboard-phone")
