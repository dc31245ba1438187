"""Investment over the period against the GRDP path; the ICOR it implies; the export path."""

from __future__ import annotations

import re
from decimal import Decimal

from chitieu.catalog.model import Catalogue, Claim
from chitieu.catalog.text import fold
from chitieu.outlook.assumptions import Assumptions
from chitieu.outlook.coherence_base import (
    ONE,
    CoherenceCheck,
    Input,
    Outcome,
    Verdict,
    assumed_input,
    base_year,
    baseline,
    baseline_input,
    bounds,
    find,
    in_unit,
    main_target,
    missing,
    num,
    pct,
    target_inputs,
)
from chitieu.outlook.coherence_grdp import GRDP, GROWTH, level, rate

INVESTMENT = "kt.von_dau_tu.tong"
INVESTMENT_RATIO = "kt.von_dau_tu.ty_le_grdp"
EXPORT_GROWTH = "kt.xuat_khau.tang_truong"
EXPORT_VALUE = "kt.xuat_khau.gia_tri"


def amount(catalogue: Catalogue, code: str, name: str) -> tuple[Decimal, Input] | None:
    """The (lower) value of a numeric target and its Input."""
    indicator = find(catalogue, code)
    target = main_target(catalogue, indicator) if indicator else None
    if indicator is None or target is None or bounds(target) is None:
        return None
    low, _, item = target_inputs(name, indicator, target)
    return low, item


def grdp_path(start: Decimal, end: Decimal, years: int) -> list[Decimal]:
    """Yearly GRDP from the year after `start` to the end year, growing at a constant rate.

    >>> [round(v) for v in grdp_path(Decimal(100), Decimal(121), 2)]
    [110, 121]
    """
    factor = (end / start) ** (ONE / years)
    return [start * factor**k for k in range(1, years + 1)]


def investment_ratio(catalogue: Catalogue, a: Assumptions) -> Outcome:
    """Total investment 2026-2030 / sum of GRDP 2026-2030 against the stated average ratio."""
    check = "dau_tu.ty_le_ngu_y"
    grdp = level(catalogue, GRDP, "Quy mô GRDP", "ty_dong")
    total = amount(catalogue, INVESTMENT, "Tổng vốn đầu tư toàn xã hội cả giai đoạn")
    stated = rate(catalogue, INVESTMENT_RATIO, "Tỷ lệ vốn đầu tư so GRDP bình quân")
    if grdp is None or total is None or stated is None:
        return missing(check, [GRDP, INVESTMENT, INVESTMENT_RATIO])
    invest = in_unit(total[0], total[1].unit, "ty_dong")
    path = grdp_path(grdp.start, grdp.end, grdp.years)
    path_sum = sum(path, Decimal(0))
    implied = invest / path_sum
    gap = implied / stated.low - ONE
    fits = abs(gap) <= a.approx_tolerance
    first = base_year(catalogue) + 1
    return CoherenceCheck(
        check=check,
        title="Tổng vốn đầu tư cả giai đoạn so với lộ trình GRDP",
        inputs=(total[1], stated.input, *grdp.inputs),
        formula=(
            f"tỷ lệ = {num(invest, 0)} / Σ GRDP {first}–{first + grdp.years - 1} "
            f"({' + '.join(num(v, 0) for v in path)} = {num(path_sum, 0)})"
        ),
        result=f"tỷ lệ ngụ ý {pct(implied)} so với {pct(stated.low, 1)} nêu trong văn bản",
        verdict=Verdict.ASSUMPTION if fits else Verdict.INCOHERENT,
        assumptions=(
            "GRDP giá hiện hành tăng đều mỗi năm từ năm gốc đến mục tiêu năm cuối kỳ.",
            *a.describe("approx_tolerance"),
        ),
        explanation=(
            f"Tỷ lệ ngụ ý {pct(implied)} lệch {pct(gap, 1)} (tương đối) so với {pct(stated.low, 1)}; "
            + (
                "trong sai số của số liệu 'khoảng'. Để đạt đúng "
                f"{pct(stated.low, 1)}, tổng vốn cần khoảng {num(stated.low * path_sum, 0)} tỷ đồng."
                if fits
                else "vượt sai số của số liệu 'khoảng'."
            )
        ),
    )


def icor(catalogue: Catalogue, a: Assumptions) -> Outcome:
    """ICOR = (investment / GRDP) / real growth, against the previous period's."""
    check = "dau_tu.icor_ngu_y"
    stated = rate(catalogue, INVESTMENT_RATIO, "Tỷ lệ vốn đầu tư so GRDP bình quân")
    growth = rate(catalogue, GROWTH, "Tăng trưởng GRDP")
    if stated is None or growth is None:
        return missing(check, [INVESTMENT_RATIO, GROWTH])
    implied = (stated.low / growth.high, stated.low / growth.low)
    inputs: list[Input] = [stated.input, growth.input]
    reference, ref_input = _reference_icor(catalogue, a)
    past = _past_icor(catalogue)
    notes: list[str] = []
    if ref_input is not None:
        inputs.append(ref_input)
    if past is not None:
        inputs.extend(past[1])
        notes.append(
            f"Cùng công thức trên số liệu giai đoạn trước: {num(past[0], 2)}"
            + (f" (văn bản nêu {num(reference, 2)}: cách tính khác)." if reference else ".")
        )
    compare = past[0] if past is not None else reference
    result = f"ICOR ngụ ý {num(implied[0], 2)}–{num(implied[1], 2)}"
    if compare is None:
        verdict = Verdict.ASSUMPTION
        explanation = (
            "Không kiểm tra được: văn bản không nêu ICOR giai đoạn trước. Mục tiêu ngụ ý ICOR "
            f"{num(implied[0], 2)}–{num(implied[1], 2)}."
        )
    elif implied[1] >= compare:
        verdict = Verdict.COHERENT
        explanation = f"ICOR ngụ ý không thấp hơn mức giai đoạn trước {num(compare, 2)}."
    else:
        verdict = Verdict.ASSUMPTION
        gain = ONE - implied[1] / compare, ONE - implied[0] / compare
        explanation = (
            f"Cùng tỷ lệ đầu tư nhưng tăng trưởng cao hơn: ICOR phải giảm từ {num(compare, 2)} "
            f"xuống {num(implied[0], 2)}–{num(implied[1], 2)}, tức hiệu quả đầu tư tăng "
            f"{pct(gain[0], 0)}–{pct(gain[1], 0)}."
        )
    return CoherenceCheck(
        check=check,
        title="Hệ số ICOR ngụ ý từ tỷ lệ đầu tư và tốc độ tăng trưởng",
        inputs=tuple(inputs),
        formula="ICOR = (vốn đầu tư / GRDP) / tốc độ tăng GRDP",
        result=result,
        verdict=verdict,
        assumptions=(
            "ICOR tính gần đúng bằng tỷ lệ đầu tư chia tốc độ tăng trưởng.",
            *a.describe("icor_reference"),
        ),
        explanation=" ".join([explanation, *notes]),
    )


def _past_icor(catalogue: Catalogue) -> tuple[Decimal, list[Input]] | None:
    """The same formula on the baselines: ratio and growth of the previous period."""
    year = base_year(catalogue)
    ratio_ind, growth_ind = find(catalogue, INVESTMENT_RATIO), find(catalogue, GROWTH)
    ratio = baseline(ratio_ind, year) if ratio_ind else None
    growth = baseline(growth_ind, year) if growth_ind else None
    if (
        ratio_ind is None
        or growth_ind is None
        or ratio is None
        or growth is None
        or not growth.value
    ):
        return None
    inputs = [
        baseline_input("Tỷ lệ vốn đầu tư so GRDP giai đoạn trước", ratio_ind, ratio),
        baseline_input("Tăng trưởng GRDP bình quân giai đoạn trước", growth_ind, growth),
    ]
    return ratio.value / growth.value, inputs


def _reference_icor(catalogue: Catalogue, a: Assumptions) -> tuple[Decimal | None, Input | None]:
    if a.icor_reference is not None:
        return a.icor_reference, assumed_input(
            "ICOR giai đoạn trước", a.icor_reference, None, "giả định"
        )
    claims = [c for c in catalogue.claims if "icor" in fold(f"{c.subject} {c.text}") and c.value]
    if not claims:
        return None, None
    chosen = _latest_of(claims)
    assert chosen.value is not None
    return chosen.value, Input("ICOR giai đoạn trước", chosen.value, None, chosen.line, chosen.text)


def _latest_of(claims: list[Claim]) -> Claim:
    """In "giảm từ 7,69 xuống còn 7,02" the value after "xuống" is the current one."""
    for claim in claims:
        after = re.search(r"xuống\s*(?:còn\s*)?([\d.,]+)", claim.text)
        if after and after.group(1).rstrip(".,") == claim.value_text.rstrip(".,"):
            return claim
    return claims[-1]


def exports(catalogue: Catalogue, a: Assumptions) -> Outcome:
    """The 2025 export value grown at the target rate, against GRDP (and a value target)."""
    check = "xuat_khau.lo_trinh"
    growth = rate(catalogue, EXPORT_GROWTH, "Tăng trưởng kim ngạch xuất khẩu")
    grdp = level(catalogue, GRDP, "Quy mô GRDP", "ty_dong")
    year = base_year(catalogue)
    found = _export_baseline(catalogue, year)
    if growth is None or grdp is None or found is None:
        return missing(check, [EXPORT_GROWTH, f"kim ngạch xuất khẩu năm {year}", GRDP])
    start, start_input = found
    end = start * (ONE + growth.low) ** grdp.years
    rate_vnd = a.exchange_rate
    # triệu USD × đồng/USD = triệu đồng; / 1.000 = tỷ đồng
    share0 = start * rate_vnd / 1000 / grdp.start
    share1 = end * rate_vnd / 1000 / grdp.end
    stated = amount(catalogue, EXPORT_VALUE, "Kim ngạch xuất khẩu cuối kỳ")
    verdict, against = Verdict.ASSUMPTION, "Không có mục tiêu kim ngạch cuối kỳ để đối chiếu."
    extra: tuple[Input, ...] = ()
    if stated is not None:
        goal = in_unit(stated[0], stated[1].unit, "trieu_usd")
        fits = abs(end / goal - ONE) <= a.approx_tolerance
        verdict = Verdict.COHERENT if fits else Verdict.INCOHERENT
        against = f"Mục tiêu kim ngạch {num(goal, 0)} triệu USD " + (
            "khớp lộ trình." if fits else "không khớp lộ trình."
        )
        extra = (stated[1],)
    return CoherenceCheck(
        check=check,
        title="Kim ngạch xuất khẩu theo tốc độ mục tiêu so với quy mô GRDP",
        inputs=(start_input, growth.input, *grdp.inputs, *extra),
        formula=(
            f"xuất khẩu cuối kỳ = {num(start, 0)} × (1 + {pct(growth.low, 1)})^{grdp.years}; "
            "so GRDP = xuất khẩu (triệu USD) × tỷ giá / 1.000 / GRDP (tỷ đồng)"
        ),
        result=(
            f"xuất khẩu cuối kỳ {num(end, 0)} triệu USD; so GRDP {pct(share0, 1)} → {pct(share1, 1)}"
        ),
        verdict=verdict,
        assumptions=a.describe("exchange_rate"),
        explanation=(
            f"{against} Xuất khẩu tăng {pct(growth.low, 1)}/năm "
            f"trong khi GRDP danh nghĩa tăng nhanh hơn nếu tỷ giá không đổi: tỷ lệ xuất khẩu so GRDP "
            f"giảm từ {pct(share0, 1)} xuống {pct(share1, 1)}."
        ),
    )


def _export_baseline(catalogue: Catalogue, year: int) -> tuple[Decimal, Input] | None:
    for code in (EXPORT_VALUE, EXPORT_GROWTH):
        indicator = find(catalogue, code)
        if indicator is None:
            continue
        for base in indicator.baselines:
            unit = base.unit or indicator.unit
            if (
                base.year == year
                and base.locality is None
                and unit in ("trieu_usd", "ty_usd", "usd")
            ):
                value = in_unit(base.value, unit, "trieu_usd")
                return value, baseline_input(f"Kim ngạch xuất khẩu {year}", indicator, base)
    for claim in catalogue.claims:
        stated = claim.relation in ("value", None) and claim.value is not None
        in_usd = claim.unit in ("trieu_usd", "ty_usd", "usd")
        exports_named = fold("xuất khẩu") in fold(claim.subject)
        if stated and claim.year == year and in_usd and exports_named:
            assert claim.value is not None and claim.unit is not None
            value = in_unit(claim.value, claim.unit, "trieu_usd")
            name = f"Kim ngạch xuất khẩu {year}"
            return value, Input(name, claim.value, claim.unit, claim.line, claim.text)
    return None
