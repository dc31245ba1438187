"""Readers: a resolution as plain text, .docx or .pdf -> one `Document` for the extractors."""

from __future__ import annotations

from pathlib import Path

from chitieu.ingest.document import (
    Cell,
    Document,
    Footnote,
    Heading,
    IngestError,
    Line,
    Paragraph,
    Row,
    Table,
)
from chitieu.ingest.text_reader import read_text

__all__ = [
    "Cell",
    "Document",
    "Footnote",
    "Heading",
    "IngestError",
    "Line",
    "Paragraph",
    "Row",
    "Table",
    "read_document",
    "read_docx",
    "read_pdf",
    "read_text",
]

_READABLE = (".txt", ".docx", ".pdf")


def read_document(path: str | Path) -> Document:
    """The Document of a .txt export, a .docx or a .pdf file, chosen by the extension."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return read_text(path)
    if suffix == ".docx":
        return read_docx(path)
    if suffix == ".pdf":
        return read_pdf(path)
    raise IngestError(
        f"Không đọc được loại tệp {suffix or '(không có phần mở rộng)'}: "
        f"chỉ đọc được {', '.join(_READABLE)}",
        place=str(path),
    )


def read_docx(path: str | Path) -> Document:
    """The Document of a .docx file (see chitieu.ingest.docx_reader)."""
    from chitieu.ingest.docx_reader import read_docx as read

    return read(path)


def read_pdf(path: str | Path) -> Document:
    """The Document of a PDF with a text layer (see chitieu.ingest.pdf_reader)."""
    from chitieu.ingest.pdf_reader import read_pdf as read

    return read(path)
