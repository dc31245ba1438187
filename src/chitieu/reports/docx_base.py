"""Filling the Word template: placeholders, the body at {{noi_dung}}, tables in the house style.

The template (templates/bao-cao.docx, built by make_template.py) holds the page
set-up, the heading block and the "CT …" styles; nothing here sets a font or a
margin, so an office restyles reports by editing the template alone.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

from docx import Document as open_document
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from chitieu.reports.make_template import TABLE_STYLE, TEMPLATE
from chitieu.reports.model import ReportHeading

BODY = "{{noi_dung}}"


class TemplateError(ValueError):
    def __init__(self, message: str, *, place: str) -> None:
        super().__init__(f"{place}: {message}")
        self.place = place


DRAFT_WORD = "DỰ THẢO"


def heading_values(heading: ReportHeading, *, signer: str | None = None) -> dict[str, str]:
    """The template's placeholders; `signer` overrides the heading's signature block."""
    return {
        "{{co_quan_cap_tren}}": heading.issuer_parent,
        "{{co_quan}}": heading.issuer,
        "{{gach}}": heading.separator,
        "{{quoc_hieu}}": heading.national,
        "{{tieu_ngu}}": heading.motto,
        "{{so}}": heading.number,
        "{{dia_danh_ngay}}": heading.place_date,
        "{{ten_loai}}": heading.title,
        "{{trich_yeu}}": heading.subtitle,
        "{{chuc_vu}}": heading.signer if signer is None else signer,
    }


def mark_draft(document: Document) -> None:
    """ "DỰ THẢO" at the top of every page: in every header of every section (the first
    page has its own header in the template)."""
    for section in document.sections:
        for header in (section.header, section.first_page_header):
            header.is_linked_to_previous = False
            added = header.add_paragraph()
            added.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            run = added.add_run(DRAFT_WORD)
            run.bold = True
            run.font.size = Pt(13)
            run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)


def fill(
    values: Mapping[str, str],
    body: Callable[[Document], None],
    *,
    template: Path = TEMPLATE,
) -> Document:
    """The template with its placeholders replaced and `body` written where {{noi_dung}} is."""
    document = open_document(str(template))
    for paragraph in _all_paragraphs(document):
        if "{{" in paragraph.text and BODY not in paragraph.text:
            _replace(paragraph, values)
    anchor = next((p for p in document.paragraphs if BODY in p.text), None)
    if anchor is None:
        raise TemplateError(f"Mẫu không có chỗ đặt nội dung {BODY}", place=str(template))
    root = document.element.body
    before = set(root)  # keeps the proxies alive, so identity marks the old elements
    body(document)
    added = [child for child in root if child not in before and child.tag != qn("w:sectPr")]
    for element in added:
        anchor._p.addprevious(element)
    anchor._p.getparent().remove(anchor._p)
    return document


def _all_paragraphs(document: Document) -> list[Paragraph]:
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    return paragraphs


def _replace(paragraph: Paragraph, values: Mapping[str, str]) -> None:
    """Replace across runs (Word may split a placeholder), keeping the first run's format."""
    text = paragraph.text
    for key, value in values.items():
        text = text.replace(key, value)
    runs = paragraph.runs
    if not runs:
        return
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


def add_table(
    document: Document,
    header: Sequence[str],
    widths_mm: Sequence[float],
    *,
    repeat_header: bool = True,
) -> Table:
    table = document.add_table(rows=1, cols=len(header))
    table.style = document.styles[TABLE_STYLE]
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for cell, text, width in zip(table.rows[0].cells, header, widths_mm, strict=True):
        cell.width = Mm(width)
        cell.paragraphs[0].text = text
        cell.paragraphs[0].style = document.styles["CT Đầu bảng"]
    if repeat_header:
        flag = OxmlElement("w:tblHeader")
        flag.set(qn("w:val"), "true")
        table.rows[0]._tr.get_or_add_trPr().append(flag)
    return table


def add_row(
    table: Table,
    cells: Sequence[str],
    styles: Sequence[str],
    widths_mm: Sequence[float],
    *,
    bold: bool = False,
    merge_from: int | None = None,
    superscripts: Mapping[int, str] | None = None,
    italics: Collection[int] = (),
) -> None:
    """One row; `merge_from` merges that cell to the end (a group row's name); the cells
    in `italics` are set in italic (a value not yet approved)."""
    row = table.add_row()
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    document_styles = cast(Any, table.part).document.styles
    for index, (cell, text, style, width) in enumerate(
        zip(row.cells, cells, styles, widths_mm, strict=True)
    ):
        cell.width = Mm(width)
        paragraph = cell.paragraphs[0]
        paragraph.style = document_styles[style]
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.italic = (index in italics) or None
        if superscripts and index in superscripts:
            mark = paragraph.add_run(superscripts[index])
            mark.font.superscript = True
    if merge_from is not None:
        merged = row.cells[merge_from].merge(row.cells[-1])
        text = cells[merge_from]
        for paragraph in merged.paragraphs[1:]:
            paragraph._p.getparent().remove(paragraph._p)
        merged.paragraphs[0].runs[0].text = text


def paragraph(document: Document, text: str, style: str = "CT Văn bản", **run: Any) -> Paragraph:
    added = document.add_paragraph(style=document.styles[style])
    written = added.add_run(text)
    for key, value in run.items():
        setattr(written, key, value)
    return added
