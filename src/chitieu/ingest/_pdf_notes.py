"""Footnotes at the foot of PDF pages.

Word and LibreOffice print a page's footnotes under a short rule that starts at
the left edge of the text. Below it, a footnote starts with its number (raised
or not) and the next number in sequence starts the next footnote; anything
else continues the footnote above, on the same page or, for a long footnote,
at the foot of the next page. A footnote of several paragraphs keeps them
apart with "\\n", as the text reader does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace

from chitieu.ingest._pdf_lines import TextLine
from chitieu.ingest._pdf_page import Page
from chitieu.ingest._pdf_paragraphs import Column, Reference, paragraphs
from chitieu.ingest._pdf_tables import Grid

_RULE_LENGTH = (15.0, 0.5)  # pt at least, and at most this share of the column
_RULE_START = 6.0  # pt: the rule starts this close to the column's left edge
_MARKER = re.compile(r"^\s*(\d{1,3})(?:[.)]\s*|\s+)(?=\S)")


@dataclass(frozen=True)
class Notes:
    texts: dict[int, str]  # number as printed -> text (paragraphs joined by "\n")


def footnote_rule(page: Page, grids: Sequence[Grid], lines: Sequence[TextLine]) -> float | None:
    """The height of the rule above the page's footnotes, or None."""
    if not lines:
        return None
    left = min(line.x0 for line in lines)
    width = max(line.x1 for line in lines) - left
    found = []
    for edge in page.edges:
        length = edge.x1 - edge.x0
        if not edge.horizontal or not _RULE_LENGTH[0] <= length <= _RULE_LENGTH[1] * width:
            continue
        if abs(edge.x0 - left) > _RULE_START or any(_inside(grid, edge.top) for grid in grids):
            continue
        if any(line.baseline > edge.top for line in lines):
            found.append(edge.top)
    return max(found, default=None)


def _inside(grid: Grid, y: float) -> bool:
    return grid.box[1] - 1 <= y <= grid.box[3] + 1


def read_notes(
    lines: Sequence[TextLine], column_of: Callable[[TextLine], Column], words: Collection[str]
) -> Notes:
    """The footnotes printed in `lines` (every page's footnote lines, in order)."""
    groups: list[tuple[int, list[TextLine]]] = []
    for line in lines:
        marked = _marker(line)
        if marked is not None and marked[0] == len(groups) + 1:
            groups.append((marked[0], [marked[1]]))
        elif groups:
            groups[-1][1].append(line)
    texts = {}
    for number, group in groups:
        found = paragraphs(group, column_of, words, lambda _: False)
        pieces = ("".join(p for p in para.pieces if not isinstance(p, Reference)) for para in found)
        texts[number] = "\n".join(piece.strip() for piece in pieces if piece.strip())
    return Notes(texts)


def _marker(line: TextLine) -> tuple[int, TextLine] | None:
    """The footnote number that opens `line`, and the line without it."""
    lead = len(line.text) - len(line.text.lstrip())
    if line.refs and line.refs[0][0] <= lead:
        rest = line.text[lead:]
        cut = lead + len(rest) - len(rest.lstrip())
        refs = tuple((offset - cut, digits) for offset, digits in line.refs[1:])
        return int(line.refs[0][1]), replace(line, text=line.text[cut:], refs=refs)
    match = _MARKER.match(line.text)
    if match is None:
        return None
    cut = match.end()
    refs = tuple((offset - cut, digits) for offset, digits in line.refs if offset >= cut)
    return int(match.group(1)), replace(line, text=line.text[cut:], refs=refs)
