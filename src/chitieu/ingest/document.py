"""The Document every reader produces and every extractor reads.

A Document keeps the source as numbered lines (line 1 is the first line, as an
editor shows it) and, on top of them, what the readers recognised: the heading
tree, the tables rebuilt from their fragments, and the footnotes reattached to
their anchors. Text is NFC but otherwise as written; interpreting it (numbers,
ditto marks, units) is the extractors' job.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from chitieu.catalog.text import fold

_PARAGRAPH_ENDS = frozenset(".:;!?…)")
_ITEM_START = re.compile(r"^\s*(?:[a-zđ][).]|\(?[ivxlc]+\)|\(\d+\))\s")
# The marks officials type for "same as the cell above" (straight and curly quotes, ditto).
DITTO_MARKS = frozenset({'"', "“", "”", "〃", "''"})


class IngestError(ValueError):
    """A document cannot be read; `place` says where (file, line or cell)."""

    def __init__(self, message: str, *, place: str | None = None) -> None:
        self.message = message
        self.place = place
        super().__init__(f"{place}: {message}" if place else message)


@dataclass(frozen=True)
class Line:
    number: int
    text: str


@dataclass(frozen=True)
class Heading:
    """A numbered heading and the span of lines it governs.

    `numbering` is printed form without its trailing punctuation ("Phần thứ hai",
    "IV", "1.1", "(2)", "(iii)", "a"); `end_line` is the last non-blank line of
    its span; `lines` are the lines that print the heading itself (the numbering
    line, a part's title lines, the continuation of a paragraph split by a
    footnote anchor).
    """

    level: int
    numbering: str
    title: str
    line: int
    end_line: int
    children: tuple[Heading, ...] = ()
    lines: tuple[int, ...] = ()

    def child(self, numbering: str) -> Heading:
        for heading in self.children:
            if same_numbering(heading.numbering, numbering):
                return heading
        raise KeyError(f"Mục {self.numbering} không có mục con {numbering!r}")

    def walk(self) -> Iterator[Heading]:
        """This heading and all below it, in document order."""
        yield self
        for heading in self.children:
            yield from heading.walk()

    def contains(self, line: int) -> bool:
        return self.line <= line <= self.end_line


@dataclass(frozen=True)
class Cell:
    """One table cell. `text` is as written (leading TAB removed; a cell printed
    over several lines keeps them joined by "\\n"). `merged` marks a grid
    position covered by a merged cell: its text is "" and its line is the line
    of the cell that covers it (horizontal) or its own line (vertical)."""

    text: str
    line: int
    merged: bool = False

    @property
    def ditto(self) -> bool:
        """The cell holds only a ditto mark: "same as the cell above"."""
        return self.text.strip() in DITTO_MARKS

    @property
    def flat(self) -> str:
        """The text on one line: pieces stripped and joined by a space."""
        return " ".join(piece.strip() for piece in self.text.split("\n") if piece.strip())


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    kind: str  # "header" | "numbers" | "group" | "data"
    line: int

    @property
    def stt(self) -> str:
        """The first cell (số thứ tự), stripped: "1", "-", "", "II"."""
        return self.cells[0].flat if self.cells else ""

    def texts(self) -> tuple[str, ...]:
        return tuple(cell.flat for cell in self.cells)


@dataclass(frozen=True)
class Table:
    title: str  # "PHỤ LỤC 2"; "" when the table has none
    caption: str  # the lines between the title and the grid, joined
    header: tuple[str, ...]  # one joined header text per column
    rows: tuple[Row, ...]
    line_start: int  # the title's line, or the first row's
    line_end: int  # the last cell's line
    ncols: int

    def data_rows(self) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if row.kind in ("group", "data"))

    def column(self, header_prefix: str) -> int:
        """The index of the first column whose header starts with `header_prefix`."""
        key = fold(header_prefix)
        for index, text in enumerate(self.header):
            if fold(text).startswith(key):
                return index
        raise KeyError(f"Bảng {self.title!r} không có cột {header_prefix!r}")

    def row_at(self, line: int) -> Row:
        for row in self.rows:
            if any(cell.line == line for cell in row.cells):
                return row
        raise KeyError(f"Bảng {self.title!r} không có ô nào ở dòng {line}")


@dataclass(frozen=True)
class Footnote:
    """A footnote and where its anchor is. `anchor_line` is the body line at
    whose end the anchor sits (None if no anchor was found); `anchor_text` the
    sentence that ends at the anchor; `confidence` 0..1 with a Vietnamese
    `reason`."""

    number: int
    text: str
    line: int
    anchor_line: int | None
    confidence: float
    reason: str
    anchor_text: str = ""


@dataclass(frozen=True)
class Paragraph:
    """Consecutive lines that form one paragraph: a paragraph split by footnote
    anchors is one paragraph again (text = the lines concatenated)."""

    line: int
    end_line: int
    text: str
    starts: tuple[int, ...] = ()  # offset in `text` where each line begins

    def line_of(self, offset: int) -> int:
        """The line holding the character at `offset` of the joined text.

        >>> Paragraph(7, 8, "ab" + "cd", starts=(0, 2)).line_of(3)
        8
        """
        line = self.line
        for number, start in zip(range(self.line, self.end_line + 1), self.starts, strict=False):
            if start <= offset:
                line = number
        return line


@dataclass(frozen=True)
class Document:
    name: str
    lines: tuple[Line, ...]
    headings: tuple[Heading, ...]
    tables: tuple[Table, ...]
    footnotes: tuple[Footnote, ...]
    body_end: int = 0  # last line of the body; the footnote section follows
    decorations: frozenset[int] = field(default_factory=frozenset)  # " *   * ", "-----"

    def line(self, number: int) -> str:
        if not 1 <= number <= len(self.lines):
            raise IngestError(f"Không có dòng {number} (tài liệu có {len(self.lines)} dòng)")
        return self.lines[number - 1].text

    @cached_property
    def _table_lines(self) -> frozenset[int]:
        return frozenset(n for t in self.tables for n in range(t.line_start, t.line_end + 1))

    @cached_property
    def _heading_lines(self) -> frozenset[int]:
        return frozenset(n for h in self.all_headings() for n in h.lines)

    @cached_property
    def _anchor_lines(self) -> frozenset[int]:
        return frozenset(f.anchor_line for f in self.footnotes if f.anchor_line is not None)

    def in_table(self, number: int) -> bool:
        return number in self._table_lines

    def prose_lines(self, *, headings: bool = True) -> Iterator[Line]:
        """Non-blank body lines outside tables, decorations and footnotes.

        Heading lines are included unless `headings` is False: in a resolution
        the numbered items carry content (the targets of section IV are headings).
        """
        last = self.body_end or len(self.lines)
        for line in self.lines[:last]:
            if not line.text.strip() or line.number in self.decorations:
                continue
            if self.in_table(line.number):
                continue
            if not headings and line.number in self._heading_lines:
                continue
            yield line

    @cached_property
    def _paragraphs(self) -> tuple[Paragraph, ...]:
        paragraphs: list[Paragraph] = []
        current: list[Line] = []
        for line in self.prose_lines():
            if current and self._continues(current[-1], line):
                current.append(line)
                continue
            if current:
                paragraphs.append(_paragraph(current))
            current = [line]
        if current:
            paragraphs.append(_paragraph(current))
        return tuple(paragraphs)

    def _continues(self, previous: Line, line: Line) -> bool:
        """The next line goes on with the same paragraph: after a footnote anchor, or a
        hard-wrapped line (copied from a PDF or a bulletin) that ends mid-sentence and is
        followed by a lower-case word ("1. Mục" / "tiêu tổng quát")."""
        if line.number != previous.number + 1:
            return False
        if previous.number in self._anchor_lines:
            return True
        end, start = previous.text.rstrip()[-1:], line.text.lstrip()[:1]
        if not end or end in _PARAGRAPH_ENDS or _ITEM_START.match(line.text):
            return False
        return start.islower()

    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Prose paragraphs, with the lines split at footnote anchors joined."""
        return self._paragraphs

    def paragraph_at(self, line: int) -> Paragraph:
        for paragraph in self._paragraphs:
            if paragraph.line <= line <= paragraph.end_line:
                return paragraph
        raise KeyError(f"Dòng {line} không thuộc đoạn văn nào")

    def all_headings(self) -> Iterator[Heading]:
        for heading in self.headings:
            yield from heading.walk()

    def section(self, *path: str) -> Heading:
        """The heading reached by following numberings from the top level:
        section("Phần thứ hai", "IV", "1.1")."""
        if not path:
            raise KeyError("Cần ít nhất một số hiệu mục")
        for heading in self.headings:
            if same_numbering(heading.numbering, path[0]):
                found = heading
                break
        else:
            raise KeyError(f"Không có mục {path[0]!r} ở cấp cao nhất")
        for numbering in path[1:]:
            found = found.child(numbering)
        return found

    def heading_at(self, line: int) -> tuple[Heading, ...]:
        """The headings whose span holds `line`, outermost first."""
        path: list[Heading] = []
        level: tuple[Heading, ...] = self.headings
        while True:
            for heading in level:
                if heading.contains(line):
                    path.append(heading)
                    level = heading.children
                    break
            else:
                return tuple(path)

    def table(self, title_prefix: str) -> Table:
        """The first table whose title starts with `title_prefix` as whole words
        (tone marks and case ignored): table("Phụ lục 1A")."""
        key = fold(title_prefix)
        for table in self.tables:
            title = fold(table.title)
            if title.startswith(key) and not title[len(key) : len(key) + 1].isalnum():
                return table
        raise KeyError(f"Không có bảng nào có tiêu đề bắt đầu bằng {title_prefix!r}")

    def footnote(self, number: int) -> Footnote:
        for footnote in self.footnotes:
            if footnote.number == number:
                return footnote
        raise KeyError(f"Không có chú thích số {number}")


def _paragraph(lines: list[Line]) -> Paragraph:
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line.text)
    text = "".join(line.text for line in lines)
    return Paragraph(lines[0].number, lines[-1].number, text, tuple(starts))


def same_numbering(printed: str, wanted: str) -> bool:
    """Numberings compare without trailing punctuation, case or tone marks.

    >>> same_numbering("Phần thứ hai", "phần thứ hai")
    True
    >>> same_numbering("1.1", "1.1.")
    True
    >>> same_numbering("IV", "IV-")
    True
    """
    return fold(printed).rstrip(".-) ") == fold(wanted).rstrip(".-) ")
