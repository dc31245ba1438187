"""Cutting prose into clauses, and a clause into (subject, target expression).

Pure text functions for chitieu.ingest.prose_targets: where a sentence announces
a target, where it splits (";" outside brackets, "trong đó", a colon before a
quantity, commas between parts that each have a subject and a value), and which
words before a value are the subject and which are filler ("Hằng năm, phấn đấu").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from chitieu.catalog.text import fold
from chitieu.ingest._prose_quantity import Span, find_quantities
from chitieu.ingest._prose_wording import strip_period

_TRONG_DO = re.compile(r"\s*[,;]?\s*\btrong đó\b\s*[,:]?\s*", re.IGNORECASE)
_FILLER = re.compile(
    r"^(?:hằng năm|hàng năm|mỗi năm|(?:trong |đến |tới )?năm \d{4}"
    r"|(?:trong )?giai đoạn \d{4}\s*[-–—]\s*\d{4}|phấn đấu|đồng thời|cụ thể|có|và|với"
    r"|trong đó)(?=[\s,:]|$)[\s,:]*",
    re.IGNORECASE,
)
_MEASURE_NOUNS = (
    "tỷ lệ",
    "tỷ trọng",
    "tốc độ",
    "số ",
    "tổng",
    "quy mô",
    "grdp",
    "thu ",
    "chỉ số",
    "tuổi thọ",
    "cơ cấu",
    "kim ngạch",
    "giá trị",
    "thời gian",
    "năng suất",
    "vốn",
)
_QUALIFIERS = ("gấp", "tăng", "giảm", "cao hơn", "thấp hơn", "bằng", "so với", "tương đương")
_TARGET_CUES = ("phấn đấu", "mục tiêu", "chỉ tiêu", "kế hoạch", "đến năm", "giai đoạn", "đạt")
_RESULT_CUES = ("ước đạt", "đã đạt", "ước thực hiện", "so với cùng kỳ", "thực hiện được")


def is_group_title(body: str) -> bool:
    """A numbered line that names a group ("Về kinh tế") rather than a measure."""
    folded = fold(body)
    if folded.startswith(fold("về ")) or any(
        w in folded for w in (fold("chỉ tiêu"), fold("lĩnh vực"))
    ):
        return True
    return not any(fold(noun) in folded for noun in _MEASURE_NOUNS)


def announces_target(sentence: str) -> bool:
    """A sentence outside a target section that sets a target, not one reporting a result."""
    folded = fold(sentence)
    if any(fold(cue) in folded for cue in _RESULT_CUES):
        return False
    return any(fold(cue) in folded for cue in _TARGET_CUES)


def has_period_or_yearly(text: str) -> bool:
    """The text names a year or "năm", so it sets the period of what follows."""
    return bool(re.search(r"\d{4}|năm", text, re.IGNORECASE))


def subject_of_heading(head: str) -> str:
    """The subject of a "…:" heading, without its colon and period words."""
    return strip_period(head.strip().rstrip(":").strip())


def split_semicolons(sentence: str) -> Iterator[tuple[str, int]]:
    """(clause, start) for each part between ";" outside brackets."""
    depth, start = 0, 0
    for index, char in enumerate(sentence):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == ";" and depth == 0:
            yield sentence[start:index], start
            start = index + 1
    yield sentence[start:], start


def split_trong_do(clause: str) -> tuple[str, tuple[str, int] | None]:
    """(head, (tail, start)) at an inline "trong đó"; (clause, None) without one."""
    match = _TRONG_DO.search(clause)
    if match is None or not clause[: match.start()].strip():
        return clause, None
    return clause[: match.start()], (clause[match.end() :], match.end())


def brackets(clause: str) -> Iterator[tuple[str, int]]:
    """Parenthesised parts that hold a target (not "(GRDP)")."""
    for match in re.finditer(r"\(([^()]*)\)", clause):
        if find_quantities(match.group(1)):
            yield match.group(1), match.start(1)


def has_own_subject(expression: str) -> bool:
    """The words before the first value start with a measure noun ("tốc độ …")."""
    spans = find_quantities(expression)
    before = fold(clean_subject(expression[: spans[0].start])) if spans else ""
    return any(before.startswith(fold(noun)) for noun in _MEASURE_NOUNS)


def target_colon(clause: str) -> int | None:
    """The first colon followed by a quantity: subject before, expression after."""
    for match in re.finditer(":", clause):
        if find_quantities(clause[match.end() :]):
            return match.start()
    return None


def run_parts(text: str) -> list[tuple[str, str]]:
    """(subject, expression) for each target of a colon-less run."""
    spans = find_quantities(text)
    parts: list[tuple[str, str]] = []
    segment_start = 0
    for index, span in enumerate(spans):
        next_start = spans[index + 1].start if index + 1 < len(spans) else len(text)
        segment_end = _segment_end(text, span.end, next_start, spans, index)
        before = text[segment_start : span.start]
        after = text[span.end : segment_end]
        subject = _subject(before, after)
        if parts and (not subject or _is_qualifier(before)):
            prev_subject, prev_expression = parts[-1]
            parts[-1] = (
                prev_subject,
                prev_expression + text[segment_start:segment_end].rstrip(" ,.;"),
            )
        else:
            parts.append((subject, text[span.start : span.end].strip()))
        segment_start = segment_end
    return parts


def _segment_end(text: str, end: int, next_start: int, spans: tuple[Span, ...], index: int) -> int:
    if index + 1 >= len(spans):
        return len(text)
    between = text[end:next_start]
    for separator in (",", " và "):
        cut = between.find(separator)
        if cut >= 0:
            return end + cut + len(separator)
    return end


def _is_qualifier(before: str) -> bool:
    words = fold(before.strip(" ,;"))
    return not words or any(words.startswith(fold(q)) for q in _QUALIFIERS)


def _subject(before: str, after: str) -> str:
    before = clean_subject(before)
    after = after.strip(" ,;.:")
    if not before:
        return after
    if not after or any(fold(before).startswith(fold(noun)) for noun in _MEASURE_NOUNS):
        return before
    if fold(after).startswith(fold("so với")):
        return before
    return f"{before} {after}"


def strip_fillers(text: str) -> tuple[str, str]:
    """(the leading filler words, the rest): "Hằng năm, phấn đấu" is no subject."""
    rest = text.lstrip()
    while (match := _FILLER.match(rest)) and match.end() > 0:
        rest = rest[match.end() :]
    return text[: len(text) - len(rest)], rest


def clean_subject(text: str) -> str:
    """The subject without edge punctuation and leading filler words."""
    return strip_fillers(text.strip(" ,;:."))[1].strip(" ,;:.")
