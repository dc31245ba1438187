"""Our concepts as SDMX: identifiers, status codes and period syntax (docs/exchange.md).

A figure is one observation of the dataflow DF_FIGURES, keyed by
INDICATOR × REF_AREA × FIGURE_STATUS × TIME_PERIOD. The status is part of the key
because the plan value, the estimate and the official figure of one year are three
figures in our store; OBS_STATUS repeats it in SDMX's cross-domain codes for tools
that know only those.
"""

from __future__ import annotations

import re

from chitieu.catalog.model import FigureStatus
from chitieu.catalog.period import Period, PeriodKind

AGENCY = "CHITIEU"  # the maintainer; a statistics office may re-publish under its own
VERSION = "1.0"
DSD_ID = "DSD_FIGURES"
DATAFLOW_ID = "DF_FIGURES"
CONCEPTS_ID = "CS_FIGURES"

# Dimensions, in key order, and the code list each one takes its values from.
INDICATOR, REF_AREA, FIGURE_STATUS, TIME_PERIOD = (
    "INDICATOR",
    "REF_AREA",
    "FIGURE_STATUS",
    "TIME_PERIOD",
)
DIMENSIONS = (INDICATOR, REF_AREA, FIGURE_STATUS, TIME_PERIOD)
OBS_VALUE = "OBS_VALUE"
# Attributes, attached to the observation.
OBS_STATUS, UNIT_MEASURE, REVIEW_STATE = "OBS_STATUS", "UNIT_MEASURE", "REVIEW_STATE"
SOURCE_DETAIL, OBS_COM, ORIGINAL_TEXT = "SOURCE_DETAIL", "OBS_COM", "ORIGINAL_TEXT"
ATTRIBUTES = (OBS_STATUS, UNIT_MEASURE, SOURCE_DETAIL, OBS_COM, ORIGINAL_TEXT, REVIEW_STATE)

CONCEPT_NAMES = {
    INDICATOR: "Chỉ tiêu",
    REF_AREA: "Địa bàn",
    FIGURE_STATUS: "Loại số liệu",
    TIME_PERIOD: "Kỳ",
    OBS_VALUE: "Giá trị",
    OBS_STATUS: "Tình trạng quan sát (mã SDMX)",
    UNIT_MEASURE: "Đơn vị tính",
    SOURCE_DETAIL: "Nguồn",
    OBS_COM: "Ghi chú",
    ORIGINAL_TEXT: "Giá trị như đã ghi",
    REVIEW_STATE: "Trạng thái duyệt",
}

CODELISTS = {
    INDICATOR: "CL_INDICATOR",
    REF_AREA: "CL_AREA",
    FIGURE_STATUS: "CL_FIGURE_STATUS",
    OBS_STATUS: "CL_OBS_STATUS",
    UNIT_MEASURE: "CL_UNIT",
    REVIEW_STATE: "CL_REVIEW_STATE",
}

STATUS_CODES = {
    FigureStatus.PLAN: "PLAN",
    FigureStatus.ESTIMATE: "EST",
    FigureStatus.PRELIMINARY: "PREL",
    FigureStatus.OFFICIAL: "FINAL",
}
STATUS_OF_CODE = {code: status for status, code in STATUS_CODES.items()}
# SDMX cross-domain CL_OBS_STATUS: F forecast, E estimated, P provisional, A normal.
OBS_STATUS_CODES = {
    FigureStatus.PLAN: "F",
    FigureStatus.ESTIMATE: "E",
    FigureStatus.PRELIMINARY: "P",
    FigureStatus.OFFICIAL: "A",
}
OBS_STATUS_NAMES = {
    "F": "Giá trị dự báo, kế hoạch (Forecast value)",
    "E": "Giá trị ước tính (Estimated value)",
    "P": "Giá trị sơ bộ (Provisional value)",
    "A": "Giá trị bình thường, chính thức (Normal value)",
}

_SDMX_ID = re.compile(r"^[A-Za-z0-9_@$\-]+$")


class MappingError(ValueError):
    """A value that has no SDMX form, or an SDMX value that has none of ours."""


def indicator_id(code: str) -> str:
    """An indicator code as an SDMX identifier: the dot, which SDMX keeps for separating
    the parts of a key, becomes a hyphen (our codes have none, so the way back is sure).

    >>> indicator_id("kt.grdp.tang_truong")
    'kt-grdp-tang_truong'
    """
    text = code.replace(".", "-")
    if "-" in code or not _SDMX_ID.match(text):
        raise MappingError(f"mã chỉ tiêu “{code}” không đổi được sang mã SDMX.")
    return text


def area_id(code: str) -> str:
    """A locality code, already an SDMX identifier (a slug)."""
    if not _SDMX_ID.match(code):
        raise MappingError(f"mã địa bàn “{code}” không đổi được sang mã SDMX.")
    return code


def indicator_code(identifier: str) -> str:
    """Our indicator code from its SDMX identifier.

    >>> indicator_code("kt-grdp-tang_truong")
    'kt.grdp.tang_truong'
    """
    return identifier.replace("-", ".")


def is_sdmx_id(text: str) -> bool:
    return bool(_SDMX_ID.match(text))


def sdmx_period(period: Period) -> str:
    """A period in SDMX time-period syntax: a year as is, the others as reporting periods,
    the first n months of a year as a time range.

    >>> [sdmx_period(Period.parse(p)) for p in ("2026", "2026-H1", "2026-Q2", "2026-03", "2026-6M")]
    ['2026', '2026-S1', '2026-Q2', '2026-M03', '2026-01-01/P6M']
    """
    if period.kind is PeriodKind.YEAR:
        return str(period.year)
    if period.kind is PeriodKind.HALF:
        return f"{period.year}-S{period.index}"
    if period.kind is PeriodKind.QUARTER:
        return f"{period.year}-Q{period.index}"
    if period.kind is PeriodKind.MONTH:
        return f"{period.year}-M{period.index:02d}"
    return f"{period.year}-01-01/P{period.index}M"


_SDMX_PERIODS: tuple[tuple[re.Pattern[str], PeriodKind], ...] = (
    (re.compile(r"^(\d{4})(?:-A1)?$"), PeriodKind.YEAR),
    (re.compile(r"^(\d{4})-S([12])$"), PeriodKind.HALF),
    (re.compile(r"^(\d{4})-Q([1-4])$"), PeriodKind.QUARTER),
    (re.compile(r"^(\d{4})-M?(0[1-9]|1[0-2])$"), PeriodKind.MONTH),
    (re.compile(r"^(\d{4})-01(?:-01)?/P([1-9]|1[0-2])M$"), PeriodKind.YEAR_TO_DATE),
)


def period_from_sdmx(text: str) -> Period:
    """Our period from SDMX syntax (also 2026-A1 and the Gregorian 2026-03).

    >>> str(period_from_sdmx("2026-S2")), str(period_from_sdmx("2026-M03"))
    ('2026-H2', '2026-03')
    """
    cleaned = text.strip()
    for pattern, kind in _SDMX_PERIODS:
        match = pattern.match(cleaned)
        if match:
            index = int(match.group(2)) if kind is not PeriodKind.YEAR else 0
            return Period(int(match.group(1)), kind, index)
    raise MappingError(
        f"kỳ “{text}” không đúng cú pháp SDMX (2026, 2026-S1, 2026-Q2, 2026-M03, 2026-01-01/P6M)."
    )
