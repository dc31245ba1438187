"""Reading a resolution from a Word .docx: paragraphs, real tables, real footnotes.

Line numbers. A .docx has no lines, so the reader numbers what it reads the
way the plain-text export of the same file prints it; the same document then
gives the same line numbers through both readers:

- body blocks in order (paragraphs and tables interleaved as in the XML);
- a paragraph is one line; a line break inside it (w:br, w:cr) starts a new
  line; a footnote reference ends the line (the text after it starts the
  next line), and the footnote's `anchor_line` is the line the reference ends;
- a table row prints each of its cells (w:tc) in turn: the cell's first line
  starts with a TAB, its further lines follow without TAB (a blank line before
  each further paragraph of the cell), and a blank line ends the row;
- after the body come the footnotes, in reference order: U+FFFD, a space and
  the first paragraph, each further paragraph on its own line, every paragraph
  followed by two blank lines.

Merged cells. A cell spanning several grid columns (w:gridSpan) keeps its text
in its first column; the columns it covers are `Cell("", line, merged=True)`
with the line of the spanning cell. A cell continuing a vertical merge
(w:vMerge without "restart") is printed, like the export does, as an empty
cell: `Cell("", its own line, merged=True)`; the text stays in the first cell
of the merge. A footnote reference inside a table cell does not split the
cell; its anchor is the cell's line.

Headings are recognised by their numbering, as in the text reader (heading
styles are not relied on: circulated documents number headings by hand).
Footnotes are read from the footnotes part (word/footnotes.xml), found through
the document part's relationships; they are matched to their references
exactly (confidence 1.0).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from chitieu.catalog.text import nfc
from chitieu.ingest.assemble import assemble
from chitieu.ingest.document import Cell, Document, Footnote, IngestError, Table
from chitieu.ingest.layout import REPLACEMENT, TAB
from chitieu.ingest.tables import find_title, make_table

REASON = "tham chiếu chú thích trong Word"
_TEXT_TAGS = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n"}
_RUN = qn("w:r")
_REFERENCE = qn("w:footnoteReference")


@dataclass
class _Lines:
    """The numbered lines being printed, with what the reader learnt on the way."""

    texts: list[str] = field(default_factory=list)
    references: list[tuple[str, int]] = field(default_factory=list)  # (footnote id, line)
    tables: list[Table] = field(default_factory=list)

    def add(self, text: str) -> int:
        self.texts.append(nfc(text))
        return len(self.texts)


def read_docx(path: str | Path) -> Document:
    """The Document of a .docx file."""
    path = Path(path)
    try:
        word = docx.Document(str(path))
    except Exception as error:  # python-docx raises several unrelated types
        raise IngestError(f"Không mở được tệp Word: {error}", place=str(path)) from error
    lines = _Lines()
    for block in _blocks(word.element.body):
        if block.tag == qn("w:p"):
            _print_paragraph(block, lines)
        else:
            _print_table(block, lines)
    body_end = len(lines.texts)
    notes = _footnote_texts(word)
    footnotes = _print_footnotes(notes, lines)
    return assemble(
        path.name, lines.texts, tables=lines.tables, footnotes=footnotes, body_end=body_end
    )


def _blocks(container: Any) -> Iterator[Any]:
    """Paragraphs and tables in body order (content controls opened)."""
    for child in container.iterchildren():
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content)


@dataclass(frozen=True)
class _Reference:
    note_id: str


def _segments(paragraph: Any) -> list[str | _Reference]:
    """The paragraph as text pieces and footnote references, in order."""
    pieces: list[str | _Reference] = []
    text: list[str] = []
    for element in paragraph.iter():
        tag = element.tag
        if tag == _REFERENCE:
            pieces.append("".join(text))
            pieces.append(_Reference(element.get(qn("w:id"))))
            text = []
        elif tag in _TEXT_TAGS and element.getparent().tag == _RUN:
            mark = _TEXT_TAGS[tag]
            text.append((element.text or "") if mark is None else mark)
    pieces.append("".join(text))
    return pieces


def _print_paragraph(paragraph: Any, lines: _Lines) -> None:
    pending = ""
    started = False
    for piece in _segments(paragraph):
        if isinstance(piece, _Reference):
            line = lines.add(pending)
            lines.references.append((piece.note_id, line))
            pending, started = "", True
            continue
        parts = piece.split("\n")
        pending += parts[0]
        for part in parts[1:]:
            lines.add(pending)
            pending = part
    if pending or not started:
        lines.add(pending)


def _cell_text(tc: Any, lines: _Lines) -> tuple[str, int]:
    """Print a cell; its text (lines joined by "\\n") and first line."""
    pieces: list[str] = []
    first = 0
    paragraphs = tc.findall(qn("w:p"))
    for position, paragraph in enumerate(paragraphs):
        segments = _segments(paragraph)
        text = "".join(piece for piece in segments if isinstance(piece, str))
        parts = text.split("\n")
        for index, part in enumerate(parts):
            if not pieces:
                first = lines.add(TAB + part)
            else:
                if index == 0 and position > 0:
                    lines.add("")
                lines.add(part)
            pieces.append(part)
        for piece in segments:
            if isinstance(piece, _Reference):
                lines.references.append((piece.note_id, first))
    if not pieces:
        first = lines.add(TAB)
        pieces.append("")
    return nfc("\n".join(pieces)), first


def _print_table(table: Any, lines: _Lines) -> None:
    rows: list[list[Cell]] = []
    for tr in table.findall(qn("w:tr")):
        row: list[Cell] = []
        for tc in tr.findall(qn("w:tc")):
            properties = tc.find(qn("w:tcPr"))
            span, continued = _merge_marks(properties)
            text, line = _cell_text(tc, lines)
            if continued:
                row.append(Cell("", line, merged=True))
            else:
                row.append(Cell(text, line))
            row.extend(Cell("", line, merged=True) for _ in range(span - 1))
        lines.add("")
        if row:
            rows.append(row)
    if not rows:
        return
    floor = lines.tables[-1].line_end if lines.tables else 0
    line_start, title, caption = find_title(lines.texts, rows[0][0].line, floor=floor)
    last = len(lines.texts) - 1  # the row separator is not part of the table
    lines.tables.append(
        make_table(rows, title=title, caption=caption, line_start=line_start, line_end=last)
    )


def _merge_marks(properties: Any) -> tuple[int, bool]:
    if properties is None:
        return 1, False
    span_element = properties.find(qn("w:gridSpan"))
    span = int(span_element.get(qn("w:val"), "1")) if span_element is not None else 1
    vmerge = properties.find(qn("w:vMerge"))
    continued = vmerge is not None and vmerge.get(qn("w:val"), "continue") != "restart"
    return max(span, 1), continued


def _footnote_texts(word: Any) -> dict[str, str]:
    """Footnote id -> its text (paragraphs stripped, joined by "\\n")."""
    for relationship in word.part.rels.values():
        if relationship.reltype == RT.FOOTNOTES and not relationship.is_external:
            root = parse_xml(relationship.target_part.blob)
            break
    else:
        return {}
    notes: dict[str, str] = {}
    for note in root.findall(qn("w:footnote")):
        if note.get(qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        paragraphs = []
        for paragraph in note.iter(qn("w:p")):
            text = "".join(p for p in _segments(paragraph) if isinstance(p, str)).strip()
            if text:
                paragraphs.append(nfc(text))
        notes[note.get(qn("w:id"))] = "\n".join(paragraphs)
    return notes


def _print_footnotes(notes: dict[str, str], lines: _Lines) -> list[Footnote]:
    footnotes: list[Footnote] = []
    for number, (note_id, anchor) in enumerate(lines.references, start=1):
        text = notes.get(note_id, "")
        paragraphs = text.split("\n") if text else [""]
        line = lines.add(f"{REPLACEMENT} {paragraphs[0]}")
        lines.add("")
        lines.add("")
        for paragraph in paragraphs[1:]:
            lines.add(paragraph)
            lines.add("")
            lines.add("")
        if note_id not in notes:
            reason = "tham chiếu tới chú thích không có trong tệp Word"
            footnotes.append(Footnote(number, "", line, anchor, 0.0, reason))
        else:
            footnotes.append(Footnote(number, text, line, anchor, 1.0, REASON))
    referenced = {note_id for note_id, _ in lines.references}
    for note_id, text in notes.items():
        if note_id not in referenced:
            line = lines.add(f"{REPLACEMENT} {text}")
            reason = "chú thích không được tham chiếu trong văn bản"
            footnotes.append(Footnote(len(footnotes) + 1, text, line, None, 0.0, reason))
    return footnotes
