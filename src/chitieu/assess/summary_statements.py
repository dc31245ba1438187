"""The report's own summary counts ("hoàn thành vượt 12/19 nhóm chỉ tiêu") found in its prose.

A statement is a fraction N/M followed by "chỉ tiêu" or "nhóm chỉ tiêu", with the word
that says what was counted, after it ("7/19 nhóm chỉ tiêu đạt") or before it ("vượt
5/20 chỉ tiêu"), within the clause (clauses end at , ; . : and "và"). The place it
speaks of is the one the sentence names last before the fraction ("Tỉnh Kim Sơn (cũ)").
Checking them is chitieu.assess.summary_claims.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from chitieu.catalog.model import Assessment, Claim, PastTerm
from chitieu.ingest.document import Document

_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


class Category(StrEnum):
    EXCEEDED = "exceeded"  # vượt, hoàn thành vượt
    ACHIEVED = "achieved"  # đạt
    BASICALLY = "basically"  # cơ bản đạt
    NOT_ACHIEVED = "not_achieved"  # không đạt, chưa đạt
    UNFINISHED = "unfinished"  # chưa hoàn thành: anything short of the target


A = Assessment
CATEGORY_STATUSES = {
    Category.EXCEEDED: frozenset({A.EXCEEDED}),
    Category.ACHIEVED: frozenset({A.ACHIEVED}),
    Category.BASICALLY: frozenset({A.BASICALLY_ACHIEVED}),
    Category.NOT_ACHIEVED: frozenset({A.NOT_ACHIEVED, A.NOT_YET_ACHIEVED}),
    Category.UNFINISHED: frozenset({A.BASICALLY_ACHIEVED, A.NOT_ACHIEVED, A.NOT_YET_ACHIEVED}),
}
CATEGORY_LABELS = {
    Category.EXCEEDED: "Vượt",
    Category.ACHIEVED: "Đạt",
    Category.BASICALLY: "Cơ bản đạt",
    Category.NOT_ACHIEVED: "Không đạt",
    Category.UNFINISHED: "chưa hoàn thành (Cơ bản đạt hoặc Không đạt)",
}


def _key(text: str) -> str:
    """Lower case without tone marks, one character for one: positions stay valid."""
    return "".join(
        unicodedata.normalize(
            "NFC", "".join(c for c in unicodedata.normalize("NFD", ch) if c not in _TONE_MARKS)
        )
        or ch
        for ch in text.lower()
    )


def _ascii(text: str) -> str:
    """Lower case ASCII letters, one character for one ('Kim Sơn' -> 'kim son')."""
    out = []
    for ch in text.lower():
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        out.append("d" if base == "đ" else (base[:1] or ch))
    return "".join(out)


# Longest phrases first, so "không đạt" is not read as "đạt".
_PHRASES = (
    ("chưa hoàn thành", Category.UNFINISHED),
    ("hoàn thành vượt", Category.EXCEEDED),
    ("không hoàn thành", Category.NOT_ACHIEVED),
    ("không đạt", Category.NOT_ACHIEVED),
    ("chưa đạt", Category.NOT_ACHIEVED),
    ("cơ bản đạt", Category.BASICALLY),
    ("vượt", Category.EXCEEDED),
    ("đạt", Category.ACHIEVED),
)
_PHRASE = re.compile(r"\b(" + "|".join(re.escape(_key(p)) for p, _ in _PHRASES) + r")\b")
_CATEGORY = {_key(phrase): category for phrase, category in _PHRASES}
_FRACTION = re.compile(
    r"(?<![\d/])(\d{1,3})\s*/\s*(\d{1,3})\s+((?:"
    + _key("nhóm")
    + r"\s+)?"
    + _key("chỉ")
    + r"\s+"
    + _key("tiêu")
    + r")\b"
)
_BOUNDARY = re.compile(r"[,;.:]|\b" + _key("và") + r"\b")


@dataclass(frozen=True)
class CountStatement:
    line: int
    text: str  # the clause, as written
    count: int
    total: int
    words: str  # the words that say what was counted, as written ("hoàn thành vượt")
    category: Category
    noun: str  # "nhóm chỉ tiêu" | "chỉ tiêu"
    locality: str | None  # ascii key of the place named before it ("kim son")
    footnote: int | None = None


def statements_in(
    text: str,
    line: int,
    *,
    localities: Iterable[str] = (),
    footnote: int | None = None,
) -> tuple[CountStatement, ...]:
    """The count statements of one paragraph. `localities`: ascii keys to look for."""
    key, plain = _key(text), _ascii(text)
    matches = list(_FRACTION.finditer(key))
    found = []
    for index, match in enumerate(matches):
        floor = matches[index - 1].end() if index else 0
        ceiling = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        start = _clause_start(key, floor, match.start())
        end = _clause_end(key, match.end(), ceiling)
        words = _words(key, match.end(), end, last=False) or _words(
            key, start, match.start(), last=True
        )
        if words is None:
            continue
        lo, hi = words
        found.append(
            CountStatement(
                line=line,
                text=text[start:end].strip(),
                count=int(match.group(1)),
                total=int(match.group(2)),
                words=text[lo:hi],
                category=_CATEGORY[key[lo:hi]],
                noun="nhóm chỉ tiêu"
                if "nhom" in plain[match.start(3) : match.end(3)]
                else "chỉ tiêu",
                locality=_locality(plain[: match.start()], localities),
                footnote=footnote,
            )
        )
    return tuple(found)


def _clause_start(key: str, floor: int, at: int) -> int:
    starts = [m.end() for m in _BOUNDARY.finditer(key, floor, at)]
    return max([floor, *starts])


def _clause_end(key: str, at: int, ceiling: int) -> int:
    found = _BOUNDARY.search(key, at, ceiling)
    return found.start() if found else ceiling


def _words(key: str, start: int, end: int, *, last: bool) -> tuple[int, int] | None:
    found = list(_PHRASE.finditer(key, start, end))
    if not found:
        return None
    chosen = found[-1] if last else found[0]
    return chosen.start(), chosen.end()


def _locality(before: str, localities: Iterable[str]) -> str | None:
    best: tuple[int, str] | None = None
    for name in localities:
        at = before.rfind(name)
        if at >= 0 and (best is None or at > best[0]):
            best = (at, name)
    return best[1] if best else None


def find_statements(
    document: Document, localities: Iterable[str] = ()
) -> tuple[CountStatement, ...]:
    """Every count statement in the prose paragraphs and the footnotes."""
    names = tuple(localities)
    found: list[CountStatement] = []
    for paragraph in document.paragraphs():
        found.extend(statements_in(paragraph.text, paragraph.line, localities=names))
    for note in document.footnotes:
        found.extend(statements_in(note.text, note.line, localities=names, footnote=note.number))
    return tuple(found)


def statements_from_claims(
    claims: Sequence[Claim], localities: Iterable[str] = ()
) -> tuple[CountStatement, ...]:
    """The count statements among ingestion's claims (relation "count")."""
    names = tuple(localities)
    found: dict[tuple[int, str], CountStatement] = {}
    for claim in claims:
        if claim.relation != "count":
            continue
        for statement in statements_in(claim.text, claim.line, localities=names):
            found.setdefault((statement.line, statement.text), statement)
    return tuple(found.values())


def locality_keys(terms: Sequence[PastTerm]) -> dict[str, str]:
    """ascii locality key -> table label: {'long giang': '1A', 'kim son': '1B'}."""
    keys = {}
    for term in terms:
        name = term.locality.removesuffix("_cu").replace("_", " ")
        tables = {row.table for row in term.rows}
        if len(tables) == 1:
            keys[name] = tables.pop()
    return keys
