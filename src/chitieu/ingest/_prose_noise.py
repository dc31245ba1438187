"""Numbers in prose that are not targets, each kind with a rule (private to the prose reader).

`noise_rule(text, start, end)` names the rule a number at text[start:end] falls
under, or None when it may be a target. `is_boilerplate(line)` tells a line of a
news page that holds no target at all (dateline, photo caption, page number).
Every rule has examples in tests/ingest/test_prose_noise.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from chitieu.catalog.text import fold
from chitieu.quantity import parse_unit

_YEAR_MIN, _YEAR_MAX = 1945, 2100
_TIME_WORDS = r"(?:ngày|sáng|chiều|tối|trưa|đêm|hôm|từ ngày|đến ngày|lúc)"
# What a count of the document's own parts counts.
_PARTS = tuple(
    fold(word)
    for word in (
        "chỉ tiêu", "nhóm chỉ tiêu", "nhóm nhiệm vụ", "nhiệm vụ", "khâu đột phá", "đột phá",
        "giải pháp", "trụ cột", "nghị quyết", "chương trình", "quan điểm", "bài học",
        "mục tiêu", "nội dung", "lĩnh vực", "phương hướng", "văn kiện", "điểm nhấn",
        "định hướng", "chương", "điều", "phụ lục", "kỳ họp", "tờ trình", "báo cáo", "đề án",
        "nhóm giải pháp", "nhiệm vụ trọng tâm", "công trình trọng điểm", "dự án trọng điểm",
        "khâu", "phần", "khu vực", "vùng", "hành lang", "trung tâm", "trục", "động lực",
        "cực tăng trưởng", "cấp", "nhóm ngành",
    )
)  # fmt: skip
_MEETING = tuple(
    fold(w) for w in ("đại biểu", "phiếu", "đồng chí", "ủy viên", "uỷ viên", "khách mời", "ý kiến")
)
_PEOPLE = tuple(
    fold(w)
    for w in (
        "trẻ em", "trẻ", "người", "học sinh", "lao động", "phụ nữ", "thanh niên", "dân số",
        "người cao tuổi", "trẻ sơ sinh", "người dân", "hộ", "doanh nghiệp", "trang trại",
        "diện tích", "cơ sở", "thửa", "dự án", "công trình",
    )
)  # fmt: skip
_QUALIFIER_UNITS = ("tuoi", "ha", "m2", "lao_dong", "nguoi")
_COMPARATORS = ("dưới", "trên", "từ", "đủ", "có", "đến", "tới")


def _document_number(text: str, start: int, end: int) -> bool:
    """ "12/NQ-HĐND", "57-NQ/TW", "Covid-19", "bác sỹ/1 vạn dân", "PM2,5"."""
    before, after = text[:start], text[end:]
    if (
        before.endswith(("/", "-"))
        and not before.endswith((" -", " /"))
        and before[-2:-1].isalnum()
    ):
        return True
    if before and (before[-1].isalpha() or before[-1] == "_"):
        return True
    return bool(re.match(r"/[A-ZĐ]|-[A-ZĐ]", after))


def _date_or_time(text: str, start: int, end: int) -> bool:
    """ "10/12/2025", "chiều 12/12", "14:35", "14h30", "7 giờ", "ngày 9"."""
    before, after = text[:start], text[end:]
    if re.match(r"\s*/\s*\d{1,2}/\d{4}|\s*/\s*\d{4}\b", after):
        return True
    if re.match(r"[:h]\d{2}\b|\s*giờ\b|\s*phút\b", after) or re.search(r"\d[:h]$", before):
        return True
    if re.search(rf"(?:^|\s){_TIME_WORDS}\s*$", before, re.IGNORECASE):
        return True
    if re.search(r"ngày\s+\d{1,2}\s*(?:và|,|-|–|đến)\s*$", before, re.IGNORECASE):
        return True  # "trong hai ngày 14 và 15.8"
    if re.search(r"\d{1,2}/$", before) and re.search(rf"{_TIME_WORDS}\s*\d{{1,2}}/$", before):
        return True  # the month of "ngày 9/12"
    return bool(re.match(r"\s*tháng\s+\d", after) or re.search(r"tháng\s*$", before))


def _ordinal_or_title(text: str, start: int, end: int) -> bool:
    """ "Nghị quyết số 12", "kỳ họp thứ 9", "đứng thứ 10/34", "mức độ 2", "Đại hội 14",
    "đường tỉnh 305", "chính quyền địa phương cấp 2"."""
    before = text[:start]
    if _LEVEL_LABEL.search(before):  # "chính quyền cấp 2", not "có bằng cấp 29%"
        return text[start:end].isdigit() and int(text[start:end]) <= _LEVELS
    return bool(_LABELS.search(before) or _LABEL_LIST.search(before))


_LABEL_WORDS = (
    r"(?:số|thứ|khóa|khoá|lần|kỳ|mục|điểm|khoản|mức độ|cấp độ|đại hội|quốc lộ"
    r"|tỉnh lộ|đường tỉnh|đường huyện|tuyến|cao tốc|phụ lục|điều|chương|giai đoạn"
    r"|nghị quyết|quyết định|chỉ thị|kết luận|nghị định|thông tư|luật)"
)
_LEVEL_LABEL = re.compile(r"(?:^|[\s(])cấp\s*$", re.IGNORECASE)
_LEVELS = 4
_LABELS = re.compile(rf"(?:^|[\s(]){_LABEL_WORDS}\s*$", re.IGNORECASE)
# the second of "đường tỉnh 305 và 309", "quốc lộ 18, 279"
_LABEL_LIST = re.compile(rf"(?:^|[\s(]){_LABEL_WORDS}\s*\d+\s*(?:và|,|-)\s*$", re.IGNORECASE)


def _duration(text: str, start: int, end: int) -> bool:
    """A span of time in a name or a period: "bình quân 5 năm", "6 tháng đầu năm",
    "2 ngày làm việc", "trong 5 năm đạt …" (a whole number of years up to ten)."""
    digits, after = text[start:end], text[end:]
    if re.match(r"\s*(?:tháng|quý|ngày|tuần|giờ)\b", after, re.IGNORECASE):
        return True
    return (
        digits.isdigit()
        and int(digits) <= 10
        and bool(re.match(r"\s*năm\b(?!\s*/)", after, re.IGNORECASE))
    )


def _slogan(text: str, start: int, end: int) -> bool:
    """A number in a quoted slogan: “6 rõ”, "3 không", "2 con số"."""
    return bool(re.search(r"[\"“‘']\s*$", text[:start]))


def _a_year(text: str, start: int, end: int) -> bool:
    """A year ("năm 2030") unless a unit follows ("2030 tỷ đồng"); "5 năm 2026-2030"."""
    digits, after = text[start:end], text[end:]
    if re.match(r"\s*năm\s+\d{4}", after):
        return True
    if digits.isdigit() and len(digits) == 4 and _YEAR_MIN <= int(digits) <= _YEAR_MAX:
        return not re.match(r"\s*%", after) and parse_unit(_next_words(after, 2)) is None
    return False


def _document_parts(text: str, start: int, end: int) -> bool:
    """ "gồm 30 chỉ tiêu", "13 nhóm nhiệm vụ", "4 khâu đột phá", "12/12 chỉ tiêu"."""
    after = fold(text[end:]).lstrip()
    after = re.sub(r"^/\s*\d+\s*", "", after)
    return any(after.startswith(part) and _word_ends(after, len(part)) for part in _PARTS)


def _meeting_counts(text: str, start: int, end: int) -> bool:
    """ "78 đại biểu", "100% đại biểu tán thành", "398/398 đại biểu", "45 phiếu"."""
    after = fold(text[end:]).lstrip()
    after = re.sub(r"^(?:/\s*\d+|%)\s*", "", after)
    after = re.sub(r"^(?:tổng số\s+|số\s+)", "", after)
    return any(after.startswith(word) for word in _MEETING)


def _in_a_name(text: str, start: int, end: int) -> bool:
    """An age or size inside a name: "trẻ em dưới 5 tuổi", "trang trại trên 1 ha"."""
    unit = parse_unit(_next_words(text[end:], 1)) or parse_unit(_next_words(text[end:], 2))
    if unit is None or unit.code not in _QUALIFIER_UNITS:
        return False
    before = fold(text[:start]).rstrip()
    words = before.split()
    if words and words[-1] in (fold(c) for c in _COMPARATORS):
        words = words[:-1]
    head = " ".join(words[-3:])
    return any(head.endswith(noun) or f"{noun} " in f"{head} " for noun in _PEOPLE)


def _headline_phrase(text: str, start: int, end: int) -> bool:
    """ "tăng trưởng 2 con số" (double digits), "1 vạn dân" (the base of a density)."""
    after = text[end:]
    if re.match(r"\s*con số\b", after, re.IGNORECASE):
        return True
    return text[start:end] in ("1", "1.000", "10.000", "100.000") and bool(
        re.match(r"\s*(?:vạn|nghìn|ngàn)?\s*dân\b", after, re.IGNORECASE)
    )


def _list_number(text: str, start: int, end: int) -> bool:
    """ "(1) Tốc độ …", "1. Tốc độ …", "2) Thu ngân sách …" at the start of an item."""
    before, after = text[:start], text[end:]
    if re.search(r"\(\s*$", before) and re.match(r"\s*\)", after):
        return True
    at_start = not before.strip() or before.rstrip().endswith((":", ";", "."))
    return at_start and bool(re.match(r"[.)]\s+\S", after))


RULES: dict[str, Callable[[str, int, int], bool]] = {
    "document_number": _document_number,
    "date_time": _date_or_time,
    "ordinal": _ordinal_or_title,
    "year": _a_year,
    "duration": _duration,
    "slogan": _slogan,
    "list_number": _list_number,
    "document_parts": _document_parts,
    "meeting": _meeting_counts,
    "qualifier": _in_a_name,
    "phrase": _headline_phrase,
}


def noise_rule(text: str, start: int, end: int) -> str | None:
    """The name of the rule that says text[start:end] is no target, or None."""
    return next((name for name, rule in RULES.items() if rule(text, start, end)), None)


_BOILERPLATE = re.compile(
    r"^\s*(?:"
    r"\(?ảnh\s*:.*|"  # photo caption
    r"(?:trang|tr\.)\s*\d+(?:\s*/\s*\d+)?|"  # page number
    r"-\s*\d+\s*-|\d+\s*/\s*\d+|\d+|"  # "- 2 -", "2/15", a bare page number
    r"\d{1,2}/\d{1,2}/\d{4}(?:[\s,|-]+\d{1,2}[:h]\d{2}.*)?|"  # dateline "09/12/2025 14:35"
    r"(?:thứ\s+\w+|chủ nhật)\s*,\s*\d{1,2}/\d{1,2}/\d{4}.*|"  # "Thứ Năm, 15/10/2020, 16:21"
    r"(?:chia sẻ|bình luận|in bài|lưu bài|theo dõi|xem thêm|tin liên quan|từ khóa"
    r"|ngày đăng|cập nhật|đăng lúc|nguồn)\b.*"
    r")\s*$",
    re.IGNORECASE,
)


def is_boilerplate(line: str) -> bool:
    """A line of a web page or a printed page that holds no target.

    >>> is_boilerplate("09/12/2025 14:35"), is_boilerplate("Trang 2"), is_boilerplate("(Ảnh: K.Đ.)")
    (True, True, True)
    >>> is_boilerplate("Tỷ lệ hộ nghèo dưới 1%")
    False
    """
    return bool(_BOILERPLATE.match(line))


def _word_ends(text: str, index: int) -> bool:
    return index >= len(text) or not text[index].isalnum()


def _next_words(text: str, count: int) -> str:
    return " ".join(re.findall(r"[^\s,;:().]+", text)[:count])
