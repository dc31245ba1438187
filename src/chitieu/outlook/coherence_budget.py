"""Budget revenue: the total against its components, a part not larger than its whole."""

from __future__ import annotations

from decimal import Decimal

from chitieu.catalog.model import Catalogue
from chitieu.outlook.assumptions import Assumptions
from chitieu.outlook.coherence_base import (
    CoherenceCheck,
    Input,
    Outcome,
    Verdict,
    in_unit,
    missing,
    num,
    pct,
)
from chitieu.outlook.coherence_investment import amount

TOTAL = "kt.thu_ngan_sach.tong"
DOMESTIC = "kt.thu_ngan_sach.noi_dia"
DOMESTIC_NO_LAND = "kt.thu_ngan_sach.noi_dia_tru_dat"
TRADE = "kt.thu_ngan_sach.xuat_nhap_khau"


def _amounts(catalogue: Catalogue, *pairs: tuple[str, str]) -> list[tuple[Decimal, Input]] | None:
    found = []
    for code, name in pairs:
        item = amount(catalogue, code, name)
        if item is None:
            return None
        found.append((in_unit(item[0], item[1].unit, "ty_dong"), item[1]))
    return found


def revenue_total(catalogue: Catalogue, a: Assumptions) -> Outcome:
    """Domestic revenue + import-export revenue = total budget revenue."""
    check = "ngan_sach.tong_thanh_phan"
    found = _amounts(
        catalogue,
        (TOTAL, "Tổng thu ngân sách"),
        (DOMESTIC, "Thu nội địa"),
        (TRADE, "Thu xuất, nhập khẩu"),
    )
    if found is None:
        return missing(check, [TOTAL, DOMESTIC, TRADE])
    (total, t_in), (domestic, d_in), (trade, x_in) = found
    parts = domestic + trade
    gap = parts / total - 1
    # Exact agreement needs no assumption; a difference within the rounding of
    # "khoảng" values still agrees, but only if they were rounded that way.
    if parts == total:
        verdict, why = Verdict.COHERENT, "Các thành phần cộng đúng bằng tổng."
    elif abs(gap) <= a.approx_tolerance:
        verdict, why = (
            Verdict.ASSUMPTION,
            f"Lệch {pct(gap, 1)}, trong sai số làm tròn của số 'khoảng'.",
        )
    else:
        verdict, why = Verdict.INCOHERENT, f"Các thành phần lệch {pct(gap, 1)} so với tổng."
    return CoherenceCheck(
        check=check,
        title="Thu ngân sách: tổng bằng thu nội địa cộng thu xuất, nhập khẩu",
        inputs=(t_in, d_in, x_in),
        formula=f"{num(domestic, 0)} + {num(trade, 0)} = {num(parts, 0)} so với {num(total, 0)}",
        result=f"{num(parts, 0)} tỷ đồng",
        verdict=verdict,
        assumptions=a.describe("approx_tolerance") if verdict is Verdict.ASSUMPTION else (),
        explanation=why,
    )


def revenue_part(catalogue: Catalogue, a: Assumptions) -> Outcome:
    """Domestic revenue without land-use fees is at most domestic revenue."""
    check = "ngan_sach.trong_do"
    found = _amounts(
        catalogue,
        (DOMESTIC_NO_LAND, "Thu nội địa không gồm tiền sử dụng đất"),
        (DOMESTIC, "Thu nội địa"),
    )
    if found is None:
        return missing(check, [DOMESTIC_NO_LAND, DOMESTIC])
    (part, p_in), (whole, w_in) = found
    fits = part <= whole
    return CoherenceCheck(
        check=check,
        title="Thu nội địa không gồm tiền sử dụng đất không vượt thu nội địa",
        inputs=(p_in, w_in),
        formula=f"{num(part, 0)} ≤ {num(whole, 0)}",
        result=f"tiền sử dụng đất ngụ ý {num(whole - part, 0)} tỷ đồng ({pct((whole - part) / whole, 1)} thu nội địa)",
        verdict=Verdict.COHERENT if fits else Verdict.INCOHERENT,
        assumptions=(),
        explanation=(
            "Phần “trong đó” nhỏ hơn tổng của nó."
            if fits
            else "Phần “trong đó” lớn hơn tổng của nó."
        ),
    )
