"""What the review says, independent of its format: a title and titled sections of rows.

It lists what was found (counts; every indicator with code, unit, target,
aggregation, direction and line) and everything that needs a decision:
ambiguous numbers with their readings and the context's reason, discrepancies
between the table and the prose, candidate targets, footnotes matched with low
confidence, and results-table rows whose unit was a ditto mark. review_md and
review_html render it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from chitieu.catalog.model import Catalogue, Indicator
from chitieu.ingest.past_terms import resolve_results, unit_was_ditto
from chitieu.ingest.plan_meta import KIND_LABELS, LEVEL_WORDS, plan_gaps
from chitieu.ingest.target_table import UNREADABLE
from chitieu.quantity import format_number, format_target

LOW_CONFIDENCE = 0.6
NONE_FOUND = "Không có."


@dataclass(frozen=True)
class Section:
    """One titled table; `code_column` holds identifiers shown as code."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""
    code_column: int | None = None


@dataclass(frozen=True)
class Review:
    title: str
    sections: tuple[Section, ...]


def review_content(catalogue: Catalogue) -> Review:
    """The sections of the review, in reading order."""
    return Review(
        title=f"Rà soát danh mục chỉ tiêu: {catalogue.plan.name}",
        sections=(
            _summary(catalogue),
            _plan(catalogue),
            _tables(catalogue),
            _indicators(catalogue),
            _ambiguous(catalogue),
            _discrepancies(catalogue),
            _candidates(catalogue),
            _footnotes(catalogue),
            _dittos(catalogue),
        ),
    )


def _section(
    title: str,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    note: str = "",
    code_column: int | None = None,
) -> Section:
    return Section(title, tuple(header), tuple(tuple(r) for r in rows), note, code_column)


def _summary(catalogue: Catalogue) -> Section:
    with_target = sum(1 for i in catalogue.indicators if i.targets)
    rows = [
        ("Nhóm chỉ tiêu", len(catalogue.groups)),
        ("Chỉ tiêu", len(catalogue.indicators)),
        ("Chỉ tiêu có mục tiêu", with_target),
        (
            "Chỉ tiêu chỉ là dòng tiêu đề (không có mục tiêu)",
            len(catalogue.indicators) - with_target,
        ),
        *((f"Dòng kết quả nhiệm kỳ trước: {t.name}", len(t.rows)) for t in catalogue.past_terms),
        ("Nhiệm vụ", len(catalogue.tasks)),
        ("Chênh lệch giữa bảng và văn bản", len(catalogue.discrepancies)),
        ("Chỉ tiêu ứng viên trong văn bản", len(catalogue.candidates)),
        ("Số liệu nêu trong văn bản", len(catalogue.claims)),
        ("Chú thích", len(catalogue.footnotes)),
    ]
    return _section("Tóm tắt", ("Mục", "Số lượng"), ((a, str(b)) for a, b in rows))


def _plan(catalogue: Catalogue) -> Section:
    """What the document says the plan is; an empty field is for a person to give."""
    plan = catalogue.plan
    unknown = "(chưa xác định)"
    years = (
        f"{plan.term_start} - {plan.term_end}"
        if plan.term_start is not None and plan.term_start != plan.term_end
        else str(plan.term_start or unknown)
    )
    rows = [
        ("Mã kế hoạch", plan.code),
        ("Tên", plan.name),
        ("Loại", KIND_LABELS.get(plan.kind, unknown)),
        ("Cơ quan ban hành", plan.issuer or unknown),
        ("Địa phương", f"{LEVEL_WORDS.get(plan.level, '')} {plan.place}".strip() or unknown),
        ("Nhiệm kỳ hoặc năm", years),
    ]
    gaps = plan_gaps(plan)
    return _section(
        "Kế hoạch",
        ("Mục", "Nội dung"),
        rows,
        note=" ".join(gaps) if gaps else "Văn bản nêu đủ thông tin về kế hoạch.",
    )


def _tables(catalogue: Catalogue) -> Section:
    """Each table's columns: which was taken as the target, which as a starting figure,
    which left aside, and why."""
    kinds = {"target": "bảng mục tiêu", "results": "bảng kết quả", "other": "không đọc"}
    rows = [
        (
            _lines(table.line),
            table.title or "(không tiêu đề)",
            kinds.get(table.kind, table.kind),
            column.header,
            column.reason,
        )
        for table in catalogue.tables
        for column in table.columns
        if column.role not in ("stt", "name")
    ]
    return _section(
        "Bảng và cột được đọc",
        ("Dòng", "Bảng", "Loại", "Cột", "Đọc là"),
        rows,
        note="Cột mục tiêu chọn theo tiêu đề (Kế hoạch năm …, Mục tiêu đến năm …, Chỉ tiêu); "
        "cột ước thực hiện của năm trước thành số liệu nền.",
    )


def _indicators(catalogue: Catalogue) -> Section:
    rows = [_indicator_row(i) for i in catalogue.indicators]
    header = ("Mã", "Tên", "Nhóm", "Đơn vị", "Mục tiêu", "Cách tính", "Chiều", "Dòng")
    return _section("Chỉ tiêu", header, rows, code_column=0)


def _indicator_row(indicator: Indicator) -> tuple[str, ...]:
    target = indicator.targets[0] if indicator.targets else None
    line = indicator.source.line if indicator.source else None
    return (
        indicator.code,
        indicator.name,
        indicator.group,
        indicator.unit or "",
        "; ".join(
            f"{format_target(t.value)} ({t.period_start}-{t.period_end})" for t in indicator.targets
        )
        or "(không có)",
        target.aggregation.label if target else "",
        indicator.direction.label,
        str(line or ""),
    )


def _ambiguous(catalogue: Catalogue) -> Section:
    rows: list[tuple[str, ...]] = []
    for term in catalogue.past_terms:
        for resolution in resolve_results(term):
            readings = " hoặc ".join(format_number(r) for r in resolution.readings)
            chosen = (
                format_number(resolution.value) if resolution.value is not None else "chưa chọn"
            )
            where = f"{term.code}, STT {resolution.stt or '-'}: {resolution.indicator}"
            rows.append(
                (where, resolution.text, readings, chosen, resolution.reason, str(resolution.line))
            )
    for indicator in catalogue.indicators:
        for target in indicator.targets:
            if target.value.ambiguous or UNREADABLE in target.value.flags:
                readings = " hoặc ".join(format_number(r.value) for r in target.value.readings)
                note = "không đọc được ô mục tiêu" if UNREADABLE in target.value.flags else ""
                rows.append(
                    (
                        indicator.code,
                        target.value.text,
                        readings,
                        "chưa chọn",
                        note,
                        str(target.source.line or ""),
                    )
                )
    for claim in catalogue.claims:
        if claim.ambiguous:
            rows.append(
                (claim.subject, claim.value_text, "", "chưa chọn", claim.text, str(claim.line))
            )
    header = ("Ở đâu", "Viết là", "Các cách đọc", "Chọn theo ngữ cảnh", "Lý do", "Dòng")
    note = (
        "Giá trị trong danh mục vẫn để trống cho đến khi người rà soát xác nhận; "
        'cột "Chọn theo ngữ cảnh" chỉ là gợi ý kèm lý do.'
    )
    return _section("Số có hai cách đọc", header, rows, note=note if rows else "")


def _discrepancies(catalogue: Catalogue) -> Section:
    rows = [
        (
            d.indicator or "",
            d.kind,
            d.table_text or "",
            d.prose_text or "",
            _lines(d.table_line, d.prose_line),
            d.explanation,
        )
        for d in catalogue.discrepancies
    ]
    header = ("Chỉ tiêu", "Loại", "Trong bảng", "Trong văn bản", "Dòng", "Giải thích")
    return _section("Chênh lệch giữa bảng và văn bản", header, rows)


def _candidates(catalogue: Catalogue) -> Section:
    rows = [
        (
            c.name,
            format_target(c.target),
            str(c.period_end or ""),
            c.excerpt,
            str(c.source.line or ""),
        )
        for c in catalogue.candidates
    ]
    header = ("Tên", "Mục tiêu", "Năm", "Trích đoạn", "Dòng")
    return _section("Chỉ tiêu ứng viên trong văn bản", header, rows)


def _footnotes(catalogue: Catalogue) -> Section:
    rows = [
        (str(f.number), str(f.anchor_line or "không tìm thấy"), f"{f.confidence:.2f}", f.text)
        for f in catalogue.footnotes
        if f.confidence < LOW_CONFIDENCE
    ]
    header = ("Số", "Dòng neo", "Độ tin cậy", "Nội dung")
    title = f"Chú thích khớp với độ tin cậy thấp (dưới {LOW_CONFIDENCE})"
    return _section(title, header, rows)


def _dittos(catalogue: Catalogue) -> Section:
    rows = [
        (term.code, row.stt or "-", row.indicator, row.unit_text, str(row.source.line or ""))
        for term in catalogue.past_terms
        for row in term.rows
        if unit_was_ditto(row)
    ]
    header = ("Bảng", "STT", "Chỉ tiêu", "Đơn vị (lấy theo dòng trên)", "Dòng")
    return _section('Đơn vị ghi bằng dấu " (như dòng trên)', header, rows)


def _lines(*lines: int | None) -> str:
    return ", ".join(str(line) for line in lines if line)
