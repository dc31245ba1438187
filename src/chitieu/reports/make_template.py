"""Build templates/bao-cao.docx, the Word template every report is written into.

Run once (`python -m chitieu.reports.make_template`) and commit the result. An office
restyles reports by editing the .docx in Word: the page set-up, the heading block,
the page number and the named styles ("CT …") are all in the file; the writer only
fills the {{placeholders}} and puts the body where {{noi_dung}} is.

Conventions (Nghị định 30/2020/NĐ-CP, thể thức văn bản hành chính): A4 portrait,
margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 14 pt body;
national heading on the right, issuing body on the left with the number below;
page numbers centred in the top margin, not on the first page.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

TEMPLATE = Path(__file__).with_name("templates") / "bao-cao.docx"
FONT = "Times New Roman"

# name -> (size pt, bold, italic, alignment, space after pt)
PARAGRAPH_STYLES = {
    "CT Văn bản": (14, False, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 6),
    "CT Cơ quan": (13, True, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "CT Cơ quan cấp trên": (13, False, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "CT Quốc hiệu": (12, True, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "CT Tiêu ngữ": (14, True, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "CT Số hiệu": (13, False, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "CT Địa danh": (14, False, True, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "CT Tên loại": (14, True, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "CT Trích yếu": (14, True, False, WD_ALIGN_PARAGRAPH.CENTER, 12),
    "CT Mục": (14, True, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 6),
    "CT Tiểu mục": (14, True, True, WD_ALIGN_PARAGRAPH.JUSTIFY, 6),
    "CT Tên bảng": (13, True, False, WD_ALIGN_PARAGRAPH.CENTER, 6),
    "CT Ô bảng": (12, False, False, WD_ALIGN_PARAGRAPH.LEFT, 0),
    "CT Ô số": (12, False, False, WD_ALIGN_PARAGRAPH.RIGHT, 0),
    "CT Ô giữa": (12, False, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "CT Đầu bảng": (12, True, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "CT Ghi chú": (12, False, True, WD_ALIGN_PARAGRAPH.JUSTIFY, 3),
    "CT Hình": (12, False, False, WD_ALIGN_PARAGRAPH.CENTER, 6),
    "CT Nơi nhận": (12, False, False, WD_ALIGN_PARAGRAPH.LEFT, 0),
    "CT Chức vụ": (14, True, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "CT Số trang": (13, False, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
}
TABLE_STYLE = "CT Lưới"


def build_template(path: Path = TEMPLATE) -> Path:
    document = Document()
    _page(document)
    _styles(document)
    _heading_block(document)
    _paragraph(document, "{{ten_loai}}", "CT Tên loại")
    _paragraph(document, "{{trich_yeu}}", "CT Trích yếu")
    _paragraph(document, "{{noi_dung}}", "CT Văn bản")
    _signature_block(document)
    _page_number(document)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def _page(document: object) -> None:
    section = document.sections[0]  # type: ignore[attr-defined]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    section.different_first_page_header_footer = True


def _styles(document: object) -> None:
    styles = document.styles  # type: ignore[attr-defined]
    normal = styles["Normal"]
    _font(normal, 14)
    for name, (size, bold, italic, align, after) in PARAGRAPH_STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        _font(style, size, bold=bold, italic=italic)
        style.paragraph_format.alignment = align
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.space_before = Pt(0)
        if name in ("CT Văn bản", "CT Mục", "CT Tiểu mục"):
            style.paragraph_format.first_line_indent = Mm(10)
            style.paragraph_format.line_spacing = 1.15
    table = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    table.base_style = styles["Table Grid"]
    _font(table, 12)


def _font(style: object, size: int, *, bold: bool = False, italic: bool = False) -> None:
    font = style.font  # type: ignore[attr-defined]
    font.name, font.size, font.bold, font.italic = FONT, Pt(size), bold, italic
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()  # type: ignore[attr-defined]
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)


def _paragraph(container: object, text: str, style: str) -> Paragraph:
    paragraph: Paragraph = container.add_paragraph(text, style=style)  # type: ignore[attr-defined]
    return paragraph


def _heading_block(document: object) -> None:
    """Issuing body and number on the left, national heading and place/date on the right."""
    table = document.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _widths(table, (Mm(62), Mm(108)))
    left, right = table.rows[0].cells
    left.paragraphs[0].text = "{{co_quan_cap_tren}}"
    left.paragraphs[0].style = "CT Cơ quan cấp trên"
    _paragraph(left, "{{co_quan}}", "CT Cơ quan")
    _paragraph(left, "{{gach}}", "CT Cơ quan")
    _paragraph(left, "{{so}}", "CT Số hiệu")
    # The national heading and motto (a Party document: "ĐẢNG CỘNG SẢN VIỆT NAM", no motto)
    # come from the report's issuer (reports/issuers.py).
    right.paragraphs[0].text = "{{quoc_hieu}}"
    right.paragraphs[0].style = "CT Quốc hiệu"
    motto = _paragraph(right, "{{tieu_ngu}}", "CT Tiêu ngữ")
    motto.runs[0].underline = True
    _paragraph(right, "", "CT Tiêu ngữ")
    _paragraph(right, "{{dia_danh_ngay}}", "CT Địa danh")
    _paragraph(document, "", "CT Văn bản")


def _signature_block(document: object) -> None:
    _paragraph(document, "", "CT Văn bản")
    table = document.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    table.autofit = False
    _widths(table, (Mm(85), Mm(80)))
    left, right = table.rows[0].cells
    heading = left.paragraphs[0]
    heading.style = "CT Nơi nhận"
    run = heading.add_run("Nơi nhận:")
    run.bold, run.italic = True, True
    for line in ("- …;", "- Lưu: VT."):
        _paragraph(left, line, "CT Nơi nhận")
    right.paragraphs[0].text = "{{chuc_vu}}"
    right.paragraphs[0].style = "CT Chức vụ"
    _paragraph(right, "(Ký, ghi rõ họ tên, đóng dấu)", "CT Địa danh")


def _widths(table: object, widths: tuple[object, ...]) -> None:
    for column, width in zip(table.columns, widths, strict=True):  # type: ignore[attr-defined]
        column.width = width
        for cell in column.cells:
            cell.width = width


def _page_number(document: object) -> None:
    """A PAGE field centred in the header; the first page has its own (empty) header."""
    header = document.sections[0].header  # type: ignore[attr-defined]
    paragraph = header.paragraphs[0]
    paragraph.style = "CT Số trang"
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


if __name__ == "__main__":  # pragma: no cover
    print(build_template())
