"""Build PDFs for the PDF reader's tests (test support).

Every PDF is made the way a province makes one: a Word file (written with
python-docx) printed to PDF by LibreOffice, here `soffice --headless
--convert-to pdf` with its own profile directory so that parallel runs do not
share one. Several files convert in one call: starting LibreOffice is the slow
part.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from chitieu.reports.pdf import soffice

TIMEOUT_S = 600
# LibreOffice's PDF export options (JSON form, LibreOffice 7.4 and later)
ENCRYPT = (
    'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
    '"DocumentOpenPassword":{"type":"string","value":"mat-khau"}}'
)


def to_pdf(sources: Sequence[Path], folder: Path, *, convert_to: str = "pdf") -> list[Path]:
    """Convert the .docx `sources` into `folder`; the PDFs, in the same order."""
    program = soffice()
    if program is None:
        raise RuntimeError("LibreOffice (soffice) is needed to build the test PDFs")
    folder.mkdir(parents=True, exist_ok=True)
    command = [
        program,
        f"-env:UserInstallation=file://{folder / 'lo-profile'}",
        "--headless",
        "--convert-to",
        convert_to,
        "--outdir",
        str(folder),
        *map(str, sources),
    ]
    done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, check=False)
    targets = [folder / f"{source.stem}.pdf" for source in sources]
    missing = [target.name for target in targets if not target.exists()]
    if done.returncode != 0 or missing:
        detail = done.stderr.decode("utf-8", "replace")[-500:]
        raise RuntimeError(f"soffice failed ({done.returncode}), missing {missing}: {detail}")
    return targets


SOFT_HYPHEN = "\u00ad"
_SUBJECTS = (
    "Tỷ lệ hộ nghèo theo chuẩn đa chiều",
    "Tỷ lệ lao động qua đào tạo",
    "Số bác sỹ trên một vạn dân",
    "Tỷ lệ dân số tham gia bảo hiểm y tế",
    "Tốc độ tăng trưởng GRDP bình quân",
    "Thu ngân sách nhà nước trên địa bàn",
    "Tỷ lệ đô thị hóa",
    "Tỷ lệ che phủ rừng",
    "Tổng vốn đầu tư toàn xã hội",
    "Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao",
)
_VERBS = (
    "được duy trì ổn định và phấn đấu đạt",
    "tăng bình quân hằng năm khoảng",
    "đến cuối nhiệm kỳ đạt không dưới",
    "giảm dần qua từng năm, còn dưới",
)
_DUTY = "các cấp, các ngành cần tập trung chỉ đạo, kiểm tra, đôn đốc việc thực hiện"


def distinct_paragraphs(count: int) -> list[str]:
    """`count` paragraphs of two to five printed lines, no two alike."""
    return [
        f"{_SUBJECTS[n % len(_SUBJECTS)]} {_VERBS[n % len(_VERBS)]} {n + 3},{n % 10}% vào năm "
        f"cuối của giai đoạn; {'; '.join([_DUTY] * (1 + n % 3))}; kết quả được báo cáo định "
        "kỳ với Hội đồng nhân dân."
        for n in range(count)
    ]


def hyphen_paragraphs() -> list[str]:
    """Paragraphs whose lines must break at hyphens: a long word with soft
    hyphens (a split word), a long compound joined by hyphens (a real hyphen
    at the line end) and "kinh tế - xã hội" (a spaced dash)."""
    syllables = "pneu mo no ul tra mi cro sco pic si li co vol ca no co ni o sis"
    long_word = SOFT_HYPHEN.join(syllables.split())
    compound = "liên-vùng-liên-tỉnh-liên-huyện-liên-xã-liên-thôn-liên-xóm-liên-ngành"
    words = ["Tỷ lệ", "giảm", "còn", "dưới", "một", "phần", "trăm", "so với", "năm", "đầu"]
    return [
        " ".join(f"{words[i % len(words)]} {long_word}" for i in range(12)),
        " ".join(f"{words[i % len(words)]} {compound}" for i in range(10)),
        " ".join(["cơ sở hạ tầng kinh tế - xã hội"] * 25),
    ]


def restyle_docx(source: Path, target: Path) -> Path:
    """`source` laid out as provinces print a resolution: A4, left margin 3 cm,
    13 pt serif text justified, every first line indented 1 cm (in table
    cells too), 6 pt after each paragraph."""
    word = docx.Document(str(source))
    normal = word.styles["Normal"]
    normal.font.name = "DejaVu Serif"  # LibreOffice has no Times New Roman here
    normal.font.size = Pt(13)
    layout = normal.paragraph_format
    layout.first_line_indent = Cm(1)
    layout.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    layout.space_after = Pt(6)
    layout.line_spacing = 1.15
    for section in word.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin, section.right_margin = Cm(3), Cm(2)
        section.top_margin = section.bottom_margin = Cm(2)
    word.save(str(target))
    return target


def paragraphs_docx(
    path: Path,
    paragraphs: Sequence[str],
    *,
    header: str | None = None,
    footer_pages: bool = False,
    top_page_number: bool = False,
) -> Path:
    """A Word file of `paragraphs`, with a running header, a footer "Trang N/M"
    and a page number centred at the top, as asked."""
    word = docx.Document()
    for text in paragraphs:
        word.add_paragraph(text)
    section = word.sections[0]
    if header is not None or top_page_number:
        paragraph = section.header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if header is not None:
            paragraph.add_run(header)
        if top_page_number:
            paragraph.add_run("- ")
            _field(paragraph, "PAGE")
            paragraph.add_run(" -")
    if footer_pages:
        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.add_run("Trang ")
        _field(paragraph, "PAGE")
        paragraph.add_run("/")
        _field(paragraph, "NUMPAGES")
    word.save(str(path))
    return path


def _field(paragraph: Paragraph, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def merged_table_docx(path: Path) -> Path:
    """A target table with a two-row header: STT and Chỉ tiêu merged down,
    "Mục tiêu" merged across its two year columns, a group row "I / KINH TẾ"
    merged across, and data rows."""
    word = docx.Document()
    word.add_paragraph("PHỤ LỤC 2")
    word.add_paragraph("MỤC TIÊU NGHỊ QUYẾT NHIỆM KỲ 2025 - 2030")
    table = word.add_table(rows=6, cols=5)
    table.style = "Table Grid"
    rows = [
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", ""],
        ["", "", "", "Năm 2025", "Năm 2030"],
        ["I", "KINH TẾ", "", "", ""],
        ["1", "Tốc độ tăng trưởng GRDP bình quân", "%", "8", "10-10,5"],
        ["2", "GRDP bình quân đầu người", "triệu đồng", "100", "Trên 150"],
        ["3", "Tỷ lệ đô thị hóa", "%", "40", "Khoảng 55"],
    ]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    for col in range(3):
        table.cell(0, col).merge(table.cell(1, col))
    table.cell(0, 3).merge(table.cell(0, 4))
    table.cell(2, 1).merge(table.cell(2, 4))
    word.add_paragraph("Nghị quyết này có hiệu lực từ ngày ký.")
    word.save(str(path))
    return path
