"""A report's heading names the committee of the plan's place at the place's own level.

A province's report is issued by "ỦY BAN NHÂN DÂN / TỈNH X", a city's by "… / THÀNH PHỐ Y",
a commune's by "… / XÃ Z", and each is signed "<name>, ngày …" without the level word.
(The shipped profiles are provinces: tests/web/test_shipped_profiles.py checks theirs.)
"""

from __future__ import annotations

from io import BytesIO

import pytest
from docx import Document as open_docx
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


def _plan(name: str, kind: str, *, parent: tuple[str, str] | None = None, issuer: str = "") -> str:
    """A resolution 2025-2030 of a locality so named (under `parent`: name, kind); its code."""
    from chitieu.web.plans.models import Locality, Plan, PlanKind

    above = Locality.objects.create(code="tren", name=parent[0], kind=parent[1]) if parent else None
    place = Locality.objects.create(code="noi", name=name, kind=kind, parent=above)
    Plan.objects.create(
        code="nq", name="Nghị quyết", kind=PlanKind.RESOLUTION, term_start=2025, term_end=2030,
        locality=place, issuer=issuer,
    )  # fmt: skip
    return "nq"


def _heading(code: str) -> tuple[str, str, str]:
    """(issuer in Word, signing place and date in Word, issuer in Excel) of the 2026 report."""
    from chitieu.web.dashboard.downloads import build_report

    word = open_docx(BytesIO(build_report("progress", code, "docx", year=2026).content))
    issuer, signed = (cell.text for cell in word.tables[0].rows[0].cells)
    excel = load_workbook(BytesIO(build_report("progress", code, "xlsx", year=2026).content))
    return issuer, signed, str(excel["Chỉ tiêu"]["A1"].value)


@pytest.mark.parametrize(
    ("name", "kind", "committee", "signed"),
    [
        ("Tỉnh Sông Cầu", "tinh", "TỈNH SÔNG CẦU", "Sông Cầu, ngày"),
        ("Thành phố Cửa Biển", "thanh_pho", "THÀNH PHỐ CỬA BIỂN", "Cửa Biển, ngày"),
        ("Xã Tân Phú", "xa", "XÃ TÂN PHÚ", "Tân Phú, ngày"),
        ("Phường Bến Đá", "phuong", "PHƯỜNG BẾN ĐÁ", "Bến Đá, ngày"),
        ("Tân Phú", "xa", "XÃ TÂN PHÚ", "Tân Phú, ngày"),  # stored without its level word
    ],
)
def test_the_committee_is_the_places_at_its_level(
    name: str, kind: str, committee: str, signed: str
) -> None:
    issuer, place_date, excel = _heading(_plan(name, kind))
    assert f"ỦY BAN NHÂN DÂN\n{committee}" in issuer
    assert "TỈNH" not in issuer or kind == "tinh"
    assert signed in place_date
    assert excel == f"ỦY BAN NHÂN DÂN\n{committee}"


def test_a_former_units_plan_is_reported_by_the_place_it_was_merged_into() -> None:
    code = _plan("Xã Phú An (cũ)", "xa", parent=("Xã Tân Phú", "xa"))
    issuer, place_date, _ = _heading(code)
    assert "ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ" in issuer and "Tân Phú, ngày" in place_date


def test_the_file_is_named_after_the_place_without_its_level_word() -> None:
    from chitieu.web.dashboard.downloads import build_report

    built = build_report("progress", _plan("Thành phố Cửa Biển", "thanh_pho"), "xlsx", year=2026)
    assert built.filename == "Tình hình thực hiện chỉ tiêu năm 2026 - Cửa Biển.xlsx"


def test_a_name_loses_its_level_word_and_its_former_mark() -> None:
    from chitieu.web.dashboard.downloads import bare_name

    assert bare_name("Tỉnh Sông Cầu (cũ)") == "Sông Cầu"
    assert bare_name("Đặc khu Hòn Mây") == "Hòn Mây"
    assert bare_name("thành phố Cửa Biển") == "Cửa Biển"
    assert bare_name("Phú An") == "Phú An"


def _blocks(code: str) -> tuple[str, str, str, str]:
    """(left heading, right heading, signature block, note) of the plan's 2026 report."""
    from chitieu.web.dashboard.downloads import build_report

    built = build_report("progress", code, "docx", year=2026)
    word = open_docx(BytesIO(built.content))
    left, right = (cell.text for cell in word.tables[0].rows[0].cells)
    signature = word.tables[-1].rows[0].cells[1].text
    return left, right, signature, built.note


@pytest.mark.parametrize(
    ("issuer", "body", "national", "signed"),
    [
        (
            "Đảng bộ tỉnh Sông Cầu",
            "TỈNH ỦY SÔNG CẦU\n*",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "T/M BAN THƯỜNG VỤ\nBÍ THƯ",
        ),
        (
            "HĐND tỉnh Sông Cầu",
            "HỘI ĐỒNG NHÂN DÂN\nTỈNH SÔNG CẦU\n———",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
            "T/M HỘI ĐỒNG NHÂN DÂN\nCHỦ TỊCH",
        ),
        (
            "UBND tỉnh Sông Cầu",
            "ỦY BAN NHÂN DÂN\nTỈNH SÔNG CẦU\n———",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
            "T/M ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
        ),
    ],
)
def test_the_heading_and_signature_follow_the_plans_issuer(
    issuer: str, body: str, national: str, signed: str
) -> None:
    left, right, signature, note = _blocks(_plan("Tỉnh Sông Cầu", "tinh", issuer=issuer))
    assert body in left
    assert right.startswith(national)
    assert signature.startswith(signed)
    assert note == ""
    if "ĐẢNG" in national:
        assert "CỘNG HÒA" not in right and "ỦY BAN" not in left + signature
        assert "Số …-BC/…" in left
    else:
        assert "Số: …/BC-…" in left


def test_a_party_committee_of_a_commune_is_its_dang_uy() -> None:
    left, right, signature, _ = _blocks(_plan("Xã Tân Phú", "xa", issuer="Đảng bộ xã Tân Phú"))
    assert "ĐẢNG ỦY XÃ TÂN PHÚ" in left and right.startswith("ĐẢNG CỘNG SẢN VIỆT NAM")
    assert signature.startswith("T/M BAN THƯỜNG VỤ\nBÍ THƯ")


def test_a_plan_without_an_issuer_is_reported_by_the_places_committee_and_says_so() -> None:
    left, right, signature, note = _blocks(_plan("Thành phố Cửa Biển", "thanh_pho"))
    assert "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CỬA BIỂN" in left
    assert right.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert signature.startswith("T/M ỦY BAN NHÂN DÂN\nCHỦ TỊCH")
    assert "không ghi cơ quan ban hành" in note and "Thành phố Cửa Biển" in note
