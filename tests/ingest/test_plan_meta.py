"""What plan a document is, from its title, first lines, file name or a person's hints."""

from __future__ import annotations

import pytest

from chitieu.catalog.model import Plan
from chitieu.ingest.plan_hints import PlanHints
from chitieu.ingest.plan_meta import (
    PlanMeta,
    locality_of,
    plan_code,
    plan_gaps,
    read_plan_meta,
)


def meta_of(text: str, *, file_name: str = "", hints: PlanHints | None = None) -> PlanMeta:
    lines = list(enumerate(text.splitlines(), start=1))
    return read_plan_meta([], lines, file_name=file_name, hints=hints)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "HỘI ĐỒNG NHÂN DÂN\nTỈNH KIM SƠN\n\nNGHỊ QUYẾT\nVề kế hoạch phát triển kinh tế - xã hội "
            "năm 2026\nHỘI ĐỒNG NHÂN DÂN TỈNH KIM SƠN\nKHÓA X, KỲ HỌP THỨ 7, NHIỆM KỲ 2021 - 2026",
            (
                "annual_plan",
                "hdnd",
                "Hội đồng nhân dân tỉnh Kim Sơn",
                "tinh",
                "Kim Sơn",
                None,
                2026,
            ),
        ),
        (
            "NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LONG GIANG LẦN THỨ XX, NHIỆM KỲ 2025 - 2030",
            (
                "resolution",
                "dang_bo",
                "Đảng bộ tỉnh Long Giang",
                "tinh",
                "Long Giang",
                (2025, 2030),
                None,
            ),
        ),
        (
            "Nghị quyết Đại hội đại biểu Đảng bộ xã Tân Phú lần thứ I, nhiệm kỳ 2025 - 2030",
            ("resolution", "dang_bo", "Đảng bộ xã Tân Phú", "xa", "Tân Phú", (2025, 2030), None),
        ),
        (
            "Đại hội Đảng bộ phường An Khánh lần thứ I, nhiệm kỳ 2025-2030 đã thông qua Nghị quyết",
            (
                "resolution",
                "dang_bo",
                "Đảng bộ phường An Khánh",
                "phuong",
                "An Khánh",
                (2025, 2030),
                None,
            ),
        ),
        (
            "NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ ĐẶC KHU HÒN NGỌC LẦN THỨ I, NHIỆM KỲ 2025 - 2030",
            (
                "resolution",
                "dang_bo",
                "Đảng bộ đặc khu Hòn Ngọc",
                "dac_khu",
                "Hòn Ngọc",
                (2025, 2030),
                None,
            ),
        ),
        (
            "Chiều 12/12, HĐND TP Cảng Biển khóa XVI đã thông qua Nghị quyết về kế hoạch phát triển "
            "kinh tế - xã hội 5 năm 2026 - 2030.",
            (
                "five_year_plan",
                "hdnd",
                "Hội đồng nhân dân thành phố Cảng Biển",
                "thanh_pho",
                "Cảng Biển",
                (2026, 2030),
                None,
            ),
        ),
    ],
)
def test_title_and_first_lines(text: str, expected: tuple[object, ...]) -> None:
    meta = meta_of(text)
    assert (
        meta.kind,
        meta.issuer_body,
        meta.issuer,
        meta.level,
        meta.place,
        meta.term,
        meta.year,
    ) == expected


def test_a_council_term_is_not_the_plan_term() -> None:
    """ "HĐND … khóa X, nhiệm kỳ 2021 - 2026" is the council's own term, not the plan's."""
    meta = meta_of("HỘI ĐỒNG NHÂN DÂN TỈNH KIM SƠN KHÓA X, NHIỆM KỲ 2021 - 2026")
    assert meta.term is None and meta.issuer_body == "hdnd"


def test_a_person_title_is_not_the_issuer() -> None:
    """A news report quoting the People's Committee's chairman does not make it the issuer."""
    text = (
        "Ông Trần Văn A, Chủ tịch UBND tỉnh Kim Sơn cho biết năm 2026 tỉnh phấn đấu tăng trưởng "
        "GRDP 10%.\nHĐND tỉnh Kim Sơn đã thông qua Nghị quyết về kế hoạch phát triển kinh tế - "
        "xã hội năm 2026."
    )
    meta = meta_of(text)
    assert (meta.issuer, meta.kind, meta.year) == (
        "Hội đồng nhân dân tỉnh Kim Sơn",
        "annual_plan",
        2026,
    )


def test_the_issuer_is_never_invented() -> None:
    """A news excerpt with only targets: the place is known, the issuer is not."""
    meta = meta_of("Đến năm 2030, tỉnh Kim Sơn phấn đấu tỷ lệ đô thị hóa đạt 45%.")
    assert (meta.issuer, meta.place, meta.level) == (None, "Kim Sơn", "tinh")
    assert "issuer" in meta.missing()


def test_nothing_found_is_left_empty() -> None:
    meta = meta_of("Tốc độ tăng trưởng kinh tế đạt 8%.")
    assert meta.missing() == ("kind", "issuer", "level", "locality", "term")


def test_the_file_name_gives_years_and_kind() -> None:
    meta = meta_of("Các chỉ tiêu chủ yếu", file_name="ke-hoach-ktxh-nam-2026.pdf")
    assert (meta.kind, meta.year, dict(meta.found_in)["year"]) == ("annual_plan", 2026, "tên tệp")
    meta = meta_of("Các chỉ tiêu", file_name="nghi_quyet_dai_hoi_2025-2030.docx")
    assert (meta.kind, meta.term) == ("resolution", (2025, 2030))


def test_hints_win() -> None:
    hints = PlanHints(
        locality="Tân Phú", level="xa", year=2026, issuer="Ủy ban nhân dân xã Tân Phú"
    )
    meta = meta_of("HĐND tỉnh Kim Sơn thông qua kế hoạch năm 2027", hints=hints)
    assert (meta.place, meta.level, meta.year, meta.kind, meta.issuer_body) == (
        "Tân Phú",
        "xa",
        2026,
        "annual_plan",
        "ubnd",
    )
    assert dict(meta.found_in)["locality"] == "tùy chọn"


@pytest.mark.parametrize(
    ("meta", "code"),
    [
        (
            PlanMeta(kind="resolution", place="Long Giang", level="tinh", term=(2025, 2030)),
            "long_giang_2025_2030",
        ),
        (PlanMeta(kind="annual_plan", place="Tân Phú", level="xa", year=2026), "xa_tan_phu_2026"),
        (
            PlanMeta(kind="five_year_plan", place="Kim Sơn", level="tinh", term=(2026, 2030)),
            "kim_son_kh_2026_2030",
        ),
        (PlanMeta(kind="resolution", place="Hòn Ngọc", level="dac_khu"), "dac_khu_hon_ngoc"),
    ],
)
def test_plan_codes(meta: PlanMeta, code: str) -> None:
    assert plan_code(meta, file_name="x.txt") == code


def test_locality_of_a_ward_carries_its_level() -> None:
    assert locality_of(PlanMeta(level="phuong", place="An Khánh")) == "phuong_an_khanh"


def test_gaps_name_the_option_that_fills_them() -> None:
    plan = Plan("x", "x", "", None, None, "x.txt", kind="")
    gaps = " ".join(plan_gaps(plan))
    for option in ("--kind", "--issuer", "--locality", "--term"):
        assert option in gaps


def test_a_place_in_capitals_ends_where_its_title_case_spelling_does() -> None:
    """ "XÂY DỰNG TỈNH KIM SƠN PHÁT TRIỂN XANH" runs on; "Tỉnh ủy Kim Sơn ban hành" does not."""
    meta = meta_of(
        "Tỉnh ủy Kim Sơn ban hành công văn lấy ý kiến Nhân dân.\n"
        "XÂY DỰNG TỈNH KIM SƠN PHÁT TRIỂN XANH, NHANH, BỀN VỮNG"
    )
    assert (meta.place, meta.level) == ("Kim Sơn", "tinh")
