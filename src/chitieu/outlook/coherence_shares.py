"""Shares that must add up: the economic structure, and sub-shares within their parent."""

from __future__ import annotations

from decimal import Decimal

from chitieu.catalog.model import Catalogue
from chitieu.outlook.coherence_base import (
    HUNDRED,
    SHARE_SUM_TOLERANCE,
    CoherenceCheck,
    Input,
    Outcome,
    Verdict,
    base_year,
    baseline,
    baseline_input,
    find,
    main_target,
    missing,
    num,
    target_inputs,
)

STRUCTURE = (
    ("kt.co_cau.nong_nghiep", "Nông, lâm nghiệp, thủy sản"),
    ("kt.co_cau.cong_nghiep_xay_dung", "Công nghiệp, xây dựng"),
    ("kt.co_cau.dich_vu", "Dịch vụ"),
    ("kt.co_cau.thue_san_pham", "Thuế sản phẩm trừ trợ cấp sản phẩm"),
)
SHARE_PREFIX = "kt.co_cau."


def structure_target(catalogue: Catalogue) -> Outcome:
    """The four shares of the target-year structure add up to 100 %."""
    check = "co_cau.tong_muc_tieu"
    lows, highs, inputs = [], [], []
    for code, name in STRUCTURE:
        indicator = find(catalogue, code)
        target = main_target(catalogue, indicator) if indicator else None
        if indicator is None or target is None:
            return missing(check, [code])
        low, high, item = target_inputs(f"{name} ({target.period_end})", indicator, target)
        lows.append(low)
        highs.append(high)
        inputs.append(item)
    year = catalogue.plan.term_end
    return _sum_check(check, f"Cơ cấu kinh tế năm {year} cộng đủ 100%", inputs, lows, highs)


def structure_baseline(catalogue: Catalogue) -> Outcome:
    """The four shares of the baseline year add up to 100 %."""
    check = "co_cau.tong_nam_goc"
    year = base_year(catalogue)
    values, inputs = [], []
    for code, name in STRUCTURE:
        indicator = find(catalogue, code)
        base = baseline(indicator, year) if indicator else None
        if indicator is None or base is None:
            return missing(check, [f"{code} (năm {year})"])
        values.append(base.value)
        inputs.append(baseline_input(f"{name} ({year})", indicator, base))
    return _sum_check(check, f"Cơ cấu kinh tế năm {year} cộng đủ 100%", inputs, values, values)


def _sum_check(
    check: str, title: str, inputs: list[Input], lows: list[Decimal], highs: list[Decimal]
) -> CoherenceCheck:
    low, high = sum(lows, Decimal(0)), sum(highs, Decimal(0))
    terms = " + ".join(num(v.value, 1) for v in inputs)
    total = num(low, 1) if low == high else f"{num(low, 1)}–{num(high, 1)}"
    fits = low - SHARE_SUM_TOLERANCE <= HUNDRED <= high + SHARE_SUM_TOLERANCE
    if fits:
        explanation = f"Tổng các khu vực bằng {total}%, khớp 100% (sai số làm tròn ±0,2 điểm)."
    else:
        explanation = (
            f"Tổng các khu vực bằng {total}%, lệch {num(low - HUNDRED, 1)} điểm so với 100%."
        )
    return CoherenceCheck(
        check=check,
        title=title,
        inputs=tuple(inputs),
        formula=f"{terms} = {total}",
        result=f"{total}%",
        verdict=Verdict.COHERENT if fits else Verdict.INCOHERENT,
        assumptions=(),
        explanation=explanation,
    )


def sub_shares(catalogue: Catalogue) -> tuple[Outcome, ...]:
    """A share inside a sector ("Trong đó: công nghiệp chế biến, chế tạo") is not larger
    than the sector's share."""
    outcomes: list[Outcome] = []
    for child in catalogue.indicators:
        if not (child.code.startswith(SHARE_PREFIX) and child.parent):
            continue
        parent = find(catalogue, child.parent)
        if parent is None or not parent.code.startswith(SHARE_PREFIX):
            continue
        child_target, parent_target = main_target(catalogue, child), main_target(catalogue, parent)
        if child_target is None or parent_target is None:
            continue
        c_low, _, c_in = target_inputs(child.name, child, child_target)
        _, p_high, p_in = target_inputs(parent.name, parent, parent_target)
        fits = c_low <= p_high
        outcomes.append(
            CoherenceCheck(
                check=f"co_cau.trong_do.{child.code.removeprefix(SHARE_PREFIX)}",
                title=f"Tỷ trọng “{child.name}” không vượt tỷ trọng khu vực chứa nó",
                inputs=(c_in, p_in),
                formula=f"{num(c_low, 1)} ≤ {num(p_high, 1)}",
                result="đúng" if fits else "sai",
                verdict=Verdict.COHERENT if fits else Verdict.INCOHERENT,
                assumptions=(),
                explanation=(
                    f"Phần “trong đó” {num(c_low, 1)}% nằm trong khu vực {num(p_high, 1)}%."
                    if fits
                    else f"Phần “trong đó” {num(c_low, 1)}% lớn hơn cả khu vực {num(p_high, 1)}%."
                ),
            )
        )
    return tuple(outcomes)
