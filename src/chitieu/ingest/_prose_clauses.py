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
    "tăng trưởng",
    "thu nhập",
    "giải ngân",
    "doanh thu",
    "sản lượng",
    "dân số",
    "xuất khẩu",
    "chi ngân sách",
    "kết nạp",
    "huy động",
    "ngân sách",
    "thu hút",
    "đóng góp",
)
_QUALIFIERS = ("gấp", "tăng", "giảm", "cao hơn", "thấp hơn", "bằng", "so với", "tương đương")
_TARGET_CUES = (
    "phấn đấu", "mục tiêu", "chỉ tiêu", "kế hoạch", "đến năm", "giai đoạn", "đạt", "bảo đảm",
    "đảm bảo", "duy trì", "tối thiểu", "ít nhất", "không dưới", "không quá", "dự kiến",
    "kịch bản", "hướng tới", "hướng đến", "điều chỉnh",
)  # fmt: skip
_RESULT_CUES = (
    "ước đạt", "ước tăng", "ước giảm", "ước thực hiện", "ước tính", "đã đạt",
    "thực hiện được", "hiện có", "đến nay", "vượt kế hoạch", "vượt chỉ tiêu", "năm qua",
    "nhiệm kỳ qua", "giai đoạn vừa qua", "đạt được", "đạt kết quả", "đạt nhiều kết quả",
    "kết quả tích cực", "ghi nhận", "dự đại hội", "tham dự", "thay mặt cho",
    "được lập trên cơ sở", "được thành lập",
)  # fmt: skip
_RESULT_SHAPES = re.compile(
    r"(?:bằng|vượt)\s+\d+(?:[.,]\d+)?\s*%\s*(?:so với\s+)?(?:kế hoạch|chỉ tiêu|dự toán|cùng kỳ)"
    r"|hoàn thành\s+\d+\s*/\s*\d+"
    r"|(?<!\w)ước\s+(?:khoảng\s+|đạt\s+|trên\s+|gần\s+|hơn\s+)?\d"  # "… ước 79,41 triệu đồng"
)
# "HĐND tỉnh … khóa VIII, nhiệm kỳ 2021 - 2026": the council's years, not the sentence's
_COUNCIL_TERM = re.compile(r"(?:khóa|khoá)\s+\w+\s*,?\s*nhiệm kỳ\s*\d{4}\s*[-–]\s*\d{4}")
# Cues that plainly set a target, even after a sentence of results.
_STRONG_CUES = (
    "phấn đấu", "mục tiêu", "kế hoạch năm", "đến năm", "đặt ra", "tới năm",
    "chỉ tiêu chủ yếu", "chỉ tiêu cụ thể",
)  # fmt: skip


# "so với ước thực hiện năm 2025" names the base of a target, not a result.
def _words_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the phrases as whole words of folded text ("nhà nước đạt" is not "ước đạt")."""
    alternatives = "|".join(re.escape(fold(p)) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


_RESULT_WORDS = _words_pattern(_RESULT_CUES)
_STRONG_WORDS = _words_pattern(_STRONG_CUES)
_TARGET_WORDS = _words_pattern(_TARGET_CUES)
_BASE = re.compile(r"so với (?:ước )?(?:thực hiện|ước thực hiện|kết quả|cùng kỳ)?[^,;.]{0,30}")
_YEARS = re.compile(r"(?<!\d)(19[4-9]\d|20\d\d)(?!\d)")
_LIST_LEAD = re.compile(r"(?:sau|như sau|cụ thể|gồm|chủ yếu|chính|các chỉ tiêu)\s*:\s*$")


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
    folded = fold(_BASE.sub(" ", sentence.lower()))
    if _RESULT_WORDS.search(folded):
        return False
    return bool(_TARGET_WORDS.search(folded))


def reports_result(sentence: str, *, base_year: int | None) -> bool:
    """A result, not a target: a result word ("ước đạt", "đến nay"), or only years up to
    the plan's base year ("Năm 2025, GRDP tăng 8,2%" in a plan for 2026-2030).

    >>> reports_result("Năm 2025, GRDP ước tăng 8,2%", base_year=None)
    True
    >>> reports_result("Giai đoạn 2021-2025 tăng trưởng bình quân 6,7%", base_year=2025)
    True
    >>> reports_result("Tổng vốn đầu tư tăng 12% so với ước thực hiện năm 2025", base_year=2025)
    False
    """
    text = _BASE.sub(" ", sentence.lower())
    folded = fold(text)
    if _RESULT_WORDS.search(folded) or _RESULT_SHAPES.search(text):
        return True
    years = [int(y) for y in _YEARS.findall(_COUNCIL_TERM.sub(" ", text))]
    return base_year is not None and bool(years) and max(years) <= base_year


def sets_target(sentence: str, *, base_year: int | None) -> bool:
    """A plain target statement: "phấn đấu", "mục tiêu", "đến năm 2030", or a year after
    the plan's base year."""
    text = _BASE.sub(" ", sentence.lower())
    if _STRONG_WORDS.search(fold(text)):
        return True
    years = [int(y) for y in _YEARS.findall(text)]
    return base_year is not None and any(year > base_year for year in years)


def opens_list(text: str) -> bool:
    """A paragraph that ends by announcing the targets that follow ("… các chỉ tiêu sau:").

    >>> opens_list("Theo đó, năm 2026 tỉnh phấn đấu đạt các chỉ tiêu chủ yếu:")
    True
    """
    stripped = text.strip()
    if not stripped.endswith(":"):
        return False
    folded = fold(stripped)
    return bool(_LIST_LEAD.search(stripped.lower())) or any(
        fold(cue) in folded for cue in ("chỉ tiêu", "mục tiêu", "phấn đấu")
    )


def _opens_with_measure(text: str) -> bool:
    folded = fold(text)
    return any(folded.startswith(fold(noun)) for noun in _MEASURE_NOUNS)


def starts_with_measure(sentence: str) -> bool:
    """The sentence opens with what it measures ("Tỷ lệ …", "Cơ cấu kinh tế: …").

    >>> starts_with_measure("Cơ cấu kinh tế: khu vực I 33%"), starts_with_measure("Kim Sơn rộng 6.000 km2")
    (True, False)
    """
    _, rest = strip_fillers(sentence)
    folded = fold(re.sub(r"^\W+", "", rest))
    return any(folded.startswith(fold(noun)) for noun in _MEASURE_NOUNS)


def has_period_or_yearly(text: str) -> bool:
    """The text names a year or "năm", so it sets the period of what follows."""
    return bool(re.search(r"\d{4}|năm", text, re.IGNORECASE))


def subject_of_heading(head: str) -> str:
    """The subject of a "…:" heading, without its colon and period words."""
    return strip_period(head.strip().rstrip(":").strip())


def split_sentences(text: str) -> list[str]:
    """Sentences: a ".", "!" or "?" and spaces, then a capital or a sign (not "2,5. 3" nor
    "tr. đồng"). Capitals with tone marks ("Đ", "Ấ") count: they sit inside the range of
    lower-case letters with tone marks, which a character class would get wrong.

    >>> split_sentences("Thu ngân sách 650 tỷ đồng. Đến năm 2030 có 186 doanh nghiệp.")
    ['Thu ngân sách 650 tỷ đồng.', 'Đến năm 2030 có 186 doanh nghiệp.']
    """
    pieces, start = [], 0
    for match in _SENTENCE_BREAK.finditer(text):
        following = text[match.end()]
        if following.isupper() or not following.isalnum():
            pieces.append(text[start : match.start()])
            start = match.end()
    pieces.append(text[start:])
    return pieces


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=\S)")


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


def conversions_removed(clause: str) -> str:
    """The clause without a reporter's conversion "(khoảng 166 triệu đồng theo tỷ giá …)"."""
    return _CONVERSION.sub(" ", clause)


_CONVERSION = re.compile(r"\([^()]*tỷ giá[^()]*\)", re.IGNORECASE)


def brackets(clause: str) -> Iterator[tuple[str, int]]:
    """Parenthesised parts that hold a target (not "(GRDP)", nor a reporter's conversion
    "(khoảng 166 triệu đồng theo tỷ giá hiện tại)")."""
    for match in re.finditer(r"\(([^()]*)\)", clause):
        if find_quantities(match.group(1)) and "tỷ giá" not in match.group(1).lower():
            yield match.group(1), match.start(1)


def has_own_subject(expression: str) -> bool:
    """The words before the first value start with a measure noun ("tốc độ …")."""
    spans = find_quantities(expression)
    before = fold(clean_subject(expression[: spans[0].start])) if spans else ""
    return any(before.startswith(fold(noun)) for noun in _MEASURE_NOUNS)


def target_colon(clause: str) -> int | None:
    """The last colon before the first quantity: subject before, expression after."""
    spans = find_quantities(clause)
    if not spans:
        return None
    colon = clause.rfind(":", 0, spans[0].start)
    return colon if colon >= 0 else None


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
        expression = text[span.start : span.end].strip()
        belongs = not subject or (bool(before.strip(" ,;")) and _is_qualifier(before))
        if parts and _REVISED.match(expression) and _FROM.match(parts[-1][1]):
            parts[-1] = (parts[-1][0], expression)  # "từ trên 12,5% lên trên 13%": the new value
        elif (
            parts
            and belongs
            and _another_target(parts[-1][1], expression, text[segment_start:segment_end])
        ):
            year = _YEAR_WORDS.search(text[segment_start:segment_end])
            subject = _YEAR_WORDS.sub("", parts[-1][0]).strip(" ,")
            parts.append((f"{subject} năm {year.group(1)}" if year else subject, expression))
        elif parts and belongs:
            prev_subject, prev_expression = parts[-1]
            parts[-1] = (
                prev_subject,
                prev_expression + text[segment_start:segment_end].rstrip(" ,.;"),
            )
        else:
            parts.append((subject, text[span.start : span.end].strip()))
        segment_start = segment_end
    return parts


def _another_target(previous: str, expression: str, segment: str) -> bool:
    """A value after the first one that is a target of its own for the same subject: in
    another dimension ("đạt 270 tỷ đồng, tăng bình quân 20%/năm") or for its own year
    ("năm 2026 đạt 133,5 triệu đồng, năm 2027 đạt 150,6 triệu đồng")."""
    year = _YEAR_WORDS.search(segment)
    if year is not None and year.group(1) not in previous:
        return True
    if _STRETCH.search(segment):
        return True  # "khoảng 6,5-7%, phấn đấu 7-7,5%": the stretch target beside the target
    first, second = _dimension(previous), _dimension(expression)
    return first is not None and second is not None and first != second


def _dimension(expression: str) -> str | None:
    from chitieu.ingest._prose_quantity import parse_text
    from chitieu.quantity import NotATargetError, get_unit, parse_target

    try:
        unit = parse_target(parse_text(expression)).unit
    except NotATargetError:
        return None
    return get_unit(unit).dimension if unit else None


_YEAR_WORDS = re.compile(r"năm\s+(\d{4})")
_STRETCH = re.compile(r"\bphấn đấu\b", re.IGNORECASE)
_FROM = re.compile(r"\s*từ\b", re.IGNORECASE)
_REVISED = re.compile(r"\s*(?:lên|xuống)\b", re.IGNORECASE)


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
    """ "…, tăng 12% so với …", "gấp 2 lần": words that qualify the value before; not
    "tăng tỷ trọng công nghiệp lên 26%", which names a measure of its own."""
    words = fold(before.strip(" ,;"))
    if not words:
        return True
    qualifier = next(
        (fold(q) for q in _QUALIFIERS if re.match(rf"{re.escape(fold(q))}(?!\w)", words)), None
    )
    if qualifier is None:
        return False
    rest = words[len(qualifier) :].strip()
    if qualifier == fold("bằng") and rest:
        return False  # "bằng 100% kế hoạch" qualifies; "có bằng cấp 29%" names a measure
    return not any(rest.startswith(fold(noun)) for noun in _MEASURE_NOUNS)


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
    """The subject without edge punctuation, leading filler words and the lead-in that
    announces it ("Kim Sơn đặt mục tiêu tốc độ tăng trưởng" -> "tốc độ tăng trưởng").

    >>> clean_subject("Theo nghị quyết, trong nhiệm kỳ 2025-2030, tỉnh phấn đấu tốc độ tăng trưởng GRDP")
    'tốc độ tăng trưởng GRDP'
    """
    text = text.strip(" ,;:.")
    pieces = _LEAD_IN.split(text)
    if len(pieces) > 1:
        # "tỉnh phấn đấu tỷ lệ …": the actor before the lead-in is no subject; but
        # "GRDP phấn đấu tăng …" names its measure first
        after, before = pieces[-1].strip(" ,;:."), pieces[0].strip(" ,;:.")
        text = after or (before if _opens_with_measure(before) else "")
    return strip_fillers(text.strip(" ,;:."))[1].strip(" ,;:.")


_LEAD_IN = re.compile(
    r"\b(?:phấn đấu|đặt mục tiêu|đặt ra mục tiêu|mục tiêu là|đề ra|xác định|hướng tới"
    r"|điều chỉnh mục tiêu|nâng mục tiêu|điều chỉnh|giao|(?:hàng đầu|là) mục tiêu)\b\s*:?",
    re.IGNORECASE,
)


# "(1) …", "1. …" (an upper-case word after it), "a) …" inside one paragraph.
_ITEM_MARKERS = (
    re.compile(r"(?:^|(?<=[\s:;.,]))\((\d{1,2})\)\s*"),
    re.compile(r"(?:^|(?<=[:;.]\s)|(?<=[:;.]))\s*(\d{1,2})[.)]\s+(?=[A-ZĐÀ-Ỹ])"),
    re.compile(r"(?:^|(?<=[:;.]\s))([a-zđ])\)\s+"),
)


def split_items(text: str) -> tuple[str, list[tuple[str, int, str]]]:
    """(lead, [(item, start, number)]) for a paragraph that runs numbered items
    "(1) … (2) …" or "1. … 2. …"; (text, []) when it has fewer than two in sequence.

    >>> lead, items = split_items("Năm 2026 phấn đấu: (1) GRDP tăng 10%; (2) thu ngân sách 15.903 tỷ đồng.")
    >>> lead, [(t, n) for t, _, n in items]
    ('Năm 2026 phấn đấu: ', [('GRDP tăng 10%; ', '1'), ('thu ngân sách 15.903 tỷ đồng.', '2')])
    """
    for marker in _ITEM_MARKERS:
        matches = _in_sequence(list(marker.finditer(text)))
        if len(matches) >= 2:
            items = []
            for index, match in enumerate(matches):
                end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
                items.append((text[match.end() : end], match.end(), match.group(1)))
            return text[: matches[0].start()], items
    return text, []


def _in_sequence(matches: list[re.Match[str]]) -> list[re.Match[str]]:
    """The longest run of markers numbered 1, 2, 3 … (or a, b, c …) from the first."""
    run: list[re.Match[str]] = []
    for match in matches:
        expected = _next_label(run[-1].group(1)) if run else None
        label = match.group(1)
        if expected is None and label in ("1", "a"):
            run = [match]
        elif label == expected:
            run.append(match)
    return run


def _next_label(label: str) -> str:
    return str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)
