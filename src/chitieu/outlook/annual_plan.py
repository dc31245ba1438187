"""An annual plan's targets beside the resolution's required milestones for that year.

Each annual target mapped to a resolution indicator is compared with the
milestone of the required path (chitieu.outlook.required_path from the
baseline): "consistent" when the annual plan commits at least the milestone,
"weaker" when it commits less, "contradicts" when it moves away from the
resolution's target (backwards from the baseline), "cannot_check" when there
is no resolution target, no number or no path. What the plan "commits" is
the least it promises: the lower end of a range for a higher-is-better
indicator, the upper end for a lower-is-better one.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from chitieu.catalog.model import Aggregation, Baseline, Catalogue, Direction, Indicator
from chitieu.outlook.goal import NoGoalError, resolve_goal
from chitieu.outlook.paths import required_path
from chitieu.quantity import format_number, parse_target, parse_unit
from chitieu.quantity.target import Target, TargetKind
from chitieu.quantity.units import unit_symbol


@dataclass(frozen=True)
class AnnualTarget:
    name: str  # as written in the plan
    target: Target
    unit: str  # as written
    source: str
    note: str
    line: int
    code: str | None = None  # the resolution's indicator, when the mapping has one


@dataclass(frozen=True)
class PlanCheck:
    code: str | None
    name: str
    annual_text: str
    milestone: Decimal | None
    verdict: str  # "consistent" | "weaker" | "contradicts" | "cannot_check"
    explanation: str  # Vietnamese, with both numbers
    committed: Decimal | None = None
    baseline: Decimal | None = None


@dataclass(frozen=True)
class ProvinceTarget:
    province: str
    text: str
    low: Decimal
    high: Decimal | None


def read_annual_targets(path: str | Path, codes: Mapping[str, str]) -> tuple[AnnualTarget, ...]:
    """An annual plan's targets CSV (indicator, target_text, kind, low, high, unit, source_url,
    note): target_text read with chitieu.quantity, else its low/high columns.

    `codes` maps a folded-free indicator name as written to the resolution's code.
    """
    rows = []
    with Path(path).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for record in reader:
            target = _target(record)
            rows.append(
                AnnualTarget(
                    name=record["indicator"],
                    target=target,
                    unit=record["unit"],
                    source=record["source_url"],
                    note=record["note"],
                    line=reader.line_num,
                    code=codes.get(record["indicator"]),
                )
            )
    return tuple(rows)


def read_province_targets(path: str | Path) -> tuple[ProvinceTarget, ...]:
    """A national targets table (province, target_text, low, high): a row per province."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return tuple(
            ProvinceTarget(
                r["province"],
                r["target_text"],
                Decimal(r["low"]),
                Decimal(r["high"]) if r["high"].strip() else None,
            )
            for r in csv.DictReader(handle)
        )


def _target(record: Mapping[str, str]) -> Target:
    """The text when chitieu.quantity reads a number from it; else the file's kind/low/high."""
    text = record["target_text"]
    parsed = parse_target(text)
    if parsed.kind is not TargetKind.TEXT:
        return parsed
    unit = parse_unit(record["unit"])
    low = Decimal(record["low"]) if record["low"].strip() else None
    high = Decimal(record["high"]) if record["high"].strip() else None
    return Target(
        text=text,
        kind=TargetKind(record["kind"]),
        low=low,
        high=high,
        unit=unit.code if unit else None,
        flags=("bounds_from_columns",),
    )


def committed(target: Target, direction: Direction) -> Decimal | None:
    """The least the target promises: the lower end if higher is better, else the upper end.

    >>> t = Target(text="10 - 10,5%", kind=TargetKind.RANGE, low=Decimal("10"), high=Decimal("10.5"))
    >>> committed(t, Direction.HIGHER), committed(t, Direction.LOWER)
    (Decimal('10'), Decimal('10.5'))
    """
    if direction is Direction.LOWER:
        return target.high if target.high is not None else target.low
    return target.low if target.low is not None else target.high


def compare(
    annual: Sequence[AnnualTarget],
    resolution: Catalogue,
    baselines: Mapping[str, Baseline],
    *,
    year: int,
) -> tuple[PlanCheck, ...]:
    """Every annual target beside the resolution's milestone for `year` (the plan's year)."""
    return tuple(_check(item, resolution, baselines, year) for item in annual)


def province_check(
    province: ProvinceTarget,
    resolution: Catalogue,
    code: str = "kt.grdp.tang_truong",
    *,
    table: str = "bảng mục tiêu quốc gia",
) -> PlanCheck:
    """A national table's target for the province against the resolution's; `table` names
    the table in the check's text."""
    indicator = resolution.indicator(code)
    goal_target = indicator.targets[0].value
    text = f"{province.text} ({table})"
    low = goal_target.low
    if low is None:
        return PlanCheck(
            code, province.province, text, None, "cannot_check", "Nghị quyết không có mức số."
        )
    verdict = "consistent" if province.low >= low else "weaker"
    word = "không thấp hơn" if verdict == "consistent" else "thấp hơn"
    explanation = (
        f"Mục tiêu quốc gia giao {_n(province.low)}%–{_n(province.high or province.low)}%/năm "
        f"{word} mục tiêu nghị quyết {goal_target.text} (cận dưới {_n(low)}%)."
    )
    return PlanCheck(code, province.province, text, low, verdict, explanation, province.low)


def _check(
    item: AnnualTarget, resolution: Catalogue, baselines: Mapping[str, Baseline], year: int
) -> PlanCheck:
    text = item.target.text
    if item.code is None:
        return PlanCheck(
            None, item.name, text, None, "cannot_check", "Nghị quyết không có chỉ tiêu tương ứng."
        )
    try:
        indicator = resolution.indicator(item.code)
    except KeyError:
        return PlanCheck(
            item.code, item.name, text, None, "cannot_check", "Mã không có trong nghị quyết."
        )
    value = committed(item.target, indicator.direction)
    if not indicator.targets or value is None:
        return PlanCheck(item.code, item.name, text, None, "cannot_check", "Không có mức số để so.")
    target = indicator.targets[0]
    baseline = baselines.get(item.code)
    try:
        path = required_path(resolve_goal(indicator, target, baseline))
    except (NoGoalError, ValueError, ArithmeticError) as error:
        return PlanCheck(item.code, item.name, text, None, "cannot_check", str(error))
    milestone = next((m.value for m in path.milestones if m.year == year), None)
    base = baseline.value if baseline else _own_baseline(indicator, target.period_start)
    if milestone is None:
        return PlanCheck(
            item.code, item.name, text, None, "cannot_check", path.note or "Không có lộ trình."
        )
    verdict_, why = verdict(indicator, target.aggregation, value, milestone, base, target.value)
    return PlanCheck(item.code, item.name, text, milestone, verdict_, why, value, base)


def verdict(
    indicator: Indicator,
    aggregation: Aggregation,
    value: Decimal,
    milestone: Decimal,
    base: Decimal | None,
    goal: Target,
) -> tuple[str, str]:
    d = -1 if indicator.direction is Direction.LOWER else 1
    unit = unit_symbol(indicator.unit)
    what = f"kế hoạch năm cam kết {_n(value)}, lộ trình nghị quyết cần {_n(milestone)}"
    level = aggregation in (Aggregation.LEVEL, Aggregation.CHANGE)
    if level and base is not None and goal.low is not None and d * (base - goal.low) >= 0:
        if d * (value - goal.low) >= 0:
            note = f"; thấp hơn số năm gốc {_n(base)}" if d * (value - base) < 0 else ""
            return "consistent", f"Năm gốc ({_n(base)}) đã đạt mục tiêu {goal.text}; {what}{note}."
        return "contradicts", f"Năm gốc ({_n(base)}) đã đạt mục tiêu {goal.text} nhưng {what}."
    if level and base is not None and d * (value - base) < 0:
        return "contradicts", f"Đi ngược mục tiêu: {what}, năm gốc {_n(base)}{_in(unit)}."
    if d * (value - milestone) >= 0:
        return "consistent", f"Phù hợp: {what}."
    return "weaker", f"Thấp hơn lộ trình: {what}{_in(unit)}."


def _in(unit: str) -> str:
    """' (tỷ đồng)' after a sentence's numbers; nothing without a unit."""
    return f" ({unit})" if unit else ""


def _own_baseline(indicator: Indicator, start: int) -> Decimal | None:
    own = [b for b in indicator.baselines if b.locality is None and b.year < start]
    return max(own, key=lambda b: b.year).value if own else None


def _n(value: Decimal) -> str:
    return format_number(value.quantize(Decimal("0.01")).normalize())


VERDICT_LABELS = {
    "consistent": "phù hợp",
    "weaker": "THẤP HƠN lộ trình",
    "contradicts": "NGƯỢC mục tiêu",
    "cannot_check": "không so được",
}


def check_json(check: PlanCheck) -> dict[str, str | None]:
    """The JSON contract of one check (`chitieu plan-check --format json`)."""
    return {
        "code": check.code,
        "name": check.name,
        "annual_text": check.annual_text,
        "milestone": None if check.milestone is None else _plain(check.milestone),
        "verdict": check.verdict,
        "explanation": check.explanation,
    }


def check_text(check: PlanCheck) -> str:
    """One line in Vietnamese: the plan's words, the milestone, the verdict and why."""
    milestone = "—" if check.milestone is None else _n(check.milestone)
    return (
        f"{check.name} [{check.code or '—'}]: kế hoạch “{check.annual_text}”, lộ trình cần "
        f"{milestone} → {VERDICT_LABELS[check.verdict]}. {check.explanation}"
    )


def _plain(value: Decimal) -> str:
    """A decimal string without exponent or trailing zeros.

    >>> _plain(Decimal("29.860")), _plain(Decimal("1E+1"))
    ('29.86', '10')
    """
    return format(value.quantize(Decimal("0.01")).normalize(), "f")
