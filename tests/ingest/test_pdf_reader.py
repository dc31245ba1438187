"""read_pdf: a PDF printed from Word gives the Document the text and .docx readers give.

Fast tests check the layout rules on made-up lines. The slow ones build PDFs
the way a province does, a .docx printed by LibreOffice, once per session,
each document twice: as python-docx writes it (Letter, ragged right, no
indents) and laid out as a resolution is (A4, justified, first lines
indented, space after paragraphs; narrow cells then break words).
Line numbers are not compared across formats: the PDF reader prints a
paragraph as one line and drops the export's blank lines, so the same text
sits on other lines. What must agree is compared instead: the catalogue's
indicators and targets, the prose targets, the past-term tables, the tables
cell by cell, the headings and the footnotes with their anchor sentences.
"""

from __future__ import annotations

import itertools
import shutil
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from PIL import Image, ImageDraw

from chitieu.catalog.text import nfc
from chitieu.ingest import Document, IngestError, read_document, read_docx, read_pdf, read_text
from chitieu.ingest._pdf_lines import TextLine, furniture, group_lines
from chitieu.ingest._pdf_notes import read_notes
from chitieu.ingest._pdf_page import Span, read_pages
from chitieu.ingest._pdf_paragraphs import Column, Reference, continues, join, paragraphs
from chitieu.ingest._pdf_tables import table_cells
from chitieu.ingest.pdf_reader import REASON
from chitieu.ingest.pipeline import ingest
from chitieu.ingest.prose_targets import extract_prose_targets
from chitieu.ingest.tables import parse_tables
from tests.ingest.docx_builder import build_docx
from tests.ingest.pdf_builder import (
    ENCRYPT,
    SOFT_HYPHEN,
    distinct_paragraphs,
    hyphen_paragraphs,
    merged_table_docx,
    paragraphs_docx,
    restyle_docx,
    to_pdf,
)

DOCUMENTS = Path(__file__).parent / "documents"
INVENTED = ("nghi-quyet-ha-lam-bang-va-loi", "nghi-quyet-dai-hoi-dong-ha")
HEADER = "ĐẢNG BỘ TỈNH HÀ LAM"
STYLED = "-a4"  # the same document laid out as provinces print it (see restyle_docx)
COLUMN = Column(left=90.0, right=522.0, pitch=14.7, size=11.0)
CHAR = 5.5  # pt: the made-up lines' character width


# -- joining printed lines (made-up lines, no PDF) -------------------------------------------


def printed(
    text: str,
    *,
    row: int = 0,
    page: int = 1,
    x0: float = 90.0,
    x1: float | None = None,
    size: float = 11.0,
    font: str = "Serif",
    refs: tuple[tuple[int, str], ...] = (),
) -> TextLine:
    """A printed line at `row` (a line pitch apart) of `page`."""
    return TextLine(
        page=page,
        text=text,
        x0=x0,
        x1=x0 + len(text) * CHAR if x1 is None else x1,
        baseline=100 + row * COLUMN.pitch,
        size=size,
        first_word=len(text.split(" ", 1)[0]) * CHAR,
        refs=refs,
        font=font,
    )


FULL = 518.0  # a line that ends this close to the margin had no room for another word


def goes_on(
    first: TextLine, second: TextLine, *, hangs_from: float | None = None, so_far: str = ""
) -> bool:
    return continues(first, second, COLUMN, hangs_from=hangs_from, so_far=(so_far or first.text,))


def test_a_line_with_no_room_for_the_next_word_goes_on() -> None:
    first = printed("1. Kinh tế - xã hội phát triển khá toàn diện, bền vững với nhiều", x1=FULL)
    assert goes_on(first, printed("thành tựu ấn tượng", row=1))


def test_a_line_that_left_room_for_the_next_word_ends_its_paragraph() -> None:
    first = printed("nông thôn mới kiểu mẫu rất tích cực và thuộc nhóm dẫn đầu cả nước.", x1=484.6)
    assert not goes_on(first, printed("Tốc độ tăng tổng sản phẩm", row=1))


@pytest.mark.parametrize(
    "start",
    ["2.1. Tỷ lệ hộ nghèo", "IV- CÁC CHỈ TIÊU CỤ THỂ", "Phần thứ hai", "a) Về kinh tế", "(3) Phát"],
)
def test_a_heading_or_numbered_item_starts_a_new_paragraph(start: str) -> None:
    assert not goes_on(
        printed("các mục tiêu chủ yếu của nhiệm kỳ đã đề ra", x1=FULL), printed(start, row=1)
    )


def test_a_wrapped_dash_goes_on_but_a_bullet_after_a_sentence_starts_anew() -> None:
    assert goes_on(
        printed("phát triển hạ tầng kinh tế", x1=FULL), printed("- xã hội đồng bộ", row=1)
    )
    assert not goes_on(printed("tỷ lệ che phủ rừng đạt 45%;", x1=FULL), printed("- Tỷ lệ", row=1))


def test_an_inline_listing_may_go_on_at_a_line_start() -> None:
    so_far = "(2) Phát triển dựa trên 5 trụ cột: (i) công nghiệp; (ii) nông nghiệp sạch,"
    line = printed("sinh thái, sản xuất quy mô lớn;", x1=FULL)
    assert goes_on(line, printed("(iii) Phát triển đô thị", row=1), so_far=so_far)
    assert not goes_on(line, printed("(iii) Phát triển đô thị", row=1), so_far="(ii) Nông nghiệp")


def test_a_wide_gap_another_size_or_another_font_starts_anew() -> None:
    first = printed("Kinh tế tăng trưởng nhanh, bền vững hơn; quy mô nền kinh tế", x1=FULL)
    assert not goes_on(first, printed("được nâng cao", row=2))
    assert not goes_on(first, printed("được nâng cao", row=1, size=13.0))
    assert not goes_on(first, printed("được nâng cao", row=1, font="Serif-Bold"))
    assert goes_on(first, printed("được nâng cao", row=1))


def test_an_indented_first_line_starts_anew_unless_it_hangs_under_an_item() -> None:
    first = printed("- Tỷ lệ hộ nghèo theo chuẩn đa chiều giảm bình quân hằng", x1=FULL)
    assert not goes_on(first, printed("năm 1%", row=1, x0=126.0))
    assert goes_on(first, printed("năm 1%", row=1, x0=100.0), hangs_from=90.0)


def test_a_paragraph_indented_like_the_item_above_it_starts_anew() -> None:
    """Word indents every first line: the text after a numbered heading whose
    last line filled the width starts where the heading did."""
    heading = printed("1.2. Ngành công nghiệp tiếp tục đẩy mạnh cơ cấu lại", x0=118.0, x1=FULL)
    last = printed("theo hướng phát triển công nghiệp công nghệ cao; đồng thời", row=1, x1=FULL)
    body = printed("Công nghiệp, xây dựng luôn có tốc độ tăng trưởng cao", row=2, x0=118.0)
    assert not goes_on(last, body, hangs_from=heading.x0)


def test_an_upper_case_title_does_not_run_into_text_but_an_acronym_does() -> None:
    title = printed("KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ TRƯỚC VÀ", x1=FULL)
    assert not goes_on(title, printed("Nghị quyết Đại hội được triển khai", row=1))
    assert goes_on(title, printed("PHƯƠNG HƯỚNG NHIỆM KỲ MỚI", row=1))
    prose = printed("tỷ trọng công nghiệp chế biến, chế tạo chiếm khoảng 40,5%", x1=FULL)
    assert goes_on(prose, printed("GRDP .", row=1))


@pytest.mark.parametrize(
    ("first", "second", "words", "joined"),
    [
        ("phát triển kinh tế - ", "xã hội", set(), "phát triển kinh tế - xã hội"),
        ("phát triển kinh tế \ufffe", "xã hội", set(), "phát triển kinh tế - xã hội"),
        ("liên\ufffe", "vùng", {"liên-vùng-liên-tỉnh"}, "liên-vùng"),
        ("logis\ufffe", "tics", {"logistics"}, "logistics"),
        ("logis\ufffe", "tics", {"logistics", "logis-tics"}, "logis-tics"),
        ("Covid-", "19 bùng phát", set(), "Covid-19 bùng phát"),
        (f"infra{SOFT_HYPHEN}", "structure", set(), "infrastructure"),
        ("Hydrogen xanh,", "…)", set(), "Hydrogen xanh,…)"),
        ("Hydrogen xanh, ", "…)", set(), "Hydrogen xanh, …)"),
    ],
)
def test_hyphens_and_spaces_where_lines_join(
    first: str, second: str, words: set[str], joined: str
) -> None:
    head, separator = join(first, second, frozenset(words))
    assert head + separator + second.lstrip() == joined


def test_a_footnote_reference_stays_in_place_with_the_space_after_it() -> None:
    lines = [
        printed("cơ cấu lại nền kinh tế gắn với đô thị hóa", x1=FULL, refs=((41, "1"),)),
        printed("và nâng cao năng suất lao động.", row=1),
    ]
    found = paragraphs(lines, lambda _: COLUMN, frozenset(), lambda number: number == 1)
    assert [paragraph.pieces for paragraph in found] == [
        (
            "cơ cấu lại nền kinh tế gắn với đô thị hóa",
            Reference(1),
            " và nâng cao năng suất lao động.",
        )
    ]


def test_raised_digits_that_are_no_footnote_stay_text() -> None:
    text = "diện tích sàn 25 m bình quân đầu người"
    lines = [printed(text, refs=((text.index(" bình"), "2"),))]
    found = paragraphs(lines, lambda _: COLUMN, frozenset(), lambda _: False)
    assert found[0].pieces == ("diện tích sàn 25 m2 bình quân đầu người",)


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("Tron", "g đó hoàn thành", "Trong đó hoàn thành"),
        ("250.0", "00", "250.000"),
        ("thực", "hiện", "thực hiện"),  # two words: "thựchiện" is no word of the document
    ],
)
def test_a_word_too_long_for_a_narrow_cell_is_one_word_again(
    first: str, second: str, joined: str
) -> None:
    cell = Column(left=300.0, right=330.0, pitch=14.7, size=11.0, cell=True)
    lines = [
        printed(first, x0=300.0, x1=328.0),
        printed(second, row=1, x0=300.0),
    ]
    words = frozenset({"trong", "thực", "hiện", "đó"})
    (paragraph,) = paragraphs(lines, lambda _: cell, words, lambda _: False)
    assert paragraph.pieces == (joined,)


def test_footnotes_are_numbered_as_printed_and_go_on_over_lines_and_pages() -> None:
    lines = [
        printed(" Tốc độ tăng năng suất lao động bình quân đạt", x1=FULL, refs=((0, "1"),)),
        printed("10,45%/năm.", row=1),
        printed("2 Năm 2020 lần lượt là 17,4% - 49,4% - 26,5% -", row=2, x1=FULL),
        printed("6,7%.", page=2),
        printed("7 Một số đứng thứ bảy không phải chú thích tiếp theo.", page=2, row=1),
    ]
    notes = read_notes(lines, lambda _: COLUMN, frozenset())
    assert notes.texts == {
        1: "Tốc độ tăng năng suất lao động bình quân đạt 10,45%/năm.",
        2: "Năm 2020 lần lượt là 17,4% - 49,4% - 26,5% - 6,7%.\n"
        "7 Một số đứng thứ bảy không phải chú thích tiếp theo.",
    }


# -- lines from spans (made-up spans) -------------------------------------------------------


def test_a_raised_smaller_number_is_a_reference_kept_apart_from_the_text() -> None:
    spans = [
        Span("đô thị hóa", 90.0, 140.0, 100.0, 11.0, "Serif", 100.0),
        Span("1", 140.5, 144.0, 95.5, 6.4, "Serif", None),
        Span(" và nâng cao", 144.0, 200.0, 100.0, 11.0, "Serif", 160.0),
        Span("Tốc độ tăng", 90.0, 150.0, 114.7, 11.0, "Serif", 110.0),
    ]
    first, second = group_lines(spans, page=1)
    assert (first.text, first.refs, first.font) == ("đô thị hóa và nâng cao", ((10, "1"),), "Serif")
    assert second.text == "Tốc độ tăng"


def test_a_footnote_line_may_open_with_its_raised_number() -> None:
    spans = [
        Span("2", 90.0, 94.0, 695.5, 6.4, "Serif", None),
        Span(" Năm 2020 lần lượt là 17,4%", 94.0, 250.0, 700.0, 10.0, "Serif", 118.0),
    ]
    (line,) = group_lines(spans, page=1)
    assert (line.text, line.refs, line.size) == (" Năm 2020 lần lượt là 17,4%", ((0, "2"),), 10.0)


def test_a_line_written_in_two_pieces_is_one_line() -> None:
    spans = [
        Span("kinh tế - xã hội", 200.0, 290.0, 100.0, 11.0, "Serif", 230.0),
        Span("Phát triển", 90.0, 150.0, 100.0, 11.0, "Serif", 130.0),
    ]
    (line,) = group_lines(spans, page=1)
    assert line.text == "Phát triển kinh tế - xã hội"


# -- running headers, footers and page numbers (made-up pages) ---------------------------


def _page(
    number: int, body: list[str], *, header: str | None, footer: str | None
) -> list[TextLine]:
    lines = [printed(text, row=3 + row, page=number) for row, text in enumerate(body)]
    if header is not None:
        lines.insert(0, printed(header, row=0, page=number, x0=250.0))
    if footer is not None:
        lines.append(printed(footer, row=len(body) + 6, page=number, x0=460.0))
    return lines


def test_a_repeated_header_and_page_numbers_are_page_furniture() -> None:
    pages = [
        _page(
            n,
            [f"Nội dung trang {n} dòng {r}" for r in range(5)],
            header=HEADER,
            footer=f"Trang {n}/3",
        )
        for n in (1, 2, 3)
    ]
    assert furniture(pages) == {(p, i) for p in range(3) for i in (0, 6)}


def test_a_number_inside_the_text_or_a_header_on_one_page_is_content() -> None:
    pages = [
        _page(1, ["Tỷ lệ hộ nghèo giảm còn", "2030", "dưới 1%"], header=HEADER, footer=None),
        _page(2, ["Nội dung trang hai", "12"], header=None, footer=None),
    ]
    assert furniture(pages) == set()


# -- files that cannot be read ---------------------------------------------------------------


def test_a_scan_without_a_text_layer_is_refused_with_what_to_do(tmp_path: Path) -> None:
    image = Image.new("RGB", (850, 1100), "white")
    ImageDraw.Draw(image).text((100, 100), "NGHI QUYET DAI HOI", fill="black")
    path = tmp_path / "ban-quet.pdf"
    image.save(path, resolution=100)
    with pytest.raises(IngestError) as caught:
        read_pdf(path)
    assert caught.value.place == str(path)
    assert "ảnh quét, không có lớp chữ" in caught.value.message
    assert "OCR" in caught.value.message and "bản Word/PDF có chữ" in caught.value.message


@pytest.mark.parametrize(
    "content", [b"", b"%PDF-1.4\n1 0 obj << /Type /Catalog", "không phải PDF".encode()]
)
def test_a_broken_file_is_refused_in_vietnamese(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "hong.pdf"
    path.write_bytes(content)
    with pytest.raises(IngestError, match="tệp hỏng hoặc không phải PDF") as caught:
        read_document(path)
    assert caught.value.place == str(path)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="Không tìm thấy tệp"):
        read_pdf(tmp_path / "khong-co.pdf")


def test_an_unknown_extension_names_pdf_among_the_readable(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"\.pdf"):
        read_document(tmp_path / "bao-cao.odt")


# -- PDFs printed by LibreOffice (slow) ------------------------------------------------------


@dataclass(frozen=True)
class Built:
    folder: Path

    def pdf(self, name: str) -> Path:
        return self.folder / f"{name}.pdf"

    def docx(self, name: str) -> Path:
        return self.folder / f"{name}.docx"


@pytest.fixture(scope="session")
def built(seed_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Every test PDF, converted in two LibreOffice runs."""
    folder = tmp_path_factory.mktemp("pdf")
    sources = [Path(shutil.copy(seed_docx, folder / "seed.docx"))]
    for name in INVENTED:
        sources.append(build_docx(read_text(DOCUMENTS / f"{name}.txt"), folder / f"{name}.docx"))
    sources += [restyle_docx(source, folder / f"{source.stem}{STYLED}.docx") for source in sources]
    body = [*distinct_paragraphs(30), unicodedata.normalize("NFD", "Tỷ lệ đô thị hoá đạt 45%.")]
    sources += [
        paragraphs_docx(folder / "dau-trang.docx", body, header=HEADER, footer_pages=True),
        paragraphs_docx(folder / "so-trang.docx", body, top_page_number=True),
        paragraphs_docx(folder / "gach-noi.docx", hyphen_paragraphs()),
        merged_table_docx(folder / "bang-gop.docx"),
    ]
    to_pdf(sources, folder)
    locked = paragraphs_docx(folder / "mat-khau.docx", ["Nội dung có mật khẩu."])
    to_pdf([locked], folder, convert_to=ENCRYPT)
    return Built(folder)


@pytest.fixture(scope="session")
def seed_pdf(built: Built) -> Document:
    return read_pdf(built.pdf("seed"))


def _source(name: str, built: Built, seed_path: Path, suffix: str) -> Path:
    if suffix == ".txt":
        return seed_path if name == "seed" else DOCUMENTS / f"{name}.txt"
    if suffix == ".pdf":
        return built.pdf(name)
    if suffix == f"{STYLED}.pdf":
        return built.pdf(name + STYLED)
    return built.docx(name)


def _what_must_agree(path: Path) -> tuple[Any, ...]:
    document = read_document(path)
    catalogue = ingest(document)
    indicators = [
        (
            indicator.code,
            indicator.unit,
            indicator.direction,
            [
                (
                    t.value.kind,
                    t.value.low,
                    t.value.high,
                    t.value.unit,
                    t.period_start,
                    t.period_end,
                )
                for t in indicator.targets
            ],
        )
        for indicator in catalogue.indicators
    ]
    prose = [
        (" ".join(p.subject.split()), p.target.kind, p.target.low, p.target.high, p.target.unit)
        for p in extract_prose_targets(document)
    ]
    past = [
        [(r.stt, r.target_text, r.result_text, r.official_assessment) for r in term.rows]
        for term in catalogue.past_terms
    ]
    return replace(catalogue.plan, document=""), indicators, prose, past


@pytest.mark.slow
@pytest.mark.parametrize("name", ["seed", *INVENTED])
@pytest.mark.parametrize("suffix", [".docx", ".pdf", f"{STYLED}.pdf"])
def test_the_same_document_as_txt_docx_and_pdf_gives_the_same_targets(
    built: Built, seed_path: Path, name: str, suffix: str
) -> None:
    text = _what_must_agree(_source(name, built, seed_path, ".txt"))
    other = _what_must_agree(_source(name, built, seed_path, suffix))
    assert text[1], "the document has indicators to compare"
    assert other == text


def _rows(document: Document) -> list[list[tuple[str, tuple[str, ...], tuple[bool, ...]]]]:
    """Each table's rows: kind, texts with spaces collapsed, merged marks."""
    return [
        [
            (
                row.kind,
                tuple(" ".join(t.split()) for t in row.texts()),
                tuple(c.merged for c in row.cells),
            )
            for row in table.rows
        ]
        for table in document.tables
    ]


@pytest.mark.slow
def test_the_seed_tables_come_back_cell_for_cell(
    seed_pdf: Document, seed_document: Document
) -> None:
    assert [(t.title, t.caption, t.header, t.ncols) for t in seed_pdf.tables] == [
        (t.title, t.caption, t.header, t.ncols) for t in seed_document.tables
    ]
    assert _rows(seed_pdf) == _rows(seed_document)
    target_table = seed_pdf.table("Phụ lục 2")
    assert [row.kind for row in target_table.rows[:3]] == ["header", "group", "data"]
    assert target_table.rows[1].texts()[:2] == ("I", "KINH TẾ")


@pytest.mark.slow
def test_the_printed_cell_lines_rebuild_the_same_tables(seed_pdf: Document) -> None:
    texts = [line.text for line in seed_pdf.lines]
    assert parse_tables(texts, seed_pdf.body_end) == seed_pdf.tables


@pytest.mark.slow
def test_text_outside_the_tables_does_not_repeat_their_cells(seed_pdf: Document) -> None:
    prose = {line.text.strip() for line in seed_pdf.prose_lines()}
    cells = {cell.flat for table in seed_pdf.tables for row in table.rows for cell in row.cells}
    assert not {text for text in cells if len(text) > 25} & prose


@pytest.mark.slow
def test_the_seed_footnotes_are_found_at_the_page_feet_and_anchored(
    seed_pdf: Document, seed_document: Document
) -> None:
    def key(document: Document) -> list[tuple[int, str, str]]:
        return [
            (f.number, " ".join(f.text.split()), " ".join(f.anchor_text.split()))
            for f in document.footnotes
        ]

    assert len(seed_pdf.footnotes) == 73
    assert key(seed_pdf) == key(seed_document)
    assert {(f.confidence, f.reason) for f in seed_pdf.footnotes} == {(1.0, REASON)}
    first = seed_pdf.footnote(1)
    assert seed_pdf.line(first.line) == f"\ufffd {first.text}"
    assert first.line == seed_pdf.body_end + 1


@pytest.mark.slow
def test_the_seed_headings_are_the_same(seed_pdf: Document, seed_document: Document) -> None:
    def flat(document: Document) -> list[tuple[int, str, str]]:
        return [(h.level, h.numbering, " ".join(h.title.split())) for h in document.all_headings()]

    assert flat(seed_pdf) == flat(seed_document)


@pytest.mark.slow
def test_no_seed_paragraph_is_cut_and_few_are_run_together(
    seed_pdf: Document, seed_document: Document
) -> None:
    """Where the seed starts a paragraph at the top of a page after a line
    that filled the width, nothing on the page tells it from a wrapped
    sentence; the reader joins them (two places in the seed)."""
    ours = [" ".join(p.text.split()) for p in seed_pdf.paragraphs()]
    theirs = [" ".join(p.text.split()) for p in seed_document.paragraphs()]
    holders = [
        next((i for i, text in enumerate(ours) if paragraph in text), None) for paragraph in theirs
    ]
    assert None not in holders
    run_together = [i for i, group in itertools.groupby(holders) if len(list(group)) > 1]
    assert len(run_together) <= 2


@pytest.mark.slow
@pytest.mark.parametrize("name", ["dau-trang", "so-trang"])
def test_headers_footers_and_page_numbers_are_left_out(built: Built, name: str) -> None:
    document = read_pdf(built.pdf(name))
    expected = [*map(nfc, distinct_paragraphs(30)), "Tỷ lệ đô thị hoá đạt 45%."]
    assert [line.text for line in document.lines if line.text.strip()] == expected
    assert len(pdfplumber.open(built.pdf(name)).pages) >= 3  # the paragraphs cross pages


@pytest.mark.slow
def test_text_is_nfc_even_when_the_pdf_holds_decomposed_letters(built: Built) -> None:
    document = read_pdf(built.pdf("dau-trang"))
    assert all(unicodedata.is_normalized("NFC", line.text) for line in document.lines)


@pytest.mark.slow
def test_hyphens_at_line_ends_come_back_as_written(built: Built) -> None:
    expected = [nfc(text.replace(SOFT_HYPHEN, "")) for text in hyphen_paragraphs()]
    document = read_pdf(built.pdf("gach-noi"))
    assert [line.text for line in document.lines if line.text.strip()] == expected
    (page,) = read_pages(built.pdf("gach-noi"), table_cells)
    ends = [line.text.rstrip()[-1:] for line in group_lines(page.spans, 1)]
    starts = [line.text[:2] for line in group_lines(page.spans, 1)]
    assert "\ufffe" in ends and "- " in starts  # the lines did break at hyphens and dashes


@pytest.mark.slow
def test_a_ruled_table_with_merged_header_cells_reads_as_from_word(built: Built) -> None:
    ours, theirs = read_pdf(built.pdf("bang-gop")), read_docx(built.docx("bang-gop"))
    assert _rows(ours) == _rows(theirs)
    (table,) = ours.tables
    assert (table.title, table.caption, table.header) == (
        "PHỤ LỤC 2",
        "MỤC TIÊU NGHỊ QUYẾT NHIỆM KỲ 2025 - 2030",
        ("STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu Năm 2025", "Mục tiêu Năm 2030"),
    )  # the two header rows: "Mục tiêu" spans the years below it
    assert [c.merged for c in table.rows[1].cells] == [True, True, True, False, False]
    assert [row.kind for row in table.rows] == ["header", "header", "group", "data", "data", "data"]


@pytest.mark.slow
def test_the_cells_are_those_pdfplumber_finds_on_its_own(built: Built) -> None:
    (page,) = read_pages(built.pdf("bang-gop"), table_cells)
    cells = table_cells(page.edges, page.width, page.height)
    assert cells is not None
    ours = sorted(box for shape in cells.shapes for box in shape.boxes)
    plumber_page = pdfplumber.open(built.pdf("bang-gop")).pages[0]
    theirs = sorted(cell for table in plumber_page.find_tables() for cell in table.cells)
    assert len(ours) == len(theirs) == 23
    assert all(
        abs(a - b) < 0.5
        for x, y in zip(ours, theirs, strict=True)
        for a, b in zip(x, y, strict=True)
    )


@pytest.mark.slow
def test_an_encrypted_pdf_is_refused_with_what_to_do(built: Built) -> None:
    with pytest.raises(IngestError, match="đặt mật khẩu") as caught:
        read_document(built.pdf("mat-khau"))
    assert caught.value.place == str(built.pdf("mat-khau"))
