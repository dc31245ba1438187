"""From the figures of a period to the one achieved value compared with the target.

Only yearly figures count. Per year the most final figure wins (chính thức, then
sơ bộ, then ước; among equals the later one in the sequence). A plan figure
(kế hoạch) is never an actual: it is rejected with an error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from chitieu.assess._vi_number import format_number, year_span
from chitieu.assess.errors import AssessmentError
from chitieu.catalog.model import Baseline, Figure, FigureStatus

_FINALITY = {
    FigureStatus.ESTIMATE: 1,
    FigureStatus.PRELIMINARY: 2,
    FigureStatus.OFFICIAL: 3,
}


@dataclass(frozen=True)
class Aggregate:
    """The achieved value of a period, or None with `note` saying what is missing."""

    value: Decimal | None
    years_used: tuple[int, ...] = ()
    missing_years: tuple[int, ...] = ()
    statuses: frozenset[FigureStatus] = frozenset()
    working: str = ""  # the arithmetic without its result ("Tổng 2021-2023 = 1 + 2 + 3")
    label: str = ""  # what the value is, as a sentence's subject ("Tổng 2021-2023")
    note: str = ""  # why there is no value


def yearly_figures(figures: Sequence[Figure]) -> dict[int, Figure]:
    """The figure that counts for each year, after checking the figures belong together."""
    chosen: dict[int, Figure] = {}
    first = figures[0] if figures else None
    for figure in figures:
        place = f"{figure.indicator} {figure.period}"
        if figure.status is FigureStatus.PLAN:
            raise AssessmentError(
                "Số kế hoạch không được dùng làm số thực hiện khi đánh giá", place
            )
        if first is not None and (figure.indicator, figure.locality) != (
            first.indicator,
            first.locality,
        ):
            raise AssessmentError(
                f"Số liệu lẫn chỉ tiêu/địa bàn khác ({first.indicator}, {first.locality})", place
            )
        if not figure.period.is_year:
            continue
        year = figure.period.year
        current = chosen.get(year)
        if current is None or _FINALITY[figure.status] >= _FINALITY[current.status]:
            chosen[year] = figure
    return chosen


def level(by_year: Mapping[int, Figure], start: int, end: int, *, closed: bool) -> Aggregate:
    """The level at the end of the period; in an open period, the latest level so far."""
    if closed:
        figure = by_year.get(end)
        if figure is None:
            return Aggregate(None, note=_missing_end_note(by_year, start, end))
        return Aggregate(figure.value, (end,), (), frozenset({figure.status}), label=f"Năm {end}")
    years = [year for year in by_year if start <= year <= end]
    if not years:
        return Aggregate(None, note=f"chưa có số liệu năm nào trong giai đoạn {start}-{end}")
    latest = max(years)
    figure = by_year[latest]
    return Aggregate(figure.value, (latest,), (), frozenset({figure.status}), label=f"Năm {latest}")


def avg_growth(
    rates: Mapping[int, Figure],
    levels: Mapping[int, Figure],
    start: int,
    end: int,
    *,
    baseline: Baseline | None = None,
    precision: int = 2,
) -> Aggregate:
    """Compound average yearly growth in % over start..end.

    From the yearly rates when every year has one: (Π(1 + g/100))^(1/n) - 1; else from
    the levels of the base year (start - 1) and the end year: (L_end/L_base)^(1/n) - 1;
    else from the rates there are, with the missing years named.
    """
    years = tuple(range(start, end + 1))
    have = tuple(year for year in years if year in rates)
    if have and len(have) == len(years):
        return _growth_from_rates(rates, have, (), precision)
    from_levels = _growth_from_levels(levels, start, end, baseline, precision)
    if from_levels is not None:
        return from_levels
    if have:
        missing = tuple(year for year in years if year not in rates)
        return _growth_from_rates(rates, have, missing, precision)
    return Aggregate(
        None,
        missing_years=years,
        note=f"chưa có số liệu tăng trưởng {_span(start, end)}",
    )


def _growth_from_rates(
    rates: Mapping[int, Figure], years: tuple[int, ...], missing: tuple[int, ...], precision: int
) -> Aggregate:
    product = Decimal(1)
    factors = []
    for year in years:
        factor = 1 + rates[year].value / 100
        product *= factor
        factors.append(format_number(factor, 4))
    if product <= 0:
        raise AssessmentError("Tốc độ tăng từ -100% trở xuống, không tính được bình quân")
    average = (product ** (Decimal(1) / len(years)) - 1) * 100
    label = f"Tăng trưởng bình quân {year_span(years)}"
    working = f"{label} từ tốc độ tăng từng năm: ({' × '.join(factors)})^(1/{len(years)}) − 1"
    statuses = frozenset(rates[year].status for year in years)
    return Aggregate(_round(average, precision), years, missing, statuses, working, label)


def _growth_from_levels(
    levels: Mapping[int, Figure],
    start: int,
    end: int,
    baseline: Baseline | None,
    precision: int,
) -> Aggregate | None:
    base_year = start - 1
    if base_year in levels:
        base_value, statuses = levels[base_year].value, {levels[base_year].status}
    elif baseline is not None and baseline.year == base_year:
        base_value, statuses = baseline.value, set()
    else:
        return None
    if end not in levels or base_value <= 0 or levels[end].value <= 0:
        return None
    count = end - base_year
    average = ((levels[end].value / base_value) ** (Decimal(1) / count) - 1) * 100
    label = f"Tăng trưởng bình quân {_span(start, end)}"
    end_text, base_text = format_number(levels[end].value), format_number(base_value)
    working = (
        f"{label} từ mức năm {base_year} ({base_text}) và năm {end} ({end_text}): "
        f"({end_text}/{base_text})^(1/{count}) − 1"
    )
    statuses.add(levels[end].status)
    return Aggregate(
        _round(average, precision), (base_year, end), (), frozenset(statuses), working, label
    )


def avg_level(
    by_year: Mapping[int, Figure], start: int, end: int, *, precision: int = 2
) -> Aggregate:
    """The mean of the yearly levels of start..end (of the years there are)."""
    years, missing = _present(by_year, start, end)
    if not years:
        return Aggregate(None, missing_years=missing, note=f"chưa có số liệu {_span(start, end)}")
    values = [by_year[year].value for year in years]
    mean = sum(values, Decimal(0)) / len(values)
    label = f"Bình quân {year_span(years)}"
    working = f"{label} = ({' + '.join(map(format_number, values))})/{len(values)}"
    statuses = frozenset(by_year[year].status for year in years)
    return Aggregate(_round(mean, precision), years, missing, statuses, working, label)


def cumulative(by_year: Mapping[int, Figure], start: int, end: int) -> Aggregate:
    """The sum of the yearly figures of start..end (of the years there are)."""
    years, missing = _present(by_year, start, end)
    if not years:
        return Aggregate(None, missing_years=missing, note=f"chưa có số liệu {_span(start, end)}")
    values = [by_year[year].value for year in years]
    label = f"Tổng {year_span(years)}"
    working = f"{label} = {' + '.join(map(format_number, values))}"
    statuses = frozenset(by_year[year].status for year in years)
    return Aggregate(sum(values, Decimal(0)), years, missing, statuses, working, label)


def change(
    by_year: Mapping[int, Figure],
    start: int,
    end: int,
    *,
    closed: bool,
    baseline: Baseline | None,
    relative_reduction: bool,
) -> Aggregate:
    """The end level against the baseline: L - B, or (B - L)/B for a reduction ratio."""
    end_level = level(by_year, start, end, closed=closed)
    if end_level.value is None:
        return end_level
    base = _baseline(by_year, start, baseline)
    if base is None:
        return Aggregate(None, note=f"chưa có số liệu gốc năm {start - 1} để so sánh")
    base_year, base_value, base_status = base
    statuses = end_level.statuses | base_status
    level_text, base_text = format_number(end_level.value), format_number(base_value)
    if relative_reduction:
        if base_value == 0:
            return Aggregate(
                None, note=f"số liệu gốc năm {base_year} bằng 0, không tính được tỷ lệ"
            )
        value = (base_value - end_level.value) / base_value
        label = f"Mức giảm {end_level.label.lower()} so với năm {base_year}"
        working = f"{label}: ({base_text} − {level_text})/{base_text}"
    else:
        value = end_level.value - base_value
        label = f"Mức thay đổi {end_level.label.lower()} so với năm {base_year}"
        working = f"{label}: {level_text} − {base_text}"
    years = (base_year, *end_level.years_used)
    return Aggregate(value, years, (), statuses, working, label)


def _baseline(
    by_year: Mapping[int, Figure], start: int, baseline: Baseline | None
) -> tuple[int, Decimal, frozenset[FigureStatus]] | None:
    if baseline is not None:
        return baseline.year, baseline.value, frozenset()
    figure = by_year.get(start - 1)
    if figure is None:
        return None
    return start - 1, figure.value, frozenset({figure.status})


def _present(
    by_year: Mapping[int, Figure], start: int, end: int
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    years = range(start, end + 1)
    return (
        tuple(year for year in years if year in by_year),
        tuple(year for year in years if year not in by_year),
    )


def _missing_end_note(by_year: Mapping[int, Figure], start: int, end: int) -> str:
    earlier = [year for year in by_year if start <= year < end]
    note = f"chưa có số liệu năm {end}"
    if earlier:
        latest = max(earlier)
        note += f" (số gần nhất: năm {latest} là {format_number(by_year[latest].value)})"
    return note


def _round(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _span(start: int, end: int) -> str:
    """'năm 2026' for one year, '2026-2030' for several."""
    return year_span(tuple(range(start, end + 1)))
