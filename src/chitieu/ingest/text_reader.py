"""Reading a resolution from its plain-text export (the seed as it is).

Line n of the Document is line n of the file (split on "\\n", so a final
newline gives a last empty line, as an editor counts). Text is NFC.
"""

from __future__ import annotations

from pathlib import Path

from chitieu.catalog.text import nfc
from chitieu.ingest.assemble import assemble
from chitieu.ingest.document import Document, IngestError, Table
from chitieu.ingest.footnotes import align, find_breaks, parse_notes
from chitieu.ingest.layout import footnote_section_start, is_blank, is_decoration
from chitieu.ingest.tables import parse_tables
from chitieu.ingest.text_tables import flat_tables, pipe_tables


def read_text(source: str | Path, *, name: str | None = None) -> Document:
    """The Document of a text export: `source` is a Path, a path string
    (one line), or the text itself (a string holding a newline)."""
    if isinstance(source, Path) or "\n" not in source:
        path = Path(source)
        try:
            raw = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError as error:
            raise IngestError("Không tìm thấy tệp", place=str(path)) from error
        except UnicodeDecodeError as error:
            raise IngestError("Tệp không phải văn bản UTF-8", place=str(path)) from error
        return parse_text(raw, name=name or path.name)
    return parse_text(source, name=name or "<văn bản>")


def _tables(texts: list[str], body_end: int) -> tuple[Table, ...]:
    """The Word export's TAB-cell tables, then pipe tables and one-cell-a-line tables in
    the lines left."""
    body = texts[:body_end]
    tables = list(parse_tables(texts, body_end))
    for finder in (pipe_tables, flat_tables):
        taken = frozenset(n for t in tables for n in range(t.line_start, t.line_end + 1))
        tables.extend(finder(body, taken=taken))
    return tuple(sorted(tables, key=lambda t: t.line_start))


def parse_text(raw: str, *, name: str) -> Document:
    texts = nfc(raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    start = footnote_section_start(texts)
    body_end = start - 1 if start is not None else len(texts)
    tables = _tables(texts, body_end)
    table_lines = frozenset(n for t in tables for n in range(t.line_start, t.line_end + 1))
    notes = parse_notes(texts, start) if start is not None else ()
    breaks = find_breaks(texts, end=body_end, skip=table_lines)
    corpus = [
        texts[n - 1]
        for n in range(1, body_end + 1)
        if n not in table_lines and not is_blank(texts[n - 1]) and not is_decoration(texts[n - 1])
    ]
    footnotes = align(notes, breaks, corpus)
    return assemble(name, texts, tables=tables, footnotes=footnotes, body_end=body_end)
