"""The concept lexicon: stable codes, directions and aggregations from names."""

from __future__ import annotations

import unicodedata

import pytest

from chitieu.catalog.model import Aggregation, Direction
from chitieu.ingest.codes import (
    aggregation_for,
    ascii_slug,
    direction_for,
    group_code,
    group_prefix,
    indicator_code,
    locality_code,
    province_name,
    term_years,
    unique_code,
)


@pytest.mark.parametrize(
    ("name", "group", "parent", "code"),
    [
        (
            "Tốc độ tăng tổng sản phẩm trên địa bàn theo giá so sánh (GRDP)",
            "kinh_te",
            None,
            "kt.grdp.tang_truong",
        ),
        ("Quy mô GRDP", "kinh_te", None, "kt.grdp.quy_mo"),
        ("GRDP bình quân đầu người/năm", "kinh_te", None, "kt.grdp.binh_quan_dau_nguoi"),
        ("Nông, lâm nghiệp và thủy sản", "kinh_te", "kt.co_cau", "kt.co_cau.nong_nghiep"),
        (
            "Trong đó: Công nghiệp chế biến, chế tạo",
            "kinh_te",
            "kt.co_cau.cong_nghiep_xay_dung",
            "kt.co_cau.che_bien_che_tao",
        ),
        (
            "Thu nội địa không bao gồm tiền sử dụng đất",
            "kinh_te",
            None,
            "kt.thu_ngan_sach.noi_dia_tru_dat",
        ),
        (
            "Đóng góp bình quân của năng suất nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế",
            "kinh_te",
            None,
            "kt.tfp",
        ),
        ("Chỉ số sản xuất công nghiệp", "kinh_te", None, "kt.chi_so_san_xuat_cong_nghiep"),
        ("Thu nhập bình quân đầu người", "kinh_te", None, "kt.thu_nhap_binh_quan"),
        ("Tỷ lệ hộ nghèo", "van_hoa_xa_hoi", None, "xh.ho_ngheo"),
        (
            "Số hộ nghèo (theo chuẩn nghèo giai đoạn 2021-2025) giảm so với năm 2020",
            "xa_hoi",
            None,
            "xh.ho_ngheo.so_ho",
        ),
        ("Tỷ lệ thất nghiệp ở nông thôn", "van_hoa_xa_hoi", None, "xh.that_nghiep.nong_thon"),
        ("Gia đình văn hóa", "xa_hoi", None, "xh.van_hoa.gia_dinh"),
        ("Tỷ lệ hộ dân được sử dụng nước sạch", "moi_truong", None, "mt.nuoc_sach"),
        ("Tỷ lệ kết nạp đảng viên mới hằng năm", "xay_dung_dang", None, "xdd.ket_nap_dang_vien"),
    ],
)
def test_known_names_get_their_concept_code(
    name: str, group: str, parent: str | None, code: str
) -> None:
    assert indicator_code(name, group=group, parent=parent) == code


def test_sector_share_needs_the_structure_parent() -> None:
    """'Nông, lâm nghiệp' is a structure share only under 'Cơ cấu kinh tế'."""
    assert indicator_code("Nông, lâm nghiệp và thủy sản", group="kinh_te", parent=None) != (
        "kt.co_cau.nong_nghiep"
    )


@pytest.mark.parametrize(
    "variant",
    ["Tỷ lệ đô thị hoá", "Tỷ lệ đô thị hóa", "TỶ LỆ ĐÔ THỊ HÓA", "Tỷ  lệ đô thị hóa "],
)
def test_code_ignores_tone_mark_position_case_and_spaces(variant: str) -> None:
    assert indicator_code(variant, group="kinh_te", parent=None) == "kt.do_thi_hoa"


def test_code_is_the_same_in_nfd() -> None:
    name = "Tỷ lệ hộ dân được sử dụng nước sạch"
    nfd = unicodedata.normalize("NFD", name)
    assert indicator_code(nfd, group="moi_truong", parent=None) == indicator_code(
        name, group="moi_truong", parent=None
    )


def test_unknown_name_gets_a_short_ascii_slug_under_the_group_prefix() -> None:
    code = indicator_code(
        "Số km đường giao thông nông thôn được cứng hóa", group="kinh_te", parent=None
    )
    assert code == "kt.km_duong_giao_thong"
    assert code.isascii()


def test_unknown_slug_is_tone_insensitive() -> None:
    first = indicator_code("Tỷ lệ che phủ rừng hoá", group="moi_truong", parent=None)
    second = indicator_code("Tỷ lệ che phủ rừng hóa", group="moi_truong", parent=None)
    assert first == second == "mt.che_phu_rung_hoa"


def test_slug_drops_trong_do_and_stop_words() -> None:
    assert ascii_slug("Trong đó: Tỷ lệ số doanh nghiệp của tỉnh") == "doanh_nghiep_tinh"


def test_unique_code_adds_the_first_free_suffix() -> None:
    assert unique_code("xh.ntm", {"xh.ntm", "xh.ntm_2"}) == "xh.ntm_3"
    assert unique_code("xh.ntm", set()) == "xh.ntm"


@pytest.mark.parametrize(
    ("name", "parent", "direction"),
    [
        ("Tỷ lệ hộ nghèo", None, Direction.LOWER),
        ("Tỷ lệ thất nghiệp chung", None, Direction.LOWER),
        ("Tỷ lệ tăng dân số tự nhiên", None, Direction.LOWER),
        ("Tỷ trọng lao động nông nghiệp trong tổng số lao động", None, Direction.LOWER),
        ("Xếp hạng các chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", None, Direction.LOWER),
        ("Thương mại, dịch vụ", "kt.co_cau", Direction.BAND),
        ("Cơ cấu kinh tế", None, Direction.BAND),
        ("Công nghiệp chế biến, chế tạo", "kt.co_cau.cong_nghiep_xay_dung", Direction.HIGHER),
        ("Tỷ lệ hộ dân được sử dụng nước sạch", None, Direction.HIGHER),
        ("Tỷ lệ trẻ em suy dinh dưỡng", None, Direction.LOWER),
    ],
)
def test_direction(name: str, parent: str | None, direction: Direction) -> None:
    assert direction_for(name, parent=parent) is direction


@pytest.mark.parametrize(
    ("name", "aggregation"),
    [
        ("Tốc độ tăng tổng sản phẩm trên địa bàn theo giá so sánh (GRDP)", Aggregation.AVG_GROWTH),
        (
            "Tốc độ tăng năng suất lao động bình quân hàng năm theo giá so sánh",
            Aggregation.AVG_GROWTH,
        ),
        ("Tổng vốn đầu tư toàn xã hội", Aggregation.CUMULATIVE),
        ("Tổng số doanh nghiệp thành lập mới giai đoạn 2026-2030", Aggregation.CUMULATIVE),
        ("Tỷ lệ kết nạp đảng viên mới hằng năm", Aggregation.EVERY_YEAR),
        ("Tỷ lệ người dân được khám sức khỏe định kỳ hàng năm", Aggregation.EVERY_YEAR),
        ("Tỷ lệ tổng vốn đầu tư toàn xã hội", Aggregation.AVG_LEVEL),
        (
            "Đóng góp bình quân của năng suất nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế",
            Aggregation.AVG_LEVEL,
        ),
        ("GRDP bình quân đầu người/năm", Aggregation.LEVEL),
        ("Tỷ lệ đô thị hóa", Aggregation.LEVEL),
    ],
)
def test_aggregation(name: str, aggregation: Aggregation) -> None:
    assert aggregation_for(name) is aggregation


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("KINH TẾ", "kinh_te"),
        ("VĂN HOÁ - XÃ HỘI", "van_hoa_xa_hoi"),
        ("VĂN HÓA - XÃ HỘI", "van_hoa_xa_hoi"),
        ("XÃ HỘI", "xa_hoi"),
        ("MÔI TRƯỜNG", "moi_truong"),
        ("XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ", "xay_dung_dang"),
        ("Bình quân giai đoạn 2021-2025", "binh_quan_giai_doan_2021_2025"),
        ("Chỉ tiêu đến năm 2025", "chi_tieu_den_nam_2025"),
    ],
)
def test_group_code(name: str, code: str) -> None:
    assert group_code(name) == code


def test_group_prefix_of_other_groups_is_their_initials() -> None:
    assert group_prefix("kinh_te") == "kt"
    assert group_prefix("quoc_phong_an_ninh") == "qpan"


def test_term_and_province_from_a_title() -> None:
    title = "MỤC TIÊU NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH HƯNG YÊN LẦN THỨ NHẤT, NHIỆM KỲ 2025 - 2030"
    assert term_years(title) == (2025, 2030)
    assert province_name(title) == "HƯNG YÊN"
    assert locality_code("THÁI BÌNH") == "thai_binh"


def test_title_without_term_has_none() -> None:
    assert term_years("PHỤ LỤC 2") is None
    assert province_name("PHỤ LỤC 2") is None
