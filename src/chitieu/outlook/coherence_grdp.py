"""GRDP level, growth, price deflator, population and labour productivity."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from chitieu.catalog.model import Catalogue
from chitieu.outlook.assumptions import Assumptions
from chitieu.outlook.coherence_base import (
    HUNDRED,
    ONE,
    CoherenceCheck,
    Input,
    Outcome,
    Verdict,
    assumed_input,
    base_year,
    baseline,
    baseline_input,
    cagr,
    find,
    in_unit,
    main_target,
    missing,
    num,
    overlap,
    pct,
    range_verdict,
    target_inputs,
)

GRDP = "kt.grdp.quy_mo"
GROWTH = "kt.grdp.tang_truong"
PER_PERSON = "kt.grdp.binh_quan_dau_nguoi"
POPULATION_GROWTH = "xh.tang_dan_so_tu_nhien"
PRODUCTIVITY = "kt.nang_suat_lao_dong.tang_truong"


@dataclass(frozen=True)
class Level:
    """A level at the baseline year and its target, in a common unit."""

    start: Decimal
    end: Decimal
    years: int
    inputs: tuple[Input, Input]


@dataclass(frozen=True)
class Rate:
    low: Decimal  # fractions: 0.10 for 10 %
    high: Decimal
    input: Input

    @property
    def text(self) -> str:
        return (
            pct(self.low, 1) if self.low == self.high else f"{pct(self.low, 1)}–{pct(self.high, 1)}"
        )


def level(catalogue: Catalogue, code: str, name: str, unit: str) -> Level | None:
    indicator = find(catalogue, code)
    target = main_target(catalogue, indicator) if indicator else None
    year = base_year(catalogue)
    base = baseline(indicator, year) if indicator else None
    if indicator is None or target is None or base is None:
        return None
    low, _, end_input = target_inputs(f"{name} {target.period_end}", indicator, target)
    start = in_unit(base.value, base.unit or indicator.unit, unit)
    end = in_unit(low, end_input.unit, unit)
    start_input = baseline_input(f"{name} {year}", indicator, base)
    return Level(start, end, target.period_end - year, (start_input, end_input))


def rate(catalogue: Catalogue, code: str, name: str) -> Rate | None:
    indicator = find(catalogue, code)
    target = main_target(catalogue, indicator) if indicator else None
    if indicator is None or target is None:
        return None
    low, high, item = target_inputs(name, indicator, target)
    return Rate(low / HUNDRED, high / HUNDRED, item)


def deflator(catalogue: Catalogue, a: Assumptions) -> Outcome:
    """GRDP 2030 at current prices against the 2025 level and the real growth target."""
    check = "grdp.giam_phat_ngu_y"
    grdp = level(catalogue, GRDP, "Quy mô GRDP", "ty_dong")
    growth = rate(catalogue, GROWTH, "Tăng trưởng GRDP (giá so sánh)")
    if grdp is None or growth is None:
        return missing(check, [f"{GRDP} (mục tiêu và năm gốc)", GROWTH])
    nominal = cagr(grdp.end / grdp.start, grdp.years)
    implied = (
        (ONE + nominal) / (ONE + growth.high) - ONE,
        (ONE + nominal) / (ONE + growth.low) - ONE,
    )
    allowed = (a.deflator_low / HUNDRED, a.deflator_high / HUNDRED)
    verdict = range_verdict(implied, allowed)
    real_ok = (
        (ONE + nominal) / (ONE + allowed[1]) - ONE,
        (ONE + nominal) / (ONE + allowed[0]) - ONE,
    )
    common = overlap((growth.low, growth.high), real_ok)
    if verdict is Verdict.INCOHERENT:
        explanation = (
            f"Giảm phát ngụ ý {pct(implied[0])}–{pct(implied[1])}/năm nằm ngoài khoảng hợp lý "
            f"{pct(allowed[0], 0)}–{pct(allowed[1], 0)}/năm: quy mô GRDP và tốc độ tăng không khớp."
        )
    else:
        part = "toàn bộ" if common == (growth.low, growth.high) else "một phần"
        explanation = (
            f"Giảm phát ngụ ý {pct(implied[0])}–{pct(implied[1])}/năm. Với giảm phát hợp lý "
            f"{pct(allowed[0], 0)}–{pct(allowed[1], 0)}/năm, tăng trưởng thực phải trong khoảng "
            f"{pct(real_ok[0])}–{pct(real_ok[1])}/năm: khớp {part} mục tiêu {growth.text}/năm"
            + (
                f" (chỉ từ {pct(common[0])} đến {pct(common[1])})."
                if common and part != "toàn bộ"
                else "."
            )
        )
    return CoherenceCheck(
        check=check,
        title="Quy mô GRDP năm cuối kỳ so với năm gốc và tốc độ tăng trưởng thực",
        inputs=(*grdp.inputs, growth.input),
        formula=(
            f"tăng danh nghĩa = ({num(grdp.end, 0)} / {num(grdp.start, 0)})^(1/{grdp.years}) − 1; "
            "giảm phát = (1 + tăng danh nghĩa) / (1 + tăng thực) − 1"
        ),
        result=f"tăng danh nghĩa {pct(nominal)}/năm; giảm phát ngụ ý {pct(implied[0])}–{pct(implied[1])}/năm",
        verdict=verdict,
        assumptions=(
            *a.describe("deflator_low", "deflator_high"),
            "Quy mô GRDP tính theo giá hiện hành; tốc độ tăng theo giá so sánh.",
        ),
        explanation=explanation,
    )


def population(catalogue: Catalogue, a: Assumptions) -> Outcome:
    """GRDP / GRDP per person gives the population; its growth against the natural growth cap."""
    check = "dan_so.ngu_y"
    grdp = level(catalogue, GRDP, "Quy mô GRDP", "ty_dong")
    per_person = level(catalogue, PER_PERSON, "GRDP bình quân đầu người", "trieu_dong")
    cap = rate(catalogue, POPULATION_GROWTH, "Tỷ lệ tăng dân số tự nhiên (trần)")
    if grdp is None or per_person is None or cap is None:
        return missing(check, [GRDP, PER_PERSON, POPULATION_GROWTH])
    # tỷ đồng / triệu đồng per person = 1.000 persons per unit ratio
    end_pop = grdp.end * 1000 / per_person.end
    inputs: list[Input] = [grdp.inputs[1], per_person.inputs[1], cap.input]
    if a.population_baseline is not None:
        start_pop = a.population_baseline
        start_note = "dân số năm gốc theo giả định"
        inputs.append(assumed_input("Dân số năm gốc", start_pop, "nguoi", "giả định"))
    else:
        start_pop = grdp.start * 1000 / per_person.start
        start_note = "dân số năm gốc = GRDP / GRDP bình quân đầu người năm gốc"
        inputs[:0] = [grdp.inputs[0], per_person.inputs[0]]
    growth = cagr(end_pop / start_pop, grdp.years)
    limit = cap.high + a.net_migration / HUNDRED
    fits = growth <= limit
    explanation = (
        f"Dân số ngụ ý năm cuối kỳ {num(end_pop, 0)} người, năm gốc {num(start_pop, 0)} người "
        f"({start_note}): tăng {pct(growth)}/năm. "
        + (
            f"Không vượt trần tăng tự nhiên {pct(cap.high, 1)} cộng di cư thuần "
            f"{num(a.net_migration, 1)} điểm. Lưu ý: mục tiêu là tăng tự nhiên, dân số thực tế còn "
            "chịu tác động của di cư (lao động đến các khu công nghiệp), văn bản không nêu."
            if fits
            else f"Vượt trần tăng tự nhiên {pct(cap.high, 1)}: chỉ khớp nếu di cư thuần đạt ít nhất "
            f"{num((growth - cap.high) * HUNDRED, 2)} điểm %/năm."
        )
    )
    return CoherenceCheck(
        check=check,
        title="Quy mô GRDP và GRDP bình quân đầu người so với tăng dân số",
        inputs=tuple(inputs),
        formula=(
            "dân số = GRDP (tỷ đồng) × 1.000 / GRDP bình quân đầu người (triệu đồng); "
            f"tăng dân số = (dân số cuối kỳ / dân số năm gốc)^(1/{grdp.years}) − 1"
        ),
        result=f"dân số {num(start_pop, 0)} → {num(end_pop, 0)} người; tăng {pct(growth)}/năm",
        verdict=Verdict.ASSUMPTION if fits else Verdict.INCOHERENT,
        assumptions=a.describe("population_baseline", "net_migration"),
        explanation=explanation,
    )


def productivity(catalogue: Catalogue, a: Assumptions) -> Outcome:
    """GRDP growth and labour productivity growth imply the growth of employment."""
    check = "lao_dong.ngu_y"
    growth = rate(catalogue, GROWTH, "Tăng trưởng GRDP")
    prod = rate(catalogue, PRODUCTIVITY, "Tăng năng suất lao động")
    if growth is None or prod is None:
        return missing(check, [GROWTH, PRODUCTIVITY])
    implied = (
        (ONE + growth.low) / (ONE + prod.high) - ONE,
        (ONE + growth.high) / (ONE + prod.low) - ONE,
    )
    allowed = (a.employment_growth_low / HUNDRED, a.employment_growth_high / HUNDRED)
    verdict = range_verdict(implied, allowed)
    return CoherenceCheck(
        check=check,
        title="Tăng trưởng GRDP so với tăng năng suất lao động: lao động có việc làm ngụ ý",
        inputs=(growth.input, prod.input),
        formula="tăng lao động = (1 + tăng GRDP) / (1 + tăng năng suất) − 1",
        result=f"lao động có việc làm tăng {pct(implied[0])} đến {pct(implied[1])}/năm",
        verdict=verdict,
        assumptions=a.describe("employment_growth_low", "employment_growth_high"),
        explanation=(
            f"Với GRDP tăng {growth.text}/năm và năng suất tăng {prod.text}/năm, số lao động có "
            f"việc làm phải thay đổi {pct(implied[0])} đến {pct(implied[1])}/năm"
            + (
                f", trong khoảng hợp lý {pct(allowed[0], 0)} đến {pct(allowed[1], 0)}/năm."
                if verdict is Verdict.ASSUMPTION
                else f", ngoài khoảng hợp lý {pct(allowed[0], 0)} đến {pct(allowed[1], 0)}/năm."
            )
        ),
    )
