"""The explicit, editable assumptions behind the coherence checks of a plan.

Every number a check needs that the plan does not state (a plausible price
deflator, an exchange rate, net migration...) lives here with its default, is
overridable from a YAML or JSON file (`chitieu outlook --assumptions FILE`),
and is recorded with each check that used it.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml


class AssumptionsError(ValueError):
    """An assumptions file that cannot be read: carries the file and a Vietnamese message."""

    def __init__(self, place: str, message: str) -> None:
        super().__init__(f"{place}: {message}")
        self.place = place
        self.message = message


@dataclass(frozen=True)
class Assumptions:
    """Defaults are documented choices; see docs/coherence.md."""

    # GRDP price deflator, %/year. Vietnam's GDP deflator ran about 2-5 %/year in
    # 2015-2024; the plan's own 2021-2025 figures imply about 2,2 %/year.
    deflator_low: Decimal = Decimal("2")
    deflator_high: Decimal = Decimal("5")
    # VND per USD: the range of the 2024-2025 central and market rates.
    exchange_rate_low: Decimal = Decimal("24000")
    exchange_rate_high: Decimal = Decimal("25500")
    exchange_rate: Decimal = Decimal("25000")  # for conversions (a point in the range)
    # Population in the baseline year, persons; None: GRDP / GRDP per person.
    population_baseline: Decimal | None = None
    # Net migration, percentage points of population growth per year.
    net_migration: Decimal = Decimal("0")
    # Employment growth a province can plausibly sustain, %/year.
    employment_growth_low: Decimal = Decimal("-1")
    employment_growth_high: Decimal = Decimal("2")
    # ICOR of the previous period; None: read from the document's claims ("ICOR").
    icor_reference: Decimal | None = None
    # "Khoảng 1.100.000" is rounded to two significant figures: the true value may
    # differ by up to ~5 %, so derived ratios within 5 % of a stated one agree.
    approx_tolerance: Decimal = Decimal("0.05")

    def describe(self, *names: str) -> tuple[str, ...]:
        """One Vietnamese line per named assumption, with its current value."""
        return tuple(f"{_LABELS[name]}: {_show(getattr(self, name))} ({name})" for name in names)


_LABELS = {
    "deflator_low": "Chỉ số giảm phát GRDP hợp lý, cận dưới (%/năm)",
    "deflator_high": "Chỉ số giảm phát GRDP hợp lý, cận trên (%/năm)",
    "exchange_rate_low": "Tỷ giá hợp lý, cận dưới (đồng/USD)",
    "exchange_rate_high": "Tỷ giá hợp lý, cận trên (đồng/USD)",
    "exchange_rate": "Tỷ giá quy đổi (đồng/USD)",
    "population_baseline": "Dân số năm gốc (người; trống: GRDP chia GRDP bình quân đầu người)",
    "net_migration": "Di cư thuần (điểm % tăng dân số mỗi năm)",
    "employment_growth_low": "Tốc độ tăng lao động có việc làm hợp lý, cận dưới (%/năm)",
    "employment_growth_high": "Tốc độ tăng lao động có việc làm hợp lý, cận trên (%/năm)",
    "icor_reference": "ICOR giai đoạn trước (trống: lấy từ văn bản)",
    "approx_tolerance": "Sai số cho phép của số liệu 'khoảng' (tỷ lệ)",
}

DEFAULT_ASSUMPTIONS = Assumptions()


def _show(value: Decimal | None) -> str:
    return "không đặt" if value is None else format(value, "f")


def assumptions_data(assumptions: Assumptions) -> dict[str, str | None]:
    """The assumptions as plain data (exact decimals as strings), for JSON output.

    >>> assumptions_data(Assumptions())["deflator_high"]
    '5'
    """
    return {
        f.name: None if (v := getattr(assumptions, f.name)) is None else format(v, "f")
        for f in dataclasses.fields(assumptions)
    }


def override(base: Assumptions, data: dict[str, Any], *, place: str = "<giả định>") -> Assumptions:
    """`base` with the values in `data` replaced; unknown names and non-numbers are errors."""
    known = {f.name for f in dataclasses.fields(base)}
    changes: dict[str, Decimal | None] = {}
    for name, value in data.items():
        if name not in known:
            raise AssumptionsError(
                place, f"Giả định không có: {name!r}. Các giả định: {', '.join(sorted(known))}."
            )
        changes[name] = _decimal(place, name, value)
    result = dataclasses.replace(base, **changes)  # type: ignore[arg-type]
    _check_ranges(result, place)
    return result


def load_assumptions(path: str | Path, base: Assumptions = DEFAULT_ASSUMPTIONS) -> Assumptions:
    """Read a YAML or JSON file of overrides (a mapping name -> number)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (OSError, ValueError, yaml.YAMLError) as error:
        raise AssumptionsError(str(path), f"Không đọc được tệp giả định: {error}") from None
    if data is None:
        return base
    if not isinstance(data, dict):
        raise AssumptionsError(str(path), "Tệp giả định phải là một bảng tên: giá trị.")
    return override(base, data, place=str(path))


def _decimal(place: str, name: str, value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise AssumptionsError(place, f"{name}: cần một số, nhận {value!r}.")
    try:
        return Decimal(str(value).replace(",", ".") if isinstance(value, str) else str(value))
    except InvalidOperation:
        raise AssumptionsError(place, f"{name}: cần một số, nhận {value!r}.") from None


def _check_ranges(a: Assumptions, place: str) -> None:
    pairs = (
        ("deflator_low", "deflator_high"),
        ("exchange_rate_low", "exchange_rate_high"),
        ("employment_growth_low", "employment_growth_high"),
    )
    for low, high in pairs:
        if getattr(a, low) is None or getattr(a, high) is None:
            raise AssumptionsError(place, f"{low}, {high}: không được để trống.")
        if getattr(a, low) > getattr(a, high):
            raise AssumptionsError(place, f"{low} lớn hơn {high}.")
