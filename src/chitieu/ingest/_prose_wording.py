"""What the wording around a prose target says: period, aggregation, direction.

Rules (documented in prose_targets; all matched on folded text):

- period: "giai đoạn 2026-2030" gives (2026, 2030); "đến năm 2030" gives
  (term start, 2030); "năm 2026" alone gives (2026, 2026); nothing, or
  "hằng năm", gives the document's term when known.
- aggregation, first rule that applies:
  1. "giảm" + "bình quân" (not "giảm còn"/"xuống"): CHANGE, a yearly reduction;
  2. a growth rate ("tốc độ tăng", "tăng trưởng", "tăng bình quân", not the
     "đóng góp … vào tăng trưởng" of TFP): AVG_GROWTH;
  3. "bình quân" (not "bình quân đầu người") with a period ("giai đoạn") or a
     yearly word: AVG_LEVEL;
  4. "tổng"/"lũy kế" with "giai đoạn", or a sum of money over a "giai đoạn": CUMULATIVE;
  5. "hằng năm", "hàng năm", "mỗi năm": EVERY_YEAR;
  6. otherwise LEVEL.
- direction: "giảm" or an upper bound ("dưới", "không quá") says LOWER; a lower
  bound ("trên", "ít nhất") says HIGHER; otherwise None (the lexicon decides).
"""

from __future__ import annotations

import re
from collections import Counter

from chitieu.catalog.model import Aggregation, Direction
from chitieu.catalog.text import fold, nfc
from chitieu.ingest.plan_meta import congress_term
from chitieu.quantity import Target, TargetKind, get_unit

_PERIOD = re.compile(r"giai đoạn\s*(\d{4})\s*[-–—]\s*(\d{4})")
_BASE_YEAR = re.compile(r"so với\s+(?:ước\s+|thực hiện\s+|kết quả\s+)*(?:năm|cùng kỳ năm)\s+\d{4}")
_TERM_SPAN = re.compile(r"nhiệm kỳ\s*(\d{4})\s*[-–—]\s*(\d{4})")
_BY_YEAR = re.compile(r"(?:đến|tới|vào)\s+năm\s+(\d{4})")
_YEAR = re.compile(r"(?:^|[^\w])năm\s+(\d{4})")
_YEARLY = ("hằng năm", "hàng năm", "mỗi năm")
_CHANGE_VERB = re.compile(
    r"(?<!\w)(?:tăng|giảm)\s+(?:thêm\s+)?(?:khoảng\s+|trên\s+|dưới\s+|từ\s+|ít nhất\s+|tối thiểu\s+)?\d"
)
_BASE = re.compile(r"so với\s+(?:ước|năm|cùng kỳ|kết quả|thực hiện|kế hoạch)")
_PER_CAPITA = "bình quân đầu người"
_CUMULATIVE_WORDS = ("tổng", "lũy kế", "luỹ kế", "cộng dồn")
_PERIOD_PHRASES = re.compile(
    r"\s*,?\s*(?:(?:bình quân\s+)?(?:trong\s+|cả\s+)?giai đoạn\s*\d{4}\s*[-–—]\s*\d{4}"
    r"|(?:đến|tới|vào|trong)?\s*năm\s+\d{4}|(?:trong\s+)?nhiệm kỳ(?:\s*\d{4}\s*[-–—]\s*\d{4})?)",
    re.IGNORECASE,
)

Term = tuple[int, int]


def _has(folded: str, *phrases: str) -> bool:
    return any(fold(phrase) in folded for phrase in phrases)


def period_of(texts: tuple[str, ...], term: Term | None) -> tuple[int | None, int | None]:
    """The period the first text that names one says, else the document's term.

    >>> period_of(("Tỷ lệ đô thị hoá đến năm 2030",), (2026, 2030))
    (2026, 2030)
    >>> period_of(("Phấn đấu năm 2026 tổng thu ngân sách đạt 70.000 tỷ đồng",), None)
    (2026, 2026)
    """
    for text in texts:
        low = _BASE_YEAR.sub(" ", text.lower())  # "tăng 12% so với năm 2025" is for the plan
        if match := _PERIOD.search(low):
            return int(match.group(1)), int(match.group(2))
        if match := _TERM_SPAN.search(low):  # "trong nhiệm kỳ 2025-2030": the years after it
            return int(match.group(1)) + 1, int(match.group(2))
        if match := _BY_YEAR.search(low):
            end = int(match.group(1))
            start = term[0] if term and term[0] <= end else end
            return start, end
        if match := _YEAR.search(low):
            year = int(match.group(1))
            return year, year
    return term if term else (None, None)


def aggregation_of(texts: tuple[str, ...], target: Target) -> Aggregation:
    """The aggregation the wording implies (see the module rules).

    >>> from chitieu.quantity import parse_target
    >>> aggregation_of(("GRDP bình quân đầu người đến năm 2030",), parse_target("180 triệu đồng")).value
    'level'
    >>> aggregation_of(("tỷ lệ hộ nghèo giảm bình quân 1-1,5%/năm",), parse_target("1-1,5%/năm")).value
    'change'
    """
    folded = fold(" ".join(texts)).replace(fold(_PER_CAPITA), " ")
    periodic = _has(folded, "giai đoạn", *_YEARLY) or _per_year(target)
    if (
        _reduces(" ".join(texts))
        and _has(folded, "bình quân")
        and not _has(folded, "giảm còn", "xuống")
    ):
        return Aggregation.CHANGE
    growth = _has(folded, "tốc độ tăng", "tăng trưởng", "tăng bình quân") and not _has(
        folded, "vào tăng trưởng"
    )
    if growth:
        return Aggregation.AVG_GROWTH
    if (change := _change_of(texts[0])) is not None and target.unit in ("pct", "pct_per_year"):
        return change
    if _has(folded, "bình quân") and periodic:
        return Aggregation.AVG_LEVEL
    if _has(folded, "giai đoạn") and (_has(folded, *_CUMULATIVE_WORDS) or _is_money(target)):
        return Aggregation.CUMULATIVE
    if _has(folded, *_YEARLY):
        return Aggregation.EVERY_YEAR
    return Aggregation.LEVEL


def _change_of(own: str) -> Aggregation | None:
    """ "tăng 12% so với ước thực hiện năm 2025" or a rate that "giảm 0,5%" is a change
    against a base (CHANGE); an amount that "tăng 12%" grows by that much (AVG_GROWTH)."""
    low = nfc(own).lower()
    if not _CHANGE_VERB.search(low):
        return None
    if _BASE.search(low) or _has(fold(low), "tỷ lệ", "tỷ trọng"):
        return Aggregation.CHANGE
    return Aggregation.AVG_GROWTH


def direction_of(text: str, target: Target) -> Direction | None:
    """LOWER for "giảm" or an upper bound, HIGHER for a lower bound, else None.

    >>> from chitieu.quantity import parse_target
    >>> direction_of("Tỷ lệ thất nghiệp chung: Dưới 1,5%", parse_target("Dưới 1,5%")).value
    'lower'
    """
    if _reduces(text) or target.kind is TargetKind.MAX:
        return Direction.LOWER
    if target.kind is TargetKind.MIN:
        return Direction.HIGHER
    return None


def document_term(texts: list[str]) -> Term | None:
    """The plan's years: the commonest "giai đoạn A-B" of the target section,
    else "nhiệm kỳ A-B" (the years after the congress: A+1..B), else None."""
    periods = Counter(
        (int(m.group(1)), int(m.group(2))) for text in texts for m in _PERIOD.finditer(text.lower())
    )
    if periods:
        return periods.most_common(1)[0][0]
    return None


def term_from_title(texts: list[str]) -> Term | None:
    """The term a document's opening lines name: "nhiệm kỳ 2025 - 2030" gives
    (2026, 2030); "giai đoạn 2026 - 2030" gives it; a plan "năm 2026" gives (2026, 2026)."""
    for text in texts:
        low = text.lower()
        if term := congress_term(fold(text)):  # not a People's Council's own term
            return term[0] + 1, term[1]
        if match := _PERIOD.search(low):
            return int(match.group(1)), int(match.group(2))
    for text in texts:
        if _has(fold(text), "kế hoạch") and (match := _YEAR.search(text.lower())):
            year = int(match.group(1))
            return year, year
    return None


def strip_period(name: str) -> str:
    """The name without its period phrases.

    >>> strip_period("Tỷ lệ đô thị hoá đến năm 2030")
    'Tỷ lệ đô thị hoá'
    >>> strip_period("Tổng vốn đầu tư toàn xã hội đạt trong giai đoạn 2026-2030")
    'Tổng vốn đầu tư toàn xã hội đạt'
    """
    stripped = _PERIOD_PHRASES.sub("", name).strip(" ,:;.")
    return re.sub(r"\s{2,}", " ", stripped) or name


def _reduces(text: str) -> bool:
    """The word "giảm" (tone-sensitive: "giám sát" is not a reduction)."""
    return re.search(r"(?<!\w)giảm(?!\w)", nfc(text).lower()) is not None


def _per_year(target: Target) -> bool:
    return bool(target.unit and target.unit.endswith("_per_year"))


def _is_money(target: Target) -> bool:
    if not target.unit or _per_year(target):
        return False
    return get_unit(target.unit).dimension.startswith("money")
