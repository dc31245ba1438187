"""Report model -> .docx, in the template's styles (docx_base.py).

Python-docx fills the template rather than docxtpl's Jinja tags: the tables
have a variable structure (merged group rows, footnote marks, a chart per
indicator) that is clearer in code, while everything an office may want to
restyle (page, fonts, heading block, signature) stays in the template.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from docx.document import Document

from chitieu.reports.docx_base import (
    add_row,
    add_table,
    fill,
    heading_values,
    mark_draft,
    paragraph,
)
from chitieu.reports.model import ReportHeading, ResultsTable, RowKind
from chitieu.reports.progress import UNAPPROVED_LEGEND, UNAPPROVED_MARK

RESULTS_WIDTHS = (12.0, 62.0, 20.0, 22.0, 22.0, 27.0)  # mm; 165 mm of text width
_RESULTS_STYLES = ("CT Ô giữa", "CT Ô bảng", "CT Ô giữa", "CT Ô giữa", "CT Ô giữa", "CT Ô giữa")


def results_docx(
    table: ResultsTable, heading: ReportHeading, *, signer: str | None = None
) -> bytes:
    """The table in the template; the signature block is the heading's unless `signer`."""
    document = fill(heading_values(heading, signer=signer), lambda d: results_body(d, table))
    if heading.draft:
        mark_draft(document)
    return _bytes(document)


def write_results_docx(
    table: ResultsTable, heading: ReportHeading, path: Path, *, signer: str | None = None
) -> Path:
    path.write_bytes(results_docx(table, heading, signer=signer))
    return path


def results_body(document: Document, table: ResultsTable) -> None:
    if table.title:
        paragraph(document, table.title, "CT Tên bảng")
    paragraph(document, table.caption, "CT Tên bảng")
    results_grid(document, table)
    if any(UNAPPROVED_MARK in row.result_text for row in table.rows):
        paragraph(document, UNAPPROVED_LEGEND, "CT Ghi chú")
    results_notes(document, table)


def results_grid(document: Document, table: ResultsTable) -> None:
    grid = add_table(document, table.header, RESULTS_WIDTHS)
    for row in table.rows:
        if row.kind is RowKind.GROUP:
            add_row(
                grid,
                (row.stt, row.name, "", "", "", ""),
                _RESULTS_STYLES,
                RESULTS_WIDTHS,
                bold=True,
                merge_from=1,
            )
            continue
        marks = {5: f"({row.footnote})"} if row.footnote else None
        add_row(
            grid,
            row.cells,
            _RESULTS_STYLES,
            RESULTS_WIDTHS,
            bold=row.kind is RowKind.INDICATOR and not row.target_text and not row.result_text,
            superscripts=marks,
        )


def results_notes(document: Document, table: ResultsTable) -> None:
    if not table.notes:
        return
    paragraph(document, "Ghi chú:", "CT Ghi chú", bold=True)
    for number, note in enumerate(table.notes, start=1):
        paragraph(document, f"({number}) {note}", "CT Ghi chú")


def _bytes(document: Document) -> bytes:
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
