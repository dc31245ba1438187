"""Printed PDF lines joined back into the paragraphs they were typeset from.

A line continues on the next when the next line's first word could not have
fitted at the end of it (the typesetter had to wrap), the gap between the two
is an ordinary line gap, the font and its size are the same, and the next
line does not start something new: a heading or numbered item ("Phần thứ
hai", "IV-", "1.", "2.1.", "(3)", "a)"; but "(iii)" goes on a paragraph that
lists "(ii)" inline, and "4.0" numbers no heading), an indented first line
(lines may hang indented under an item), a change between an upper-case title
and ordinary text, or a bullet ("- ", "+ ") after a line that ended a sentence
(a wrapped "kinh tế" may go on with "- xã hội"). A page break is no
paragraph break by itself: where a paragraph ends on a full line at the foot of
a page and the next one starts the page without an indent, the two are joined.

At the join, the lines are separated by a space, except after a hyphen glued
to a word: "Covid-" + "19" gives "Covid-19", and the hyphen is dropped only
where the word was really split, that is, where the document writes the joined
word elsewhere and never the hyphenated one (Vietnamese separates syllables
with spaces, so a real split is rare); a soft hyphen (U+00AD) is always dropped.
A spaced dash stays spaced: "kinh tế -" + "xã hội" gives "kinh tế - xã hội".
A line may break without a space after a slash ("%/" + "năm") or before
closing punctuation ("xanh," + "…)"), and inside a word too long for a narrow
cell ("Tron" + "g đó", "250.0" + "00"): see `broke_inside_a_word`.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from chitieu.ingest._pdf_lines import TextLine
from chitieu.ingest.headings import recognise

SOFT_HYPHEN = "\u00ad"
PDFIUM_HYPHEN = "\ufffe"  # what PDFium makes of a hyphen that ends a line
LINE_END_HYPHENS = ("-", PDFIUM_HYPHEN)
_PARAGRAPH_GAP = 1.2  # a gap this many times the usual line pitch ends a paragraph
_SIZE_CHANGE = 0.12  # relative font-size change that ends a paragraph
_INDENT = 0.8  # of the font size: a first-line indent
_HANG = 0.3  # of the font size: lines hanging under an item's text start right of its first
_CENTRED = 3.0  # pt: a centred line's middle is this close to the column's
_FIT_TOLERANCE = 1.0  # pt: lean to joining when a word only just fitted
_SPACE = 0.3  # a space is about this fraction of the font size
_LETTER = 0.8  # and a wide letter this fraction
_BULLET = re.compile(r"^\s*[-+•–*]\s")
_SENTENCE_ENDS = frozenset(".;:!?…")
_CLOSING = frozenset(",.;:)]}…”’%")
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
_WORD = re.compile(r"\w+(?:-\w+)*")
_LETTERS_BEFORE = re.compile(r"(\w+)$")
_LETTERS_AFTER = re.compile(r"^(\w+)")
_NUMBER_PIECE = re.compile(r"[\d.,]*\d[\d.,]*[%]?")


@dataclass(frozen=True)
class Reference:
    """A footnote reference inside a paragraph (the note's number)."""

    number: int


Piece = str | Reference


@dataclass(frozen=True)
class Column:
    """Where the text of pages of one size sits: its left and right edges and
    the usual distance between baselines of body text. In a table cell
    (`cell`) text may be centred or right-aligned, so a line wrapped when it
    was too wide for the next word, wherever it stands."""

    left: float
    right: float
    pitch: float
    size: float
    cell: bool = False

    @property
    def middle(self) -> float:
        return (self.left + self.right) / 2


def measure(lines: Sequence[TextLine], page_width: float) -> Column:
    """The column of `lines` (body lines of the pages of one size)."""
    if not lines:
        return Column(0.0, page_width, 14.0, 11.0)
    size = statistics.mode(line.size for line in lines)
    left = statistics.mode(round(line.x0, 1) for line in lines)
    right = max(max(line.x1 for line in lines), page_width - left)
    gaps = [
        second.baseline - first.baseline
        for first, second in itertools.pairwise(lines)
        if first.page == second.page
        and first.size == second.size == size
        and 0.9 * size < second.baseline - first.baseline < 2.5 * size
    ]
    pitch = statistics.median(gaps) if gaps else 1.2 * size
    return Column(left, right, pitch, size)


def wrapped(previous: TextLine, line: TextLine, column: Column) -> bool:
    """Whether `line`'s first word could not have fitted on `previous`."""
    needed = _SPACE * previous.size + line.first_word
    if column.right - previous.x1 < needed + _FIT_TOLERANCE:
        return True  # no room left at the right edge
    too_wide = previous.width + needed + _FIT_TOLERANCE > column.right - column.left
    if column.cell:
        return too_wide  # a cell's text may be centred or right-aligned
    centred = (
        abs((previous.x0 + previous.x1) / 2 - column.middle) <= _CENTRED
        and previous.x0 > column.left + _INDENT * previous.size
    )
    return centred and too_wide


def broke_inside_a_word(
    previous: TextLine, line: TextLine, column: Column, words: Collection[str]
) -> bool:
    """The typesetter cut a word too long for the room ("Tron" / "g đó",
    "250.0" / "00" in a narrow cell): `previous` is one word that fills its
    line, and with the start of `line` it makes a word the document writes
    elsewhere, or a number."""
    text = previous.text.strip()
    if not text or " " in text or previous.refs:
        return False
    if column.right - previous.x1 >= _LETTER * previous.size:
        return False  # the next letter would have fitted
    start = line.text.lstrip().split(" ", 1)[0]
    if _NUMBER_PIECE.fullmatch(text) and _NUMBER_PIECE.fullmatch(start):
        return True
    left, right = _LETTERS_BEFORE.search(text), _LETTERS_AFTER.match(start)
    if left is None or right is None:
        return False
    return (left.group(1) + right.group(1)).lower() in words


def continues(
    previous: TextLine,
    line: TextLine,
    column: Column,
    *,
    hangs_from: float | None = None,
    so_far: Sequence[Piece] = (),
) -> bool:
    """Whether `line` goes on with the paragraph that `previous` ends.
    `hangs_from` is the left edge of the paragraph's first line when that line
    opens a numbered item or bullet (its further lines may hang indented to
    the right of it); `so_far` is the paragraph up to `previous`."""
    if _set_apart(previous, line, column) or _case_changes(previous.text, line.text):
        return False
    indented = line.x0 > previous.x0 + _INDENT * line.size
    hanging = hangs_from is not None and line.x0 > hangs_from + _HANG * line.size
    if indented and not hanging and not _is_centred(line, column):
        return False
    is_wrapped = wrapped(previous, line, column)
    if not is_wrapped:
        return False
    numbering = recognise(line.text)
    if numbering is not None and not _version_number(numbering.numbering):
        so_far_text = "".join(piece for piece in so_far if isinstance(piece, str))
        return _goes_on_listing(numbering.numbering, so_far_text)
    ends_sentence = previous.text.rstrip()[-1:] in _SENTENCE_ENDS
    return not (_BULLET.match(line.text) and ends_sentence)


def _set_apart(previous: TextLine, line: TextLine, column: Column) -> bool:
    """The layout alone starts a new paragraph: a wide gap, another page
    than the next, another font size or another font."""
    if line.page == previous.page:
        gap = line.baseline - previous.baseline
        scale = max(previous.size, line.size) / column.size
        if gap <= 0 or gap > _PARAGRAPH_GAP * column.pitch * scale:
            return True
    elif line.page != previous.page + 1:
        return True
    if abs(previous.size - line.size) > _SIZE_CHANGE * max(previous.size, line.size):
        return True
    return previous.font is not None and line.font is not None and previous.font != line.font


def _version_number(numbering: str) -> bool:
    """ "4.0" (as in "công nghiệp 4.0") numbers no heading: headings count from 1.

    >>> _version_number("4.0"), _version_number("1.2"), _version_number("(i)")
    (True, False, False)
    """
    parts = numbering.split(".")
    return len(parts) > 1 and all(p.isdigit() for p in parts) and "0" in parts


def _goes_on_listing(numbering: str, so_far: str) -> bool:
    """A wrapped line may start with "(iii)" when the paragraph lists "(i)",
    "(ii)" inline; any other numbering at a line start opens a new paragraph.

    >>> _goes_on_listing("(iii)", "5 trụ cột: (i) công nghiệp; (ii) nông nghiệp;")
    True
    >>> _goes_on_listing("(iii)", "(ii) Phát triển nông nghiệp")
    False
    >>> _goes_on_listing("b", "gồm: a) đường bộ,")
    True
    """
    before = _previous_numbering(numbering)
    return before is not None and so_far.find(before, 1) > 0


def _previous_numbering(numbering: str) -> str | None:
    inner = numbering.strip("()")
    if inner.isdigit() and numbering.startswith("("):
        return f"({int(inner) - 1})" if int(inner) > 1 else None
    if inner in _ROMANS and numbering.startswith("("):
        position = _ROMANS.index(inner)
        return f"({_ROMANS[position - 1]})" if position else None
    if len(numbering) == 1 and numbering.isalpha() and numbering > "a":
        return f"{chr(ord(numbering) - 1)})"
    return None


def _is_centred(line: TextLine, column: Column) -> bool:
    return abs((line.x0 + line.x1) / 2 - column.middle) <= _CENTRED


def _case_changes(first: str, second: str) -> bool:
    """An upper-case title line next to ordinary text (lines without letters,
    such as "2025 - 2030", go either way)."""
    one, two = _upper(first), _upper(second)
    return one is not None and two is not None and one != two


def _upper(text: str) -> bool | None:
    """True for an upper-case title line, False for ordinary text, None for
    neither (no letters, or a lone word such as "GRDP")."""
    if any(c.islower() for c in text):
        return False
    words = [word for word in text.split() if any(c.isalpha() for c in word)]
    return True if len(words) >= 2 else None


def opens_item(text: str) -> bool:
    return recognise(text) is not None or bool(_BULLET.match(text))


def vocabulary(texts: Collection[str]) -> frozenset[str]:
    """The lower-case words of the document, hyphenated forms kept whole."""
    return frozenset(word.lower() for text in texts for word in _WORD.findall(text))


def join(first: str, second: str, words: Collection[str]) -> tuple[str, str]:
    """`first` and `second` as they read when `first` wrapped into `second`:
    (first without its line-end spaces or split hyphen, the separator).
    PDFium hands a hyphen that ends a line as U+FFFE, soft or not.

    >>> join("kinh tế -  ", "xã hội", frozenset()), join("kinh tế \ufffe", "xã", frozenset())
    (('kinh tế -', ' '), ('kinh tế -', ' '))
    >>> join("liên\ufffe", "vùng", frozenset({"liên-vùng"}))
    ('liên-', '')
    >>> join("logis\ufffe", "tics", frozenset({"logistics"}))
    ('logis', '')
    >>> join("đô thị hóa", " và", frozenset())
    ('đô thị hóa', ' ')
    >>> join("tăng 10%/", "năm", frozenset())
    ('tăng 10%/', '')
    >>> join("Hydrogen xanh,", "…), sớm", frozenset()), join("xanh, ", "…)", frozenset())
    (('Hydrogen xanh,', ''), ('xanh,', ' '))
    """
    head = first.rstrip()
    if second.lstrip()[:1] in _CLOSING and head == first:
        return head, ""  # "xanh," + "…)": the line broke where there was no space
    if head.endswith("/"):
        return head, ""  # "%/" + "năm": a line may break after a slash
    if head.endswith(SOFT_HYPHEN):
        return head[:-1], ""
    if not head.endswith(LINE_END_HYPHENS):
        return head, " "
    if head[-2:-1].isspace():
        return head[:-1] + "-", " "  # a spaced dash: "kinh tế -" + "xã hội"
    words_before = head[:-1].rsplit(None, 1)
    before = _LETTERS_BEFORE.search(words_before[-1]) if words_before else None
    after = _LETTERS_AFTER.match(second.lstrip())
    if before and after:
        left, right = before.group(1).lower(), after.group(1).lower()
        numbers = left.isdigit() and right.isdigit()  # "2-" + "2,5": a range
        if not numbers and left + right in words and f"{left}-{right}" not in words:
            return head[:-1], ""  # a word split by the typesetter
        return head[:-1] + "-", ""
    return head[:-1] + "-", ""


def clean(text: str) -> str:
    """Text without the hyphen marks PDFium leaves (see `join`)."""
    return text.replace(PDFIUM_HYPHEN, "-").replace(SOFT_HYPHEN, "")


def pieces_of(line: TextLine, accept: Callable[[int], bool]) -> list[Piece]:
    """The line's text with its accepted footnote references in place (other
    superscript digits go back into the text)."""
    pieces: list[Piece] = []
    cursor = 0
    pending = ""
    for offset, digits in line.refs:
        pending += line.text[cursor:offset]
        cursor = offset
        if accept(int(digits)):
            pieces.extend([pending, Reference(int(digits))])
            pending = ""
        else:
            pending += digits
    pieces.append(pending + line.text[cursor:])
    return pieces


@dataclass(frozen=True)
class Para:
    """A paragraph: its text pieces and footnote references, and its first
    and last printed lines."""

    pieces: tuple[Piece, ...]
    first: TextLine
    last: TextLine


def paragraphs(
    lines: Sequence[TextLine],
    column: Callable[[TextLine], Column],
    words: Collection[str],
    accept: Callable[[int], bool],
) -> list[Para]:
    """The paragraphs of consecutive body lines (or of one table cell)."""
    found: list[tuple[list[Piece], TextLine, TextLine]] = []
    hangs_from: float | None = None
    for line in lines:
        pieces = pieces_of(line, accept)
        if found and continues(
            found[-1][2],
            line,
            column(found[-1][2]),
            hangs_from=hangs_from,
            so_far=found[-1][0],
        ):
            glued = broke_inside_a_word(found[-1][2], line, column(found[-1][2]), words)
            _extend(found[-1][0], pieces, words, glued=glued)
            found[-1] = (found[-1][0], found[-1][1], line)
        else:
            found.append((pieces, line, line))
            hangs_from = line.x0 if opens_item(line.text) else None
    return [
        Para(tuple(clean(p) if isinstance(p, str) else p for p in pieces), first, last)
        for pieces, first, last in found
    ]


def _extend(
    paragraph: list[Piece], pieces: list[Piece], words: Collection[str], *, glued: bool
) -> None:
    last = paragraph[-1]
    first = pieces[0]
    assert isinstance(last, str) and isinstance(first, str)  # pieces_of ends and starts with text
    if glued:
        head, separator = last.rstrip(), ""
    elif last.strip():
        head, separator = join(last, first, words)
    else:  # the line ended on a footnote reference
        head, separator = last, "" if last.endswith(" ") else " "
    paragraph[-1] = head + separator + first.lstrip()
    paragraph.extend(pieces[1:])
