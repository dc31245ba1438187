"""Every quantity stated in the prose, with what it is about and what it is compared with.

Scope: the body's paragraphs outside the forward-looking part (whose numbers
are targets, see `chitieu.ingest.candidates`) and every footnote; never the
tables. Not quantities, and skipped: years used as dates ("năm 2020",
"2021 - 2025"), dates ("ngày 03/06/2020", "tháng 6/2025"), document numbers
("Quyết định số 749/QĐ-TTg", "57-NQ/TW", "Điều 30"), ordinals and names
("đô thị loại 3", "mức độ 4", "Covid-19", anything in quotation marks) and the
"1" of "1 vạn dân".

Each number becomes a `Claim`:

- ``relation``: "gap" (gấp N lần), "increase" (tăng X), "decrease" (giảm X),
  "share" (chiếm X%), "equivalent" (tương đương X), "average" (bình quân X),
  "count" (a fraction of a total, "12/19 nhóm chỉ tiêu": value 12, value_text
  "12/19"), "rank" ("đứng thứ 10/63"), else "value";
- ``year``: a year written right after the number ("74,8 tuổi (năm 2020)"),
  else the last year written before it in the sentence (the end of a period),
  never the year after "so với";
- ``compared_with``: the phrase after "so với" that follows the number;
- ``subject``: the words before the number back to the previous number or a
  ";", ":" or "(", without time phrases and verbs; when nothing is left, the
  subject of the previous number of the sentence, or the head of the previous
  clause ("GRDP bình quân đầu người tăng nhanh; đến năm 2025 ước đạt 101,5
  triệu đồng" → "GRDP bình quân đầu người");
- ``ambiguous``: the number can be read two ways (value None), or was typed
  the English way (value kept, a reviewer should look).

A footnote's claims carry the footnote's own line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from chitieu.catalog.model import Claim
from chitieu.catalog.text import fold
from chitieu.ingest.document import Document
from chitieu.ingest.tasks import forward_headings
from chitieu.quantity import NumberFormatError, parse_number, parse_unit

_NUMBER = re.compile(r"(?<![\w.,/])\d+(?:[.,]\d+)*(?:\s?/\s?\d+(?:[.,]\d+)*)*(?![\w])")
_YEAR = re.compile(r"(?<![\d./,])(19\d\d|20\d\d)(?![\d./,]\d)")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")
_LEADING_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|\(\w+\)|[IVX]+\s*[-.])\s+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n")
_STRONG = re.compile(r"[;:]")
_SKIP_BEFORE = tuple(
    fold(w)
    for w in (
        "số",
        "điều",
        "loại",
        "mức độ",
        "lần thứ",
        "khóa",
        "vành đai",
        "quốc lộ",
        "cách mạng công nghiệp",
        "công nghiệp",
        "bão",
        "tháng",
        "ngày",
        "quý",
    )
)
_RANK_WORDS = tuple(fold(w) for w in ("thứ", "vị trí", "xếp hạng", "đứng"))
_TIME_LEAD = re.compile(
    r"^(?:,|\s|và|trong đó|(?:đến|tính đến|trong|vào|từ)?\s*(?:cuối\s+)?"
    r"(?:năm|giai đoạn|nhiệm kỳ|tháng)\s+[\d/]+(?:\s*[-–]\s*\d{4})?|đến nay|hiện nay|hiện tại)+",
    re.IGNORECASE,
)
_TRAILING_WORDS = tuple(
    sorted(
        (
            "ước đạt",
            "ước thực hiện đạt",
            "ước tính",
            "ước",
            "đạt",
            "chiếm",
            "là",
            "có",
            "tăng",
            "tăng thêm",
            "giảm",
            "gấp",
            "gần",
            "hơn",
            "khoảng",
            "trên",
            "từ",
            "lên",
            "xuống",
            "còn",
            "bình quân",
            "mức",
            "tương đương",
            "lần lượt là",
            "lần lượt",
            "với",
            "được",
            "thực hiện",
            "thứ",
            "đứng",
            "xếp",
            "vị trí",
            "tăng nhanh",
            "tăng mạnh",
            "giảm nhanh",
            "tổng số",
            "hoàn thành vượt",
            "cao hơn",
            "thấp hơn",
            "hoàn thành",
            "vượt",
            "và",
        ),
        key=len,
        reverse=True,
    )
)
_TRAILING_TIME = re.compile(
    r"(?:,|\s)*(?:(?:đến|trong|vào)\s+)?(?:cuối\s+)?(?:năm|giai đoạn|nhiệm kỳ)\s+\d{4}(?:\s*[-–]\s*\d{4})?\s*$",
    re.IGNORECASE,
)
_CLAUSE_HEAD = re.compile(r"\s(?:tăng|giảm|đạt|chiếm|là|có|được|ước)\b", re.IGNORECASE)
_COMPARED = re.compile(
    r"^[^;\d]{0,40}?\bso với\s+((?:cùng kỳ|cuối năm|năm|giai đoạn|nhiệm kỳ|mức)"
    r"[^,;.()]*?\d{4}(?:\s*[-–]\s*\d{4})?)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NumberSpan:
    """A number that is a quantity: where it is in a text and how it is written."""

    start: int
    end: int
    text: str  # "9,17", "12/19"


def scan_numbers(text: str) -> Iterator[NumberSpan]:
    """The quantities of a text, skipping years, dates, document numbers and names.

    >>> [n.text for n in scan_numbers("Theo Quyết định số 749/QĐ-TTg ngày 03/06/2020, đạt 12/19 nhóm")]
    ['12/19']
    >>> [n.text for n in scan_numbers("giai đoạn 2021 - 2025 đạt bình quân 9,17%/năm")]
    ['9,17']
    """
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    numbering = _LEADING_NUMBERING.match(text)
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        written = re.sub(r"\s", "", match.group())
        if numbering and start < numbering.end():
            continue
        if any(a <= start < b for a, b in quoted):
            continue
        if _not_a_quantity(text, start, end, written):
            continue
        yield NumberSpan(start, end, written)


def _not_a_quantity(text: str, start: int, end: int, written: str) -> bool:
    before = fold(text[max(0, start - 30) : start]).rstrip()
    after = text[end : end + 12]
    if re.match(r"^[/-]\s?[A-ZĐ]", after) or re.search(r"[^\W\d_]-$", text[:start]):
        return True  # 749/QĐ-TTg, 57-NQ/TW, Covid-19
    parts = written.split("/")
    if len(parts) >= 3 or (len(parts) == 2 and re.fullmatch(r"(19|20)\d\d", parts[1])):
        return True  # 30/6/2025, 6/2025
    if len(parts) == 1 and re.fullmatch(r"(19|20)\d\d", written):
        return not re.match(r"^\s*(%|[^\W\d_]+)", after) or _is_year_word(after)
    if re.match(r"^\s*vạn dân", after, re.IGNORECASE):
        return True
    return any(before.endswith(" " + w) or before == w for w in _SKIP_BEFORE)


def _is_year_word(after: str) -> bool:
    word = re.match(r"^\s*([^\W\d_]+)", after)
    return word is not None and parse_unit(word.group(1)) is None


def extract_claims(doc: Document) -> tuple[Claim, ...]:
    """Every quantity in the past-facing prose and in the footnotes, in document order."""
    forward = forward_headings(doc)
    claims: list[Claim] = []
    for paragraph in doc.paragraphs():
        if any(h.contains(paragraph.line) for h in forward):
            continue
        claims.extend(_text_claims(paragraph.text, paragraph.line_of))
    for footnote in doc.footnotes:
        claims.extend(text_claims(footnote.text, footnote.line))
    return tuple(claims)


def text_claims(text: str, line: int) -> tuple[Claim, ...]:
    """The claims of one passage, all on `line` (for tests and single lines)."""
    return tuple(_text_claims(text, lambda _offset: line))


def _text_claims(text: str, line_of: Callable[[int], int]) -> Iterator[Claim]:
    offset = 0
    for sentence in _SENTENCE.split(text):
        base = text.find(sentence, offset)
        offset = base + len(sentence)
        previous_end = 0
        previous_subject = ""
        for number in scan_numbers(sentence):
            unit, unit_end = _unit_after(sentence, number.end)
            claim_subject = (
                _subject_after(sentence, unit, unit_end)
                or _subject(sentence, previous_end, number.start)
                or previous_subject
            )
            if not claim_subject:
                claim_subject = _previous_clause_head(sentence, number.start)
            value, ambiguous = _value(number.text)
            yield Claim(
                text=_clause(sentence, number.start),
                value=value,
                value_text=number.text,
                unit=unit,
                year=_year(sentence, number.start, unit_end),
                subject=claim_subject,
                relation=_relation(
                    sentence, number, _segment(sentence, previous_end, number.start), unit
                ),
                compared_with=_compared_with(sentence, unit_end),
                line=line_of(base + number.start),
                ambiguous=ambiguous,
            )
            previous_end = unit_end
            previous_subject = claim_subject


def _value(written: str) -> tuple[Decimal | None, bool]:
    first = written.split("/")[0]
    try:
        parsed = parse_number(first)
    except NumberFormatError:
        return None, True
    return parsed.value, parsed.ambiguous or bool(parsed.flags)


def _unit_after(sentence: str, end: int) -> tuple[str | None, int]:
    """The unit code written right after a number, and where the unit ends."""
    rest = sentence[end:]
    if rest.startswith("%/năm"):
        return "pct_per_year", end + 5
    if rest.lstrip().startswith("%"):
        return "pct", end + rest.index("%") + 1
    words = re.match(r"\s*((?:[^\s\d,;.()]+\s?){1,4})", rest)
    if not words:
        return None, end
    pieces = words.group(1).split()
    for size in range(len(pieces), 0, -1):
        candidate = " ".join(pieces[:size])
        unit = parse_unit(candidate)
        if unit is None or (unit.code == "nam" and re.match(r"^\s*năm\s+\d{4}", rest)):
            continue
        unit_end = end + rest.index(pieces[size - 1]) + len(pieces[size - 1])
        if re.match(r"^\s*/", sentence[unit_end:]):
            return None, unit_end  # "triệu đồng /ha", "nghìn đồng/tháng": a rate we do not know
        return unit.code, unit_end
    return None, end


def _year(sentence: str, start: int, unit_end: int) -> int | None:
    after = re.match(
        r"^\s*\(?\s*(?:(?:của|trong)\s+)?(?:năm\s+|giai đoạn\s+\d{4}\s*[-–]\s*)?(19\d\d|20\d\d)\b",
        sentence[unit_end:],
    )
    if after:
        return int(after.group(1))
    before = _without_closed_brackets(re.sub(r"so với[^,;()]*", " ", sentence[:start]))
    years = _YEAR.findall(before)
    return int(years[-1]) if years else None


def _without_closed_brackets(text: str) -> str:
    """Text with its closed parentheses removed: their years belong to other numbers."""
    previous = None
    while previous != text:
        previous, text = text, re.sub(r"\([^()]*\)", " ", text)
    return text


def _relation(sentence: str, number: NumberSpan, segment: str, unit: str | None) -> str:
    before = fold(sentence[max(0, number.start - 40) : number.start])
    words = before.split()
    last = " ".join(words[-2:])
    if "/" in number.text:
        lead = fold(sentence[: number.start])
        return "rank" if any(w in lead for w in _RANK_WORDS) else "count"
    if unit == "pct_per_year" and fold("bình quân") in fold(segment):
        return "average"
    if fold("tương đương") in " ".join(words[-3:]):
        return "equivalent"
    if fold("gấp") in last:
        return "gap"
    if fold("bình quân") in " ".join(words[-3:]):
        return "average"
    if fold("chiếm") in last:
        return "share"
    if words and words[-1] in (fold("tăng"), fold("thêm")):
        return "increase"
    if words and words[-1] == fold("giảm"):
        return "decrease"
    return "value"


def _compared_with(sentence: str, unit_end: int) -> str | None:
    match = _COMPARED.match(sentence[unit_end:])
    return match.group(1).strip() if match else None


def _subject(sentence: str, previous_end: int, start: int) -> str:
    return _clean_subject(_segment(sentence, previous_end, start))


def _subject_after(sentence: str, unit: str | None, unit_end: int) -> str:
    """The subject written after a share: "100% số xã đạt chuẩn …", "99,4% các tuyến đường"."""
    if unit != "pct":
        return ""
    after = re.match(r"^\s+((?:số|các|tổng số)\s[^,;.()\d]+)", sentence[unit_end:])
    return after.group(1).strip() if after else ""


def _segment(sentence: str, previous_end: int, start: int) -> str:
    """The words before a number: back to the previous number, a ";", ":" or an open "("."""
    segment = sentence[previous_end:start]
    strong = [m.end() for m in _STRONG.finditer(segment)]
    if strong:
        segment = segment[strong[-1] :]
    opened = segment.rfind("(")
    if opened > segment.rfind(")"):
        segment = segment[opened + 1 :]
    return segment


def _clean_subject(segment: str) -> str:
    text = re.sub(r"\((?:năm\s+)?\d{4}\)", " ", segment)
    text = re.sub(r"\s+", " ", text).strip(" ,.)-–")
    changed = True
    while changed and text:
        changed = False
        lead = _TIME_LEAD.match(text)
        if lead and lead.end() > 0:
            text = text[lead.end() :].strip(" ,.")
            changed = True
        trailing_time = _TRAILING_TIME.search(text)
        if trailing_time and trailing_time.start() > 0:
            text = text[: trailing_time.start()].strip(" ,.")
            changed = True
        folded = fold(text)
        for word in _TRAILING_WORDS:
            key = fold(word)
            if folded == key or folded.endswith(" " + key):
                text = text[: len(text) - len(word)].strip(" ,.")
                changed = True
                break
    return text


def _previous_clause_head(sentence: str, start: int) -> str:
    before = sentence[:start]
    cut = max(before.rfind(";"), before.rfind(":"))
    if cut <= 0:
        return ""
    previous = before[:cut]
    previous = previous[max(previous.rfind(";"), previous.rfind(":")) + 1 :]
    head = _CLAUSE_HEAD.search(previous)
    return _clean_subject(previous[: head.start()] if head else previous)


def _clause(sentence: str, start: int) -> str:
    left = sentence.rfind(";", 0, start) + 1
    right = sentence.find(";", start)
    return sentence[left : right if right >= 0 else len(sentence)].strip()
