"""read_docx on a real Word file built from the seed gives the text reader's Document."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from chitieu.ingest import Document, IngestError, read_document, read_docx
from chitieu.ingest.docx_reader import REASON


def test_the_built_file_holds_73_real_footnote_references(seed_docx: Path) -> None:
    word = docx.Document(str(seed_docx))
    references = word.element.body.findall(".//" + qn("w:footnoteReference"))
    assert len(references) == 73


def test_the_built_file_has_three_word_tables_and_heading_styles(seed_docx: Path) -> None:
    word = docx.Document(str(seed_docx))
    assert len(word.tables) == 3
    styled = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert "IV- CÁC CHỈ TIÊU CỤ THỂ" in styled


def test_body_lines_are_numbered_as_the_export_prints_them(
    seed_document: Document, docx_document: Document
) -> None:
    assert docx_document.body_end == seed_document.body_end
    assert (
        docx_document.lines[: docx_document.body_end]
        == seed_document.lines[: seed_document.body_end]
    )


def test_same_tables_cell_for_cell(seed_document: Document, docx_document: Document) -> None:
    assert docx_document.tables == seed_document.tables


def test_same_headings(seed_document: Document, docx_document: Document) -> None:
    def flat(document: Document) -> list[tuple[int, str, str, int, int]]:
        return [
            (h.level, h.numbering, h.title, h.line, h.end_line) for h in document.all_headings()
        ]

    assert flat(docx_document) == flat(seed_document)


def test_same_footnotes_with_the_same_anchor_sentences(
    seed_document: Document, docx_document: Document
) -> None:
    def key(document: Document) -> list[tuple[int, str, int | None, str, int]]:
        return [
            (f.number, f.text, f.anchor_line, f.anchor_text, f.line) for f in document.footnotes
        ]

    assert len(docx_document.footnotes) == 73
    assert key(docx_document) == key(seed_document)


def test_word_footnotes_are_certain(docx_document: Document) -> None:
    assert {(f.confidence, f.reason) for f in docx_document.footnotes} == {(1.0, REASON)}


def test_read_document_dispatches_on_docx(seed_docx: Path, docx_document: Document) -> None:
    assert read_document(seed_docx).footnotes == docx_document.footnotes


def test_a_file_that_is_not_word_is_an_ingest_error(tmp_path: Path) -> None:
    path = tmp_path / "hong.docx"
    path.write_text("không phải tệp Word", encoding="utf-8")
    with pytest.raises(IngestError, match="Không mở được tệp Word"):
        read_docx(path)


@pytest.fixture(scope="module")
def merged_docx(tmp_path_factory: pytest.TempPathFactory) -> Document:
    """A 3x3 table: row 2 spans columns 2-3, column 1 is merged down rows 2-3."""
    word = docx.Document()
    word.add_paragraph("Mở đầu")
    table = word.add_table(rows=3, cols=3)
    for column, text in enumerate(["STT", "Chỉ tiêu", "Mục tiêu"]):
        table.cell(0, column).text = text
    table.cell(1, 1).merge(table.cell(1, 2)).text = "Kinh tế"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "1"
    table.cell(2, 1).text = "GRDP"
    table.cell(2, 2).text = "10%"
    paragraph = word.add_paragraph("Dòng một")
    paragraph.add_run().add_break()
    paragraph.add_run("dòng hai")
    path = tmp_path_factory.mktemp("merged") / "merged.docx"
    word.save(str(path))
    return read_docx(path)


def test_a_horizontal_merge_keeps_text_in_its_first_column(merged_docx: Document) -> None:
    row = merged_docx.tables[0].rows[1]
    assert [(c.text, c.merged) for c in row.cells] == [("1", False), ("Kinh tế", False), ("", True)]
    assert row.cells[2].line == row.cells[1].line


def test_a_vertical_merge_continues_as_an_empty_merged_cell(merged_docx: Document) -> None:
    row = merged_docx.tables[0].rows[2]
    assert [(c.text, c.merged) for c in row.cells] == [("", True), ("GRDP", False), ("10%", False)]


def test_table_cells_are_numbered_one_line_per_word_cell(merged_docx: Document) -> None:
    table = merged_docx.tables[0]
    # line 1 "Mở đầu"; header 2-4 + blank; row 2: two Word cells 6-7 + blank; row 3: 9-11
    assert [[c.line for c in row.cells] for row in table.rows] == [
        [2, 3, 4],
        [6, 7, 7],
        [9, 10, 11],
    ]
    assert merged_docx.line(6) == "\t1"


def test_a_line_break_inside_a_paragraph_starts_a_new_line(merged_docx: Document) -> None:
    assert [merged_docx.line(n) for n in (13, 14)] == ["Dòng một", "dòng hai"]
