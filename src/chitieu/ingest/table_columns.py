"""What each column of a target or results table holds, read from its header, and why.

Headers seen: "STT | Chỉ tiêu | Đơn vị tính | Mục tiêu 2025 - 2030" (a resolution's
appendix), "… | Mục tiêu NQ | Kết quả thực hiện | Đánh giá" (a past term's results),
"… | Ước thực hiện năm 2025 | Kế hoạch năm 2026 | So sánh (%)" (an annual plan),
"… | Kế hoạch năm 2021 Quốc hội giao | Mục tiêu phấn đấu năm 2021 | Cơ quan chủ trì".

Roles:
- target: "Mục tiêu", "Kế hoạch", "Chỉ tiêu năm/đến", or a bare year;
- baseline: an estimate or result ("Ước thực hiện năm 2025", "Thực hiện 2024") in a
  table that also sets targets for a later year: the figure the plan starts from;
- result: the same words in a table whose targets are not later than its results (a
  past term's results table, "Kế hoạch năm 2019 | Ước thực hiện năm 2019");
- assessment: "Đánh giá" (the official word: Vượt, Đạt …);
- ignored: comparisons ("So sánh (%)", "Tăng, giảm"), the agency in charge
  ("Cơ quan chủ trì"), notes. A table is a results table when it has result or
  assessment columns and no target later than its results; a target table when it has
  target columns and no result column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chitieu.catalog.model import TableColumn, TableReading
from chitieu.catalog.text import fold
from chitieu.ingest.document import IngestError, Table

_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_RESULT_WORDS = tuple(fold(w) for w in ("kết quả", "thực hiện", "ước", "thực hiện được"))
_ASSESSMENT_WORDS = tuple(fold(w) for w in ("đánh giá", "mức độ hoàn thành"))
_IGNORED_WORDS = tuple(
    fold(w)
    for w in (
        "so sánh", "so với", "tăng, giảm", "tăng/giảm", "tăng (giảm)", "cơ quan", "chủ trì", "phụ trách",
        "ghi chú", "nguồn", "đơn vị thực hiện", "đơn vị chủ trì", "tỷ lệ hoàn thành",
    )
)  # fmt: skip
_OFFICIAL_WORDS = frozenset(
    fold(w) for w in ("Vượt", "Đạt", "Cơ bản đạt", "Chưa đạt", "Không đạt", "Hoàn thành")
)
_AGENCY = tuple(fold(w) for w in ("cơ quan", "chủ trì", "phụ trách", "đơn vị"))
_TARGET_WORDS = tuple(
    fold(w) for w in ("mục tiêu", "kế hoạch", "chỉ tiêu đến", "chỉ tiêu năm", "phấn đấu")
)
_ONE_YEAR = re.compile(rf"(?<!{fold('đến')} )(?<!{fold('tới')} ){fold('năm')}\s+(19|20)\d\d")
_TERM_YEARS = 5  # a congress term "2025 - 2030": its targets run over 2026-2030


@dataclass(frozen=True)
class Columns:
    """Where each kind of cell sits in a table; None when the table has no such column."""

    stt: int
    name: int
    unit: int | None
    targets: tuple[int, ...]
    results: tuple[int, ...]  # results of a past term, or a plan's starting figures
    assessment: int | None = None
    ignored: tuple[int, ...] = ()

    def role(self, index: int, *, looks_forward: bool) -> str:
        if index == self.stt:
            return "stt"
        if index == self.name:
            return "name"
        if index == self.unit:
            return "unit"
        if index in self.targets:
            return "target"
        if index in self.results:
            return "baseline" if looks_forward else "result"
        if index == self.assessment:
            return "assessment"
        return "ignored"


def find_columns(table: Table) -> Columns:
    """The columns of a target or results table, by their header words."""
    headers = [fold(text) for text in table.header]
    stt = next((i for i, h in enumerate(headers) if h.rstrip(".") in ("stt", "tt", "số tt")), 0)
    name = next(
        (
            i
            for i, h in enumerate(headers)
            if i != stt
            and h.startswith((fold("chỉ tiêu"), fold("nội dung"), fold("tên")))
            and not _YEAR.search(h)
        ),
        1 if stt == 0 else 0,
    )
    unit = next((i for i, h in enumerate(headers) if h.startswith((fold("đơn vị"), "đvt"))), None)
    taken = {stt, name, unit}
    assessment = next(
        (
            i
            for i, h in enumerate(headers)
            if i not in taken
            and (
                (any(w in h for w in _ASSESSMENT_WORDS) and not any(w in h for w in _AGENCY))
                or _holds_assessments(table, i)
            )
        ),
        None,
    )
    taken.add(assessment)
    ignored = tuple(
        i for i, h in enumerate(headers) if i not in taken and any(w in h for w in _IGNORED_WORDS)
    )
    taken.update(ignored)
    taken.add(assessment)
    results = tuple(
        i for i, h in enumerate(headers) if i not in taken and any(w in h for w in _RESULT_WORDS)
    )
    targets = tuple(
        i
        for i, h in enumerate(headers)
        if i not in taken
        and i not in results
        and (any(w in h for w in _TARGET_WORDS) or _YEAR.search(h))
    )
    return Columns(stt, name, unit, targets, results, assessment, ignored)


def _holds_assessments(table: Table, index: int) -> bool:
    """Most filled cells of the column are official words ("So sánh với mục tiêu NQ": Vượt)."""
    cells = [fold(row.cells[index].flat) for row in table.data_rows() if index < len(row.cells)]
    filled = [c for c in cells if c]
    words = sum(1 for c in filled if c in _OFFICIAL_WORDS)
    return bool(filled) and words * 2 > len(filled)


def column_year(header: str) -> int | None:
    """The last year a header names: "Ước thực hiện năm 2025" -> 2025."""
    years = [int(m.group(0)) for m in _YEAR.finditer(header)]
    return years[-1] if years else None


def looks_forward(table: Table, columns: Columns | None = None) -> bool:
    """The table sets targets for a year after the figures it shows (an annual plan's
    "Ước thực hiện năm 2025 | Kế hoạch năm 2026"), rather than reporting a past term."""
    columns = columns or find_columns(table)
    if not columns.targets or columns.assessment is not None:
        return False
    if not columns.results:
        return True
    target_years = [y for i in columns.targets if (y := column_year(table.header[i]))]
    result_years = [y for i in columns.results if (y := column_year(table.header[i]))]
    return bool(target_years and result_years) and min(target_years) > max(result_years)


def is_results_table(table: Table) -> bool:
    """A past term's results: result or assessment columns, and no later target."""
    columns = find_columns(table)
    has_results = bool(columns.results) or columns.assessment is not None
    return has_results and not looks_forward(table, columns)


def is_target_table(table: Table) -> bool:
    """A table that sets targets: target columns and no past results beside them."""
    columns = find_columns(table)
    return bool(columns.targets) and (
        (not columns.results and columns.assessment is None) or looks_forward(table, columns)
    )


def target_period(header: str, term: tuple[int, int] | None) -> tuple[int, int]:
    """The period of a target column: (first year, target year).

    >>> target_period("Mục tiêu 2025 - 2030", None)
    (2026, 2030)
    >>> target_period("Mục tiêu giai đoạn 2026 - 2030", None)
    (2026, 2030)
    >>> target_period("Mục tiêu đến năm 2030", (2025, 2030))
    (2026, 2030)
    >>> target_period("Kế hoạch năm 2026", (2026, 2026))
    (2026, 2026)
    """
    years = [int(m.group(0)) for m in _YEAR.finditer(header)]
    if len(years) >= 2:
        first = years[0] + 1 if years[-1] - years[0] == _TERM_YEARS else years[0]
        return first, years[-1]
    if len(years) == 1:
        end = years[0]
        if _ONE_YEAR.search(fold(header)):  # "Kế hoạch năm 2026": that year's target
            return end, end
        start = term[0] + 1 if term and term[0] < end else end - 4  # "Mục tiêu đến năm 2030"
        return start, end
    if term is None:
        raise IngestError(f"Không xác định được giai đoạn của cột mục tiêu {header!r}")
    first = term[0] + 1 if term[1] - term[0] == _TERM_YEARS else term[0]
    return first, term[1]


def table_reading(table: Table, kind: str) -> TableReading:
    """What the reader took from each column of `table`, and why, for the review."""
    columns = find_columns(table)
    forward = looks_forward(table, columns)
    return TableReading(
        line=table.line_start,
        title=" ".join(f"{table.title} {table.caption}".split()),
        kind=kind,
        columns=tuple(
            TableColumn(index, header, role, _reason(role, header), column_year(header))
            for index, header in enumerate(table.header)
            for role in (columns.role(index, looks_forward=forward),)
        ),
    )


def _reason(role: str, header: str) -> str:
    year = column_year(header)
    return {
        "stt": "số thứ tự",
        "name": "tên chỉ tiêu",
        "unit": "đơn vị tính",
        "target": f"mục tiêu{f' năm {year}' if year else ''}: tiêu đề nói mục tiêu, kế hoạch "
        "hoặc năm cần đạt",
        "baseline": f"số liệu nền{f' năm {year}' if year else ''}: ước tính hoặc kết quả của năm "
        "trước năm kế hoạch",
        "result": "kết quả thực hiện của kỳ đã qua",
        "assessment": "đánh giá chính thức (Vượt, Đạt …)",
    }.get(role, "bỏ qua: so sánh, cơ quan chủ trì hoặc ghi chú, không phải mục tiêu")
