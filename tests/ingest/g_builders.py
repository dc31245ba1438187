"""Hand-made catalogue indicators for the prose extractors' tests.

Names are copied from the seed's Phụ lục 2 (lines 1338-1582) so that the
tests see the wording a real catalogue carries; codes follow the house style.
Targets are attached only where a test needs them (duplicate candidates).
"""

from __future__ import annotations

from decimal import Decimal

from chitieu.catalog.model import (
    Aggregation,
    Direction,
    Indicator,
    IndicatorTarget,
    Source,
)
from chitieu.quantity import parse_target

SEED_NAME = "bao-cao-chinh-tri-hung-yen-2025-2030.txt"


def indicator(
    code: str,
    name: str,
    unit: str | None,
    *,
    group: str = "kinh_te",
    parent: str | None = None,
    direction: Direction = Direction.HIGHER,
    target: str | None = None,
    line: int | None = None,
) -> Indicator:
    targets: tuple[IndicatorTarget, ...] = ()
    if target is not None:
        targets = (
            IndicatorTarget(
                value=parse_target(target, unit=unit),
                period_start=2026,
                period_end=2030,
                aggregation=Aggregation.LEVEL,
                source=Source(SEED_NAME, line=line, text=target),
            ),
        )
    return Indicator(code, name, group, parent, unit, direction, targets=targets)


def seed_indicators() -> tuple[Indicator, ...]:
    """A catalogue shaped like the seed's Phụ lục 2 (a subset of its rows)."""
    low = Direction.LOWER
    band = Direction.BAND
    return (
        indicator(
            "kt.grdp.tang_truong",
            "Tốc độ tăng tổng sản phẩm trên địa bàn theo giá so sánh (GRDP)",
            "pct_per_year",
        ),
        indicator("kt.grdp.quy_mo", "Quy mô GRDP", "ty_dong", parent="kt.grdp.tang_truong"),
        indicator(
            "kt.grdp.dau_nguoi",
            "GRDP bình quân đầu người/năm",
            "trieu_dong",
            parent="kt.grdp.tang_truong",
        ),
        indicator("kt.co_cau", "Cơ cấu kinh tế", "pct", direction=band),
        indicator(
            "kt.co_cau.nong_nghiep",
            "Nông, lâm nghiệp và thủy sản",
            "pct",
            parent="kt.co_cau",
            direction=band,
        ),
        indicator(
            "kt.co_cau.cong_nghiep",
            "Công nghiệp, xây dựng",
            "pct",
            parent="kt.co_cau",
            direction=band,
        ),
        indicator(
            "kt.co_cau.che_bien",
            "Trong đó: Công nghiệp chế biến, chế tạo",
            "pct",
            parent="kt.co_cau.cong_nghiep",
            direction=band,
            target="40,5 %",
            line=1362,
        ),
        indicator(
            "kt.co_cau.dich_vu",
            "Thương mại, dịch vụ",
            "pct",
            parent="kt.co_cau",
            direction=band,
        ),
        indicator(
            "kt.co_cau.thue",
            "Thuế sản phẩm trừ trợ cấp sản phẩm",
            "pct",
            parent="kt.co_cau",
            direction=band,
        ),
        indicator("kt.thu_ngan_sach", "Thu ngân sách trên địa bàn", "ty_dong"),
        indicator(
            "kt.xuat_khau.tang_truong",
            "Tốc độ tăng trưởng kim ngạch xuất khẩu hàng hóa bình quân hàng năm",
            "pct_per_year",
        ),
        indicator(
            "kt.nang_suat_lao_dong",
            "Tốc độ tăng năng suất lao động bình quân hàng năm theo giá so sánh",
            "pct_per_year",
        ),
        indicator("kt.do_thi_hoa", "Tỷ lệ đô thị hóa", "pct"),
        indicator("xh.hdi", "Chỉ số phát triển con người HDI", None, group="xa_hoi"),
        indicator("xh.tuoi_tho", "Tuổi thọ trung bình", "tuoi", group="xa_hoi"),
        indicator(
            "xh.lao_dong_dao_tao",
            "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ",
            "pct",
            group="xa_hoi",
        ),
        indicator("xh.bac_sy", "Số bác sỹ/vạn dân", "bac_sy_per_10k", group="xa_hoi"),
        indicator("xh.ho_ngheo", "Tỷ lệ hộ nghèo", "pct", group="xa_hoi", direction=low),
        indicator(
            "xh.that_nghiep",
            "Tỷ lệ thất nghiệp chung",
            "pct",
            group="xa_hoi",
            direction=low,
        ),
        indicator(
            "xh.lao_dong_nong_nghiep",
            "Tỷ trọng lao động nông nghiệp trong tổng số lao động",
            "pct",
            group="xa_hoi",
            direction=low,
        ),
        indicator(
            "xh.ntm_nang_cao",
            "Xã chuẩn nông thôn mới nâng cao",
            "pct",
            group="xa_hoi",
        ),
        indicator(
            "xh.ntm_kieu_mau",
            "Xã chuẩn nông thôn mới kiểu mẫu",
            "pct",
            group="xa_hoi",
        ),
        indicator("mt.nuoc_sach", "Tỷ lệ hộ dân được sử dụng nước sạch", "pct", group="moi_truong"),
        indicator(
            "mt.chat_thai_ran",
            "Tỷ lệ thu gom và xử lý chất thải rắn sinh hoạt đô thị bảo đảm tiêu chuẩn, quy chuẩn",
            "pct",
            group="moi_truong",
        ),
        indicator(
            "db.ket_nap",
            "Tỷ lệ kết nạp đảng viên mới hằng năm",
            "pct",
            group="xay_dung_dang",
        ),
    )


def by_code(code: str) -> Indicator:
    for item in seed_indicators():
        if item.code == code:
            return item
    raise KeyError(code)


def decimal(text: str) -> Decimal:
    return Decimal(text)
