"""Each target against its own baseline: already met, set backwards, or a move as intended.

Rules (docs/coherence.md):
- a level target (reached by the end year, or every year) that the baseline
  already meets or beats, or that lies on the wrong side of the baseline for
  the direction, is incoherent: it asks for nothing, or for a decline. Keeping
  a rate at its natural limit (100 % higher-is-better, 0 % lower-is-better) is
  not flagged: it is a "maintain" target;
- an average growth or average level target below the previous period's
  result holds only under an assumption (the pace is expected to slow);
- a band (economic structure) target reports the direction of the change.
"""

from __future__ import annotations

from decimal import Decimal

from chitieu.catalog.model import Aggregation, Baseline, Catalogue, Direction, Indicator
from chitieu.outlook.coherence_base import (
    HUNDRED,
    CoherenceCheck,
    Verdict,
    base_year,
    baseline,
    baseline_input,
    bounds,
    main_target,
    target_inputs,
)
from chitieu.outlook.goal import is_percent_unit
from chitieu.quantity.format import format_number

COMPARABLE = (
    Aggregation.LEVEL,
    Aggregation.EVERY_YEAR,
    Aggregation.AVG_GROWTH,
    Aggregation.AVG_LEVEL,
)
FLOWS = (Aggregation.AVG_GROWTH, Aggregation.AVG_LEVEL)


def targets_against_baselines(catalogue: Catalogue) -> tuple[CoherenceCheck, ...]:
    year = base_year(catalogue)
    checks = []
    for indicator in catalogue.indicators:
        target = main_target(catalogue, indicator)
        base = baseline(indicator, year)
        if target is None or base is None or target.aggregation not in COMPARABLE:
            continue
        if bounds(target) is None:
            continue
        checks.append(_compare(indicator, target.aggregation, target.period_end, base, catalogue))
    return tuple(checks)


def _compare(
    indicator: Indicator, aggregation: Aggregation, end: int, base: Baseline, catalogue: Catalogue
) -> CoherenceCheck:
    target = main_target(catalogue, indicator)
    assert target is not None
    low, high, t_in = target_inputs(f"Mục tiêu {end}", indicator, target)
    b_in = baseline_input(f"Năm gốc {base.year}", indicator, base)
    y0 = base.value
    unit = " " + _unit_word(indicator.unit)
    shown = _n(low) if low == high else f"{_n(low)}–{_n(high)}"
    verdict, why = _judge(indicator, aggregation, y0, low, high)
    return CoherenceCheck(
        check=f"muc_tieu_so_nam_goc.{indicator.code}",
        title=f"“{indicator.name}”: mục tiêu so với năm gốc",
        inputs=(t_in, b_in),
        formula=f"mục tiêu {shown}{unit} so với năm gốc {_n(y0)}{unit}",
        result=f"chênh lệch {_n(_signed_gap(indicator.direction, y0, low, high))}{unit}",
        verdict=verdict,
        assumptions=(),
        explanation=why,
    )


def _judge(
    indicator: Indicator, aggregation: Aggregation, y0: Decimal, low: Decimal, high: Decimal
) -> tuple[Verdict, str]:
    if indicator.direction is Direction.BAND:
        if y0 < low:
            return (
                Verdict.COHERENT,
                f"Tăng từ {_n(y0)} lên {_n(low)}: chuyển dịch theo mục tiêu.",
            )
        if y0 > high:
            return (
                Verdict.COHERENT,
                f"Giảm từ {_n(y0)} xuống {_n(high)}: chuyển dịch theo mục tiêu.",
            )
        return Verdict.COHERENT, "Năm gốc đã nằm trong mục tiêu: cần giữ vững."
    higher = indicator.direction is Direction.HIGHER
    goal = low if higher else high
    met = y0 >= goal if higher else y0 <= goal
    if not met:
        word = "tăng" if higher else "giảm"
        return Verdict.COHERENT, f"Mục tiêu đòi hỏi {word} so với năm gốc, đúng chiều của chỉ tiêu."
    limit = HUNDRED if higher else Decimal(0)
    if is_percent_unit(indicator.unit) and y0 == goal == limit:
        return Verdict.COHERENT, "Năm gốc đã ở mức tối đa có thể: mục tiêu là duy trì."
    side = "thấp hơn" if higher else "cao hơn"
    if aggregation in FLOWS:
        return Verdict.ASSUMPTION, (
            f"Mục tiêu {_n(goal)} {side} kết quả giai đoạn trước {_n(y0)}: chỉ hợp lý nếu "
            "dự kiến tốc độ chậm lại."
        )
    if y0 == goal:
        return Verdict.INCOHERENT, f"Năm gốc {_n(y0)} đã bằng mục tiêu trước khi kỳ bắt đầu."
    return Verdict.INCOHERENT, (
        f"Mục tiêu {_n(goal)} {side} năm gốc {_n(y0)}: đã đạt trước khi kỳ bắt đầu, "
        "hoặc mục tiêu ngược chiều của chỉ tiêu."
    )


def _signed_gap(direction: Direction, y0: Decimal, low: Decimal, high: Decimal) -> Decimal:
    """Target minus baseline, on the side the direction cares about."""
    return (high if direction is Direction.LOWER else low) - y0


def _unit_word(unit: str | None) -> str:
    if unit is None:
        return ""
    if is_percent_unit(unit) or unit == "pct_per_year":
        return "%"
    from chitieu.quantity.units import get_unit

    try:
        return get_unit(unit).symbol.strip()
    except ValueError:
        return unit


def _n(value: Decimal) -> str:
    """The number as written, without padding zeros: 600.000, 11,9."""
    return format_number(value.normalize())
