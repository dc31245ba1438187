"""Figure records of several statuses, periods and localities, for the exchange tests."""

from __future__ import annotations

from decimal import Decimal

from chitieu.catalog.model import FigureStatus
from chitieu.catalog.period import Period
from chitieu.exchange.records import CodeItem, Codes, FigureRecord

GRDP = "kt.grdp.tang_truong"


def sample_records() -> list[FigureRecord]:
    return [
        FigureRecord(GRDP, "hung_yen", Period.parse("2026"), FigureStatus.PLAN, Decimal("10.5"),
                     "pct_per_year", "Nghị quyết, kế hoạch 2026", "", "10,5", "cong_bo"),
        FigureRecord(GRDP, "hung_yen", Period.parse("2026"), FigureStatus.ESTIMATE,
                     Decimal("8.100000"), "pct_per_year", "Cục Thống kê", "ước tính \"sớm\"",
                     "8,1", "nhap"),
        FigureRecord(GRDP, "hung_yen", Period.parse("2026-Q2"), FigureStatus.PRELIMINARY,
                     Decimal("7.25"), "pct_per_year", "", "", "", "da_duyet"),
        FigureRecord(GRDP, "xa_tan_hung", Period.parse("2026-H1"), FigureStatus.OFFICIAL,
                     Decimal("-0.5"), "pct_per_year", "", "dòng 1\ndòng 2", "", "da_duyet"),
        FigureRecord("xh.bac_si", "hung_yen", Period.parse("2026-03"), FigureStatus.OFFICIAL,
                     Decimal("328096"), "", "", "", "", "cho_duyet"),
        FigureRecord("xh.bac_si", "hung_yen", Period.parse("2026-6M"), FigureStatus.ESTIMATE,
                     Decimal("12.5"), "", "", "", "", "nhap"),
    ]  # fmt: skip


def sample_codes() -> Codes:
    return Codes(
        indicators=(
            CodeItem(GRDP, "Tốc độ tăng trưởng GRDP"),
            CodeItem("kt.grdp.nong_nghiep", "Trong đó: nông nghiệp", GRDP),
            CodeItem("xh.bac_si", "Số bác sĩ trên 1 vạn dân"),
        ),
        localities=(
            CodeItem("hung_yen", "Tỉnh Hưng Yên"),
            CodeItem("xa_tan_hung", "Xã Tân Hưng", "hung_yen"),
        ),
        review_states=(CodeItem("nhap", "Đang nhập"), CodeItem("da_duyet", "Đã duyệt")),
    )
