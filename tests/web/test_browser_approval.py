"""Approval in a real Chromium: a returned figure never reaches the dashboard or a report,
and the official report a planner downloads holds approved and published figures only."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from docx import Document as open_docx
from openpyxl import load_workbook

from chitieu.catalog.period import Period
from tests.profiles import seed_profile
from tests.web.browser import ARTIFACTS, browser, login, page, screenshot

__all__ = ["browser", "page"]  # fixtures used by name below

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PLAN = "hung_yen_2025_2030"
TRADE_TAX = "kt.thu_ngan_sach.xuat_nhap_khau"  # returned: 1.234,5 tỷ đồng
GROWTH = "kt.grdp.tang_truong"  # imported, never submitted: 9,9 %/năm
LIFE = "xh.tuoi_tho"  # approved: 77 tuổi


@pytest.fixture
def reviewed() -> None:
    """The demo store (the document's figures published), and three 2026 figures: one
    returned with a reason, one draft, one approved."""
    from chitieu.web.dashboard.demo import build_demo
    from chitieu.web.figures.services import (
        approve_figure,
        record_figure,
        return_figure,
        submit_figure,
    )
    from chitieu.web.plans.models import Indicator, Locality

    build_demo(seed_profile())
    province = Locality.objects.get(code="hung_yen")

    def put(code: str, value: str) -> Any:
        return record_figure(
            Indicator.objects.get(code=code), province, Period.year_of(2026), "uoc",
            Decimal(value), actor=None, expected_version=None, source="Sở Tài chính",
        )  # fmt: skip

    returned = submit_figure(put(TRADE_TAX, "1234.5"), actor=None)
    return_figure(returned, actor=None, comment="Số thu chưa khớp với Cục Hải quan")
    put(GROWTH, "9.9")
    approve_figure(put(LIFE, "77"), actor=None)


def _download(page: Any, fmt: str) -> bytes:
    page.goto(f"/?ke_hoach={PLAN}")
    page.get_by_label("Năm báo cáo").select_option("2026")
    label = {"docx": "Tải Word", "xlsx": "Tải Excel", "pdf": "Tải PDF"}[fmt]
    # The report is built while the browser waits (charts, LibreOffice for a PDF).
    with page.expect_download(timeout=180_000) as download:
        page.get_by_role("button", name=label).click(no_wait_after=True)
    return Path(download.value.path()).read_bytes()


def _docx_row(content: bytes, code_name: str) -> list[str]:
    document = open_docx(BytesIO(content))
    for table in document.tables:
        for row in table.rows:
            cells = [c.text for c in row.cells]
            if len(cells) > 4 and cells[1].startswith(code_name):
                return cells
    raise AssertionError(code_name)


def test_a_returned_figure_never_reaches_the_dashboard(page: Any, reviewed: None) -> None:
    login(page, "tonghop")
    page.goto(f"/?ke_hoach={PLAN}")
    view = page.locator("#cach-tinh")
    assert view.get_attribute("data-mode") == "du-thao"
    assert "Bản làm việc" in view.inner_text()
    assert "1.234,5" not in page.locator(f"tr[data-code='{TRADE_TAX}']").inner_text()
    assert "1.234,5" not in page.locator("section[aria-labelledby=rui-ro]").inner_text()
    growth = page.locator(f"tr[data-code='{GROWTH}'] td.num")
    assert "9,9" in growth.inner_text() and growth.get_attribute("data-unapproved") == "true"
    screenshot(page, "approval-dashboard-working")
    page.get_by_label("Số liệu").select_option("chinh-thuc")
    page.get_by_role("button", name="Lọc").click()
    assert page.locator("#cach-tinh").get_attribute("data-mode") == "chinh-thuc"
    assert "9,9" not in page.locator(f"tr[data-code='{GROWTH}']").inner_text()
    assert "1.234,5" not in page.content()
    screenshot(page, "approval-dashboard-official")


def test_the_official_report_holds_approved_figures_only(page: Any, reviewed: None) -> None:
    login(page, "tonghop")
    word = _download(page, "docx")
    assert _docx_row(word, "Tuổi thọ")[4].startswith("77")
    assert "9,9" not in _docx_row(word, "Tốc độ tăng tổng sản phẩm")[4]
    trade = _docx_row(word, "Thu thuế xuất nhập khẩu")
    assert "1.234,5" not in " ".join(trade)
    document = open_docx(BytesIO(word))
    assert all(
        "DỰ THẢO" not in "".join(p.text for p in s.header.paragraphs) for s in document.sections
    )
    excel = load_workbook(BytesIO(_download(page, "xlsx")))["Chỉ tiêu"]
    values = {str(r[1].value): r[7].value for r in excel.iter_rows() if r[1].value}
    assert values[next(k for k in values if k.startswith("Tuổi thọ"))] == 77
    assert values[next(k for k in values if k.startswith("Thu thuế xuất nhập khẩu"))] is None
    assert values[next(k for k in values if k.startswith("Tốc độ tăng tổng sản phẩm"))] is None


def test_the_first_two_pages_of_the_official_report(page: Any, reviewed: None) -> None:
    """The 2026 progress report as a PDF from the web, its first two pages as PNGs."""
    assert shutil.which("pdftoppm"), "poppler-utils (pdftoppm) is needed to render the PDF"
    login(page, "tonghop")
    content = _download(page, "pdf")
    assert content.startswith(b"%PDF")
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / "report-2026-official.pdf"
    pdf.write_bytes(content)
    prefix = ARTIFACTS / "report-2026-official-page"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf), str(prefix)], check=True
    )
    pages = sorted(ARTIFACTS.glob("report-2026-official-page-*.png"))
    assert len(pages) == 2 and all(p.stat().st_size > 10_000 for p in pages)
