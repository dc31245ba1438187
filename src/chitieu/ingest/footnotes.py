"""Footnotes of a text export, reattached to their anchors.

The export moves the footnotes to the end (each starts with U+FFFD; a footnote
of several paragraphs continues on lines without it) and leaves, where each
reference was, only a line break in mid-sentence: the next line starts with a
space and a lower-case word, or with ". ", "; ", ", ". Those breaks are the
candidate anchors. Footnotes and anchors are both in document order, so they
are aligned by an order-preserving dynamic programme that scores each pair by
how plausible the break is and by the words the footnote shares with the
sentence that ends at the break. A footnote's confidence is high when the
order alone decides its anchor, lower when several breaks compete for it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from chitieu.catalog.text import fold
from chitieu.ingest.document import Footnote
from chitieu.ingest.headings import recognise
from chitieu.ingest.layout import REPLACEMENT, is_blank, is_cell_line, is_decoration

STRONG = "strong"  # next line starts in lower case or with punctuation
MEDIUM = "medium"  # next line starts with a space and a capital, mid-sentence
WEAK = "weak"  # the line ends a sentence and the next starts with " " + capital

LOW_CONFIDENCE = 0.6
_PRIOR = {STRONG: 1.0, MEDIUM: 0.6, WEAK: 0.15}
_FORCED_CONFIDENCE = {STRONG: 0.95, MEDIUM: 0.85, WEAK: 0.7}
_SIMILARITY_WEIGHT = 1.0
_SKIP_FOOTNOTE = 2.0  # a footnote left without anchor costs more than any match gains
_PUNCTUATION_START = ".,;:)]}…!?"
_SENTENCE_END = re.compile(r"[.!?…]\s+")
_WORD = re.compile(r"\w+")
_MIN_SENTENCE_WORDS = 4


@dataclass(frozen=True)
class Note:
    """A footnote's text as found at the end of the export."""

    number: int
    text: str
    line: int


@dataclass(frozen=True)
class Break:
    """A candidate anchor: a line break in mid-sentence after `line`."""

    line: int
    strength: str
    context: str  # the sentence that ends at the break


def parse_notes(texts: Sequence[str], start: int) -> tuple[Note, ...]:
    """The footnotes from 1-based line `start` to the end, numbered from 1."""
    notes: list[Note] = []
    for index in range(start - 1, len(texts)):
        text = texts[index]
        if text.lstrip(" ").startswith(REPLACEMENT):
            body = text.lstrip(" ")[1:].strip()
            notes.append(Note(len(notes) + 1, body, index + 1))
        elif not is_blank(text) and notes:
            last = notes[-1]
            notes[-1] = Note(last.number, f"{last.text}\n{text.strip()}", last.line)
    return tuple(notes)


def anchor_sentence(prefix: str) -> str:
    """The sentence that ends where `prefix` ends (spaces collapsed).

    >>> anchor_sentence("Kinh tế tăng. Toàn tỉnh hiện có 35 đô thị")
    'Toàn tỉnh hiện có 35 đô thị'
    >>> anchor_sentence("Tổng vốn đạt 5.891,4 ha, tỷ lệ lấp đầy 64,9%")
    'Tổng vốn đạt 5.891,4 ha, tỷ lệ lấp đầy 64,9%'
    """
    text = prefix.rstrip()
    ends = [match.end() for match in _SENTENCE_END.finditer(text) if match.end() < len(text)]
    start = 0
    while ends:
        start = ends.pop()
        if len(text[start:].split()) >= _MIN_SENTENCE_WORDS:
            break
    else:
        start = 0
    return " ".join(text[start:].lstrip(_PUNCTUATION_START + " ").split())


def break_strength(before: str, after: str) -> str | None:
    """How likely the break between two consecutive lines is a footnote anchor.

    >>> break_strength("tăng tốc đô thị hóa", " và triển khai")
    'strong'
    >>> break_strength("sản phẩm chiếm 5,1%", ".  ")
    'strong'
    >>> break_strength("làm thay.", " Nghị quyết, văn bản")
    'weak'
    >>> break_strength("Công tác giải phóng mặt bằng", " Ban Thường vụ chỉ đạo")
    'medium'
    >>> break_strength("làm thay.", "Nghị quyết, văn bản") is None
    True
    """
    if is_blank(before) or is_blank(after) or is_cell_line(before) or is_cell_line(after):
        return None
    if is_decoration(before) or is_decoration(after) or recognise(after) is not None:
        return None
    first = after[0]
    if first in _PUNCTUATION_START or first.islower():
        return STRONG
    if not first.isspace():
        return None
    rest = after.lstrip()
    if rest[0] in _PUNCTUATION_START or rest[0].islower():
        return STRONG
    if before.rstrip()[-1] in ".!?:":
        return WEAK
    return MEDIUM


def find_breaks(
    texts: Sequence[str], *, end: int, skip: frozenset[int] = frozenset()
) -> list[Break]:
    """Candidate anchors among body lines 1..`end` (lines in `skip`, such as
    table lines, are never anchors)."""
    breaks: list[Break] = []
    chain_start = 1
    for number in range(1, end):
        before, after = texts[number - 1], texts[number]
        if number in skip or number + 1 in skip:
            chain_start = number + 1
            continue
        strength = break_strength(before, after)
        if strength is None:
            chain_start = number + 1
            continue
        prefix = "".join(texts[chain_start - 1 : number])
        breaks.append(Break(number, strength, anchor_sentence(prefix)))
    return breaks


class _Scorer:
    """Word overlap weighted by rarity (idf over the body's lines)."""

    def __init__(self, corpus: Sequence[str]) -> None:
        counts: Counter[str] = Counter()
        for text in corpus:
            counts.update(words(text))
        self._total = max(len(corpus), 1)
        self._counts = counts
        self._idf: dict[str, float] = {}

    def idf(self, word: str) -> float:
        if word not in self._idf:
            self._idf[word] = math.log((1 + self._total) / (1 + self._counts[word])) + 0.1
        return self._idf[word]

    def weight(self, bag: set[str]) -> float:
        return sum(map(self.idf, bag))

    def similarity(self, first: set[str], second: set[str], norm: float) -> float:
        """Shared weight over `norm` (the geometric mean of both bags' weights)."""
        return sum(map(self.idf, first & second)) / norm if norm else 0.0

    def shared(self, first: set[str], second: set[str], limit: int = 3) -> list[str]:
        return sorted(first & second, key=self.idf, reverse=True)[:limit]


def words(text: str) -> set[str]:
    """The folded words of a text (numbers kept, tone marks dropped)."""
    return set(_WORD.findall(fold(text)))


def align(
    notes: Sequence[Note], breaks: Sequence[Break], corpus: Sequence[str]
) -> tuple[Footnote, ...]:
    """Attach each note to at most one break, keeping both in order."""
    scorer = _Scorer(corpus)
    note_words = [words(note.text) for note in notes]
    break_words = [words(item.context) for item in breaks]
    note_weights = [scorer.weight(bag) for bag in note_words]
    break_weights = [scorer.weight(bag) for bag in break_words]
    sims = [
        [
            scorer.similarity(nw, bw, math.sqrt(n_weight * b_weight))
            for bw, b_weight in zip(break_words, break_weights, strict=True)
        ]
        for nw, n_weight in zip(note_words, note_weights, strict=True)
    ]

    def gain(i: int, j: int) -> float:
        return _PRIOR[breaks[j].strength] + _SIMILARITY_WEIGHT * sims[i][j]

    matched = _dynamic_alignment(len(notes), len(breaks), gain)
    footnotes = []
    for i, note in enumerate(notes):
        j = matched[i]
        if j is None:
            footnotes.append(
                Footnote(note.number, note.text, note.line, None, 0.0, "không tìm thấy chỗ neo")
            )
            continue
        lower = max((k for k in matched[:i] if k is not None), default=-1)
        upper = min((k for k in matched[i + 1 :] if k is not None), default=len(breaks))
        rivals = [k for k in range(lower + 1, upper) if k != j]
        shared = scorer.shared(note_words[i], break_words[j])
        confidence, reason = _judge(
            breaks[j].strength, gain(i, j), [gain(i, k) for k in rivals], shared
        )
        footnotes.append(
            Footnote(note.number, note.text, note.line, breaks[j].line, confidence, reason)
        )
    return tuple(footnotes)


def _dynamic_alignment(n: int, m: int, gain: Callable[[int, int], float]) -> list[int | None]:
    """Order-preserving assignment of n notes to m breaks maximising total gain."""
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[""] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        best[i][0] = best[i - 1][0] - _SKIP_FOOTNOTE
        move[i][0] = "note"
    for j in range(1, m + 1):
        move[0][j] = "break"
    for i in range(1, n + 1):
        row, previous = best[i], best[i - 1]
        for j in range(1, m + 1):
            options = (
                (previous[j - 1] + gain(i - 1, j - 1), "match"),
                (row[j - 1], "break"),
                (previous[j] - _SKIP_FOOTNOTE, "note"),
            )
            row[j], move[i][j] = max(options, key=lambda option: option[0])
    matched: list[int | None] = [None] * n
    i, j = n, m
    while i > 0 or j > 0:
        step = move[i][j]
        if step == "match":
            matched[i - 1] = j - 1
            i, j = i - 1, j - 1
        elif step == "break":
            j -= 1
        else:
            i -= 1
    return matched


def _judge(
    strength: str, chosen: float, rivals: list[float], shared: list[str]
) -> tuple[float, str]:
    overlap = f"; trùng từ: {', '.join(shared)}" if shared else "; không có từ trùng"
    if not rivals:
        bonus = 0.05 if shared else 0.0
        confidence = min(1.0, _FORCED_CONFIDENCE[strength] + bonus)
        return round(confidence, 2), f"thứ tự khớp{overlap}"
    margin = chosen - max(rivals)
    confidence = max(0.2, min(0.9, 0.5 + 0.4 * margin))
    reason = f"chọn trong {len(rivals) + 1} chỗ ngắt dòng theo độ tương đồng{overlap}"
    return round(confidence, 2), reason
