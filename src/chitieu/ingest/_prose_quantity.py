"""Where a target quantity sits in a clause of prose (private to prose_targets).

A clause such as "tỷ lệ hộ nghèo giảm bình quân 1-1,5%/năm" holds one target
expression ("giảm bình quân 1-1,5%/năm") among words. `find_quantities` returns
the spans of the target expressions: a number that is not a year, a date, a
document number or the "1" of "trên 1 vạn dân"; widened left over the lead
words (comparators, approximations, "đạt", "giảm bình quân", "thuộc nhóm") and
right over a range, the unit, "trở lên"/"trở xuống" and a "/tổng số …" base.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chitieu.ingest._prose_noise import noise_rule
from chitieu.quantity import parse_unit
from chitieu.quantity.vocab import SCALE_WORDS

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_RANGE_TAIL = re.compile(r"\s*%?\s*(?:[-–—]|đến)\s*(\d+(?:[.,]\d+)*)")
_BOUND_SUFFIX = re.compile(r"\s*trở\s+(?:lên|xuống)")
_BASE_SUFFIX = re.compile(r"/[^,;.()\d][^,;.()]*")
_RANK_TAIL = re.compile(r"[^;.]{0,80}?(?:dẫn đầu|đứng đầu|cao nhất|tốt nhất)")
_RANK_OUT_OF = re.compile(r"\s*/\s*\d+")

# Lead words: they belong to the expression (compared in lower case).
_LEAD_WORDS = (
    "khoảng|gần|xấp xỉ|trên dưới|trên|dưới|từ|tối thiểu|ít nhất|không dưới|không quá|"
    "không vượt quá|tối đa|hơn|đạt|phấn đấu đạt|đạt mức|ở mức|mức|còn|xuống|lên|là|"
    "giảm|tăng|bình quân|thuộc nhóm|trong nhóm|nhóm|top|xếp hạng|chiếm|>|<|≥|≤"
)
# Words officials put before the expression that parse_target need not read.
_VERBS = re.compile(
    r"^(?:(?:giảm|tăng|bình quân|mỗi năm|hằng năm|hàng năm|xuống|còn|lên|ở mức|mức|là|phấn đấu|chiếm)\s+)+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Span:
    """A target expression inside a clause: [start, end) and the number's start."""

    start: int
    end: int
    number: int


_LEADS = sorted(set(_LEAD_WORDS.split("|")), key=len, reverse=True)


def find_quantities(text: str) -> tuple[Span, ...]:
    """The target expressions of a clause, left to right.

    >>> text = "Tỷ lệ đô thị hoá trên 40%, tỷ lệ hộ nghèo giảm bình quân 1-1,5%/năm"
    >>> [text[s.start : s.end] for s in find_quantities(text)]
    ['trên 40%', 'giảm bình quân 1-1,5%/năm']
    >>> find_quantities("đến năm 2030, theo Nghị quyết số 12/NQ-HĐND")
    ()
    """
    folded = text.lower()  # tone marks matter here: "từ" is not "tư", "giảm" not "giám"
    spans: list[Span] = []
    position = 0
    while match := _NUMBER.search(text, position):
        position = match.end()
        if _skipped(text, match):
            continue
        end = _widen_right(text, match.end())
        start = _widen_left(folded, match.start())
        lead = folded[start : match.start()].strip()
        if lead.endswith("nhóm"):
            rank = _RANK_TAIL.match(text, end)
            end = rank.end() if rank else end
        elif lead.endswith("xếp hạng") and (out_of := _RANK_OUT_OF.match(text, end)):
            end = out_of.end()
        spans.append(Span(start, end, match.start()))
        position = end
    return tuple(spans)


def parse_text(expression: str) -> str:
    """The part of an expression parse_target reads: leading verbs dropped.

    >>> parse_text("giảm bình quân 1-1,5%/năm")
    '1-1,5%/năm'
    """
    return _VERBS.sub("", expression.strip())


def _skipped(text: str, match: re.Match[str]) -> bool:
    return noise_rule(text, match.start(), match.end()) is not None


def _widen_left(folded: str, start: int) -> int:
    while True:
        head = folded[:start].rstrip()
        for lead in _LEADS:
            if head.endswith(lead) and (
                len(head) == len(lead) or not head[-len(lead) - 1].isalnum()
            ):
                start = len(head) - len(lead)
                break
        else:
            return start


def _widen_right(text: str, end: int) -> int:
    if match := _RANGE_TAIL.match(text, end):
        end = match.end()
    end = _unit_end(text, end)
    if match := _BOUND_SUFFIX.match(text, end):
        end = match.end()
    if match := _BASE_SUFFIX.match(text, end):
        end = match.end()
    return end


def _unit_end(text: str, end: int) -> int:
    """The end of the longest unit (up to four words) that follows `end`."""
    words = list(re.finditer(r"[^\s,;:()]+", text[end:]))
    best = end
    for count in range(1, min(4, len(words)) + 1):
        chunk = text[end : end + words[count - 1].end()]
        if (
            count > 1
            and not text[end + words[count - 2].end() : end + words[count - 1].start()].isspace()
        ):
            break
        stripped = chunk.rstrip("./")
        if parse_unit(stripped) is not None or parse_unit(_without_scale(stripped)) is not None:
            best = end + len(stripped)
    return best


def _without_scale(unit: str) -> str:
    """ "triệu tỷ đồng" -> "tỷ đồng": a scale word before a unit belongs to the number
    ("3,1 triệu tỷ đồng"); parse_target reads it."""
    first, _, rest = unit.strip().partition(" ")
    return rest if first.lower() in SCALE_WORDS and rest else unit


def _next_words(text: str, count: int) -> str:
    return " ".join(re.findall(r"[^\s,;:().]+", text)[:count])
