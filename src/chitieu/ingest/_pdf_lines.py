"""A PDF page's characters as text lines, and the lines that are not content.

A line is the spans that share a baseline. A span set smaller and raised
above the baseline is a superscript; a run of superscript digits is kept
apart as a possible footnote reference (`TextLine.refs`), because a footnote
reference must end the printed line the way the plain-text export ends it,
while "m2" written with a raised 2 is text.

Running headers and footers: a line among the first or last two of a page,
set apart from the text by a wide gap, is page furniture when it is a page
number ("3", "- 3 -", "Trang 3", "3/12") or when the same text, digits aside,
stands at the same height on many pages.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from chitieu.catalog.text import fold
from chitieu.ingest._pdf_page import Span

_SAME_BASELINE = 0.3  # of the font size
_SUPERSCRIPT_SIZE = 0.8  # a superscript is at most this fraction of the line's size ...
_SUPERSCRIPT_RISE = 0.15  # ... and sits at least this fraction above its baseline
_SPACE_GAP = 0.15  # a gap wider than this (of the size) between spans is a space
_EDGE_LINES = 2  # headers and footers are among a page's first and last lines ...
_MARGIN_GAP = 1.8  # ... set apart from the text by a gap this many times their size
_SAME_HEIGHT = 3.0  # pt: a running header stands at the same height on every page
_REPEATED_SHARE = 0.3  # ... on at least this share of the pages (and on two at least)
_PAGE_NUMBER = re.compile(
    r"^(?:trang\s*)?[-–(\[]?\s*\d{1,4}\s*(?:/\s*\d{1,4})?\s*[-–)\]]?$", re.IGNORECASE
)


@dataclass(frozen=True)
class TextLine:
    """One printed line. `text` holds no superscript digits: each run of them
    is in `refs` as (offset in `text`, digits). x0/x1 span the non-space
    characters; `baseline` is top-down; `first_word` is the printed width of
    the text up to its first space (what would have had to fit on the line
    before); `font` the one font of the line's text, None when it mixes fonts."""

    page: int
    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    first_word: float
    refs: tuple[tuple[int, str], ...] = ()
    font: str | None = None

    @property
    def width(self) -> float:
        return self.x1 - self.x0


class _Run:
    """Spans being gathered into one line (mutable while reading a page)."""

    def __init__(self, span: Span) -> None:
        self.spans = [span]
        self.baseline = span.baseline
        self.size = span.size
        self.right = span.x1

    def takes(self, span: Span) -> bool:
        size = max(self.size, span.size)
        if span.x0 < self.right - 0.5 * size:
            return False
        rise = self.baseline - span.baseline
        if abs(rise) <= _SAME_BASELINE * size:
            return True
        if span.size < _SUPERSCRIPT_SIZE * self.size and 0 < rise <= 0.7 * self.size:
            return True  # a superscript after normal text
        # a line that opens with a superscript (a footnote's own number)
        return self.size < _SUPERSCRIPT_SIZE * span.size and -0.7 * span.size <= rise < 0

    def add(self, span: Span) -> None:
        self.spans.append(span)
        self.right = max(self.right, span.x1)
        if span.size > self.size:
            self.size, self.baseline = span.size, span.baseline


def group_lines(spans: Iterable[Span], page: int) -> list[TextLine]:
    """The lines of a page (or of a table cell), top to bottom."""
    runs: list[_Run] = []
    for span in spans:
        if runs and runs[-1].takes(span):
            runs[-1].add(span)
        else:
            runs.append(_Run(span))
    lines = [_line(run.spans, page) for run in _merge_fragments(runs)]
    lines.sort(key=lambda line: (round(line.baseline, 1), line.x0))
    return lines


def _merge_fragments(runs: list[_Run]) -> list[_Run]:
    """Join runs on one baseline that the content stream wrote apart."""
    merged: list[_Run] = []
    for run in sorted(runs, key=lambda run: run.baseline):
        for other in reversed(merged[-3:]):
            near = abs(other.baseline - run.baseline) <= _SAME_BASELINE * max(other.size, run.size)
            if near and not _overlap(other, run):
                pieces = sorted([other.spans, run.spans], key=lambda spans: spans[0].x0)
                other.spans = pieces[0] + pieces[1]
            elif near and _single_characters(other, run):
                # letters written after the rest of the line go back in their place
                other.spans = sorted(other.spans + run.spans, key=lambda span: span.x0)
            else:
                continue
            other.right = max(other.right, run.right)
            break
        else:
            merged.append(run)
    return merged


def _single_characters(first: _Run, second: _Run) -> bool:
    return all(len(span.text) == 1 for span in (*first.spans, *second.spans))


def _overlap(first: _Run, second: _Run) -> bool:
    a0, a1 = first.spans[0].x0, first.right
    b0, b1 = second.spans[0].x0, second.right
    return a0 < b1 - 1 and b0 < a1 - 1


def _line(spans: Sequence[Span], page: int) -> TextLine:
    weights: Counter[float] = Counter()
    for span in spans:
        weights[round(span.size, 1)] += len(span.text.strip())
    size = weights.most_common(1)[0][0]
    baseline = statistics.median(s.baseline for s in spans if round(s.size, 1) == size)
    text: list[str] = []
    refs: list[tuple[int, str]] = []
    fonts: set[str] = set()
    previous: Span | None = None
    for span in spans:
        raised = span.size < _SUPERSCRIPT_SIZE * size and (
            baseline - span.baseline > _SUPERSCRIPT_RISE * size
        )
        if previous is not None and _needs_space(previous, span, size):
            text.append(" ")
        digits = span.text.strip()
        if raised and digits.isdigit():
            if span.text[:1].isspace():
                text.append(" ")
            offset = sum(map(len, text))
            if refs and refs[-1][0] == offset:
                refs[-1] = (offset, refs[-1][1] + digits)
            else:
                refs.append((offset, digits))
            if span.text[-1:].isspace():
                text.append(" ")  # the space after a reference belongs to the text
        else:
            text.append(span.text)
            if not raised:
                fonts.add(span.font)
        previous = span
    return TextLine(
        page=page,
        text="".join(text),
        x0=min(span.x0 for span in spans),
        x1=max(span.x1 for span in spans),
        baseline=baseline,
        size=size,
        first_word=_first_word(spans),
        refs=tuple(refs),
        font=fonts.pop() if len(fonts) == 1 else None,
    )


def _needs_space(previous: Span, span: Span, size: float) -> bool:
    if previous.text[-1:].isspace() or span.text[:1].isspace():
        return False
    return span.x0 - previous.x1 > _SPACE_GAP * size


def _first_word(spans: Sequence[Span]) -> float:
    start = spans[0].x0
    for index, span in enumerate(spans):
        if index and span.text[:1].isspace():
            return spans[index - 1].x1 - start
        if span.word_end is not None:
            return span.word_end - start
    return spans[-1].x1 - start


# -- page furniture -----------------------------------------------------------


def is_page_number(text: str) -> bool:
    """
    >>> [is_page_number(t) for t in ("3", "- 12 -", "Trang 3", "3/12", "2030", "Năm 3")]
    [True, True, True, True, True, False]
    """
    return bool(_PAGE_NUMBER.match(text.strip()))


def furniture(pages: Sequence[Sequence[TextLine]]) -> set[tuple[int, int]]:
    """(page index, line index) of every header, footer and page number."""
    margins = [
        (page_index, index, lines[index])
        for page_index, lines in enumerate(pages)
        for index in margin_lines(lines)
    ]
    places: dict[str, list[float]] = defaultdict(list)
    for _, _, line in margins:
        places[_shape(line.text)].append(line.baseline)
    needed = max(2, round(_REPEATED_SHARE * len(pages)))
    found: set[tuple[int, int]] = set()
    for page_index, index, line in margins:
        same = sum(abs(y - line.baseline) <= _SAME_HEIGHT for y in places[_shape(line.text)])
        if is_page_number(line.text + _digits(line)) or same >= needed:
            found.add((page_index, index))
    return found


def margin_lines(lines: Sequence[TextLine]) -> list[int]:
    """The lines that stand apart at the top or the bottom of a page: among
    its first (last) few lines, those above (below) the widest gap, when that
    gap is wider than body text leaves between lines."""
    found: list[int] = []
    count = len(lines)
    if count < 2:
        return found
    edge = min(_EDGE_LINES, count - 1)
    gap, index = max((lines[i + 1].baseline - lines[i].baseline, i) for i in range(edge))
    if gap > _MARGIN_GAP * lines[index].size:
        found.extend(range(index + 1))
    gap, index = max(
        (lines[i].baseline - lines[i - 1].baseline, i) for i in range(count - edge, count)
    )
    if gap > _MARGIN_GAP * lines[index].size:
        found.extend(i for i in range(index, count) if i not in found)
    return found


def _digits(line: TextLine) -> str:
    return "".join(digits for _, digits in line.refs)


def _shape(text: str) -> str:
    """The text with its numbers blanked: "Trang 3" and "Trang 4" look alike."""
    return re.sub(r"\d+", "#", " ".join(fold(text).split()))
