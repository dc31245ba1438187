"""Targets stated in the forward-looking prose, outside the target section and the tables.

Scope: the forward-looking parts (`tasks.forward_headings`: "Phần thứ hai" of a
political report) without the target section itself (the heading whose title
speaks of "chỉ tiêu"), plus the footnotes anchored there. Results of the past
term are claims (`chitieu.ingest.claims`), never candidates.

A sentence yields a candidate for each quantity in it when the quantity's
clause (between semicolons) looks ahead: "phấn đấu", "đến năm 20xx", "vào năm 20xx", "hằng năm", "mỗi năm",
"trở lên", "ít nhất", "tối thiểu", "giai đoạn 2026-2030", "hoàn thành"; and
one text candidate when it commits to a completion by a year without a number
("Đến năm 2030, hoàn thành cấp giấy chứng nhận quyền sử dụng đất …").
Context sections ("Dự báo tình hình": the nation's goals) are skipped.
Directional phrases ("hướng tới", "góp phần") are not commitments and yield
nothing.

The target is `parse_target` of the quantity phrase (the comparator or
"khoảng" before the number, the number, the words after it up to the next
punctuation); the name is the clause without its time lead ("Phấn đấu đến năm
2030,"); aggregation: "hằng năm"/"mỗi năm" → every_year, "bình quân" with
%/năm → avg_growth, a period ("trong giai đoạn 2026-2030") → cumulative,
"đến năm"/"vào năm" → level, otherwise None; period_end the year written, else
None.

Duplicates: a candidate that restates a catalogue indicator's target (the
sentence mentions the indicator and the bounds are equal, e.g. line 517's
"công nghiệp chế biến, chế tạo chiếm khoảng 40,5% GRDP" and the table's
"Trong đó" row 40,5 %) is dropped by `extract_candidates`: the prose/table
comparison belongs to the discrepancy checker, and a reviewer should not be
asked to accept a target the catalogue already has. `scan_candidates` keeps
them, and `duplicate_of` says which indicator a candidate restates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from chitieu.catalog.model import Aggregation, Candidate, Indicator, Source
from chitieu.catalog.text import fold
from chitieu.ingest.claims import scan_numbers
from chitieu.ingest.document import Document, Heading
from chitieu.ingest.mentions import find_mentions
from chitieu.ingest.tasks import forward_headings
from chitieu.quantity import NotATargetError, Target, TargetKind, parse_target

_FORWARD = tuple(
    fold(w)
    for w in (
        "phấn đấu",
        "đến năm 20",
        "vào năm 20",
        "hằng năm",
        "hàng năm",
        "mỗi năm",
        "trở lên",
        "ít nhất",
        "tối thiểu",
        "giai đoạn 20",
        "hoàn thành",
    )
)
_DIRECTIONAL = tuple(fold(w) for w in ("hướng tới", "góp phần"))
_COMPLETION = re.compile(r"(?:đến|vào)\s+năm\s+(\d{4})\s*,?\s*(hoàn thành\b.*)", re.IGNORECASE)
_COMPARATORS = tuple(
    sorted(
        (
            "khoảng",
            "trên",
            "dưới",
            "ít nhất",
            "tối thiểu",
            "tối đa",
            "không quá",
            "không dưới",
            "gần",
            "xấp xỉ",
            "từ",
        ),
        key=len,
        reverse=True,
    )
)
_TARGET_SECTION = fold("chỉ tiêu")
_CONTEXT_SECTIONS = tuple(fold(w) for w in ("dự báo", "bối cảnh"))
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_TIME_LEAD = re.compile(
    r"^\s*(?:phấn đấu\s*)?(?:(?:đến|vào|trong)\s+)?(?:giai đoạn|năm)\s+\d{4}"
    r"(?:\s*[-–]\s*\d{4})?\s*,?\s*",
    re.IGNORECASE,
)
_PHRASE_END = re.compile(r"[,;.:()]")


def extract_candidates(doc: Document, indicators: Sequence[Indicator]) -> tuple[Candidate, ...]:
    """The candidates a reviewer should see: those not already in the catalogue."""
    return tuple(c for c in scan_candidates(doc) if duplicate_of(c, indicators) is None)


def scan_candidates(doc: Document) -> tuple[Candidate, ...]:
    """Every target-looking statement of the forward prose, duplicates included."""
    scope = _scope(doc)
    found: list[Candidate] = []
    for paragraph in doc.paragraphs():
        if not _in_scope(scope, paragraph.line):
            continue
        found.extend(_paragraph_candidates(doc, paragraph.text, paragraph.line))
    for footnote in doc.footnotes:
        if footnote.anchor_line is not None and _in_scope(scope, footnote.anchor_line):
            found.extend(_sentence_candidates(doc, footnote.text, _constant(footnote.line)))
    return tuple(found)


def _constant(line: int) -> Callable[[int], int]:
    return lambda _offset: line


def duplicate_of(candidate: Candidate, indicators: Sequence[Indicator]) -> str | None:
    """The code of the indicator whose target the candidate restates, or None."""
    mentioned = set(find_mentions(candidate.name, indicators))
    for indicator in indicators:
        if indicator.code not in mentioned:
            continue
        for target in indicator.targets:
            value = target.value
            same_unit = value.unit is None or candidate.target.unit in (None, value.unit)
            if same_unit and (value.low, value.high) == (
                candidate.target.low,
                candidate.target.high,
            ):
                return indicator.code
    return None


def _scope(doc: Document) -> tuple[tuple[Heading, ...], tuple[Heading, ...]]:
    forward = forward_headings(doc)
    excluded = tuple(
        h
        for part in forward
        for h in part.children
        if (_TARGET_SECTION in fold(h.title) and h.children)
        or any(w in fold(h.title) for w in _CONTEXT_SECTIONS)
    )
    return forward, excluded


def _in_scope(scope: tuple[tuple[Heading, ...], tuple[Heading, ...]], line: int) -> bool:
    forward, excluded = scope
    return any(h.contains(line) for h in forward) and not any(h.contains(line) for h in excluded)


def _paragraph_candidates(doc: Document, text: str, first_line: int) -> list[Candidate]:
    starts: list[tuple[int, int]] = []
    offset = 0
    line = first_line
    while offset < len(text) and line <= len(doc.lines):
        starts.append((offset, line))
        offset += len(doc.line(line))
        line += 1

    def line_of(position: int) -> int:
        return max((n for start, n in starts if start <= position), default=first_line)

    return list(_sentence_candidates(doc, text, line_of))


def _sentence_candidates(
    doc: Document, text: str, line_of: Callable[[int], int]
) -> Iterator[Candidate]:
    offset = 0
    for sentence in _SENTENCE.split(text):
        base = text.find(sentence, offset)
        offset = base + len(sentence)
        folded = fold(sentence)
        if not any(w in folded for w in _FORWARD) or any(w in folded for w in _DIRECTIONAL):
            continue
        excerpt = sentence.strip()
        numbers = list(scan_numbers(sentence))
        for number in numbers:
            if not any(w in fold(_clause(sentence, number.start)) for w in _FORWARD):
                continue  # "dựa trên 3 trụ cột: …" in a sentence that looks ahead elsewhere
            phrase = _quantity_phrase(sentence, number.start, number.end)
            try:
                target = parse_target(phrase)
            except NotATargetError:
                continue
            if target.kind == TargetKind.TEXT:
                continue
            line = line_of(base + number.start)
            yield _candidate(doc, excerpt, sentence, number.start, phrase, target, line)
        completion = _COMPLETION.search(sentence)
        if completion and not numbers:
            target = parse_target(completion.group(2).rstrip(". "))
            line = line_of(base + completion.start())
            yield _candidate(doc, excerpt, sentence, completion.start(), "", target, line)


def _candidate(
    doc: Document,
    excerpt: str,
    sentence: str,
    position: int,
    phrase: str,
    target: Target,
    line: int,
) -> Candidate:
    clause = _clause(sentence, position)
    return Candidate(
        excerpt=excerpt,
        target=target,
        name=_TIME_LEAD.sub("", clause).strip(" .;,") or clause,
        period_end=_period_end(sentence),
        aggregation=_aggregation(sentence, target.unit),
        source=Source(doc.name, line=line, text=excerpt),
    )


def _quantity_phrase(sentence: str, start: int, end: int) -> str:
    before = sentence[:start]
    lead = ""
    for word in _COMPARATORS:
        if fold(before.rstrip()).endswith(" " + fold(word)):
            lead = before.rstrip()[-len(word) :]
            break
    rest = sentence[end:]
    stop = _PHRASE_END.search(rest)
    tail = rest[: stop.start()] if stop else rest
    return f"{lead} {sentence[start:end]}{tail}".strip()


def _clause(sentence: str, position: int) -> str:
    left = sentence.rfind(";", 0, position) + 1
    right = sentence.find(";", position)
    return sentence[left : right if right >= 0 else len(sentence)].strip()


def _period_end(sentence: str) -> int | None:
    match = re.search(r"(?:đến|vào)\s+năm\s+(\d{4})", sentence, re.IGNORECASE)
    if match:
        return int(match.group(1))
    period = re.search(r"giai đoạn\s+\d{4}\s*[-–]\s*(\d{4})", sentence, re.IGNORECASE)
    return int(period.group(1)) if period else None


def _aggregation(sentence: str, unit: str | None) -> Aggregation | None:
    folded = fold(sentence)
    if any(fold(w) in folded for w in ("hằng năm", "hàng năm", "mỗi năm")):
        return Aggregation.EVERY_YEAR
    if unit == "pct_per_year" and fold("bình quân") in folded:
        return Aggregation.AVG_GROWTH
    if re.search(r"(?:đến|vào)\s+năm\s+\d{4}", sentence, re.IGNORECASE):
        return Aggregation.LEVEL
    if re.search(r"giai đoạn\s+\d{4}\s*[-–]\s*\d{4}", sentence, re.IGNORECASE):
        return Aggregation.CUMULATIVE
    return None
