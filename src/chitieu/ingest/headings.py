"""Heading numbering styles of a Vietnamese resolution and the heading tree.

Levels, outermost first: "Phần thứ nhất" > "I-" / "II." > "1." > "1.1." >
"1.2.1." > "1.2.1.1." > "(1)" > "(i)" > "a)". A heading is recognised by its
numbering at the start of a paragraph (leading spaces allowed); bullets ("- ")
and text inside tables are never headings. The numbered items of a list such as
the focus tasks "(1) ..." are headings whose title is their whole paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from chitieu.ingest.document import Heading, Paragraph

PART = 1
ROMAN = 2
DOTTED_BASE = 2  # "1." is level 3, "1.1." level 4 ... (at most four components)
PAREN_NUMBER = 7
PAREN_ROMAN = 8
LETTER = 9

_PART = re.compile(r"^(phần\s+thứ\s+[^\s:.\-–]+)\s*[:.\-–]?\s*(.*)$", re.IGNORECASE | re.DOTALL)
_ROMAN = re.compile(r"^([IVXL]+)\s*[-.–]\s*(.+)$", re.DOTALL)
_DOTTED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})(\.?)\s+(.+)$", re.DOTALL)
_PAREN_NUMBER = re.compile(r"^\((\d{1,2})\)\s*(.+)$", re.DOTALL)
_PAREN_ROMAN = re.compile(r"^\(([ivx]+)\)\s*(.+)$", re.DOTALL)
_LETTER = re.compile(r"^([a-zđ])\)\s+(.+)$", re.DOTALL)
_MAX_PART_TITLE_LINES = 3


@dataclass(frozen=True)
class Numbering:
    level: int
    numbering: str  # as printed, without trailing punctuation
    rest: str  # the text after the numbering


def recognise(text: str) -> Numbering | None:
    """The heading numbering at the start of `text`, if any.

    >>> recognise("I- NHỮNG KẾT QUẢ CHỦ YẾU")
    Numbering(level=2, numbering='I', rest='NHỮNG KẾT QUẢ CHỦ YẾU')
    >>> recognise("1.2.1. Nguyên nhân khách quan").numbering
    '1.2.1'
    >>> recognise(" 3.5 Tiếp tục kiện toàn").level
    4
    >>> recognise("(iii) Phát triển").numbering
    '(iii)'
    >>> recognise("- Khu vực dịch vụ: 27,5%.") is None
    True
    >>> recognise("2025 - 2030 là dấu mốc") is None
    True
    """
    text = text.strip()
    if not text:
        return None
    if match := _PART.match(text):
        return Numbering(PART, " ".join(match.group(1).split()), match.group(2).strip())
    if (match := _ROMAN.match(text)) and _starts_upper(match.group(2)):
        return Numbering(ROMAN, match.group(1), match.group(2).strip())
    if (match := _DOTTED.match(text)) and _starts_upper(match.group(3)):
        number, dot, rest = match.groups()
        components = number.count(".") + 1
        if components == 1 and not dot:
            return None  # "2 bác sỹ" is prose; a first-level number needs its dot
        return Numbering(DOTTED_BASE + components, number, rest.strip())
    if match := _PAREN_NUMBER.match(text):
        return Numbering(PAREN_NUMBER, f"({match.group(1)})", match.group(2).strip())
    if match := _PAREN_ROMAN.match(text):
        return Numbering(PAREN_ROMAN, f"({match.group(1)})", match.group(2).strip())
    if match := _LETTER.match(text):
        return Numbering(LETTER, match.group(1), match.group(2).strip())
    return None


def _starts_upper(text: str) -> bool:
    first = text.lstrip()[:1]
    return first.isupper() or first.isdigit()


def _is_title_line(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and stripped == stripped.upper() and any(c.isalpha() for c in stripped)


@dataclass
class _Flat:
    level: int
    numbering: str
    title: str
    line: int
    lines: list[int]
    end_line: int = 0


def find_headings(
    paragraphs: Sequence[Paragraph],
    *,
    blocks: Sequence[tuple[int, int]] = (),
    breaks: Sequence[int] = (),
) -> tuple[Heading, ...]:
    """The heading tree of a document.

    `paragraphs` are the body's prose paragraphs in order; `blocks` other
    content spans (tables) that count when finding where a section ends;
    `breaks` lines (decorations such as "*   *") that close every open section.
    """
    flat = _flat_headings(paragraphs)
    content = sorted([(p.line, p.end_line) for p in paragraphs] + list(blocks))
    _set_ends(flat, content, sorted(breaks))
    return _tree(flat)


def _flat_headings(paragraphs: Sequence[Paragraph]) -> list[_Flat]:
    flat: list[_Flat] = []
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        index += 1
        found = recognise(paragraph.text)
        if found is None:
            continue
        lines = list(range(paragraph.line, paragraph.end_line + 1))
        title = " ".join(found.rest.split()) if found.level == PART else found.rest
        if found.level == PART and not title:
            parts: list[str] = []
            while (
                index < len(paragraphs)
                and len(parts) < _MAX_PART_TITLE_LINES
                and recognise(paragraphs[index].text) is None
                and _is_title_line(paragraphs[index].text)
            ):
                parts.append(paragraphs[index].text.strip())
                lines.extend(range(paragraphs[index].line, paragraphs[index].end_line + 1))
                index += 1
            title = " ".join(parts)
        flat.append(_Flat(found.level, found.numbering, title.strip(), paragraph.line, lines))
    return flat


def _set_ends(flat: list[_Flat], content: list[tuple[int, int]], breaks: list[int]) -> None:
    last_line = max((end for _, end in content), default=0)
    for position, heading in enumerate(flat):
        bound = last_line
        for later in flat[position + 1 :]:
            if later.level <= heading.level:
                bound = later.line - 1
                break
        for line in breaks:
            if line > heading.line:
                bound = min(bound, line - 1)
                break
        heading.end_line = max(
            [heading.lines[-1]] + [end for start, end in content if heading.line <= start <= bound]
        )
        heading.end_line = min(max(heading.end_line, heading.lines[-1]), max(bound, heading.line))


def _tree(flat: list[_Flat]) -> tuple[Heading, ...]:
    def build(start: int, stop: int) -> tuple[Heading, ...]:
        result = []
        position = start
        while position < stop:
            heading = flat[position]
            child_stop = position + 1
            while child_stop < stop and flat[child_stop].level > heading.level:
                child_stop += 1
            result.append(
                Heading(
                    level=heading.level,
                    numbering=heading.numbering,
                    title=heading.title,
                    line=heading.line,
                    end_line=heading.end_line,
                    children=build(position + 1, child_stop),
                    lines=tuple(heading.lines),
                )
            )
            position = child_stop
        return tuple(result)

    return build(0, len(flat))
