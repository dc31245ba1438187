"""Report downloads: real Word/Excel files as attachments for every signed-in role."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from typing import Any
from urllib.parse import unquote

import pytest
from docx import Document as open_docx
from openpyxl import load_workbook

from chitieu.reports import pdf
from chitieu.web.dashboard.downloads import MEDIA_TYPES, build_report, default_year
from tests.web.dashboard.helpers import put

pytestmark = pytest.mark.django_db

PAST = "hung_yen_cu_2020_2025"
PLAN = "hung_yen_2025_2030"
RESULTS = f"/bao-cao/{PAST}/ket-qua"
PROGRESS = f"/bao-cao/{PLAN}/tien-do-2026"
INVESTMENT = "Tổng vốn đầu tư toàn xã hội"


@pytest.fixture
def as_user(client: Any, user: Callable[[str], Any]) -> Callable[[str], Any]:
    """Signs a role user in; the past term's investment has its 2025 result stored."""
    from chitieu.web.plans.models import Indicator

    found = Indicator.objects.select_related("plan__locality").get(plan__code=PAST, name=INVESTMENT)
    put(found, found.plan.locality, 2025, "328096", approved=True)

    def sign_in(username: str) -> Any:
        client.force_login(user(username))
        return client

    return sign_in


def _docx_rows(content: bytes) -> list[list[str]]:
    document = open_docx(BytesIO(content))
    return [[c.text for c in row.cells] for table in document.tables for row in table.rows]


def _xlsx_values(content: bytes, sheet: str | None = None) -> list[list[Any]]:
    book = load_workbook(BytesIO(content))
    rows = book[sheet].iter_rows() if sheet else (r for ws in book for r in ws.iter_rows())
    return [[c.value for c in row] for row in rows]


def _row_of(rows: list[list[Any]], name: str) -> list[Any]:
    return next(r for r in rows if name in r)


@pytest.mark.parametrize("username", ["quantri", "tonghop", "sokhdt", "xem"])
def test_every_role_downloads_the_results_table_in_word(
    as_user: Callable[[str], Any], username: str
) -> None:
    response = as_user(username).get(f"{RESULTS}.docx")
    assert response.status_code == 200
    assert response["Content-Type"] == MEDIA_TYPES["docx"]
    row = _row_of(_docx_rows(response.content), INVESTMENT)
    assert row[:2] == ["4", INVESTMENT]
    assert row[3:5] == ["250.000", "328.096"] and row[5].startswith("Vượt")


def test_the_results_table_in_excel_has_the_result_as_a_number(
    as_user: Callable[[str], Any],
) -> None:
    response = as_user("xem").get(f"{RESULTS}.xlsx")
    assert response["Content-Type"] == MEDIA_TYPES["xlsx"]
    row = _row_of(_xlsx_values(response.content), INVESTMENT)
    assert row[3:5] == ["250.000", 328096] and str(row[5]).startswith("Vượt")


def test_the_file_name_is_vietnamese_with_an_ascii_fallback(
    as_user: Callable[[str], Any],
) -> None:
    header = as_user("xem").get(f"{RESULTS}.docx")["Content-Disposition"]
    assert header.startswith("attachment; ")
    assert 'filename="Ket-qua-thuc-hien-chi-tieu-Hung-Yen-(cu)-2020-2025.docx"' in header
    utf8 = header.split("filename*=UTF-8''")[1]
    assert unquote(utf8) == "Kết quả thực hiện chỉ tiêu - Hưng Yên (cũ) 2020-2025.docx"
    header.encode("ascii")  # the header itself is plain ASCII


def test_the_progress_report_opens_in_word_and_excel(as_user: Callable[[str], Any]) -> None:
    client = as_user("sokhdt")
    word = client.get(f"{PROGRESS}.docx")
    excel = client.get(f"{PROGRESS}.xlsx")
    assert word.status_code == excel.status_code == 200
    assert any("Tốc độ tăng tổng sản phẩm" in " ".join(r) for r in _docx_rows(word.content))
    assert "Chỉ tiêu" in load_workbook(BytesIO(excel.content)).sheetnames
    assert "n%C4%83m%202026" in excel["Content-Disposition"]  # "năm 2026"


def test_a_task_note_of_the_year_appears_in_the_progress_report(
    as_user: Callable[[str], Any], user: Callable[[str], Any]
) -> None:
    from chitieu.web.dashboard.tasks import record_task_note
    from chitieu.web.plans.models import Task

    task = Task.objects.get(code="vi.1.1")
    record_task_note(task, "2026", "Đã trình HĐND đề án tái cơ cấu", actor=user("tonghop"))
    record_task_note(task, "2026-H1", "Đang lấy ý kiến các sở", actor=user("tonghop"))
    record_task_note(task, "2027", "Ghi chú của năm sau", actor=user("tonghop"))
    client = as_user("xem")
    word = _row_of(_docx_rows(client.get(f"{PROGRESS}.docx").content), "1.1")
    excel = _row_of(_xlsx_values(client.get(f"{PROGRESS}.xlsx").content, "Nhiệm vụ"), "1.1")
    latest = "6 tháng đầu năm 2026: Đang lấy ý kiến các sở"
    assert word[-1] == latest and excel[-1] == latest


def test_a_task_without_a_note_of_the_year_says_so(user: Callable[[str], Any]) -> None:
    from chitieu.reports.progress import NO_TASK_NOTE
    from chitieu.web.dashboard.tasks import record_task_note
    from chitieu.web.plans.models import Task

    record_task_note(Task.objects.get(code="vi.1.1"), "2027", "Sau", actor=user("tonghop"))
    excel = build_report("progress", PLAN, "xlsx", year=2026)
    assert _row_of(_xlsx_values(excel.content, "Nhiệm vụ"), "1.1")[-1] == NO_TASK_NOTE


def test_downloads_require_sign_in(client: Any, store: dict[str, Any]) -> None:
    response = client.get(f"{RESULTS}.docx")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    "url",
    [
        "/bao-cao/khong_co/ket-qua.docx",  # no such plan
        f"/bao-cao/{PLAN}/ket-qua.docx",  # not a past term
        f"/bao-cao/{PAST}/tien-do-2026.docx",  # a past term has no progress report
        f"/bao-cao/{PLAN}/tien-do-2025.docx",  # the base year is not reported on
        f"/bao-cao/{PLAN}/tien-do-2031.xlsx",  # after the term
        f"{RESULTS}.odt",  # no such format
    ],
)
def test_a_report_that_cannot_exist_is_404(as_user: Callable[[str], Any], url: str) -> None:
    assert as_user("xem").get(url).status_code == 404


def test_the_year_form_sends_to_the_reports_address(as_user: Callable[[str], Any]) -> None:
    response = as_user("xem").get(f"/bao-cao/{PLAN}/tien-do/", {"nam": "2027", "dinh_dang": "xlsx"})
    assert response.status_code == 302
    assert response["Location"] == f"/bao-cao/{PLAN}/tien-do-2027.xlsx"


def test_without_libreoffice_a_pdf_is_a_vietnamese_page_with_the_word_file(
    as_user: Callable[[str], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    response = as_user("xem").get(f"{PROGRESS}.pdf")
    body = response.content.decode()
    assert response.status_code == 503 and "chưa cài LibreOffice" in body
    assert f'href="{PROGRESS}.docx"' in body


def test_the_dashboard_offers_the_progress_report_for_each_year_of_the_term(
    as_user: Callable[[str], Any],
) -> None:
    body = as_user("xem").get("/", {"ke_hoach": PLAN}).content.decode()
    assert f'action="/bao-cao/{PLAN}/tien-do/"' in body
    for year in range(2026, 2031):
        assert f'<option value="{year}"' in body
    assert f'<option value="{default_year_of(PLAN)}" selected>' in body
    assert body.count('name="dinh_dang"') == 3


def default_year_of(code: str) -> int:
    from chitieu.web.plans.models import Plan

    return default_year(Plan.objects.get(code=code))


def test_the_dashboard_of_a_past_term_offers_its_results_table(
    as_user: Callable[[str], Any],
) -> None:
    body = as_user("xem").get("/", {"ke_hoach": PAST}).content.decode()
    for fmt in ("docx", "xlsx", "pdf"):
        assert f'href="{RESULTS}.{fmt}"' in body
    assert "tien-do/" not in body


def test_the_audit_page_links_each_terms_results_table(as_user: Callable[[str], Any]) -> None:
    body = as_user("xem").get("/danh-gia-nhiem-ky-truoc/").content.decode()
    assert f'href="{RESULTS}.xlsx"' in body


@pytest.mark.slow
def test_a_pdf_download_is_a_pdf(as_user: Callable[[str], Any]) -> None:
    """LibreOffice converts the Word file (a few seconds)."""
    assert pdf.soffice() is not None
    response = as_user("xem").get(f"{RESULTS}.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
