"""Test-only helpers: walk the seed's flattened tables and section IV's targets.

A table row in the seed is a run of tab-indented lines, one cell per line; rows
are separated by blank lines. A line without the tab continues the previous
cell (a header cell broken over two lines, "Kết quả\\n\\nthực hiện"); before
the first cell such lines are the table's title and are dropped. The real
table reader is chitieu.ingest's job; this is just enough to feed the tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    line: int  # line number of the row's first cell
    cells: tuple[str, ...]


def table_rows(lines: Sequence[str], first: int, last: int) -> list[Row]:
    """The rows of the table on lines first..last (1-based, inclusive)."""
    rows: list[Row] = []
    cells: list[str] = []
    start = 0
    ended = False
    for number in range(first, last + 1):
        line = lines[number - 1]
        if line.startswith("\t"):
            if ended and cells:
                rows.append(Row(start, tuple(cells)))
                cells = []
            if not cells:
                start = number
            cells.append(line[1:].strip())
            ended = False
        elif not line.strip():
            ended = True
        elif cells:
            cells[-1] = f"{cells[-1]} {line.strip()}".strip()
            ended = False
    if cells:
        rows.append(Row(start, tuple(cells)))
    return rows


_ITEM = re.compile(r"^(?:\d+\.\d+\.|-)\s*(?P<body>.*)$")
_SENTENCE = re.compile(r"(?<=\D)\.\s+(?=[A-ZĐ])")
_PIECE = re.compile(r"[;()]|,\s*(?=trong đó)")
_IN_WHICH = re.compile(r"^trong đó[,:]?\s*")


@dataclass(frozen=True)
class ProseTarget:
    line: int
    subject: str
    text: str


def section_iv_targets(lines: Sequence[str], first: int, last: int) -> Iterator[ProseTarget]:
    """Every 'subject: target' clause of section IV's numbered and bulleted items.

    A line may hold several sentences ("GRDP ...: Khoảng 180 triệu đồng/năm.
    Quy mô GRDP ...: Khoảng 600.000 tỷ đồng."), several clauses split by ";"
    or parentheses ("thu nội địa: Khoảng 57.000 tỷ đồng (... : Khoảng 36.000
    tỷ đồng)"), and "trong đó" sub-targets; each is yielded on its own. Lines
    without a colon (section 5's prose) are the prose extractor's business.
    """
    for number in range(first, last + 1):
        line = lines[number - 1].strip()
        item = _ITEM.match(line)
        body = item["body"] if item else line
        for sentence in _SENTENCE.split(body):
            subject = ""
            for position, piece in enumerate(_PIECE.split(sentence)):
                head, colon, rest = piece.partition(":")
                if colon:
                    subject, text = head.strip(), rest
                elif position > 0 and _IN_WHICH.match(piece.strip()):
                    text = _IN_WHICH.sub("", piece.strip())
                else:
                    continue
                text = text.strip().rstrip(".").strip()
                if text:
                    yield ProseTarget(number, subject, text)
