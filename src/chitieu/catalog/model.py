"""The domain as plain data: the contract between ingestion and everything else.

Frozen dataclasses only; no Django, no I/O. Indicators have stable codes
(`kt.grdp.tang_truong`); figures, tasks and reports refer to codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from chitieu.catalog.period import Period
from chitieu.quantity.target import Target


class Direction(StrEnum):
    HIGHER = "higher"  # more is better (GRDP, coverage)
    LOWER = "lower"  # less is better (poverty, unemployment, a rank)
    BAND = "band"  # inside a range is best (economic structure shares)

    @property
    def label(self) -> str:
        return _DIRECTION_LABELS[self]


class Aggregation(StrEnum):
    """How the figures of the period are combined before comparing with the target."""

    LEVEL = "level"  # the level reached at the end of the period ("đến năm 2030")
    AVG_GROWTH = "avg_growth"  # compound average yearly growth ("bình quân giai đoạn …%/năm")
    AVG_LEVEL = "avg_level"  # average of the yearly levels ("tỷ lệ … bình quân giai đoạn")
    CUMULATIVE = "cumulative"  # sum of the yearly figures ("tổng … giai đoạn 2026-2030")
    EVERY_YEAR = "every_year"  # each year on its own ("hằng năm")
    CHANGE = "change"  # change from the baseline ("giảm 1/3 so với năm 2020")

    @property
    def label(self) -> str:
        return _AGGREGATION_LABELS[self]


_DIRECTION_LABELS = {
    Direction.HIGHER: "càng cao càng tốt",
    Direction.LOWER: "càng thấp càng tốt",
    Direction.BAND: "trong khoảng",
}

_AGGREGATION_LABELS = {
    Aggregation.LEVEL: "mức đạt cuối kỳ",
    Aggregation.AVG_GROWTH: "tăng bình quân giai đoạn",
    Aggregation.AVG_LEVEL: "bình quân giai đoạn",
    Aggregation.CUMULATIVE: "tổng cả giai đoạn",
    Aggregation.EVERY_YEAR: "hằng năm",
    Aggregation.CHANGE: "thay đổi so với gốc",
}


class FigureStatus(StrEnum):
    PLAN = "ke_hoach"
    ESTIMATE = "uoc"
    PRELIMINARY = "so_bo"
    OFFICIAL = "chinh_thuc"

    @property
    def label(self) -> str:
        return _FIGURE_STATUS_LABELS[self]

    @classmethod
    def from_label(cls, text: str) -> FigureStatus:
        """Accept the code or the Vietnamese word ("ước", "sơ bộ", "chính thức", "kế hoạch")."""
        from chitieu.catalog.text import fold

        folded = fold(text)
        for status, label in _FIGURE_STATUS_LABELS.items():
            if folded in (status.value, fold(label), fold(label).replace(" ", "_")):
                return status
        raise ValueError(
            f"Trạng thái số liệu không hợp lệ: {text!r} (kế hoạch, ước, sơ bộ, chính thức)"
        )


_FIGURE_STATUS_LABELS = {
    FigureStatus.PLAN: "kế hoạch",
    FigureStatus.ESTIMATE: "ước",
    FigureStatus.PRELIMINARY: "sơ bộ",
    FigureStatus.OFFICIAL: "chính thức",
}


class Assessment(StrEnum):
    """The official scale, plus the two honest states of an open or empty period."""

    EXCEEDED = "vuot"
    ACHIEVED = "dat"
    BASICALLY_ACHIEVED = "co_ban_dat"
    NOT_ACHIEVED = "khong_dat"
    NOT_YET_ACHIEVED = "chua_dat"  # the period is not over yet
    NO_DATA = "chua_co_so_lieu"

    @property
    def label(self) -> str:
        return _ASSESSMENT_LABELS[self]


_ASSESSMENT_LABELS = {
    Assessment.EXCEEDED: "Vượt",
    Assessment.ACHIEVED: "Đạt",
    Assessment.BASICALLY_ACHIEVED: "Cơ bản đạt",
    Assessment.NOT_ACHIEVED: "Không đạt",
    Assessment.NOT_YET_ACHIEVED: "Chưa đạt",
    Assessment.NO_DATA: "Chưa có số liệu",
}


@dataclass(frozen=True)
class Source:
    """Where a value came from: a document line, a workbook cell, or a person."""

    document: str  # file name of the source document or workbook
    line: int | None = None  # 1-based line in the document (first line of a span)
    line_end: int | None = None
    text: str = ""  # the original text, verbatim
    cell: str | None = None  # "Sheet!C12" for a workbook


@dataclass(frozen=True)
class IndicatorTarget:
    value: Target
    period_start: int  # first year of the period (2026 for 2026-2030)
    period_end: int  # target year (2030)
    aggregation: Aggregation
    source: Source


@dataclass(frozen=True)
class Baseline:
    year: int
    value: Decimal
    unit: str | None
    source: Source
    locality: str | None = None  # None: the plan's own locality
    status: str = ""  # a FigureStatus value when the document says ("uoc"); "" when it does not


@dataclass(frozen=True)
class Group:
    code: str  # "kinh_te"
    name: str  # "KINH TẾ", as written
    numeral: str  # "I"


@dataclass(frozen=True)
class Indicator:
    code: str  # stable: "kt.grdp.tang_truong"
    name: str  # as written in the document
    group: str  # Group.code
    parent: str | None  # code of the "Trong đó" or numbered parent row
    unit: str | None  # unit code (chitieu.quantity.units)
    direction: Direction
    targets: tuple[IndicatorTarget, ...] = ()
    baselines: tuple[Baseline, ...] = ()
    stt: str | None = None  # the row number as printed ("1", "-", "")
    source: Source | None = None


@dataclass(frozen=True)
class PastTermRow:
    """One row of a 2020-2025 results table, verbatim beside its parsed values."""

    table: str  # "1A"
    stt: str
    indicator: str
    unit_text: str
    unit: str | None
    target_text: str
    target: Target | None
    result_text: str
    result_value: Decimal | None
    result_readings: tuple[Decimal, ...]  # more than one when the cell is ambiguous
    official_assessment: str | None  # verbatim, e.g. "Vượt", "Cơ bản đạt"
    group: str | None  # Group.code of the Roman-numeral row above
    parent_stt: str | None  # the numbered row a sub-row belongs to
    source: Source


@dataclass(frozen=True)
class PastTerm:
    code: str  # "<former place>_cu_<first year>_<last year>"
    name: str
    locality: str
    period_start: int
    period_end: int
    rows: tuple[PastTermRow, ...]
    groups: tuple[Group, ...] = ()  # the table's Roman-numeral rows, names as printed


@dataclass(frozen=True)
class Task:
    code: str  # "vi.1.1", "trong_tam.2", "dot_pha.1", "tru_cot.iii"
    kind: str  # "focus" | "pillar" | "breakthrough" | "area"
    number: str  # as printed: "1.1", "(2)", "(iii)"
    heading: str
    text: str
    line_start: int
    line_end: int
    indicators: tuple[str, ...] = ()  # catalogue codes the task mentions
    parent: str | None = None


@dataclass(frozen=True)
class Discrepancy:
    """A difference between two statements of the same target (table vs prose)."""

    indicator: str | None
    kind: str  # "bound_wording" | "value" | "only_in_table" | "only_in_prose" | "unit"
    table_text: str | None
    prose_text: str | None
    table_line: int | None
    prose_line: int | None
    explanation: str  # Vietnamese


@dataclass(frozen=True)
class Candidate:
    """A target found in prose outside the target table, for a person to accept or reject."""

    excerpt: str  # the sentence it was found in
    target: Target
    name: str
    period_end: int | None
    aggregation: Aggregation | None
    source: Source
    decision: str | None = None  # None (pending) | "accepted" | "rejected"


@dataclass(frozen=True)
class Claim:
    """A number stated in the prose, with what it refers to and what it is compared with."""

    text: str  # the sentence fragment
    value: Decimal | None
    value_text: str
    unit: str | None
    year: int | None
    subject: str  # what the number is about, as written
    relation: str | None  # "gap" (gấp N lần) | "increase" (tăng X%) | "share" | "count" | ...
    compared_with: str | None  # "năm 2020", "giai đoạn 2016 - 2020"
    line: int
    ambiguous: bool = False


@dataclass(frozen=True)
class FootnoteMatch:
    number: int
    anchor_line: int | None  # the body line where the anchor's line break sits
    confidence: float  # 0..1
    text: str


class PlanIncompleteError(ValueError):
    """A plan whose document did not say something the store needs (its term or year)."""


@dataclass(frozen=True)
class TableColumn:
    """One column of a table the reader met: what it took it for, and why (Vietnamese)."""

    index: int
    header: str
    role: str  # stt, name, unit, target, baseline, result, assessment or ignored
    reason: str
    year: int | None = None


@dataclass(frozen=True)
class TableReading:
    line: int
    title: str
    kind: str  # "target" | "results" | "other"
    columns: tuple[TableColumn, ...] = ()


@dataclass(frozen=True)
class Plan:
    """A resolution or plan. What its document did not say stays empty ("" or None):
    the reader never invents an issuer, a place or a term."""

    code: str  # "<place>_2025_2030", "<place>_2026"
    name: str
    issuer: str  # the issuing body as named: "Hội đồng nhân dân tỉnh X"; "" when unnamed
    term_start: int | None  # a congress term or 5-year span; an annual plan's year twice
    term_end: int | None
    document: str
    kind: str = "resolution"  # "resolution" | "annual_plan" | "five_year_plan" | "" (unknown)
    locality: str = ""
    parent: str | None = None  # an annual plan's resolution
    level: str = ""  # "tinh" | "thanh_pho" | "xa" | "phuong" | "dac_khu" | "" (unknown)
    place: str = ""  # the place as written, title case: "Kim Sơn"

    @property
    def years(self) -> tuple[int, int]:
        """(first, last) year of the plan; PlanIncompleteError when the document did not say."""
        if self.term_start is None or self.term_end is None:
            raise PlanIncompleteError(
                f"Kế hoạch {self.code} chưa có nhiệm kỳ hoặc năm: ghi term_start, term_end "
                "vào mục plan của tệp danh mục, hoặc đọc lại văn bản với "
                "`chitieu ingest --term <năm đầu>-<năm cuối>` (hay `--year <năm>`)."
            )
        return self.term_start, self.term_end


@dataclass(frozen=True)
class Catalogue:
    plan: Plan
    groups: tuple[Group, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    past_terms: tuple[PastTerm, ...] = ()
    tasks: tuple[Task, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    claims: tuple[Claim, ...] = ()
    footnotes: tuple[FootnoteMatch, ...] = ()
    tables: tuple[TableReading, ...] = ()  # how each table's columns were read
    tolerance: Decimal | None = None  # "Cơ bản đạt" tolerance for this plan; None: the default

    def indicator(self, code: str) -> Indicator:
        for indicator in self.indicators:
            if indicator.code == code:
                return indicator
        raise KeyError(code)


@dataclass(frozen=True)
class Figure:
    """One reported value: (indicator, locality, period, value, status, source)."""

    indicator: str
    locality: str
    period: Period
    value: Decimal
    status: FigureStatus
    source: str = ""
    note: str = ""
    entered_by: str = ""
