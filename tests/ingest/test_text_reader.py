"""read_text: the plain-text export, line for line."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from chitieu.catalog.text import nfc
from chitieu.ingest import Document, IngestError, read_document, read_text


def test_line_n_of_the_document_is_line_n_of_the_file(
    seed_document: Document, seed_lines: list[str]
) -> None:
    assert len(seed_document.lines) == len(seed_lines)
    assert all(line.text == nfc(seed_lines[line.number - 1]) for line in seed_document.lines)


@pytest.mark.parametrize("line", [48, 161, 653])
def test_seed_lines_written_in_nfd_are_stored_in_nfc(
    seed_document: Document, seed_lines: list[str], line: int
) -> None:
    assert seed_lines[line - 1] != nfc(seed_lines[line - 1])  # the seed mixes forms here
    assert unicodedata.is_normalized("NFC", seed_document.line(line))


def test_the_body_ends_where_the_footnotes_begin(seed_document: Document) -> None:
    assert seed_document.body_end == 1586
    assert seed_document.line(1587).startswith("\ufffd")


def test_the_name_is_the_file_name(seed_document: Document, seed_path: Path) -> None:
    assert seed_document.name == seed_path.name


def test_text_is_stored_in_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Tỷ lệ đô thị hoá")
    document = read_text(decomposed + "\n")
    assert document.line(1) == "Tỷ lệ đô thị hoá"


def test_windows_line_ends_are_read_as_lines() -> None:
    document = read_text("Dòng một\r\nDòng hai\r\n")
    assert [line.text for line in document.lines] == ["Dòng một", "Dòng hai", ""]


def test_a_one_line_string_is_a_path(tmp_path: Path) -> None:
    path = tmp_path / "nghi-quyet.txt"
    path.write_text("I- MỤC TIÊU\nPhát triển.\n", encoding="utf-8")
    assert read_text(str(path)).section("I").title == "MỤC TIÊU"


def test_a_missing_file_is_an_ingest_error_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="Không tìm thấy tệp") as caught:
        read_text(tmp_path / "khong-co.txt")
    assert caught.value.place is not None and caught.value.place.endswith("khong-co.txt")


def test_a_document_without_tables_or_footnotes_has_prose_and_headings() -> None:
    document = read_text("I- MỤC TIÊU\n\n1. Kinh tế\nTăng trưởng nhanh.\n")
    assert document.tables == () and document.footnotes == ()
    assert document.body_end == len(document.lines)
    assert [h.numbering for h in document.section("I").children] == ["1"]


def test_read_document_dispatches_on_txt(seed_path: Path, seed_document: Document) -> None:
    assert read_document(seed_path).tables == seed_document.tables


@pytest.mark.parametrize("name", ["bao-cao.odt", "bao-cao"])
def test_read_document_refuses_other_types_in_vietnamese(tmp_path: Path, name: str) -> None:
    with pytest.raises(IngestError, match="Không đọc được loại tệp"):
        read_document(tmp_path / name)
