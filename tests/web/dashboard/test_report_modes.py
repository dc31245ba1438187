"""Report modes: the official report has approved and published figures only, the working
draft every figure but returned ones, each not yet approved marked, "DỰ THẢO" on every page."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from typing import Any

import pytest
from docx import Document as open_docx
from openpyxl import load_workbook

from chitieu.web.dashboard.downloads import build_report
from chitieu.web.figures.visibility import ViewMode
from tests.web.dashboard.helpers import put

pytestmark = pytest.mark.django_db

PLAN = "hung_yen_2025_2030"
PAST = "hung_yen_cu_2020_2025"
PROGRESS = f"/bao-cao/{PLAN}/tien-do-2026"
INVESTMENT = "Tổng vốn đầu tư toàn xã hội"


@pytest.fixture
def figures(store: dict[str, Any]) -> dict[str, Any]:
    """Doctors 2026: 13 approved (ước) and 14 in draft (chính thức); GRDP growth 2026: 9,5
    returned by the planner."""
    from chitieu.web.figures.services import return_figure, submit_figure

    doctors, grdp, province = store["doctors"], store["grdp"], store["province"]
    put(doctors, province, 2026, "13", status="uoc", approved=True)
    put(doctors, province, 2026, "14")
    returned = submit_figure(put(grdp, province, 2026, "9.5"), actor=None)
    return_figure(returned, actor=None, comment="Chưa khớp số của Cục Thống kê")
    return store


def _word(mode: ViewMode) -> Any:
    return open_docx(BytesIO(build_report("progress", PLAN, "docx", year=2026, mode=mode).content))


def _excel(mode: ViewMode, kind: str = "progress", plan: str = PLAN) -> Any:
    year = 2026 if kind == "progress" else None
    content = build_report(kind, plan, "xlsx", year=year, mode=mode).content
    return load_workbook(BytesIO(content))


def _row(document: Any, name: str) -> list[str]:
    for table in document.tables:
        for row in table.rows:
            cells = [c.text for c in row.cells]
            if any(cell.startswith(name) for cell in cells[1:2]):
                return cells
    raise AssertionError(name)


def _headers(document: Any) -> list[str]:
    return [
        "\n".join(p.text for p in header.paragraphs)
        for section in document.sections
        for header in (section.header, section.first_page_header)
    ]


def test_the_official_report_has_approved_figures_only(figures: dict[str, Any]) -> None:
    word = _word(ViewMode.OFFICIAL)
    doctors = _row(word, "Số bác sĩ")
    assert doctors[4].startswith("13 ") and "*" not in doctors[4]  # the approved ước, not 14
    growth = _row(word, "Tốc độ tăng tổng sản phẩm")
    assert "9,5" not in growth[4]
    assert all("DỰ THẢO" not in header for header in _headers(word))
    assert "chưa duyệt" not in "\n".join(p.text for p in word.paragraphs)


def test_the_working_draft_marks_unapproved_values_and_never_uses_a_returned_one(
    figures: dict[str, Any],
) -> None:
    word = _word(ViewMode.WORKING)
    doctors = _row(word, "Số bác sĩ")
    assert doctors[4].startswith("14 bác sỹ/vạn dân*")  # chính thức beats ước, not approved
    growth = _row(word, "Tốc độ tăng tổng sản phẩm")
    assert "9,5" not in " ".join(growth)
    text = "\n".join(p.text for p in word.paragraphs)
    assert "* Số liệu chưa duyệt" in text and "9,5" not in text


def test_every_page_of_the_working_draft_says_du_thao(figures: dict[str, Any]) -> None:
    headers = _headers(_word(ViewMode.WORKING))
    assert headers and all("DỰ THẢO" in header for header in headers)


def test_every_sheet_of_the_working_draft_says_du_thao(figures: dict[str, Any]) -> None:
    for kind, plan in (("progress", PLAN), ("results", PAST)):
        book = _excel(ViewMode.WORKING, kind, plan)
        for sheet in book.worksheets:
            assert "DỰ THẢO" in (sheet.oddHeader.right.text or ""), (kind, sheet.title)
        first = book.worksheets[0]
        banners = [c.value for row in first.iter_rows(max_row=6) for c in row if c.value]
        assert any(str(v).startswith("DỰ THẢO") for v in banners), kind
    official = _excel(ViewMode.OFFICIAL)
    assert all(not (s.oddHeader.right.text or "") for s in official.worksheets)


def test_an_unapproved_number_in_excel_is_italic_with_a_star(figures: dict[str, Any]) -> None:
    sheet = _excel(ViewMode.WORKING)["Chỉ tiêu"]
    row = next(r for r in sheet.iter_rows() if str(r[1].value).startswith("Số bác sĩ"))
    latest = row[7]
    assert latest.value == 14 and latest.number_format == '#,##0"*"' and latest.font.italic


def test_stored_values_show_their_own_decimals_not_six(store: dict[str, Any]) -> None:
    """The store keeps six decimals (328283.000000): a cell shows 328.283, 9,17 or 9,5."""
    from chitieu.web.plans.models import Indicator

    found = Indicator.objects.select_related("plan__locality").get(plan__code=PAST, name=INVESTMENT)
    put(found, found.plan.locality, 2025, "328283", approved=True)
    put(store["doctors"], store["province"], 2026, "9.5", approved=True)
    results = _excel(ViewMode.OFFICIAL, "results", PAST).worksheets[0]
    cell = next(r[4] for r in results.iter_rows() if r[1].value == INVESTMENT)
    assert cell.value == 328283 and cell.number_format == "#,##0"
    progress = _excel(ViewMode.OFFICIAL)["Chỉ tiêu"]
    doctors = next(r for r in progress.iter_rows() if str(r[1].value).startswith("Số bác sĩ"))
    assert doctors[7].value == 9.5 and doctors[7].number_format == "#,##0.0"
    for row in progress.iter_rows():
        for each in row:
            assert "000000" not in each.number_format


def test_printed_rows_are_tall_enough_for_their_wrapped_text(store: dict[str, Any]) -> None:
    sheet = _excel(ViewMode.OFFICIAL)["Chỉ tiêu"]
    for row in sheet.iter_rows(min_row=6):
        name = row[1].value
        if name and len(str(name)) > 2 * 45:  # wraps to three lines or more in 45 characters
            assert (sheet.row_dimensions[row[0].row].height or 0) >= 3 * 15.75, name


def test_the_web_gives_the_official_report_unless_the_draft_is_asked_for(
    figures: dict[str, Any], client: Any, user: Callable[[str], Any]
) -> None:
    client.force_login(user("tonghop"))
    official = open_docx(BytesIO(client.get(f"{PROGRESS}.docx").content))
    draft = client.get(f"{PROGRESS}.docx", {"so_lieu": "du-thao"})
    assert "(du-thao).docx" in draft["Content-Disposition"]
    assert _row(official, "Số bác sĩ")[4].startswith("13 ")
    assert _row(open_docx(BytesIO(draft.content)), "Số bác sĩ")[4].startswith("14 ")


def test_a_viewer_asking_for_the_draft_gets_the_official_report(
    figures: dict[str, Any], client: Any, user: Callable[[str], Any]
) -> None:
    client.force_login(user("xem"))
    word = open_docx(BytesIO(client.get(f"{PROGRESS}.docx", {"so_lieu": "du-thao"}).content))
    assert _row(word, "Số bác sĩ")[4].startswith("13 ")
    assert all("DỰ THẢO" not in header for header in _headers(word))


def test_a_report_that_does_not_exist_says_why_in_vietnamese_under_the_site_header(
    store: dict[str, Any], client: Any, user: Callable[[str], Any]
) -> None:
    """The annual plan's results-table address: a page in Vietnamese with the reports the
    plan does have, not a bare English 404."""
    from chitieu.web.plans.models import Plan, PlanKind

    Plan.objects.create(
        code="ke_hoach_nam", name="Kế hoạch năm", kind=PlanKind.ANNUAL_PLAN,
        term_start=2026, term_end=2026, locality=store["province"],
    )  # fmt: skip
    client.force_login(user("xem"))
    response = client.get("/bao-cao/ke_hoach_nam/ket-qua.docx")
    body = response.content.decode()
    assert response.status_code == 404
    assert "không phải kết quả nhiệm kỳ trước" in body and "Not Found" not in body
    assert 'aria-label="Điều hướng chính"' in body or "Tổng quan" in body
    assert 'href="/bao-cao/ke_hoach_nam/tien-do-2026.docx"' in body
    missing = client.get("/bao-cao/khong_co/tien-do-2026.docx").content.decode()
    assert "Không có kế hoạch mã “khong_co”" in missing


def test_the_report_command_takes_the_mode(
    figures: dict[str, Any], tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from chitieu.cli import report

    monkeypatch.setattr("chitieu.web.setup.migrate", lambda: None)
    out = tmp_path / "bao-cao.docx"
    args = ["progress", "--plan", PLAN, "--year", "2026", "--format", "docx", "-o", str(out)]
    result = CliRunner().invoke(report.command, [*args, "--mode", "du-thao"])
    assert result.exit_code == 0, result.output
    assert all("DỰ THẢO" in h for h in _headers(open_docx(str(out))))
    result = CliRunner().invoke(report.command, args)
    assert result.exit_code == 0, result.output
    assert _row(open_docx(str(out)), "Số bác sĩ")[4].startswith("13 ")


def test_a_past_terms_unapproved_result_is_marked_in_its_row_only(store: dict[str, Any]) -> None:
    from chitieu.web.plans.models import Indicator

    found = Indicator.objects.select_related("plan__locality").get(plan__code=PAST, name=INVESTMENT)
    put(found, found.plan.locality, 2025, "328096")
    draft = _excel(ViewMode.WORKING, "results", PAST).worksheets[0]
    marked = [r[1].value for r in draft.iter_rows() if r[4].font and r[4].font.italic]
    assert marked == [INVESTMENT]
    cell = next(r[4] for r in draft.iter_rows() if r[1].value == INVESTMENT)
    assert cell.value == 328096 and cell.number_format == '#,##0"*"'
    official = _excel(ViewMode.OFFICIAL, "results", PAST).worksheets[0]
    assert next(r[4].value for r in official.iter_rows() if r[1].value == INVESTMENT) is None
