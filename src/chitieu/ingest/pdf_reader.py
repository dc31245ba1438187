"""Reading a resolution from a PDF with a text layer.

The reader prints the PDF as the plain-text export of the same document would
print it, then hands those lines to the shared last step (`assemble`), so the
extractors see the same thing whatever the format:

- a paragraph is one line: printed lines are joined back where the typesetter
  wrapped them (see chitieu.ingest._pdf_paragraphs for the rules, hyphens
  included);
- a footnote reference (superscript digits that match a footnote's number)
  ends the line, and the text after it starts the next, as in the export;
- a ruled table prints each cell on a line starting with a TAB (its further
  lines follow without TAB) and a blank line after each row; a cell spanning
  several columns keeps its text in its first column, the columns it covers
  are `Cell("", line, merged=True)`; a cell continuing a vertical merge prints
  as an empty merged cell, as the .docx reader does. A table continued on the
  next page is one table; its repeated header rows are dropped;
- after the body come the footnotes, found below the short rule at the foot
  of a page and numbered as printed: U+FFFD, a space and the first
  paragraph, two blank lines after each paragraph;
- running headers, footers and page numbers are left out (see
  chitieu.ingest._pdf_lines). Text is NFC.

Line numbers therefore follow this printing, not the PDF's pages and lines;
they are not those of the .txt or .docx of the same document, which keep the
source's own blank lines.

Libraries, measured on the seed printed to 96 pages. pdfplumber (MIT,
maintained) was the first choice, but its character objects are built by
pdfminer.six in pure Python: 10 s for the seed's characters alone, against a
3 s budget for reading and extracting a 50-page resolution. So the characters
and ruling lines come from pypdfium2 (PDFium, the C++ engine of Chromium,
already a dependency of pdfplumber): the whole read takes about 1.2 s. The
ruled tables are found by pdfplumber's table finder (its "lines" strategy:
ruling segments snapped and joined, intersections, the smallest rectangles,
merged cells as rectangles spanning grid lines; PDFium has no table finder)
run on the segments PDFium read, so each page is parsed once.

A PDF without any text layer (a scan) is refused with a message that says so
and what to do; OCR is not attempted (no OCR engine is installed, and a
guessed text would need checking line by line anyway). Pages of a PDF that
has text elsewhere but holds only a picture (a scanned signature page) are
read as empty.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from chitieu.catalog.text import nfc
from chitieu.ingest._pdf_lines import TextLine, furniture, group_lines
from chitieu.ingest._pdf_notes import Notes, footnote_rule, read_notes
from chitieu.ingest._pdf_page import Page, read_pages
from chitieu.ingest._pdf_paragraphs import (
    Column,
    Para,
    Reference,
    measure,
    paragraphs,
    vocabulary,
)
from chitieu.ingest._pdf_rows import CONTINUED, HOLE, Slot, table_rows, text
from chitieu.ingest._pdf_tables import Grid, find_grids, same_columns, table_cells
from chitieu.ingest.assemble import assemble
from chitieu.ingest.document import Cell, Document, Footnote, Table
from chitieu.ingest.layout import REPLACEMENT, TAB
from chitieu.ingest.tables import find_title, make_table

REASON = "số tham chiếu chú thích trong PDF"
_BLANK_GAP = 1.8  # a gap of this many line pitches held an empty paragraph


@dataclass(frozen=True)
class _PageText:
    page: Page
    grids: tuple[Grid, ...]
    body: tuple[TextLine, ...]
    notes: tuple[TextLine, ...]


def read_pdf(path: str | Path) -> Document:
    """The Document of a PDF file with a text layer."""
    path = Path(path)
    pages = _read_layout(read_pages(path, table_cells))
    columns = _columns(pages)

    def column_of(line: TextLine) -> Column:
        return columns[line.page]

    words = vocabulary([line.text for page in pages for line in (*page.body, *page.notes)])
    notes = read_notes([line for page in pages for line in page.notes], column_of, words)
    printer = _Printer(notes, words)
    for block in _blocks(pages):
        if block.parts:
            printer.table(block.parts)
        else:
            printer.paragraphs(paragraphs(block.lines, column_of, words, printer.accept), column_of)
    body_end = len(printer.texts)
    footnotes = printer.footnotes()
    return assemble(
        path.name, printer.texts, tables=printer.tables, footnotes=footnotes, body_end=body_end
    )


def _read_layout(pages: Sequence[Page]) -> list[_PageText]:
    found = [find_grids(page) for page in pages]
    lines = [
        group_lines(outside, page.number) for page, (_, outside) in zip(pages, found, strict=True)
    ]
    drop = furniture(lines)
    kept = [
        [line for index, line in enumerate(page_lines) if (page_index, index) not in drop]
        for page_index, page_lines in enumerate(lines)
    ]
    texts = []
    for page, (grids, _), page_lines in zip(pages, found, kept, strict=True):
        rule = footnote_rule(page, grids, page_lines)
        body = tuple(line for line in page_lines if rule is None or line.baseline < rule)
        notes = tuple(line for line in page_lines if rule is not None and line.baseline > rule)
        texts.append(_PageText(page, tuple(grids), body, notes))
    return texts


def _columns(pages: Sequence[_PageText]) -> dict[int, Column]:
    """The column of every page, measured over all pages of its size."""
    by_size: dict[tuple[int, int], list[_PageText]] = defaultdict(list)
    for page in pages:
        by_size[(round(page.page.width), round(page.page.height))].append(page)
    columns: dict[int, Column] = {}
    for group in by_size.values():
        lines = [line for page in group for line in (*page.body, *page.notes)]
        column = measure(lines, group[0].page.width)
        columns.update((page.page.number, column) for page in group)
    return columns


@dataclass
class _Block:
    """Consecutive body lines, or one table as its parts page by page."""

    lines: list[TextLine] = field(default_factory=list)
    parts: list[Grid] = field(default_factory=list)


def _blocks(pages: Sequence[_PageText]) -> list[_Block]:
    """The body in reading order: runs of lines and tables, a table that goes
    on over the next page being one block."""
    blocks: list[_Block] = []
    for page in pages:
        items: list[tuple[float, TextLine | Grid]] = [
            (line.baseline - line.size, line) for line in page.body
        ]
        items.extend((grid.box[1], grid) for grid in page.grids)
        items.sort(key=lambda item: item[0])
        for _, item in items:
            last = blocks[-1] if blocks else None
            if isinstance(item, Grid):
                if last and last.parts and same_columns(last.parts[-1], item):
                    last.parts.append(item)
                else:
                    blocks.append(_Block(parts=[item]))
            elif last and last.lines:
                last.lines.append(item)
            else:
                blocks.append(_Block(lines=[item]))
    return blocks


@dataclass
class _Printer:
    """The numbered lines being printed, with what was learnt on the way."""

    notes: Notes
    words: frozenset[str]
    texts: list[str] = field(default_factory=list)
    references: dict[int, int] = field(default_factory=dict)  # note number -> anchor line
    tables: list[Table] = field(default_factory=list)
    last_reference: int = 0

    def add(self, text: str) -> int:
        self.texts.append(nfc(text))
        return len(self.texts)

    def accept(self, number: int) -> bool:
        """Superscript digits are a reference when a footnote has that number
        and the numbers go up ("m2" with a raised 2 after note 7 is text)."""
        if number in self.notes.texts and number > self.last_reference:
            self.last_reference = number
            return True
        return False

    def paragraphs(self, found: Sequence[Para], column_of: Callable[[TextLine], Column]) -> None:
        previous: Para | None = None
        for paragraph in found:
            if previous is not None and _blank_between(previous, paragraph, column_of):
                self.add("")
            self.paragraph(paragraph)
            previous = paragraph

    def paragraph(self, paragraph: Para) -> None:
        pending = ""
        started = False
        for piece in paragraph.pieces:
            if isinstance(piece, Reference):
                self.references.setdefault(piece.number, self.add(pending))
                pending, started = "", True
            else:
                pending += piece
        if pending.strip() or not started:
            self.add(pending.rstrip())

    def table(self, parts: list[Grid]) -> None:
        rows = [self._row(row) for row in table_rows(parts, self.words)]
        if not rows:
            return
        floor = self.tables[-1].line_end if self.tables else 0
        line_start, title, caption = find_title(self.texts, rows[0][0].line, floor=floor)
        last = len(self.texts) - 1  # the row separator is not part of the table
        self.tables.append(
            make_table(rows, title=title, caption=caption, line_start=line_start, line_end=last)
        )

    def _row(self, slots: list[Slot]) -> list[Cell]:
        cells: list[Cell] = []
        for slot in slots:
            if slot.kind == HOLE:
                cells.append(Cell("", self.add(TAB)))
                continue
            if slot.kind == CONTINUED:
                line = self.add(TAB)
                cells.extend(Cell("", line, merged=True) for _ in range(slot.cols))
                continue
            pieces = slot.paragraphs(self.words, self.accept)
            line = self.add(TAB + text(pieces[0]))
            for piece in pieces[1:]:
                self.add(text(piece))
            for item in (item for piece in pieces for item in piece):
                if isinstance(item, Reference):
                    self.references.setdefault(item.number, line)
            cells.append(Cell(nfc("\n".join(text(piece) for piece in pieces)), line))
            cells.extend(Cell("", line, merged=True) for _ in range(slot.cols - 1))
        self.add("")
        return cells

    def footnotes(self) -> list[Footnote]:
        found: list[Footnote] = []
        for number, note in sorted(self.notes.texts.items()):
            paragraphs = note.split("\n")
            line = self.add(f"{REPLACEMENT} {paragraphs[0]}")
            self.add("")
            self.add("")
            for paragraph in paragraphs[1:]:
                self.add(paragraph)
                self.add("")
                self.add("")
            anchor = self.references.get(number)
            if anchor is None:
                reason = "chú thích không được tham chiếu trong văn bản"
                found.append(Footnote(number, note, line, None, 0.0, reason))
            else:
                found.append(Footnote(number, note, line, anchor, 1.0, REASON))
        return found


def _blank_between(first: Para, second: Para, column_of: Callable[[TextLine], Column]) -> bool:
    if first.last.page != second.first.page:
        return False
    gap = second.first.baseline - first.last.baseline
    return gap > _BLANK_GAP * column_of(first.last).pitch
