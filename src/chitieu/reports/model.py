"""The report model: what a report says, before any file format.

Builders (results.py, progress.py) make these from core objects; writers
(docx_writer.py, xlsx_writer.py) turn them into files. Frozen, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

HEADER = (
    "STT",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Mục tiêu",
    "Kết quả thực hiện",
    "Đánh giá mức độ hoàn thành",
)
NO_DATA = "Chưa có số liệu"


class RowKind(StrEnum):
    GROUP = "group"  # Roman-numeral row: "I | KINH TẾ"
    INDICATOR = "indicator"  # numbered row
    SUB = "sub"  # unnumbered or "-" row under a numbered one
    TRONG_DO = "trong_do"  # "Trong đó …" row


@dataclass(frozen=True)
class ReportRow:
    stt: str
    name: str
    unit: str
    target_text: str
    result_text: str
    assessment: str
    footnote: int | None  # number of the note in ResultsTable.notes, 1-based
    kind: RowKind
    result_value: Decimal | None = None  # the number printed in result_text, if it is one

    @property
    def cells(self) -> tuple[str, str, str, str, str, str]:
        return (
            self.stt,
            self.name,
            self.unit,
            self.target_text,
            self.result_text,
            self.assessment,
        )


@dataclass(frozen=True)
class ReportHeading:
    """The administrative heading block of a Vietnamese report."""

    issuer: str  # the issuing body, e.g. "ỦY BAN NHÂN DÂN TỈNH …" (the plan's place)
    issuer_parent: str = ""  # the line above it, e.g. "ĐẢNG BỘ TỈNH" (may be empty)
    place: str = "…"  # where it is signed: the plan's place (a dotted blank until known)
    number: str = "Số: …/BC-…"
    date: str = "ngày … tháng … năm …"
    title: str = "BÁO CÁO"
    subtitle: str = ""
    party: bool = False  # a Party document: heading "ĐẢNG CỘNG SẢN VIỆT NAM"
    national: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # right-hand heading (issuers.py)
    motto: str = "Độc lập - Tự do - Hạnh phúc"  # "" for a Party document
    separator: str = "———"  # under the issuing body ("*" for a Party document)
    signer: str = "T/M ỦY BAN NHÂN DÂN\nCHỦ TỊCH"
    draft: bool = False  # a working draft: "DỰ THẢO" on every page
    basis: str = ""  # how the issuer was chosen, when the plan does not name one

    @property
    def place_date(self) -> str:
        return f"{self.place}, {self.date}"


@dataclass(frozen=True)
class ResultsTable:
    """A past term's results table in the layout of Phụ lục 1A/1B."""

    label: str  # "1A"; "" when unknown
    caption: str  # "KẾT QUẢ THỰC HIỆN MỤC TIÊU NGHỊ QUYẾT …"
    term: str  # "2020 - 2025"
    rows: tuple[ReportRow, ...]
    notes: tuple[str, ...]  # footnotes, Vietnamese, numbered from 1
    header: tuple[str, ...] = HEADER

    @property
    def title(self) -> str:
        return f"PHỤ LỤC {self.label}" if self.label else ""


@dataclass(frozen=True)
class ProgressRow:
    """One indicator of a plan in a year: where it stands and where it is heading."""

    code: str
    stt: str
    name: str
    unit: str  # the unit as shown ("%", "tỷ đồng")
    kind: RowKind
    target_text: str  # "" for a heading row without a target
    baseline_text: str  # "9,17 (2025, ước)" or NO_DATA
    latest_text: str  # "2026: 9,5 (ước)" or NO_DATA
    status: str  # assessed status, Vietnamese label ("Chưa đạt", "Chưa có số liệu")
    status_reason: str
    required_text: str  # "cần 10,6%/năm trong 4 năm còn lại" or ""
    projection_text: str  # "10,4%/năm (khoảng 9,8–11,0)" or ""
    rating: str  # on-track rating label ("Đúng tiến độ", "Chưa đủ số liệu") or ""
    rating_reason: str
    at_risk: bool
    latest_value: Decimal | None = None
    baseline_value: Decimal | None = None
    status_working: tuple[str, ...] = ()  # the arithmetic behind status_reason
    rating_working: tuple[str, ...] = ()  # the arithmetic behind rating_reason
    latest_unapproved: bool = False  # a working draft's value not yet approved (marked "*")
    baseline_unapproved: bool = False

    @property
    def explanation(self) -> tuple[str, tuple[str, ...]]:
        """The sentence a report prints in its "Giải thích" column, with its arithmetic."""
        if self.rating_reason:
            return self.rating_reason, self.rating_working
        return self.status_reason, self.status_working


@dataclass(frozen=True)
class CoherenceFinding:
    title: str
    verdict: str  # "Nhất quán" | "Chỉ đúng với giả định" | "Không nhất quán" | "Chưa kiểm tra được"
    explanation: str


@dataclass(frozen=True)
class TaskNote:
    number: str
    heading: str
    kind: str  # Vietnamese: "Nhiệm vụ trọng tâm", "Đột phá chiến lược", …
    indicators: str  # names of the indicators it mentions, joined
    note: str  # the progress note, or "Chưa có ghi nhận tiến độ"


@dataclass(frozen=True)
class Chart:
    code: str
    title: str
    spec: dict[str, object]  # Vega-Lite, from chitieu.reports.charts.indicator_chart


@dataclass(frozen=True)
class ProgressReport:
    plan_code: str
    plan_name: str
    year: int
    term: str  # "2025 - 2030"
    locality: str
    rows: tuple[ProgressRow, ...]
    groups: tuple[tuple[str, str, int], ...]  # (numeral, name, index of its first row)
    coherence: tuple[CoherenceFinding, ...]
    charts: tuple[Chart, ...]
    tasks: tuple[TaskNote, ...]
    plan_words: str = "Nghị quyết"  # "Nghị quyết nhiệm kỳ 2020 - 2025", "Kế hoạch năm 2024"
    draft: bool = False  # a working draft (dự thảo): "DỰ THẢO" on every page, values marked

    @property
    def unapproved(self) -> bool:
        """Whether any value shown is not yet approved."""
        return any(row.latest_unapproved or row.baseline_unapproved for row in self.rows)

    @property
    def at_risk(self) -> tuple[ProgressRow, ...]:
        return tuple(row for row in self.rows if row.at_risk)

    @property
    def measured(self) -> tuple[ProgressRow, ...]:
        return tuple(row for row in self.rows if row.target_text)
