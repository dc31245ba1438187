"""Targets as SDMX: the second dataflow DF_TARGETS (docs/exchange.md, "Targets").

A target is not a figure: it is a point, a band or a bound over a span of years,
with a way of combining the years. Its key is PLAN × INDICATOR × REF_AREA ×
TIME_PERIOD (a time range for a span: 2026-01-01/P5Y) × BOUND; a band is two
observations, LOW and HIGH. The concepts shared with figures come from mapping.py.
"""

from __future__ import annotations

from chitieu.exchange import mapping as m

DSD_ID = "DSD_TARGETS"
DATAFLOW_ID = "DF_TARGETS"
PLAN, BOUND = "PLAN", "BOUND"
TARGET_KIND, AGGREGATION, BOUND_INCLUSIVE = "TARGET_KIND", "AGGREGATION", "BOUND_INCLUSIVE"
DIMENSIONS = (PLAN, m.INDICATOR, m.REF_AREA, m.TIME_PERIOD, BOUND)
ATTRIBUTES = (TARGET_KIND, AGGREGATION, BOUND_INCLUSIVE, m.UNIT_MEASURE, m.ORIGINAL_TEXT)
NOT_APPLICABLE = "_Z"  # SDMX's code for "not applicable": a plan without a locality

CONCEPT_NAMES = {
    PLAN: "Kế hoạch, nghị quyết",
    BOUND: "Cận của mục tiêu",
    TARGET_KIND: "Dạng mục tiêu",
    AGGREGATION: "Cách tính qua các năm",
    BOUND_INCLUSIVE: "Tính cả giá trị cận (Y/N)",
}
CODELISTS = {
    PLAN: "CL_PLAN",
    BOUND: "CL_BOUND",
    TARGET_KIND: "CL_TARGET_KIND",
    AGGREGATION: "CL_AGGREGATION",
}
BOUND_NAMES = {
    "POINT": "Một giá trị (đạt, khoảng)",
    "LOW": "Cận dưới (từ, trên, ít nhất)",
    "HIGH": "Cận trên (đến, dưới, không quá)",
    "NONE": "Không có số (mục tiêu định tính)",
}
KIND_NAMES = {
    "point": "Một giá trị",
    "range": "Khoảng",
    "min": "Tối thiểu",
    "max": "Tối đa",
    "approx": "Khoảng chừng",
    "ratio": "Tỷ lệ so với gốc",
    "rank": "Thứ hạng",
    "text": "Định tính",
}


def target_period(start: int, end: int) -> str:
    """A single year as is; a span as a time range of whole years.

    >>> target_period(2026, 2026), target_period(2026, 2030)
    ('2026', '2026-01-01/P5Y')
    """
    return str(start) if start == end else f"{start}-01-01/P{end - start + 1}Y"
