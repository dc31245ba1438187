"""What a PDF page holds for the reader: runs of characters and ruling lines.

Read with pypdfium2 (PDFium, the C++ engine of Chromium) because it is fast:
pdfplumber's character objects come from pdfminer.six in pure Python and took
about 10 s for the 96-page seed. Even through PDFium each question about a
character costs a microsecond or two, so the page is read as spans: runs of
characters that PDFium keeps on one line, in one font size and, on a page with
ruled tables, inside one cell. Every character is asked its size and box (to
find where spans end and whether a line comes left to right); the baseline,
the font and the end of the first word only for the characters that shape a
span. A page whose lines do not come left to right is read character by
character instead (`_Reader.char_spans`).

Coordinates are turned top-down (y grows down the page, as pdfplumber counts)
so that "above" means a smaller number everywhere in the reader. A page turned
by /Rotate is not turned back: Word and LibreOffice print landscape pages on a
landscape sheet, not a turned portrait one.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as raw  # type: ignore[import-untyped]

from chitieu.ingest.document import IngestError

SCANNED = (
    "Tệp PDF là ảnh quét, không có lớp chữ: hãy dùng bản Word/PDF có chữ, "
    "hoặc nhận dạng chữ (OCR) trước khi nhập"
)
EMPTY = "Tệp PDF không có chữ nào để đọc"
ENCRYPTED = (
    "Tệp PDF được đặt mật khẩu (mã hoá): hãy gỡ mật khẩu hoặc dùng bản không mã hoá rồi nhập lại"
)
CORRUPT = "Không mở được tệp PDF: tệp hỏng hoặc không phải PDF"
_LINE_ENDS = frozenset("\r\n")
_THIN = 2.0  # a segment this close to axis-parallel (pt) is a ruling line
_MIN_EDGE = 1.0  # pt: shorter segments (the ends of a hairline box) are dropped
_SAME_SIZE = 0.05  # pt
_SAME_LINE = 0.5  # of the font size: characters whose baselines differ more are on two lines
_BACKWARDS = 0.5  # of the font size: a character this far left of the line's end is out of order

# (x, y) top-down -> the cell holding that point, or None (see _pdf_tables.Cells)
Locate = Callable[[float, float], int | None]


class Span(NamedTuple):
    """Characters PDFium printed together: one line, one size, one cell.
    `word_end` is the right edge of the span's first word when a space
    follows it inside the span, else None (the word may go on in the next)."""

    text: str
    x0: float
    x1: float
    baseline: float  # top-down y of the first character's origin
    size: float
    font: str  # the font's name without its subset tag ("DejaVuSerif")
    word_end: float | None
    cell: int | None = None


class Edge(NamedTuple):
    """A horizontal or vertical ruling segment, top-down."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.bottom - self.top <= self.x1 - self.x0


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    spans: tuple[Span, ...]
    edges: tuple[Edge, ...]
    images: int  # image objects on the page (a scan has one and no text)


def read_pages(
    path: Path, cells: Callable[[tuple[Edge, ...], float, float], Locate | None]
) -> tuple[Page, ...]:
    """Every page of the PDF at `path`. `cells` turns a page's ruling lines
    into a function naming the table cell at a point (None: no table), so
    that spans are cut at cell borders. IngestError when the file cannot be
    read or holds no text layer."""
    document = _open(path)
    try:
        pages = tuple(
            _read_page(document[index], index + 1, cells) for index in range(len(document))
        )
    finally:
        document.close()
    if not any(span.text.strip() for page in pages for span in page.spans):
        message = SCANNED if any(page.images for page in pages) else EMPTY
        raise IngestError(message, place=str(path))
    return pages


def _open(path: Path) -> Any:
    if not path.is_file():
        raise IngestError("Không tìm thấy tệp", place=str(path))
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        if raw.FPDF_GetLastError() == raw.FPDF_ERR_PASSWORD or "password" in str(error).lower():
            raise IngestError(ENCRYPTED, place=str(path)) from error
        raise IngestError(CORRUPT, place=str(path)) from error


def _read_page(
    page: Any, number: int, cells: Callable[[tuple[Edge, ...], float, float], Locate | None]
) -> Page:
    width, height = page.get_size()
    edges: list[Edge] = []
    images = 0
    for kind, obj, matrix in _objects(page):
        if kind == raw.FPDF_PAGEOBJ_PATH:
            edges.extend(_path_edges(obj, matrix, height))
        elif kind == raw.FPDF_PAGEOBJ_IMAGE:
            images += 1
    ruling = tuple(edges)
    textpage = page.get_textpage()
    try:
        reader = _Reader(textpage, height, cells(ruling, width, height))
        try:
            spans = tuple(reader.spans())
        except _OutOfOrder:
            spans = tuple(reader.char_spans())
    finally:
        textpage.close()
        page.close()
    return Page(number, width, height, spans, ruling, images)


class _OutOfOrder(Exception):
    """A line's characters do not come left to right."""


class _Reader:
    """Cuts a text page into spans, measuring as few characters as it can."""

    def __init__(self, textpage: Any, height: float, locate: Locate | None) -> None:
        self.handle = textpage.raw
        self.count = textpage.count_chars()
        self.height = height
        self.locate = locate
        text = textpage.get_text_range(0, self.count) if self.count else ""
        # the text range counts UTF-16 units like the character index does,
        # except for a character outside the BMP: then ask one by one
        self.text = text if len(text) == self.count else self._chars()
        self.rect = raw.FS_RECTF()
        self.origin_x, self.origin_y = ctypes.c_double(), ctypes.c_double()
        self.fonts: dict[int, str] = {}
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()

    def _chars(self) -> str:
        return "".join(chr(raw.FPDFText_GetUnicode(self.handle, i)) for i in range(self.count))

    def spans(self) -> Iterator[Span]:
        """The page's spans; _OutOfOrder when a line's characters do not come
        left to right (see `char_spans`). The hot loop of the reader: names
        are bound locally and the box is passed by reference once."""
        size_of, box, handle, text = (
            raw.FPDFText_GetFontSize,
            raw.FPDFText_GetCharBox,  # the ink's box: half the cost of the loose one
            self.handle,
            self.text,
        )
        locate, height = self.locate, self.height
        edges = [ctypes.c_double() for _ in range(4)]
        left_, right_, bottom_, top_ = edges
        refs = [ctypes.byref(edge) for edge in edges]
        start = -1
        size = 0.0
        cell: int | None = None
        line_right = -1e9
        for index in range(self.count):
            char = text[index]
            if char in _LINE_ENDS:
                if start >= 0:
                    yield from self._span(start, index, size, cell)
                start, line_right = -1, -1e9
                continue
            if char.isspace():
                if start < 0:
                    start, size, cell = index, 0.0, None
                continue
            here = size_of(handle, index)
            box(handle, index, *refs)
            left, right = left_.value, right_.value
            if left < line_right - _BACKWARDS * here:
                raise _OutOfOrder
            if right > line_right:
                line_right = right
            where = None
            if locate is not None:
                where = locate((left + right) / 2, height - (top_.value + bottom_.value) / 2)
            if start >= 0 and size and (abs(here - size) > _SAME_SIZE or where != cell):
                yield from self._span(start, index, size, cell)
                start = index
            elif start < 0:
                start = index
            size, cell = here, where
        if start >= 0:
            yield from self._span(start, self.count, size, cell)

    def char_spans(self) -> Iterator[Span]:
        """Every character its own span: the slow way, for a page whose lines
        are written out of order (LibreOffice, for one, writes the letters a
        font lacks after the rest of the line, in a fallback font)."""
        generated = raw.FPDFText_IsGenerated
        for index in range(self.count):
            char = self.text[index]
            if char in _LINE_ENDS or (char.isspace() and generated(self.handle, index)):
                continue
            left, right, middle = self._where(index)
            size = raw.FPDFText_GetFontSize(self.handle, index)
            cell = self.locate((left + right) / 2, middle) if self.locate else None
            baseline = self._baseline(index)
            yield Span(char, left, right, baseline, size, self._font(index), None, cell)

    def _where(self, index: int) -> tuple[float, float, float]:
        """A character's left and right edges and its middle height (top-down)."""
        raw.FPDFText_GetLooseCharBox(self.handle, index, self.rect)
        rect = self.rect
        return rect.left, rect.right, self.height - (rect.top + rect.bottom) / 2

    def _span(self, start: int, end: int, size: float, cell: int | None) -> Iterator[Span]:
        text = self.text[start:end]
        inked = [i for i, char in enumerate(text) if not char.isspace()]
        if not inked:
            return
        first, last = start + inked[0], start + inked[-1]
        baseline = self._baseline(first)
        if abs(self._baseline(last) - baseline) > _SAME_LINE * size:
            # PDFium ran two lines together: cut where the baseline moves
            cut = next(
                i
                for i in range(first + 1, last + 1)
                if abs(self._baseline(i) - baseline) > _SAME_LINE * size
            )
            yield from self._span(start, cut, size, cell)
            yield from self._span(cut, end, size, cell)
            return
        x0, _ = self._box(first)
        _, x1 = self._box(last)
        word_end = None
        gap = text.find(" ", inked[0])
        if gap > 0:
            word_end = self._box(start + gap - 1)[1]
        yield Span(text, x0, x1, baseline, size, self._font(first), word_end, cell)

    def _baseline(self, index: int) -> float:
        raw.FPDFText_GetCharOrigin(self.handle, index, self.origin_x, self.origin_y)
        return float(self.height - self.origin_y.value)

    def _box(self, index: int) -> tuple[float, float]:
        raw.FPDFText_GetLooseCharBox(self.handle, index, self.rect)
        return self.rect.left, self.rect.right

    def _font(self, index: int) -> str:
        length = raw.FPDFText_GetFontInfo(self.handle, index, self.name, len(self.name), self.flags)
        name = self.name.value.decode("utf-8", "replace") if length else ""
        return name.split("+", 1)[-1]


def _objects(page: Any) -> Iterator[tuple[int, Any, tuple[float, ...]]]:
    """(type, raw object, matrix to page space) for every object, forms opened."""
    yield from _walk(page.raw, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, _IDENTITY)


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_MAX_FORM_DEPTH = 8


def _walk(
    parent: Any, count: Any, get: Any, outer: tuple[float, ...], depth: int = 0
) -> Iterator[tuple[int, Any, tuple[float, ...]]]:
    for index in range(count(parent)):
        obj = get(parent, index)
        kind = raw.FPDFPageObj_GetType(obj)
        matrix = _compose(_matrix(obj), outer)
        yield kind, obj, matrix
        if kind == raw.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
            yield from _walk(
                obj, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, matrix, depth + 1
            )


def _matrix(obj: Any) -> tuple[float, ...]:
    found = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, found):
        return _IDENTITY
    return (found.a, found.b, found.c, found.d, found.e, found.f)


def _compose(inner: tuple[float, ...], outer: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix applying `inner` then `outer` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _path_edges(obj: Any, matrix: tuple[float, ...], height: float) -> Iterator[Edge]:
    """The straight axis-parallel segments of a path (a rectangle gives four)."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    start: tuple[float, float] | None = None
    current: tuple[float, float] | None = None
    for index in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, index)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        point = (a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f))
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = point
        elif kind == raw.FPDF_SEGMENT_LINETO and current is not None:
            yield from _straight(current, point)
        if raw.FPDFPathSegment_GetClose(segment) and start is not None:
            yield from _straight(point, start)
        current = point


def _straight(first: tuple[float, float], second: tuple[float, float]) -> Iterator[Edge]:
    (x0, y0), (x1, y1) = first, second
    if max(abs(y0 - y1), abs(x0 - x1)) < _MIN_EDGE:
        return
    if abs(y0 - y1) < _THIN or abs(x0 - x1) < _THIN:
        yield Edge(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
