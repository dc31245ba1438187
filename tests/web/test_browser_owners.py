"""Who enters what, in a real Chromium, on the demo store: the administrator finds every
indicator owned, gives one to another department, and that department's user finds it on
the entry form; the administrator adds a user who then signs in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.profiles import seed_profile
from tests.web.browser import browser, login, page, screenshot

__all__ = ["browser", "page"]  # fixtures used by name below

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

TOURISTS = "Tổng lượt khách du lịch"  # an indicator of the 2026 plan's own


@pytest.fixture
def demo() -> Iterator[None]:
    """The demo store of the shipped profile, its users with the demo password."""
    from chitieu.web.dashboard.demo import build_demo

    build_demo(seed_profile())
    yield


def test_the_administrator_reassigns_and_the_department_then_enters_it(
    page: Any, demo: None
) -> None:
    from chitieu.web.plans.models import Indicator, Plan

    annual = Plan.objects.get(kind="annual_plan")
    tourists = Indicator.objects.get(plan=annual, name=TOURISTS)
    login(page, "quantri")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Phân công"
    ).click()
    assert page.get_by_test_id("unassigned-count").inner_text() == "0"
    screenshot(page, "owners-resolution")
    page.get_by_role("link", name=annual.name).click()
    assert page.get_by_test_id("unassigned-count").inner_text() == "0"
    row = page.locator(f'tr[data-code="{tourists.code}"]')
    assert row.get_by_test_id("owners").inner_text() == "Sở Văn hóa, Thể thao và Du lịch"
    assert "Theo hồ sơ: chủ đề “du lịch”" in row.inner_text()
    row.get_by_text("Đổi", exact=True).click()
    row.get_by_label("Sở Tài chính").check()
    with page.expect_navigation():
        row.get_by_role("button", name="Lưu phân công").click()
    assert (
        f"Đã giao chỉ tiêu {tourists.code} cho Sở Tài chính, Sở Văn hóa"
        in page.locator(".messages").inner_text()
    )
    row = page.locator(f'tr[data-code="{tourists.code}"]')
    assert "Do quantri giao lúc" in row.inner_text()
    screenshot(page, "owners-annual-plan")

    page.context.clear_cookies()
    login(page, "sotaichinh")
    page.goto("/nhap-lieu/so_tai_chinh/2026/")
    entered = page.locator(f'tr[data-code="{tourists.code}"]')
    assert TOURISTS in entered.inner_text()
    assert entered.get_by_label(f"Giá trị: {TOURISTS}").is_visible()


def test_the_administrator_adds_a_user_who_then_signs_in(page: Any, demo: None) -> None:
    login(page, "quantri")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Người dùng"
    ).click()
    assert page.locator('tr[data-username="soyte"]').is_visible()
    new = page.get_by_role("region", name="Thêm người dùng")
    new.get_by_label("Tên đăng nhập").fill("soyte2")
    new.get_by_label("Vai trò").select_option("nhap_lieu")
    new.get_by_label("Sở, ngành").select_option("so_y_te")
    new.get_by_label("Mật khẩu").fill("mat-khau-moi")
    with page.expect_navigation():
        new.get_by_role("button", name="Thêm người dùng").click()
    assert "Đã tạo người dùng soyte2" in page.locator(".messages").inner_text()
    screenshot(page, "users")

    page.context.clear_cookies()
    login(page, "soyte2", "mat-khau-moi")
    page.goto("/nhap-lieu/")  # the administrator's password is temporary: changed first
    assert "/nguoi-dung/doi-mat-khau/" in page.url
    assert "mật khẩu tạm thời" in page.locator("main").inner_text()
    screenshot(page, "password-change")
    page.get_by_label("Mật khẩu hiện tại").fill("mat-khau-moi")
    page.get_by_label("Mật khẩu mới", exact=True).fill("so-y-te-2026-rieng")
    page.get_by_label("Nhập lại mật khẩu mới").fill("so-y-te-2026-rieng")
    with page.expect_navigation():
        page.get_by_role("button", name="Đổi mật khẩu").click()
    assert "/nhap-lieu/so_y_te/" in page.url  # a department user lands on its own form
