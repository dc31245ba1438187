"""Plausibility checks in a real Chromium: an impossible percentage is refused beside the
field; a value 20 times the last figure is saved only once confirmed with a note, which the
figure's history then shows."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from chitieu.web.figures.models import Figure
from chitieu.web.figures.services import record_figure
from tests.web.browser import browser, browser_user, login, page, screenshot
from tests.web.entry.helpers import FINANCE_FORM, POVERTY, POVERTY_NAME, poverty_indicator

__all__ = ["browser", "browser_user", "page"]  # fixtures used by name

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

NOTE = "Chuẩn nghèo mới áp dụng từ năm 2026"


def save(page: Any, value: str) -> Any:
    """Type the poverty rate, save with Enter, and return its row."""
    field = page.get_by_label(f"Giá trị: {POVERTY_NAME}")
    field.fill(value)
    with page.expect_navigation():
        field.press("Enter")
    return page.locator(f'tr[data-code="{POVERTY}"]')


def test_an_implausible_percentage_is_refused_and_a_jump_confirmed_with_a_note(
    page: Any, browser_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    poverty = poverty_indicator(store)
    record_figure(
        poverty, store["province"], "2025", "chinh_thuc", Decimal("1.2"),
        actor=None, expected_version=None,
    )  # fmt: skip
    browser_user("sokhdt")
    login(page, "sokhdt")
    page.goto(FINANCE_FORM)

    for typed, shown in (("-5", "-5%"), ("1.234,5", "1.234,5%")):
        row = save(page, typed)
        errors = row.locator(".value-cell .errorlist")
        assert errors.inner_text() == (
            f"Tỷ lệ phải nằm trong khoảng 0–100%; {shown} nằm ngoài khoảng này."
        )
        assert "Chưa lưu gì" in page.locator(".messages").inner_text()
    screenshot(page, "plausibility-refused")
    assert not Figure.objects.filter(indicator=poverty, period="2026").exists()

    row = save(page, "24")  # 20 times 1,2 %
    warning = row.locator(".plausibility-warning")
    assert "gấp 20 lần số liệu kỳ trước (năm 2025: 1,2%)" in warning.inner_text()
    assert not Figure.objects.filter(indicator=poverty, period="2026").exists()
    screenshot(page, "plausibility-warning")
    page.get_by_label(f"Tôi xác nhận số liệu này đúng: {POVERTY_NAME}").check()
    page.get_by_label(f"Ghi chú xác nhận: {POVERTY_NAME}").fill(NOTE)
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu", exact=True).click()
    assert "Đã lưu 1 số liệu" in page.locator(".messages").inner_text()
    figure = Figure.objects.get(indicator=poverty, period="2026")
    assert figure.value == Decimal(24)

    page.goto(f"/chi-tieu/{POVERTY}/")
    history = page.locator("#lich-su").inner_text()
    assert f"Xác nhận số liệu bất thường: {NOTE}" in history
    screenshot(page, "plausibility-history")


def test_the_planner_raises_the_ratio_of_an_indicator_and_sees_it_in_force(
    page: Any, browser_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    poverty_indicator(store)
    browser_user("tonghop")
    login(page, "tonghop")
    page.goto("/nhap-lieu/duyet/")
    with page.expect_navigation():
        page.get_by_role("link", name="Quy tắc kiểm tra số liệu").click()
    with page.expect_navigation():
        page.get_by_role("link", name=POVERTY_NAME).click()
    ratio = page.locator('tr[data-field="max_ratio"]')
    assert ratio.locator(".value").inner_text() == "10"
    assert ratio.locator(".origin").inner_text() == "mặc định"
    page.get_by_label("Số lần tối đa so với kỳ trước").fill("25")
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu quy tắc").click()
    assert "Đã lưu quy tắc kiểm tra số liệu" in page.locator(".messages").inner_text()
    assert ratio.locator(".value").inner_text() == "25"
    assert ratio.locator(".origin").inner_text() == "riêng"
    screenshot(page, "plausibility-rule")
