"""Entry pages in a real Chromium: enter, submit, approve, refuse another form, import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from chitieu.web.figures.models import Figure, ReviewState
from tests.web.browser import browser, browser_user, login, page, screenshot
from tests.web.entry.helpers import FINANCE_FORM
from tests.web.entry.workbooks import DOCTORS_ROW, GRDP_ROW, filled_template

__all__ = ["browser", "browser_user", "page"]  # fixtures used by name

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

GRDP_NAME = "Tốc độ tăng tổng sản phẩm trên địa bàn theo giá so sánh (GRDP)"
GRDP_CODE = "kt.grdp.tang_truong"


def sign_out(page: Any) -> None:
    page.context.clear_cookies()


def test_a_department_enters_by_keyboard_and_the_planner_approves(
    page: Any, browser_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    browser_user("sokhdt")
    browser_user("tonghop")
    login(page, "sokhdt")
    page.goto(FINANCE_FORM)
    value = page.get_by_label(f"Giá trị: {GRDP_NAME}")
    value.fill("328,096")  # ambiguous: refused beside the field, nothing saved
    with page.expect_navigation():
        value.press("Enter")
    row = page.locator(f'tr[data-code="{GRDP_CODE}"]')
    assert "đọc được hai cách" in row.inner_text()
    screenshot(page, "entry-form-error")
    page.get_by_label(f"Giá trị: {GRDP_NAME}").fill("8,1")
    page.get_by_label(f"Nguồn: {GRDP_NAME}").fill("Cục Thống kê")
    screenshot(page, "entry-form")
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu và gửi duyệt").click()
    assert "Đã gửi duyệt 1 số liệu" in page.locator(".messages").inner_text()
    assert page.locator(f'tr[data-code="{GRDP_CODE}"] .review').inner_text() == "Chờ duyệt"
    assert "Đang chờ duyệt" in page.locator(f'tr[data-code="{GRDP_CODE}"] .lock').inner_text()

    sign_out(page)
    login(page, "tonghop")
    page.goto("/nhap-lieu/duyet/")
    queued = page.locator(f'tr[data-code="{GRDP_CODE}"]')
    with page.expect_navigation():
        queued.get_by_role("button", name="Duyệt").click()
    assert "Đã duyệt số liệu" in page.locator(".messages").inner_text()
    assert Figure.objects.get(indicator__code=GRDP_CODE).review_state == ReviewState.APPROVED
    page.goto(f"/chi-tieu/{GRDP_CODE}/")  # the dashboard's indicator page shows the new state
    assert "Đã duyệt" in page.locator("main").inner_text()


def test_a_department_cannot_open_another_departments_form(
    page: Any, browser_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    browser_user("soyte")
    login(page, "soyte")
    response = page.goto(FINANCE_FORM)
    assert response is not None and response.status == 403


def test_the_form_fits_a_phone(
    page: Any, browser_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    browser_user("sokhdt")
    login(page, "sokhdt")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(FINANCE_FORM)
    assert page.get_by_label(f"Giá trị: {GRDP_NAME}").is_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    screenshot(page, "entry-form-phone")


def test_a_bad_workbook_shows_its_errors_then_a_good_one_is_imported(
    page: Any, browser_user: Callable[[str], Any], store: dict[str, Any], tmp_path: Path
) -> None:
    browser_user("tonghop")
    login(page, "tonghop")
    bad = filled_template(tmp_path, {GRDP_ROW: ("328,096", "ước")}, name="sai.xlsx")
    good = filled_template(
        tmp_path, {GRDP_ROW: ("8,1", "ước"), DOCTORS_ROW: ("11,5", "chính thức")}, name="dung.xlsx"
    )
    page.goto("/nhap-lieu/nhap-tep/")
    page.get_by_label("Tệp số liệu").set_input_files(str(bad))
    with page.expect_navigation():
        page.get_by_role("button", name="Kiểm tra tệp").click()
    errors = page.locator("#import-errors")
    assert "có 1 lỗi" in errors.inner_text()
    assert errors.locator("tbody tr td").nth(2).inner_text() == "G"  # the column of the value
    page.get_by_label("Tệp số liệu").set_input_files(str(good))
    with page.expect_navigation():
        page.get_by_role("button", name="Kiểm tra tệp").click()
    assert "2 số liệu mới" in page.locator("#import-preview .summary").inner_text()
    screenshot(page, "entry-import-preview")
    with page.expect_navigation():
        page.get_by_role("button", name="Xác nhận nhập").click()
    assert "Đã ghi: 2 số liệu mới" in page.locator("#import-result").inner_text()
    assert Figure.objects.count() == 2
